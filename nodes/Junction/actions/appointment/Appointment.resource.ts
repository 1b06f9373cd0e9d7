import { defineResource } from '../../../shared/actions/actionNode';
import book from './book.operation';
import cancel from './cancel.operation';
import get from './get.operation';
import getAvailability from './getAvailability.operation';
import reschedule from './reschedule.operation';

export const appointment = defineResource({ name: 'Appointment', value: 'appointment' }, [
	getAvailability,
	book,
	cancel,
	get,
	reschedule,
]);
