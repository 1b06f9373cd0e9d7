import { defineResource } from '../../../shared/actions/actionNode';
import cancel from './cancel.operation';
import create from './create.operation';
import createTestKit from './createTestKit.operation';
import get from './get.operation';
import getMany from './getMany.operation';
import getRequisitionPdf from './getRequisitionPdf.operation';
import registerTestKit from './registerTestKit.operation';
import resendEvents from './resendEvents.operation';
import simulate from './simulate.operation';
import updateSchedule from './updateSchedule.operation';

export const order = defineResource({ name: 'Order', value: 'order' }, [
	get,
	cancel,
	create,
	createTestKit,
	getMany,
	getRequisitionPdf,
	registerTestKit,
	resendEvents,
	simulate,
	updateSchedule,
]);
