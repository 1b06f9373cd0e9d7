import { randomUUID } from 'node:crypto';

import type { FakeReply, FakeRequest } from '../../fakeServer';
import { lowLevelStatus } from './data';
import { advance } from './orderWrites';
import * as schemas from './schemas';
import { nowIso, refusal, today, type RouteContext } from './state';
import { checkBody, checkPathUuid, checkQuery, date } from './validate';

/**
 * Appointments, at home (phlebotomy) and at patient service centers (psc): availability, book (PSC
 * with idempotency keys), reschedule, cancel (each type its own body keys and reasons), get, and the
 * cancellation reasons. Booking keys encode the slot, so any key this fake handed out books. The ZIP
 * code 00000 has no PSC: 404, as the spec documents for "no slots found".
 */
type Type = 'phlebotomy' | 'psc';

export const NO_PSC_ZIP = '00000';
export const MAX_SITE_CODES = 3;

const reason = (id: string, name: string, refundable: boolean) => ({
	id,
	name,
	is_refundable: refundable,
});
export const CANCELLATION_REASONS: Record<Type, Array<Record<string, unknown>>> = {
	phlebotomy: [
		reason('6f1c2d3e-4b5a-4c6d-8e7f-000000000001', 'Scheduled time no longer works', true),
		reason('6f1c2d3e-4b5a-4c6d-8e7f-000000000002', 'Patient is unwell', true),
		reason('6f1c2d3e-4b5a-4c6d-8e7f-000000000003', 'Ordered by mistake', true),
		reason('6f1c2d3e-4b5a-4c6d-8e7f-000000000004', 'Phlebotomist did not arrive', false),
	],
	psc: [
		reason('7a2b3c4d-5e6f-4a7b-8c9d-000000000001', 'Patient cannot attend', true),
		reason('7a2b3c4d-5e6f-4a7b-8c9d-000000000002', 'Going to another center', true),
	],
};

const METHOD: Record<Type, string> = { phlebotomy: 'at_home_phlebotomy', psc: 'walk_in_test' };

interface Slot {
	type: Type;
	start: string;
	site?: string;
}

const bookingKey = (slot: Slot) => Buffer.from(JSON.stringify(slot)).toString('base64url');

function slotOf(key: string, type: Type): Slot | undefined {
	try {
		const slot = JSON.parse(Buffer.from(key, 'base64url').toString('utf8')) as Slot;
		return slot.type === type && !Number.isNaN(Date.parse(slot.start)) ? slot : undefined;
	} catch {
		return undefined;
	}
}

function daySlots(
	type: Type,
	firstDay: string,
	site?: Record<string, unknown>,
): Array<Record<string, unknown>> {
	return [0, 1].map((offset) => {
		const day = new Date(Date.parse(`${firstDay}T00:00:00Z`) + (offset + 1) * 86_400_000)
			.toISOString()
			.slice(0, 10);
		return {
			location: site ?? null,
			date: day,
			slots: ['14:00', '16:00', '18:00'].map((time) => {
				const start = `${day}T${time}:00+00:00`;
				return {
					booking_key: bookingKey({ type, start, site: site?.code as string | undefined }),
					start,
					end: new Date(Date.parse(start) + 3_600_000).toISOString().replace('Z', '+00:00'),
					expires_at: null,
					price: type === 'phlebotomy' ? 3500 : 0,
					is_priority: false,
					num_appointments_available: 1,
				};
			}),
		};
	});
}

function site(code: string, distance: number): Record<string, unknown> {
	return {
		location: { lng: -112.07, lat: 33.45 },
		distance,
		address: {
			first_line: `${distance} Center Street`,
			second_line: null,
			city: 'Phoenix',
			state: 'AZ',
			zip_code: '85004',
		},
		code,
		name: `Example Patient Service Center ${code}`,
		iana_timezone: 'America/Phoenix',
	};
}

export function registerAppointmentRoutes({ server, data, writes, guard }: RouteContext): void {
	const key = (type: Type, orderId: string) => `${type} ${orderId}`;
	const active = (appointment: Record<string, unknown> | undefined) =>
		appointment && !['cancelled', 'completed'].includes(String(appointment.status))
			? appointment
			: undefined;

	server.route(
		'POST',
		'/v3/order/phlebotomy/appointment/availability',
		guard((request) => {
			const query = checkQuery(request, { start_date: date() });
			if ('reply' in query) return query.reply;
			const body = checkBody(request, schemas.usAddress);
			if ('reply' in body) return body.reply;
			const start = (query.query.start_date as string | undefined) ?? today();
			if (start < today()) return refusal(400, 'start_date must be today or later');
			return {
				status: 200,
				json: { slots: daySlots('phlebotomy', start), timezone: 'America/Phoenix' },
			};
		}),
	);

	server.route(
		'POST',
		'/v3/order/psc/appointment/availability',
		guard((request) => {
			const checked = checkQuery(request, schemas.pscAvailabilityQuery, ['lab']);
			if ('reply' in checked) return checked.reply;
			const query = checked.query as {
				site_codes?: string[];
				zip_code?: string;
				start_date?: string;
			};
			if (!query.site_codes?.length && !query.zip_code)
				return refusal(400, 'site_codes or zip_code must be provided');
			if ((query.site_codes?.length ?? 0) > MAX_SITE_CODES)
				return refusal(400, `At most ${MAX_SITE_CODES} site_codes can be given`);
			const start = query.start_date ?? today();
			if (start < today()) return refusal(400, 'start_date must be today or later');
			if (query.zip_code === NO_PSC_ZIP)
				return refusal(404, 'No slots found. Not all PSCs support scheduling appointments');
			const codes = query.site_codes?.length
				? query.site_codes
				: [`Q${query.zip_code}A`, `Q${query.zip_code}B`];
			const slots = codes.flatMap((code, index) => daySlots('psc', start, site(code, index + 1)));
			return { status: 200, json: { slots, timezone: null } };
		}),
	);

	const withOrder =
		(
			handler: (
				request: FakeRequest,
				order: Record<string, unknown>,
			) => FakeReply | Promise<FakeReply>,
		) =>
		async (request: FakeRequest): Promise<FakeReply> => {
			const badId = checkPathUuid('order_id', request.params.id);
			if (badId) return badId;
			const order = data.orders.find((candidate) => candidate.id === request.params.id);
			return order ? await handler(request, order) : refusal(404, 'Order not found');
		};

	for (const type of ['phlebotomy', 'psc'] as const) {
		const base = `/v3/order/:id/${type}/appointment`;

		server.route(
			'GET',
			`/v3/order/${type}/appointment/cancellation-reasons`,
			guard(() => ({ status: 200, json: CANCELLATION_REASONS[type] })),
		);

		server.route(
			'GET',
			base,
			guard(
				withOrder((request) => {
					const appointment = writes.appointments.get(key(type, request.params.id));
					return appointment
						? { status: 200, json: appointment }
						: refusal(404, 'Appointment not found');
				}),
			),
		);

		server.route(
			'POST',
			`${base}/book`,
			guard(
				withOrder(async (request, order) => {
					const checked = checkBody(request, schemas.bookAppointment);
					if ('reply' in checked) return checked.reply;
					const book = () => {
						if ((order.details as { type: string }).type !== METHOD[type])
							return refusal(400, `The order's collection method is not ${METHOD[type]}`);
						if (!['ordered', 'requisition_created'].includes(lowLevelStatus(order)))
							return refusal(400, `Order in status ${lowLevelStatus(order)} cannot be booked`);
						if (active(writes.appointments.get(key(type, String(order.id)))))
							return refusal(
								400,
								'The patient already has an active appointment with this provider',
							);
						const slot = slotOf(String(checked.body.booking_key), type);
						if (!slot) return refusal(400, 'This appointment slot is no longer available');
						const appointment = newAppointment(type, order, slot, checked.body.appointment_notes);
						writes.appointments.set(key(type, String(order.id)), appointment);
						advance(order, 'appointment_scheduled');
						return { status: 200, json: appointment } as FakeReply;
					};
					return type === 'psc' ? await writes.keys.run('psc-book', request, book) : book();
				}),
			),
		);

		server.route(
			'PATCH',
			`${base}/reschedule`,
			guard(
				withOrder((request, order) => {
					const checked = checkBody(request, schemas.rescheduleAppointment);
					if ('reply' in checked) return checked.reply;
					const appointment = active(writes.appointments.get(key(type, String(order.id))));
					if (!appointment) return refusal(404, 'No active appointment for this order');
					const slot = slotOf(String(checked.body.booking_key), type);
					if (!slot) return refusal(400, 'This appointment slot is no longer available');
					Object.assign(appointment, times(slot));
					if (checked.body.appointment_notes !== undefined)
						appointment.appointment_notes = checked.body.appointment_notes;
					(appointment.events as unknown[]).push({
						created_at: nowIso(),
						status: 'rescheduled',
						data: null,
					});
					return { status: 200, json: appointment };
				}),
			),
		);

		server.route(
			'PATCH',
			`${base}/cancel`,
			guard(
				withOrder((request, order) => {
					const checked = checkBody(request, schemas.cancelAppointment[type]);
					if ('reply' in checked) return checked.reply;
					const appointment = active(writes.appointments.get(key(type, String(order.id))));
					if (!appointment) return refusal(404, 'No active appointment for this order');
					const reasonId =
						type === 'psc'
							? checked.body.cancellationReasonId
							: checked.body.cancellation_reason_id;
					if (!CANCELLATION_REASONS[type].some((entry) => entry.id === reasonId))
						return refusal(400, 'Unknown cancellation reason');
					Object.assign(appointment, {
						status: 'cancelled',
						event_status: 'cancelled',
						can_reschedule: false,
					});
					(appointment.events as unknown[]).push({
						created_at: nowIso(),
						status: 'cancelled',
						data: null,
					});
					return { status: 200, json: appointment };
				}),
			),
		);
	}
}

function times(slot: Slot): Record<string, unknown> {
	return {
		start_at: slot.start,
		end_at: new Date(Date.parse(slot.start) + 3_600_000).toISOString().replace('Z', '+00:00'),
	};
}

function newAppointment(
	type: Type,
	order: Record<string, unknown>,
	slot: Slot,
	notes: unknown,
): Record<string, unknown> {
	const home = (order.patient_address ?? {}) as Record<string, unknown>;
	const address =
		type === 'psc'
			? (site(slot.site ?? 'Q85004A', 1).address as Record<string, unknown>)
			: {
					first_line: home.first_line,
					second_line: home.second_line ?? null,
					city: home.city,
					state: home.state,
					zip_code: home.zip,
				};
	return {
		id: randomUUID(),
		user_id: order.user_id,
		order_id: order.id,
		order_transaction_id: (order.order_transaction as { id?: string } | null)?.id ?? null,
		address,
		location: { lng: -112.07, lat: 33.45 },
		...times(slot),
		iana_timezone: 'America/Phoenix',
		type: type === 'psc' ? 'patient_service_center' : 'phlebotomy',
		provider: type === 'psc' ? 'quest' : 'getlabs',
		status: 'confirmed',
		provider_id: randomUUID().slice(0, 8),
		external_id: type === 'psc' ? `QST-${randomUUID().slice(0, 6).toUpperCase()}` : null,
		can_reschedule: true,
		appointment_notes: notes ?? null,
		event_status: 'scheduled',
		event_data: null,
		events: [{ created_at: nowIso(), status: 'scheduled', data: null }],
	};
}
