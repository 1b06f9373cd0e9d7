import type { IDataObject } from 'n8n-workflow';

import { defineOperation, toItems } from '../../../shared/actions/actionNode';
import { additionalFieldsProperty, requiredText } from '../../../shared/actions/parameters';
import { callApi } from '../../../shared/transport/api';
import { junction } from '../../provider';
import { orderId } from '../orderId';
import {
	appointmentNotesOption,
	appointmentPath,
	appointmentTypeOf,
	appointmentTypeProperty,
	bookingKeyProperty,
} from './appointmentType';

export default defineOperation({
	name: 'Reschedule',
	value: 'reschedule',
	action: 'Reschedule an appointment',
	description:
		"Move an order's appointment to another time slot from Get Availability. Where Junction says it cannot be rescheduled (can_reschedule false), cancel and book again.",
	properties: [
		appointmentTypeProperty,
		orderId.property,
		bookingKeyProperty,
		additionalFieldsProperty([appointmentNotesOption]),
	],
	async execute(itemIndex) {
		const type = appointmentTypeOf(this, itemIndex);
		const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
		const body: IDataObject = {
			booking_key: requiredText(this, 'bookingKey', 'Booking Key', itemIndex),
		};
		if (String(fields.appointment_notes ?? '').trim())
			body.appointment_notes = fields.appointment_notes;
		const { body: appointment } = await callApi<IDataObject>(
			this,
			junction,
			{
				method: 'PATCH',
				path: appointmentPath(orderId.at(this, itemIndex), type, 'reschedule'),
				body,
			},
			itemIndex,
		);
		return toItems(appointment);
	},
});
