import type { IDataObject, INodePropertyOptions } from 'n8n-workflow';
import { z } from 'zod';

import type { EventOption } from '../shared/webhook/triggerDescription';

/**
 * Junction (Svix) webhooks: `{event_type, data, user_id, client_user_id, team_id}`. Every enum Junction
 * documents is non-exhaustive, so statuses, types and interpretations are plain strings here: an unknown
 * value is passed on, never rejected. `client_user_id` is whatever the customer chose, not a UUID.
 */
const optionalText = z.string().nullish();
const identifier = z.string().min(1);
const looseObject = z.record(z.unknown()).nullish();

const statusEvent = z
	.object({
		id: z.union([z.number(), z.string()]).nullish(),
		created_at: optionalText,
		/** The full `high_level.modality.low_level` form, e.g. `received.testkit.requisition_created`. */
		status: z.string().min(1),
		status_detail: z.unknown().optional(),
	})
	.passthrough();

const shipment = z
	.object({
		outbound_tracking_number: optionalText,
		outbound_tracking_url: optionalText,
		outbound_courier: optionalText,
		inbound_tracking_number: optionalText,
		inbound_tracking_url: optionalText,
		inbound_courier: optionalText,
	})
	.passthrough();

/** `ClientFacingOrder`, the `data` of order events. */
export const orderSchema = z
	.object({
		id: identifier,
		user_id: optionalText,
		team_id: optionalText,
		last_event: statusEvent.nullish(),
		events: z.array(statusEvent).nullish(),
		/** Deprecated high-level status. */
		status: optionalText,
		sample_id: optionalText,
		interpretation: optionalText,
		origin: optionalText,
		lab_test: z
			.object({ id: optionalText, name: optionalText, slug: optionalText, method: optionalText })
			.passthrough()
			.nullish(),
		details: z
			.object({
				type: optionalText,
				data: z
					.object({ appointment_id: optionalText, shipment: shipment.nullish() })
					.passthrough()
					.nullish(),
			})
			.passthrough()
			.nullish(),
		patient_details: looseObject,
		patient_address: looseObject,
	})
	.passthrough()
	.superRefine((order, context) => {
		if (!order.last_event && !order.events?.length && !order.status) {
			context.addIssue({
				code: z.ZodIssueCode.custom,
				path: ['last_event'],
				message: 'The order has no status: no last_event, no events and no status',
			});
		}
	});

/** `ClientFacingAppointment`, the `data` of appointment events. */
export const appointmentSchema = z
	.object({
		id: identifier,
		order_id: identifier,
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

/** `ClientFacingCriticalResult`, the `data` of `labtest.result.critical`. */
export const criticalResultSchema = z
	.object({
		order_id: identifier,
		sample_id: optionalText,
		/** final | partial */
		status: optionalText,
		interpretation: optionalText,
		user_id: optionalText,
		team_id: optionalText,
		created_at: optionalText,
	})
	.passthrough();

/** The envelope keys besides `data` are documented as required, but several doc examples omit them. */
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
};

export type JunctionEventName = keyof typeof junctionEventSchemas;
export type JunctionEvent<Name extends JunctionEventName = JunctionEventName> = z.infer<
	(typeof junctionEventSchemas)[Name]
>;
type Order = z.infer<typeof orderSchema>;
type Appointment = z.infer<typeof appointmentSchema>;
type CriticalResult = z.infer<typeof criticalResultSchema>;

export const ORDER_EVENTS: readonly string[] = ['labtest.order.created', 'labtest.order.updated'];
export const APPOINTMENT_EVENTS: readonly string[] = [
	'labtest.appointment.created',
	'labtest.appointment.updated',
];
export const CRITICAL_RESULT_EVENT = 'labtest.result.critical';

export const junctionEventOptions: Record<JunctionEventName, EventOption> = {
	'labtest.order.created': {
		displayName: 'Order Created',
		description: 'An order was placed (status ordered); also sent for redraw orders',
	},
	'labtest.order.updated': {
		displayName: 'Order Updated',
		description:
			'The order changed status: shipped, sample with lab, partial results, completed, failed…',
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
};

/** `OrderLowLevelStatus`: the values GET /v3/orders filters on (non-exhaustive). */
export const ORDER_STATUSES = [
	'ordered',
	'awaiting_registration',
	'registered',
	'requisition_created',
	'requisition_bypassed',
	'transit_customer',
	'out_for_delivery',
	'with_customer',
	'problem_in_transit_customer',
	'transit_lab',
	'problem_in_transit_lab',
	'delivered_to_lab',
	'appointment_pending',
	'appointment_scheduled',
	'appointment_cancelled',
	'draw_completed',
	'redraw_available',
	'lab_processing_blocked',
	'partial_results',
	'completed',
	'corrected',
	'sample_error',
	'failure_to_deliver_to_customer',
	'failure_to_deliver_to_lab',
	'lost',
	'cancelled',
	'do_not_process',
] as const;

export const MODALITIES = {
	testkit: 'Test Kit',
	walk_in_test: 'Walk-In Test',
	at_home_phlebotomy: 'At-Home Phlebotomy',
	on_site_collection: 'On-Site Collection',
} as const;

const titleCase = (value: string) =>
	value
		.split('_')
		.map((word) => word.charAt(0).toUpperCase() + word.slice(1))
		.join(' ');

const byName = (a: INodePropertyOptions, b: INodePropertyOptions) => a.name.localeCompare(b.name);

export const orderStatusOptions: INodePropertyOptions[] = ORDER_STATUSES.map((status) => ({
	name: titleCase(status),
	value: status,
})).sort(byName);

export const modalityOptions: INodePropertyOptions[] = Object.entries(MODALITIES)
	.map(([value, name]) => ({ name, value }))
	.sort(byName);

/** Statuses whose order has results to fetch. */
export const STATUSES_WITH_RESULTS: readonly string[] = [
	'partial_results',
	'completed',
	'corrected',
];

/** The docs spell it `testkit_registered`, the API spec `registered`: both are the same status. */
const LOW_LEVEL_ALIASES: Record<string, string> = { testkit_registered: 'registered' };

/** Appointment types map onto the order modality they belong to. */
const MODALITY_OF_APPOINTMENT_TYPE: Record<string, string> = {
	phlebotomy: 'at_home_phlebotomy',
	patient_service_center: 'walk_in_test',
};

export interface OrderStatus {
	/** The low-level status (`completed`), or null when only the deprecated high-level one is known. */
	status: string | null;
	/** As sent: `completed.testkit.completed`. */
	statusFull: string;
	statusHighLevel: string | null;
	modality: string | null;
	statusDetail: string | null;
	statusAt: string | null;
}

/** Splits `high.modality.low`; a single word from the event list is a low-level status. */
export function splitStatus(
	full: string,
): Pick<OrderStatus, 'status' | 'statusHighLevel' | 'modality'> {
	const parts = full.split('.');
	const lowLevel = (value: string) => LOW_LEVEL_ALIASES[value] ?? value;
	if (parts.length >= 3) {
		return {
			statusHighLevel: parts[0],
			modality: parts.slice(1, -1).join('.'),
			status: lowLevel(parts[parts.length - 1]),
		};
	}
	if (parts.length === 2)
		return { statusHighLevel: parts[0], modality: null, status: lowLevel(parts[1]) };
	return { statusHighLevel: null, modality: null, status: lowLevel(full) };
}

/**
 * The order's current status: `last_event` (added March 2026), else the last of `events`, else the
 * deprecated high-level `status`. Modality falls back to the order's details type, then the test's method.
 */
export function orderStatus(order: Order): OrderStatus | undefined {
	const latest = order.last_event ?? order.events?.[order.events.length - 1];
	const fallbackModality = order.details?.type ?? order.lab_test?.method ?? null;
	if (latest) {
		const parts = splitStatus(latest.status);
		return {
			...parts,
			modality: parts.modality ?? fallbackModality,
			statusFull: latest.status,
			statusDetail: typeof latest.status_detail === 'string' ? latest.status_detail : null,
			statusAt: latest.created_at ?? null,
		};
	}
	if (!order.status) return undefined;
	const parts = order.status.includes('.')
		? splitStatus(order.status)
		: { status: null, statusHighLevel: order.status, modality: null };
	return {
		...parts,
		modality: parts.modality ?? fallbackModality,
		statusFull: order.status,
		statusDetail: null,
		statusAt: null,
	};
}

function withoutEmpty(fields: Record<string, unknown>): IDataObject {
	return Object.fromEntries(
		Object.entries(fields).filter(
			([, value]) => value !== undefined && value !== null && value !== '',
		),
	) as IDataObject;
}

function envelopeFields(
	event: JunctionEvent,
	data: { user_id?: string | null; team_id?: string | null },
): IDataObject {
	return {
		userId: data.user_id ?? event.user_id ?? null,
		clientUserId: event.client_user_id ?? null,
		teamId: event.team_id ?? data.team_id ?? null,
	};
}

function describeOrder(event: JunctionEvent, order: Order): IDataObject {
	const status = orderStatus(order);
	const tracking = order.details?.data?.shipment;
	return {
		orderId: order.id,
		...envelopeFields(event, order),
		status: status?.status ?? null,
		statusFull: status?.statusFull ?? null,
		statusHighLevel: status?.statusHighLevel ?? null,
		modality: status?.modality ?? null,
		sampleId: order.sample_id ?? null,
		labTestName: order.lab_test?.name ?? null,
		interpretation: order.interpretation ?? null,
		...withoutEmpty({
			statusDetail: status?.statusDetail,
			statusAt: status?.statusAt,
			labTestSlug: order.lab_test?.slug,
			origin: order.origin,
			appointmentId: order.details?.data?.appointment_id,
			outboundTrackingNumber: tracking?.outbound_tracking_number,
			outboundTrackingUrl: tracking?.outbound_tracking_url,
			outboundCourier: tracking?.outbound_courier,
			inboundTrackingNumber: tracking?.inbound_tracking_number,
			inboundTrackingUrl: tracking?.inbound_tracking_url,
			inboundCourier: tracking?.inbound_courier,
		}),
	};
}

function describeAppointment(event: JunctionEvent, appointment: Appointment): IDataObject {
	const type = appointment.type ?? null;
	return {
		appointmentId: appointment.id,
		orderId: appointment.order_id,
		...envelopeFields(event, appointment),
		appointmentStatus: appointment.event_status ?? appointment.status ?? null,
		appointmentType: type,
		appointmentProvider: appointment.provider ?? null,
		modality: type ? (MODALITY_OF_APPOINTMENT_TYPE[type] ?? null) : null,
		startAt: appointment.start_at ?? null,
		...withoutEmpty({
			endAt: appointment.end_at,
			timezone: appointment.iana_timezone,
			canReschedule: appointment.can_reschedule,
		}),
	};
}

function describeCriticalResult(event: JunctionEvent, result: CriticalResult): IDataObject {
	return {
		orderId: result.order_id,
		...envelopeFields(event, result),
		sampleId: result.sample_id ?? null,
		resultStatus: result.status ?? null,
		interpretation: result.interpretation ?? null,
		...withoutEmpty({ reportedAt: result.created_at }),
	};
}

/** The typed fields of a Junction trigger item. */
export function describeJunctionEvent(event: JunctionEvent): IDataObject {
	const inferred =
		(event as IDataObject)[INFERRED_EVENT_TYPE] === true ? { eventTypeInferred: true } : {};
	const name = event.event_type;
	if (ORDER_EVENTS.includes(name))
		return { ...describeOrder(event, event.data as Order), ...inferred };
	if (APPOINTMENT_EVENTS.includes(name)) {
		return { ...describeAppointment(event, event.data as Appointment), ...inferred };
	}
	return describeCriticalResult(event, event.data as CriticalResult);
}

/**
 * Marks an envelope this node built around a bare order or appointment (some Junction doc pages show
 * deliveries without the envelope); its event type was inferred from the shape.
 */
export const INFERRED_EVENT_TYPE = 'event_type_inferred';

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
