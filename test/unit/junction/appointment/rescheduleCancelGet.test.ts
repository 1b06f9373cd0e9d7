import type { IDataObject } from 'n8n-workflow';

import { CANCELLATION_REASONS } from '../../../../dev/fakes/junction/api/appointments';
import {
	availabilityParameters,
	bodyOf,
	failureOf,
	fromList,
	orderToBook,
	requestsTo,
	runJunction,
	useJunctionFake,
} from '../writeSupport';

const holder = useJunctionFake();

async function booked(type: 'phlebotomy' | 'psc'): Promise<{ orderId: string; slots: string[] }> {
	const orderId = await orderToBook(holder.fake, type);
	const slots = (await runJunction(holder.fake, availabilityParameters(type))).map((slot) =>
		String(slot.json.booking_key),
	);
	await runJunction(holder.fake, {
		resource: 'appointment',
		operation: 'book',
		appointmentType: type,
		orderId,
		bookingKey: slots[0],
		additionalFields: {},
		options: {},
	});
	return { orderId, slots };
}

const run = (operation: string, type: string, orderId: string, more: IDataObject = {}) =>
	runJunction(holder.fake, {
		resource: 'appointment',
		operation,
		appointmentType: type,
		orderId,
		...more,
	});

describe.each(['phlebotomy', 'psc'] as const)('Appointment (%s)', (type) => {
	it('reschedules to another slot', async () => {
		const { orderId, slots } = await booked(type);
		const [item] = await run('reschedule', type, orderId, {
			bookingKey: slots[2],
			additionalFields: {},
		});
		const path = `/v3/order/${orderId}/${type}/appointment/reschedule`;
		expect(bodyOf(requestsTo(holder.fake, 'PATCH', path)[0])).toEqual({ booking_key: slots[2] });
		expect(item.json.start_at).toContain('T18:00:00');
	});

	it('cancels with a reason, in the body keys of its type', async () => {
		const { orderId } = await booked(type);
		const reason = String(CANCELLATION_REASONS[type][0].id);
		const [item] = await run('cancel', type, orderId, {
			cancellationReason: fromList(reason),
			note: 'Moved away',
		});
		const body = bodyOf(
			requestsTo(holder.fake, 'PATCH', `/v3/order/${orderId}/${type}/appointment/cancel`)[0],
		);
		expect(body).toEqual(
			type === 'psc'
				? { cancellationReasonId: reason, note: 'Moved away' }
				: { cancellation_reason_id: reason, notes: 'Moved away' },
		);
		expect(item.json).toMatchObject({ status: 'cancelled', can_reschedule: false });
	});

	it("gets the order's appointment, and says when it has none", async () => {
		const { orderId } = await booked(type);
		const [item] = await run('get', type, orderId);
		expect(item.json).toMatchObject({ order_id: orderId, status: 'confirmed' });
		const other = await orderToBook(holder.fake, type);
		const error = await failureOf(holder.fake, {
			resource: 'appointment',
			operation: 'get',
			appointmentType: type,
			orderId: other,
		});
		expect(error.message).toBe('Junction has no such resource');
	});
});
