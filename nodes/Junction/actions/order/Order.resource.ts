import { defineResource } from '../../../shared/operations';
import * as cancel from './cancel.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as getRequisitionPdf from './getRequisitionPdf.operation';
import * as simulate from './simulate.operation';

export const order = defineResource({ name: 'Order', value: 'order' }, [
	get,
	cancel,
	getMany,
	getRequisitionPdf,
	simulate,
]);
