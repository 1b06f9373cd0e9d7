import { defineOperation, toItems } from '../../../shared/actions/actionNode';
import { getRecord } from '../../../shared/transport/api';
import { junction } from '../../provider';
import { orderId } from '../orderId';
import { appointmentPath, appointmentTypeOf, appointmentTypeProperty } from './appointmentType';

export default defineOperation({
	name: 'Get',
	value: 'get',
	action: 'Get the appointment of an order',
	description:
		"Get an order's appointment: its time, status, provider and whether it can be rescheduled",
	properties: [appointmentTypeProperty, orderId.property],
	async execute(itemIndex) {
		const type = appointmentTypeOf(this, itemIndex);
		const path = appointmentPath(orderId.at(this, itemIndex), type);
		return toItems(await getRecord(this, junction, path, itemIndex));
	},
});
