import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { defineOperation, toItems } from '../../../shared/actions/actionNode';
import { additionalFieldsProperty, requiredText } from '../../../shared/actions/parameters';
import { callApi } from '../../../shared/transport/api';
import { junction } from '../../provider';
import { createOptionsProperty, createWithKey, idempotencyKeyFor } from '../idempotency';
import { orderId } from '../orderId';
import {
	appointmentNotesOption,
	appointmentPath,
	appointmentTypeOf,
	appointmentTypeProperty,
	bookingKeyProperty,
} from './appointmentType';

/** Appointment statuses after which the order may be booked again. */
const OVER = ['cancelled', 'completed'];

/**
 * Phlebotomy booking takes no idempotency key, but Junction allows one active appointment per provider
 * and patient: an order whose appointment is still active is not booked again, its appointment is
 * returned instead. Any answer but a found appointment (404 when there is none) means: book.
 */
async function activeAppointment(
	context: IExecuteFunctions,
	order: string,
	itemIndex: number,
): Promise<IDataObject | undefined> {
	const { statusCode, body } = await callApi<IDataObject>(
		context,
		junction,
		{ method: 'GET', path: appointmentPath(order, 'phlebotomy'), returnStatuses: [400, 404] },
		itemIndex,
	);
	if (statusCode !== 200 || !body) return undefined;
	const status = String(body.status ?? body.event_status ?? '');
	return OVER.includes(status) ? undefined : body;
}

export default defineOperation({
	name: 'Book',
	value: 'book',
	action: 'Book an appointment',
	description:
		"Book a time slot from Get Availability for an order's draw. Never books twice: a walk-in booking is sent with an idempotency key; an order whose at-home appointment is still active is returned as it is (alreadyBooked).",
	properties: [
		appointmentTypeProperty,
		orderId.property,
		bookingKeyProperty,
		additionalFieldsProperty([
			appointmentNotesOption,
			{
				displayName: 'Confirm Asynchronously',
				name: 'async_confirmation',
				type: 'boolean',
				default: false,
				description:
					'Whether to return a pending appointment when the provider is slow, and let Junction keep trying (closed beta); otherwise Junction waits, and answers an error if the provider fails',
			},
			{
				displayName: 'Wait for Confirmation (Ms)',
				name: 'sync_confirmation_timeout_millisecond',
				type: 'number',
				typeOptions: { minValue: 1000, maxValue: 10000 },
				default: 2500,
				description:
					'With asynchronous confirmation: how long Junction waits before answering pending',
			},
		]),
		{ ...createOptionsProperty(), displayOptions: { show: { appointmentType: ['psc'] } } },
	],
	async execute(itemIndex) {
		const type = appointmentTypeOf(this, itemIndex);
		const order = orderId.at(this, itemIndex);
		const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
		const body: IDataObject = {
			booking_key: requiredText(this, 'bookingKey', 'Booking Key', itemIndex),
		};
		if (String(fields.appointment_notes ?? '').trim())
			body.appointment_notes = fields.appointment_notes;
		if (fields.async_confirmation === true) {
			body.async_confirmation = true;
			if (typeof fields.sync_confirmation_timeout_millisecond === 'number')
				body.sync_confirmation_timeout_millisecond = fields.sync_confirmation_timeout_millisecond;
		}
		const path = appointmentPath(order, type, 'book');
		if (type === 'psc') {
			const key = idempotencyKeyFor(this, itemIndex, 'appointment.book.psc', { order, ...body });
			return toItems(await createWithKey(this, path, body, key, itemIndex));
		}
		const existing = await activeAppointment(this, order, itemIndex);
		if (existing) return toItems({ ...existing, alreadyBooked: true });
		const { body: appointment } = await callApi<IDataObject>(
			this,
			junction,
			{ method: 'POST', path, body },
			itemIndex,
		);
		return toItems({ ...appointment, alreadyBooked: false });
	},
});
