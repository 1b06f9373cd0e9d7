import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import type { EventOption } from '../../shared/trigger/description';
import {
	appointmentSchema,
	describeAppointment,
	identifyAppointment,
	type Appointment,
	type AppointmentFields,
} from './appointments';
import { envelopeFields, objectAt, optionalText, type EnvelopeFields } from './common';
import {
	criticalResultSchema,
	describeCriticalResult,
	identifyCriticalResult,
	type CriticalResult,
	type CriticalResultFields,
} from './criticalResults';
import {
	describeMatchReview,
	identifyMatchReview,
	matchReviewSchema,
	type MatchReview,
	type MatchReviewFields,
} from './matchReviews';
import {
	describeOrder,
	identifyOrder,
	orderSchema,
	orderStatus,
	type Order,
	type OrderFields,
} from './orders';
import {
	describeParsingJob,
	identifyParsingJob,
	parsingJobSchema,
	type ParsingJob,
	type ParsingJobFields,
} from './reportParsing';

export { appointmentStatusOptions, APPOINTMENT_STATUSES } from './appointments';
export {
	MODALITIES,
	modalityOptions,
	ORDER_STATUSES,
	orderSchema,
	orderStatus,
	orderStatusOptions,
	splitStatus,
	STATUSES_WITH_RESULTS,
	type OrderStatus,
} from './orders';

/**
 * Junction's lab-testing webhooks (Svix): `{event_type, data, user_id, client_user_id, team_id}`, as
 * listed in its event catalogue and OpenAPI `webhooks`. The envelope keys besides `event_type` and
 * `data` are documented as required, but several doc examples omit them, and match-review events have
 * no user at all: they are optional. `client_user_id` is whatever the customer chose, not a UUID.
 */
function envelope<Name extends string, Data extends z.ZodTypeAny>(event: Name, data: Data) {
	return z
		.object({
			event_type: z.literal(event),
			data,
			user_id: optionalText,
			client_user_id: optionalText,
			team_id: optionalText,
		})
		.passthrough();
}

export const junctionEventSchemas = {
	'labtest.order.created': envelope('labtest.order.created', orderSchema),
	'labtest.order.updated': envelope('labtest.order.updated', orderSchema),
	'labtest.result.critical': envelope('labtest.result.critical', criticalResultSchema),
	'labtest.appointment.created': envelope('labtest.appointment.created', appointmentSchema),
	'labtest.appointment.updated': envelope('labtest.appointment.updated', appointmentSchema),
	'labtest.match_review.created': envelope('labtest.match_review.created', matchReviewSchema),
	'labtest.match_review.updated': envelope('labtest.match_review.updated', matchReviewSchema),
	'lab_report.parsing_job.created': envelope('lab_report.parsing_job.created', parsingJobSchema),
	'lab_report.parsing_job.updated': envelope('lab_report.parsing_job.updated', parsingJobSchema),
};

export type JunctionEventName = keyof typeof junctionEventSchemas;
export type JunctionEvent<Name extends JunctionEventName = JunctionEventName> = z.infer<
	(typeof junctionEventSchemas)[Name]
>;

type Family = 'order' | 'appointment' | 'criticalResult' | 'matchReview' | 'parsingJob';

const FAMILY: Record<JunctionEventName, Family> = {
	'labtest.order.created': 'order',
	'labtest.order.updated': 'order',
	'labtest.result.critical': 'criticalResult',
	'labtest.appointment.created': 'appointment',
	'labtest.appointment.updated': 'appointment',
	'labtest.match_review.created': 'matchReview',
	'labtest.match_review.updated': 'matchReview',
	'lab_report.parsing_job.created': 'parsingJob',
	'lab_report.parsing_job.updated': 'parsingJob',
};

/** Which family an event name belongs to; undefined for event types this node does not know. */
export function familyOf(event: string): Family | undefined {
	return Object.prototype.hasOwnProperty.call(FAMILY, event)
		? FAMILY[event as JunctionEventName]
		: undefined;
}

export const junctionEventOptions: Record<JunctionEventName, EventOption> = {
	'labtest.order.created': {
		displayName: 'Order Created',
		description: 'An order was placed (status ordered); also sent for redraw orders',
	},
	'labtest.order.updated': {
		displayName: 'Order Updated',
		description:
			'The order changed status: shipped, sample with lab, partial results, completed, redraw available, failed…',
	},
	'labtest.result.critical': {
		displayName: 'Critical Result',
		description: 'The lab reported a critical value and has called the physician',
	},
	'labtest.appointment.created': {
		displayName: 'Appointment Created',
		description: 'A walk-in or at-home phlebotomy appointment was created',
	},
	'labtest.appointment.updated': {
		displayName: 'Appointment Updated',
		description: 'An appointment changed status, including reschedules and cancellations',
	},
	'labtest.match_review.created': {
		displayName: 'Unmatched Result Awaiting Review',
		description: 'A lab result Junction could not match to an order waits for your review',
	},
	'labtest.match_review.updated': {
		displayName: 'Unmatched Result Review Updated',
		description: 'The review of an unmatched result changed: escalated, matched or resolved',
	},
	'lab_report.parsing_job.created': {
		displayName: 'Lab Report Parsing Started',
		description: 'Junction started reading an uploaded lab report',
	},
	'lab_report.parsing_job.updated': {
		displayName: 'Lab Report Parsing Finished',
		description: 'An uploaded lab report was read into results, or could not be',
	},
};

/** The typed fields of a Junction trigger item: those of the event's family, and whose event it is. */
export type JunctionFields = EnvelopeFields &
	OrderFields &
	AppointmentFields &
	CriticalResultFields &
	MatchReviewFields &
	ParsingJobFields & {
		/** The delivery had no envelope: its event type was read from the shape of the body. */
		eventTypeInferred?: boolean;
	};

const IDENTIFY: Record<Family, (data: IDataObject) => JunctionFields> = {
	order: identifyOrder,
	appointment: identifyAppointment,
	criticalResult: identifyCriticalResult,
	matchReview: identifyMatchReview,
	parsingJob: identifyParsingJob,
};

/** The ids a Junction event is about, read from any payload of a known event, valid or not. */
export function identifyJunctionEvent(event: string, payload: IDataObject): JunctionFields {
	const data = objectAt(payload.data);
	const family = familyOf(event);
	const ids = family ? IDENTIFY[family](data) : {};
	return { ...ids, ...envelopeFields(payload, data), ...inferred(payload) };
}

/** All typed fields of a valid Junction event. */
export function describeJunctionEvent(event: JunctionEvent): JunctionFields {
	const envelopeOf = envelopeFields(event as IDataObject, objectAt(event.data));
	const fields = (() => {
		switch (FAMILY[event.event_type]) {
			case 'order':
				return describeOrder(event.data as Order);
			case 'appointment':
				return describeAppointment(event.data as Appointment);
			case 'criticalResult':
				return describeCriticalResult(event.data as CriticalResult);
			case 'matchReview':
				return describeMatchReview(event.data as MatchReview);
			case 'parsingJob':
				return describeParsingJob(event.data as ParsingJob);
		}
	})();
	return { ...fields, ...envelopeOf, ...inferred(event as IDataObject) };
}

/**
 * Marks an envelope this node built around a bare order or appointment (some Junction doc pages show
 * deliveries without the envelope); its event type was inferred from the shape.
 */
export const INFERRED_EVENT_TYPE = 'event_type_inferred';

function inferred(payload: IDataObject): { eventTypeInferred?: boolean } {
	return payload[INFERRED_EVENT_TYPE] === true ? { eventTypeInferred: true } : {};
}

/**
 * Wraps a bare `ClientFacingOrder` or `ClientFacingAppointment` in the documented envelope, or returns
 * undefined when the body is neither. A bare order still in `ordered` with a single event is the
 * created event; any other bare order is an update.
 */
export function envelopeForBarePayload(body: IDataObject): IDataObject | undefined {
	if (typeof body.event_type === 'string' || typeof body.id !== 'string') return undefined;
	const looksLikeOrder = ['lab_test', 'events', 'last_event', 'details'].some((key) => key in body);
	const looksLikeAppointment =
		typeof body.order_id === 'string' && ('event_status' in body || 'start_at' in body);
	let event: string;
	if (looksLikeAppointment) {
		event = 'labtest.appointment.updated';
	} else if (looksLikeOrder) {
		const parsed = orderSchema.safeParse(body);
		const events = Array.isArray(body.events) ? body.events : [];
		const created =
			parsed.success && orderStatus(parsed.data)?.status === 'ordered' && events.length <= 1;
		event = created ? 'labtest.order.created' : 'labtest.order.updated';
	} else {
		return undefined;
	}
	return { event_type: event, data: body, [INFERRED_EVENT_TYPE]: true };
}
