/** Order events (`labtest.order.*`): orders through each modality's lifecycle, and order transactions. */
import {
	idsOf,
	JUNCTION_SAMPLE_ADDRESS,
	JUNCTION_SAMPLE_PATIENT,
	text,
	timestamp,
	type JunctionSampleIds,
	type Overrides,
} from './common';

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
	const ids = idsOf(overrides);
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
