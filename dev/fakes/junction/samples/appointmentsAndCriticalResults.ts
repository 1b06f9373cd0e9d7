/** Appointment events (`labtest.appointment.*`) and critical results (`labtest.result.critical`). */
import { idsOf, JUNCTION_SAMPLE_ADDRESS, text, timestamp, type Overrides } from './common';

/** A `ClientFacingAppointment`. */
export function junctionAppointment(
	overrides: Overrides = {},
	defaultStatus = 'scheduled',
): Record<string, unknown> {
	const ids = idsOf(overrides);
	const type = text(overrides, 'appointmentType', 'phlebotomy');
	const eventStatus = text(overrides, 'appointmentStatus', defaultStatus);
	const steps = eventStatus === 'pending' ? ['pending'] : ['pending', eventStatus];
	return {
		id: ids.appointmentId,
		user_id: ids.userId,
		order_id: ids.orderId,
		order_transaction_id:
			text(overrides, 'transaction', 'none') === 'withRedraw' ? ids.orderTransactionId : null,
		address: {
			first_line: JUNCTION_SAMPLE_ADDRESS.first_line,
			second_line: JUNCTION_SAMPLE_ADDRESS.second_line,
			city: 'Phoenix',
			state: 'AZ',
			zip_code: '85004',
			access_notes: 'Ring the bell twice',
		},
		location: { lng: -112.0776, lat: 33.4561 },
		start_at: '2026-08-05T15:00:00+00:00',
		end_at: '2026-08-05T16:00:00+00:00',
		iana_timezone: 'America/Phoenix',
		type,
		provider: type === 'phlebotomy' ? 'getlabs' : 'quest',
		status: eventStatus === 'scheduled' ? 'confirmed' : eventStatus,
		provider_id: 'GL-889120',
		external_id: null,
		can_reschedule: true,
		appointment_notes: null,
		event_status: eventStatus,
		event_data: {},
		events: steps.map((status, index) => ({ created_at: timestamp(index), status, data: null })),
	};
}

/** A `ClientFacingCriticalResult`. */
export function junctionCriticalResult(overrides: Overrides = {}): Record<string, unknown> {
	const ids = idsOf(overrides);
	return {
		order_id: ids.orderId,
		sample_id: ids.sampleId,
		status: text(overrides, 'resultStatus', 'final'),
		interpretation: text(overrides, 'interpretation', 'critical'),
		team_id: ids.teamId,
		user_id: ids.userId,
		created_at: timestamp(9),
		updated_at: timestamp(9),
	};
}
