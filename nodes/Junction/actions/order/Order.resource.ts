import { defineResource } from '../../../shared/actions/actionNode';
import cancel from './cancel.operation';
import get from './get.operation';
import getMany from './getMany.operation';
import getRequisitionPdf from './getRequisitionPdf.operation';
import simulate from './simulate.operation';

export const order = defineResource({ name: 'Order', value: 'order' }, [
	get,
	cancel,
	getMany,
	getRequisitionPdf,
	simulate,
]);
