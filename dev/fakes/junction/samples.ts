import { junctionEventSchemas, type JunctionEventName } from '../../../nodes/Junction/events';
import { jsonDelivery, type SampleSource } from '../types';

/**
 * Realistic Junction (Vital) webhook bodies, shaped like the examples in Junction's docs and the
 * `ClientFacingOrder` / `ClientFacingAppointment` / `ClientFacingCriticalResult` schemas. Patients are
 * obviously fake. The ids default to records the fake Junction API knows, so "Fetch Full Data" finds
 * results for the sample order.
 *
 * Choose a delivery with the sender's event name plus `overrides` (every key optional):
 * - ids: `orderId`, `userId`, `clientUserId`, `teamId`, `sampleId`, `appointmentId`
 * - `modality`: testkit (default) | walk_in_test | at_home_phlebotomy | on_site_collection
 * - `status`: the order's low-level status (order events; default `ordered` for created, `completed` for
 *   updated). The events history walks the modality's lifecycle up to it, e.g. `{ status: 'transit_lab' }`.
 * - `statusFull`: the exact namespaced status of the last event, for spellings and unknown values
 *   (`received.testkit.testkit_registered`, `sample_with_lab.testkit.brand_new_status`).
 * - `statusSource`: where the status is: `last_event` (default, plus `events`), `events` (no `last_event`),
 *   `status` (only the deprecated high-level `status`).
 * - `envelope`: `documented` (default: event_type, data, user_id, client_user_id, team_id), `eventAndData`
 *   (the testkit docs page), `bare` (the order or appointment itself, no envelope).
 * - `interpretation`: the order's / critical result's interpretation (normal | abnormal | critical).
 * - `resultStatus`: critical results: final (default) | partial.
 * - `appointmentStatus`: appointment events' event_status (default pending for created, scheduled for updated).
 * - `appointmentType`: phlebotomy (default) | patient_service_center.
 * - `eventType`: send under another event_type (e.g. an event Junction adds later).
 * - `transaction`: `none` (default) | `withRedraw`: the order's order transaction holds the initial order
 *   and its redraw. With `origin: 'redraw'` the order is the redraw (`redrawOrderId`), else the initial
 *   order; `transactionStatus` active (default) | completed.
 * - `reviewStatus`, `resolutionAction`: match-review events (pending_customer_review; resolved + accept).
 * - `jobStatus`: lab report parsing jobs: started (created) | completed (updated) | failed.
 * - `payloadHost`: host of URLs inside the payload (requisition_form_url); the nodes must never call it.
 */
export interface JunctionSampleIds {
	orderId: string;
	userId: string;
	clientUserId: string;
	teamId: string;
	sampleId: string;
	appointmentId: string;
	labTestId: string;
	orderTransactionId: string;
	redrawOrderId: string;
	unmatchedResultId: string;
	parsingJobId: string;
	payloadHost: string;
}

export const JUNCTION_SAMPLE_IDS: JunctionSampleIds = {
	orderId: 'e1c380c1-7df4-487f-869e-f1be0193ca25',
	userId: 'f6cdf185-6815-4b2b-9482-798b75168689',
	// Junction documents a ULID here: any string the customer chose, not a UUID.
	clientUserId: '01J5ZQ0KXG6V4W9B8N3M2P1RTY',
	teamId: 'f07f59d2-2903-4bcd-a2ac-3e87fa47c4bc',
	sampleId: 'SMP-20260803-0042',
	appointmentId: '7b1f2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d',
	labTestId: '0cb9f34f-c3df-4a13-8ca1-19429a82611b',
	orderTransactionId: 'd2e3f4a5-b6c7-4d8e-9f01-a2b3c4d5e6f7',
	redrawOrderId: 'e1c380c1-7df4-487f-869e-f1be0193ca26',
	unmatchedResultId: 'c4a1e2f3-0b9d-4c8e-a7f6-5d4c3b2a1908',
	parsingJobId: 'b7e6d5c4-a3b2-4c1d-9e8f-7a6b5c4d3e2f',
	payloadHost: 'https://storage.googleapis.com',
};

/** The patient every sample is about: nobody real. */
export const JUNCTION_SAMPLE_PATIENT = {
	first_name: 'Testy',
	last_name: 'McTestface',
	dob: '1970-01-01',
	gender: 'other',
	phone_number: '+15555550123',
	email: 'testy.mctestface@example.com',
};

export const JUNCTION_SAMPLE_ADDRESS = {
	receiver_name: 'Testy McTestface',
	first_line: '123 Example Street',
	second_line: 'Apt 4',
	city: 'Phoenix',
	state: 'AZ',
	zip: '85004',
	country: 'US',
	phone_number: '+15555550123',
};

export type Modality = 'testkit' | 'walk_in_test' | 'at_home_phlebotomy' | 'on_site_collection';

/** The happy path of each modality, per Junction's lab-test lifecycle docs. */
export const JUNCTION_LIFECYCLES: Record<Modality, string[]> = {
	testkit: [
		'ordered',
		'requisition_created',
		'transit_customer',
		'out_for_delivery',
		'with_customer',
		'transit_lab',
		'delivered_to_lab',
		'completed',
	],
	walk_in_test: [
		'ordered',
		'requisition_created',
		'appointment_pending',
		'appointment_scheduled',
		'partial_results',
		'completed',
	],
	at_home_phlebotomy: [
		'ordered',
		'requisition_created',
		'appointment_pending',
		'appointment_scheduled',
		'draw_completed',
		'partial_results',
		'completed',
	],
	on_site_collection: [
		'ordered',
		'requisition_created',
		'draw_completed',
		'partial_results',
		'completed',
	],
};

const HIGH_LEVEL: Record<string, string> = {
	ordered: 'received',
	awaiting_registration: 'received',
	registered: 'received',
	requisition_created: 'received',
	requisition_bypassed: 'received',
	transit_customer: 'collecting_sample',
	out_for_delivery: 'collecting_sample',
	with_customer: 'collecting_sample',
	problem_in_transit_customer: 'collecting_sample',
	problem_in_transit_lab: 'collecting_sample',
	transit_lab: 'collecting_sample',
	appointment_pending: 'collecting_sample',
	appointment_scheduled: 'collecting_sample',
	appointment_cancelled: 'collecting_sample',
	redraw_available: 'collecting_sample',
	draw_completed: 'collecting_sample',
	delivered_to_lab: 'sample_with_lab',
	lab_processing_blocked: 'sample_with_lab',
	partial_results: 'sample_with_lab',
	completed: 'completed',
	corrected: 'completed',
	sample_error: 'failed',
	failure_to_deliver_to_customer: 'failed',
	failure_to_deliver_to_lab: 'failed',
	lost: 'failed',
	cancelled: 'cancelled',
	do_not_process: 'cancelled',
};

const FAILURES_AFTER_COLLECTION = [
	'sample_error',
	'lab_processing_blocked',
	'lost',
	'failure_to_deliver_to_lab',
];

/** The low-level statuses an order went through to reach `status`. */
export function statusHistory(modality: Modality, status: string): string[] {
	const lifecycle = JUNCTION_LIFECYCLES[modality];
	const reached = lifecycle.indexOf(status);
	if (reached >= 0) return lifecycle.slice(0, reached + 1);
	if (status === 'corrected') return [...lifecycle, status];
	if (status === 'cancelled' || status === 'do_not_process') return ['ordered', status];
	if (FAILURES_AFTER_COLLECTION.includes(status)) {
		return [
			...lifecycle.filter((step) => step !== 'partial_results' && step !== 'completed'),
			status,
		];
	}
	return ['ordered', 'requisition_created', status];
}

function timestamp(step: number): string {
	return new Date(Date.UTC(2026, 7, 3, 9, 0, 0) + step * 3_600_000)
		.toISOString()
		.replace('Z', '+00:00');
}

type Overrides = Record<string, unknown>;

function text(overrides: Overrides, key: string, fallback: string): string {
	return typeof overrides[key] === 'string' ? (overrides[key] as string) : fallback;
}

function orderDetails(
	modality: Modality,
	history: string[],
	ids: JunctionSampleIds,
): Record<string, unknown> {
	const base = {
		id: '3c046d74-347e-4e28-9e0d-c5b720a8e219',
		created_at: timestamp(0),
		updated_at: timestamp(history.length),
	};
	if (modality !== 'testkit') {
		const booked = history.some((status) => status.startsWith('appointment_'));
		return { type: modality, data: { ...base, appointment_id: booked ? ids.appointmentId : null } };
	}
	const shipped = history.includes('transit_customer');
	const returned = history.includes('transit_lab');
	return {
		type: 'testkit',
		data: {
			...base,
			shipment: {
				id: 'ae0323d4-2c18-4aea-a0e7-d73b377315b1',
				outbound_courier: shipped ? 'usps' : null,
				outbound_tracking_number: shipped ? '9400100000000000000001' : null,
				outbound_tracking_url: shipped
					? 'https://tools.usps.com/go/TrackConfirmAction?tLabels=9400100000000000000001'
					: null,
				inbound_courier: returned ? 'usps' : null,
				inbound_tracking_number: returned ? '9400100000000000000002' : null,
				inbound_tracking_url: returned
					? 'https://tools.usps.com/go/TrackConfirmAction?tLabels=9400100000000000000002'
					: null,
				notes: null,
			},
		},
	};
}

/** A `ClientFacingOrder` in the given state. */
export function junctionOrder(
	overrides: Overrides = {},
	defaultStatus = 'completed',
): Record<string, unknown> {
	const ids = { ...JUNCTION_SAMPLE_IDS, ...overrides } as JunctionSampleIds;
	const modality = text(overrides, 'modality', 'testkit') as Modality;
	const status = text(overrides, 'status', defaultStatus);
	const history = statusHistory(modality, status);
	const events: Array<Record<string, unknown>> = history.map((step, index) => ({
		id: 4056 + index,
		created_at: timestamp(index),
		status: `${HIGH_LEVEL[step] ?? 'received'}.${modality}.${step}`,
		...(step === 'sample_error' ? { status_detail: 'sample_hemolyzed' } : {}),
	}));
	if (typeof overrides.statusFull === 'string')
		events[events.length - 1].status = overrides.statusFull;
	const last = events[events.length - 1];
	const hasResults = ['partial_results', 'completed', 'corrected', 'redraw_available'].includes(
		status,
	);
	const origin = text(overrides, 'origin', 'initial');
	const requisitionReady = history.includes('requisition_created');
	const source = text(overrides, 'statusSource', 'last_event');
	const order: Record<string, unknown> = {
		id: origin === 'redraw' ? ids.redrawOrderId : ids.orderId,
		team_id: ids.teamId,
		user_id: ids.userId,
		created_at: timestamp(0),
		updated_at: last.created_at,
		lab_test: {
			id: ids.labTestId,
			slug: 'general_wellness_female_002',
			name: text(overrides, 'labTestName', 'Female General Wellness'),
			sample_type: modality === 'testkit' ? 'dried_blood_spot' : 'serum',
			method: modality,
			price: 45,
			is_active: true,
			status: 'active',
			fasting: false,
			lab: null,
			markers: null,
			is_delegated: false,
		},
		details: orderDetails(modality, history, ids),
		events: source === 'status' ? [] : events,
		...(source === 'last_event' ? { last_event: last } : {}),
		status: String(last.status).split('.')[0],
		sample_id: requisitionReady ? ids.sampleId : null,
		notes: null,
		clinical_notes: null,
		passthrough: null,
		health_insurance_id: null,
		shipping_details: null,
		priority: false,
		origin,
		has_abn: false,
		billing_type: 'client_bill',
		icd_codes: [],
		activate_by: null,
		interpretation: hasResults ? text(overrides, 'interpretation', 'abnormal') : null,
		has_missing_results: hasResults ? status === 'redraw_available' : null,
		...orderTransaction(overrides, ids, origin, status),
		expected_result_by_date: '2026-08-14',
		worst_case_result_by_date: '2026-08-21',
		// Deprecated signed URL: the nodes must never request it.
		requisition_form_url: requisitionReady
			? `${ids.payloadHost}/vital-requisitions/${ids.orderId}.pdf?X-Goog-Signature=not-a-real-signature`
			: null,
		patient_details: { ...JUNCTION_SAMPLE_PATIENT },
		patient_address: { ...JUNCTION_SAMPLE_ADDRESS },
		physician: {
			first_name: 'Doctor',
			last_name: 'Example',
			npi: '0000000000',
			email: null,
			licensed_states: ['AZ'],
		},
	};
	if (source === 'status') delete order.last_event;
	return order;
}

/**
 * The order transaction of an order with a redraw: the initial order, at `redraw_available` once the
 * redraw exists, and the redraw order, whose parent it is.
 */
function orderTransaction(
	overrides: Overrides,
	ids: JunctionSampleIds,
	origin: string,
	status: string,
): Record<string, unknown> {
	if (text(overrides, 'transaction', 'none') !== 'withRedraw') return {};
	const redrawStatus = origin === 'redraw' ? status : 'ordered';
	return {
		order_transaction: {
			id: ids.orderTransactionId,
			status: text(overrides, 'transactionStatus', 'active'),
			orders: [
				{
					id: ids.orderId,
					low_level_status: 'redraw_available',
					low_level_status_created_at: timestamp(5),
					origin: 'initial',
					parent_id: null,
					created_at: timestamp(0),
					updated_at: timestamp(5),
				},
				{
					id: ids.redrawOrderId,
					low_level_status: redrawStatus,
					low_level_status_created_at: timestamp(8),
					origin: 'redraw',
					parent_id: ids.orderId,
					created_at: timestamp(5),
					updated_at: timestamp(8),
				},
			],
		},
	};
}

/** A `MatchReviewWebhookPayload`: a lab result waiting to be matched to an order. */
export function junctionMatchReview(
	overrides: Overrides = {},
	defaultStatus = 'pending_customer_review',
): Record<string, unknown> {
	const ids = { ...JUNCTION_SAMPLE_IDS, ...overrides } as JunctionSampleIds;
	const status = text(overrides, 'reviewStatus', defaultStatus);
	const resolved = status === 'resolved';
	return {
		id: ids.unmatchedResultId,
		status,
		decision_code: 'match_sample_id_mismatch_demo',
		sub_reason_codes: [],
		...(resolved
			? {
					resolution_action: text(overrides, 'resolutionAction', 'accept'),
					resolved_user_id: ids.userId,
					resolved_order_id: ids.orderId,
				}
			: {}),
	};
}

/** A `ParsingJob`: an uploaded lab report being read into results. */
export function junctionParsingJob(
	overrides: Overrides = {},
	defaultStatus = 'started',
): Record<string, unknown> {
	const ids = { ...JUNCTION_SAMPLE_IDS, ...overrides } as JunctionSampleIds;
	const status = text(overrides, 'jobStatus', defaultStatus);
	return {
		id: ids.parsingJobId,
		status,
		failure_reason: status === 'failed' ? 'not_english' : null,
		needs_human_review: false,
		is_reviewed: false,
		data:
			status === 'completed'
				? {
						metadata: {
							patient_first_name: JUNCTION_SAMPLE_PATIENT.first_name,
							patient_last_name: JUNCTION_SAMPLE_PATIENT.last_name,
							dob: JUNCTION_SAMPLE_PATIENT.dob,
							gender: 'other',
							lab_name: 'Example Labs',
							date_reported: '2026-08-02',
							date_collected: '2026-07-31',
							specimen_number: 'SPEC-0042',
						},
						results: PARSED_REPORT_RESULTS,
					}
				: null,
	};
}

/** What Junction read from the sample lab report: one normal, one high result, and a comment. */
export const PARSED_REPORT_RESULTS = [
	{
		test_name: 'Glucose',
		value: '91',
		type: 'numeric',
		units: 'mg/dL',
		min_reference_range: 70,
		max_reference_range: 99,
		sample_type: 'serum_plasma_blood',
		loinc_match_status: 'auto_match',
		loinc_matches: [
			{
				loinc_code: '2345-7',
				loinc_name: 'Glucose [Mass/volume] in Serum or Plasma',
				display_name: 'Glucose',
				aliases: [],
				confidence_score: 0.97,
			},
		],
		interpretation: 'normal',
		is_above_max_range: false,
		is_below_min_range: false,
	},
	{
		test_name: 'LDL Cholesterol',
		value: '162',
		type: 'numeric',
		units: 'mg/dL',
		max_reference_range: 99,
		loinc_match_status: 'needs_review',
		loinc_matches: [],
		interpretation: 'abnormal',
		is_above_max_range: true,
		is_below_min_range: false,
	},
	{ test_name: 'Comment', value: 'Fasting sample', type: 'comment', interpretation: 'unknown' },
];

/** A `ClientFacingAppointment`. */
export function junctionAppointment(
	overrides: Overrides = {},
	defaultStatus = 'scheduled',
): Record<string, unknown> {
	const ids = { ...JUNCTION_SAMPLE_IDS, ...overrides } as JunctionSampleIds;
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
	const ids = { ...JUNCTION_SAMPLE_IDS, ...overrides } as JunctionSampleIds;
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

export function junctionSample(
	event: JunctionEventName,
	overrides: Overrides = {},
): Record<string, unknown> {
	const ids = { ...JUNCTION_SAMPLE_IDS, ...overrides } as JunctionSampleIds;
	const builders: Record<JunctionEventName, () => Record<string, unknown>> = {
		'labtest.order.created': () => junctionOrder(overrides, 'ordered'),
		'labtest.order.updated': () => junctionOrder(overrides, 'completed'),
		'labtest.result.critical': () => junctionCriticalResult(overrides),
		'labtest.appointment.created': () => junctionAppointment(overrides, 'pending'),
		'labtest.appointment.updated': () => junctionAppointment(overrides, 'scheduled'),
		'labtest.match_review.created': () => junctionMatchReview(overrides),
		'labtest.match_review.updated': () => junctionMatchReview(overrides, 'resolved'),
		'lab_report.parsing_job.created': () => junctionParsingJob(overrides),
		'lab_report.parsing_job.updated': () => junctionParsingJob(overrides, 'completed'),
	};
	const data = builders[event]();
	const envelope = text(overrides, 'envelope', 'documented');
	if (envelope === 'bare') return data;
	const eventType = text(overrides, 'eventType', event);
	if (envelope === 'eventAndData') return { data, event_type: eventType };
	// Match-review envelopes carry no user (the current OpenAPI).
	if (event.startsWith('labtest.match_review.'))
		return { event_type: eventType, team_id: ids.teamId, data };
	return {
		event_type: eventType,
		data,
		user_id: ids.userId,
		client_user_id: ids.clientUserId,
		team_id: ids.teamId,
	};
}

/** Named deliveries covering every example in the reference: lifecycles, failures, appointments, critical results, envelopes. */
export const JUNCTION_FIXTURES: Array<{
	name: string;
	event: JunctionEventName;
	overrides: Overrides;
}> = [
	{ name: 'testkit ordered', event: 'labtest.order.created', overrides: {} },
	...JUNCTION_LIFECYCLES.testkit.slice(1).map((status) => ({
		name: `testkit ${status}`,
		event: 'labtest.order.updated' as const,
		overrides: { status },
	})),
	{
		name: 'walk-in partial results',
		event: 'labtest.order.updated',
		overrides: { modality: 'walk_in_test', status: 'partial_results' },
	},
	{
		name: 'phlebotomy draw completed',
		event: 'labtest.order.updated',
		overrides: { modality: 'at_home_phlebotomy', status: 'draw_completed' },
	},
	{
		name: 'on-site completed',
		event: 'labtest.order.updated',
		overrides: { modality: 'on_site_collection', status: 'completed' },
	},
	{
		name: 'testkit sample error',
		event: 'labtest.order.updated',
		overrides: { status: 'sample_error' },
	},
	{ name: 'testkit cancelled', event: 'labtest.order.updated', overrides: { status: 'cancelled' } },
	{ name: 'corrected report', event: 'labtest.order.updated', overrides: { status: 'corrected' } },
	{
		name: 'registered, docs spelling',
		event: 'labtest.order.updated',
		overrides: { status: 'registered', statusFull: 'received.testkit.testkit_registered' },
	},
	{ name: 'appointment created', event: 'labtest.appointment.created', overrides: {} },
	{ name: 'appointment scheduled', event: 'labtest.appointment.updated', overrides: {} },
	{
		name: 'walk-in appointment cancelled',
		event: 'labtest.appointment.updated',
		overrides: { appointmentType: 'patient_service_center', appointmentStatus: 'cancelled' },
	},
	{ name: 'critical result', event: 'labtest.result.critical', overrides: {} },
	{
		name: 'partial critical result',
		event: 'labtest.result.critical',
		overrides: { resultStatus: 'partial' },
	},
	{
		name: 'envelope without ids',
		event: 'labtest.order.updated',
		overrides: { envelope: 'eventAndData', status: 'requisition_created' },
	},
	{
		name: 'status only in events',
		event: 'labtest.order.updated',
		overrides: { statusSource: 'events', status: 'transit_customer' },
	},
];

/**
 * The redraw story of `lab/workflow/redraws.mdx`: the initial order reaches `redraw_available`, Junction
 * creates the redraw order in the same order transaction, the redraw order completes it.
 */
export const JUNCTION_REDRAW_FIXTURES: Array<{
	name: string;
	event: JunctionEventName;
	overrides: Overrides;
}> = [
	{
		name: 'initial order: redraw available',
		event: 'labtest.order.updated',
		overrides: { modality: 'walk_in_test', status: 'redraw_available', transaction: 'withRedraw' },
	},
	{
		name: 'redraw order created',
		event: 'labtest.order.created',
		overrides: { modality: 'walk_in_test', origin: 'redraw', transaction: 'withRedraw' },
	},
	{
		name: 'redraw order completed',
		event: 'labtest.order.updated',
		overrides: {
			modality: 'walk_in_test',
			origin: 'redraw',
			transaction: 'withRedraw',
			transactionStatus: 'completed',
		},
	},
];

/** Unmatched-result reviews and lab report parsing jobs: events about no order. */
export const JUNCTION_REVIEW_AND_REPORT_FIXTURES: Array<{
	name: string;
	event: JunctionEventName;
	overrides: Overrides;
}> = [
	{
		name: 'unmatched result awaiting review',
		event: 'labtest.match_review.created',
		overrides: {},
	},
	{ name: 'unmatched result resolved', event: 'labtest.match_review.updated', overrides: {} },
	{ name: 'lab report parsing started', event: 'lab_report.parsing_job.created', overrides: {} },
	{ name: 'lab report parsed', event: 'lab_report.parsing_job.updated', overrides: {} },
	{
		name: 'lab report parsing failed',
		event: 'lab_report.parsing_job.updated',
		overrides: { jobStatus: 'failed' },
	},
];

export const junctionSampleSource: SampleSource = {
	events: Object.keys(junctionEventSchemas),
	build: (event, { overrides }) =>
		jsonDelivery(junctionSample(event as JunctionEventName, overrides)),
};
