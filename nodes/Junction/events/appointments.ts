import type { IDataObject, INodePropertyOptions } from 'n8n-workflow';
import { z } from 'zod';

import { identifier, looseObject, optionalText, valueOptions } from './common';
import { ownEntry, text, withoutEmpty } from '../../shared/values';
import { eventFamily } from './family';

/** `labtest.appointment.created` / `.updated`: `data` is a `ClientFacingAppointment`. */
export const appointmentSchema = z
	.object({
		id: identifier,
		order_id: identifier,
		order_transaction_id: optionalText,
		user_id: optionalText,
		status: optionalText,
		event_status: optionalText,
		type: optionalText,
		provider: optionalText,
		start_at: optionalText,
		end_at: optionalText,
		iana_timezone: optionalText,
		can_reschedule: z.boolean().nullish(),
		address: looseObject,
		events: z
			.array(z.object({ created_at: optionalText, status: z.string() }).passthrough())
			.nullish(),
	})
	.passthrough();

export type Appointment = z.infer<typeof appointmentSchema>;

/**
 * `AppointmentEventStatus`, the normalised status every provider's appointment reports (`confirmed`
 * appears as `scheduled`); the Appointment Statuses filter matches it.
 */
export const APPOINTMENT_STATUSES = [
	'pending',
	'reserved',
	'scheduled',
	'in_progress',
	'completed',
	'cancelled',
] as const;

export const appointmentStatusOptions: INodePropertyOptions[] = valueOptions(APPOINTMENT_STATUSES);

/** Appointment types map onto the order modality they belong to. */
const MODALITY_OF_APPOINTMENT_TYPE: Record<string, string> = {
	phlebotomy: 'at_home_phlebotomy',
	patient_service_center: 'walk_in_test',
};

export interface AppointmentFields extends IDataObject {
	appointmentId?: string;
	orderId?: string;
	orderTransactionId?: string;
	appointmentStatus?: string | null;
	appointmentType?: string | null;
	appointmentProvider?: string | null;
	modality?: string | null;
	/** As sent; Junction documents UTC but its examples carry no offset. */
	startAt?: string | null;
	endAt?: string;
	timezone?: string;
	canReschedule?: boolean;
}

export function identifyAppointment(data: IDataObject): AppointmentFields {
	return withoutEmpty({
		appointmentId: text(data.id),
		orderId: text(data.order_id),
		orderTransactionId: text(data.order_transaction_id),
		appointmentStatus: text(data.event_status) ?? text(data.status),
	});
}

export function describeAppointment(appointment: Appointment): AppointmentFields {
	const type = appointment.type ?? null;
	return {
		appointmentId: appointment.id,
		orderId: appointment.order_id,
		appointmentStatus: appointment.event_status ?? appointment.status ?? null,
		appointmentType: type,
		appointmentProvider: appointment.provider ?? null,
		modality: type ? (ownEntry(MODALITY_OF_APPOINTMENT_TYPE, type) ?? null) : null,
		startAt: appointment.start_at ?? null,
		...withoutEmpty({
			orderTransactionId: appointment.order_transaction_id ?? undefined,
			endAt: appointment.end_at ?? undefined,
			timezone: appointment.iana_timezone ?? undefined,
			canReschedule: appointment.can_reschedule ?? undefined,
		}),
	};
}

export const appointmentEvents = eventFamily({
	kind: 'appointment',
	data: appointmentSchema,
	identify: identifyAppointment,
	describe: describeAppointment,
	events: {
		'labtest.appointment.created': {
			displayName: 'Appointment Created',
			description: 'A walk-in or at-home phlebotomy appointment was created',
		},
		'labtest.appointment.updated': {
			displayName: 'Appointment Updated',
			description: 'An appointment changed status, including reschedules and cancellations',
		},
	},
});
