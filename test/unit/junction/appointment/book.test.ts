import type { IDataObject } from 'n8n-workflow';

import {
	bodyOf,
	firstSlot,
	orderToBook,
	requestsTo,
	runJunction,
	useJunctionFake,
} from '../writeSupport';

const holder = useJunctionFake();
const book = (
	type: 'phlebotomy' | 'psc',
	orderId: string,
	bookingKey: string,
	more: IDataObject = {},
) => ({
	resource: 'appointment',
	operation: 'book',
	appointmentType: type,
	orderId,
	bookingKey,
	additionalFields: { appointment_notes: 'Side door' },
	options: {},
	...more,
});
const appointmentsOf = (orderId: string) =>
	[...holder.fake.writes.appointments.entries()].filter(([key]) => key.endsWith(orderId));

describe('Appointment › Book', () => {
	it('at home: books the slot, and a repeat returns the active appointment instead of booking again', async () => {
		const orderId = await orderToBook(holder.fake, 'phlebotomy');
		const bookingKey = await firstSlot(holder.fake, 'phlebotomy');
		const [first] = await runJunction(holder.fake, book('phlebotomy', orderId, bookingKey));
		const path = `/v3/order/${orderId}/phlebotomy/appointment/book`;
		expect(bodyOf(requestsTo(holder.fake, 'POST', path)[0])).toEqual({
			booking_key: bookingKey,
			appointment_notes: 'Side door',
		});
		expect(first.json).toMatchObject({
			order_id: orderId,
			status: 'confirmed',
			alreadyBooked: false,
		});
		const [again] = await runJunction(holder.fake, book('phlebotomy', orderId, bookingKey));
		expect(again.json).toMatchObject({ id: first.json.id, alreadyBooked: true });
		expect(requestsTo(holder.fake, 'POST', path)).toHaveLength(1);
		expect(appointmentsOf(orderId)).toHaveLength(1);
	});

	it('walk-in: books with an idempotency key, repeated after a lost answer, one appointment', async () => {
		const orderId = await orderToBook(holder.fake, 'psc');
		const bookingKey = await firstSlot(holder.fake, 'psc');
		holder.fake.writes.keys.failNext(1, 'drop');
		const [item] = await runJunction(holder.fake, book('psc', orderId, bookingKey));
		const posts = requestsTo(holder.fake, 'POST', `/v3/order/${orderId}/psc/appointment/book`);
		expect(posts).toHaveLength(2);
		expect(posts[0].headers['x-idempotency-key']).toMatch(/^n8n-[0-9a-f]{64}$/);
		expect(posts[1].headers['x-idempotency-key']).toBe(posts[0].headers['x-idempotency-key']);
		expect(item.json).toMatchObject({
			order_id: orderId,
			type: 'patient_service_center',
			idempotency: { key: posts[0].headers['x-idempotency-key'], replayed: false },
		});
		expect(appointmentsOf(orderId)).toHaveLength(1);
	});

	it('passes on what Junction says about a slot it no longer has', async () => {
		const orderId = await orderToBook(holder.fake, 'phlebotomy');
		await expect(
			runJunction(holder.fake, book('phlebotomy', orderId, 'gone')),
		).rejects.toMatchObject({
			description: expect.stringContaining('This appointment slot is no longer available'),
		});
	});
});
