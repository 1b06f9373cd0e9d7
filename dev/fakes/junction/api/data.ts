import {
	JUNCTION_SAMPLE_ADDRESS,
	JUNCTION_SAMPLE_IDS,
	JUNCTION_SAMPLE_PATIENT,
	junctionMatchReview,
	junctionOrder,
	junctionParsingJob,
} from '../samples';
import { JUNCTION_RESULT_ORDERS, junctionResultFixtures } from './resultFixtures';

/**
 * What the fake Junction API serves (index.ts): the sample order and the special orders the tests name,
 * generated orders and lab tests for the lists, users, results, the redraw story's order transaction,
 * an unmatched result and a lab report parsing job.
 */
export const JUNCTION_FAKE_KEY = 'sk_us_fake-junction-test-key';

export const JUNCTION_FAKE_ORDERS = {
	/** Completed, with results (the sample order of the webhook samples). */
	completed: JUNCTION_SAMPLE_IDS.orderId,
	/** Still in transit: results and PDFs answer 404. */
	pending: 'a0000000-0000-4000-8000-000000000404',
	/** Just ordered: cancel succeeds. */
	cancellable: 'a0000000-0000-4000-8000-00000000c0de',
	/** Results in the legacy untyped-dict shape. */
	legacyResults: 'a0000000-0000-4000-8000-0000000d1c75',
	/** Answers 429 with Retry-After once, then 200. */
	rateLimited: 'a0000000-0000-4000-8000-000000000429',
	/** The PDF endpoints answer JSON instead of a file. */
	jsonInsteadOfPdf: 'a0000000-0000-4000-8000-0000000000f0',
} as const;

export const JUNCTION_FAKE_TRANSACTIONS = {
	/** The redraw story's transaction: completed, with combined results. */
	combined: JUNCTION_SAMPLE_IDS.orderTransactionId,
	/** The pending order's transaction: active, no results yet. Its orders use the docs' field names. */
	pending: 'a1000000-0000-4000-8000-000000000404',
} as const;

/**
 * The pending order's transaction as GET /v3/order_transaction/{id} answers it in the docs' example:
 * `low_level_status` where the spec says `last_status`.
 */
function pendingTransaction(): { summary: Record<string, unknown> } {
	return {
		summary: {
			id: JUNCTION_FAKE_TRANSACTIONS.pending,
			team_id: JUNCTION_SAMPLE_IDS.teamId,
			status: 'active',
			orders: [
				{
					id: JUNCTION_FAKE_ORDERS.pending,
					origin: 'initial',
					parent_id: null,
					low_level_status: 'transit_customer',
					low_level_status_created_at: '2026-08-03T11:00:00+00:00',
					created_at: '2026-08-03T09:00:00+00:00',
					updated_at: '2026-08-03T11:00:00+00:00',
				},
			],
		},
	};
}

/** A client_user_id that already exists: POST /v2/user answers 400 with this user's id. */
export const JUNCTION_EXISTING_CLIENT_USER_ID = 'existing-client-user';
export const JUNCTION_EXISTING_USER_ID = 'b0000000-0000-4000-8000-00000000e715';

export interface JunctionFakeData {
	orders: Array<Record<string, unknown>>;
	labTests: Array<Record<string, unknown>>;
	users: Array<Record<string, unknown>>;
	results: Record<string, Record<string, unknown>>;
	/** Order transactions by id: GET /v3/order_transaction/{id} and its combined results. */
	transactions: Record<
		string,
		{ summary: Record<string, unknown>; results?: Record<string, unknown> }
	>;
	unmatchedResults: Record<string, Record<string, unknown>>;
	parsingJobs: Record<string, Record<string, unknown>>;
}

/** The marker the initial order of the redraw story was missing, reported by its redraw order. */
export const JUNCTION_REDRAW_MARKER = {
	name: 'Hemoglobin A1c',
	slug: 'hba1c',
	result: '6.1',
	type: 'numeric',
	unit: '%',
	min_range_value: 4,
	max_range_value: 5.6,
	is_above_max_range: true,
	is_below_min_range: false,
	interpretation: 'abnormal',
	loinc: '4548-4',
	loinc_slug: 'hba1c',
	value: 6.1,
	timestamp: '2026-08-12T12:00:00+00:00',
	notes: null,
};

/**
 * The redraw story: the sample order is the initial one, at redraw_available with its results final;
 * the redraw order completes the transaction, whose results combine both.
 */
function redrawStory(): Pick<JunctionFakeData, 'transactions'> & {
	redrawOrder: Record<string, unknown>;
	redrawResults: Record<string, unknown>;
} {
	const initialResults = labResults();
	const redrawResults = {
		...initialResults,
		metadata: { ...(initialResults.metadata as object), date_reported: '2026-08-12' },
		results: [JUNCTION_REDRAW_MARKER],
	};
	const combined = {
		...initialResults,
		results: [...(initialResults.results as unknown[]), JUNCTION_REDRAW_MARKER],
		order_transaction: { id: JUNCTION_SAMPLE_IDS.orderTransactionId, status: 'completed' },
	};
	const orderSummary = (id: string, origin: string, status: string, parent: string | null) => ({
		id,
		origin,
		parent_id: parent,
		last_status: status,
		last_status_created_at: '2026-08-12T12:00:00+00:00',
		created_at: '2026-08-03T09:00:00+00:00',
		updated_at: '2026-08-12T12:00:00+00:00',
	});
	return {
		redrawOrder: junctionOrder({
			modality: 'walk_in_test',
			origin: 'redraw',
			transaction: 'withRedraw',
			transactionStatus: 'completed',
		}),
		redrawResults,
		transactions: {
			[JUNCTION_SAMPLE_IDS.orderTransactionId]: {
				summary: {
					id: JUNCTION_SAMPLE_IDS.orderTransactionId,
					team_id: JUNCTION_SAMPLE_IDS.teamId,
					status: 'completed',
					orders: [
						orderSummary(JUNCTION_SAMPLE_IDS.orderId, 'initial', 'redraw_available', null),
						orderSummary(
							JUNCTION_SAMPLE_IDS.redrawOrderId,
							'redraw',
							'completed',
							JUNCTION_SAMPLE_IDS.orderId,
						),
					],
				},
				results: combined,
			},
		},
	};
}

const MODALITIES = ['testkit', 'walk_in_test', 'at_home_phlebotomy', 'on_site_collection'];
const STATUS_CYCLE = [
	'ordered',
	'requisition_created',
	'transit_customer',
	'delivered_to_lab',
	'completed',
	'sample_error',
];

export function lowLevelStatus(order: Record<string, unknown>): string {
	const last = order.last_event as { status: string } | undefined;
	return last ? last.status.split('.').pop()! : String(order.status);
}

function labResults(): Record<string, unknown> {
	return {
		metadata: {
			age: 56,
			dob: '1970-01-01',
			'clia_#': '03D0000000',
			patient: 'Testy McTestface',
			provider: 'Doctor Example',
			laboratory: 'Example Reference Laboratory',
			date_reported: '2026-08-10',
			date_collected: '2026-08-06',
			specimen_number: JUNCTION_SAMPLE_IDS.sampleId,
			status: 'final',
			interpretation: 'critical',
			patient_id: 'P-0042',
		},
		results: [
			{
				name: 'Glucose',
				slug: 'glucose',
				result: '92',
				type: 'numeric',
				unit: 'mg/dL',
				min_range_value: 65,
				max_range_value: 99,
				is_above_max_range: false,
				is_below_min_range: false,
				interpretation: 'normal',
				loinc: '2345-7',
				loinc_slug: 'glucose-serum',
				value: 92,
				timestamp: '2026-08-10T12:00:00+00:00',
				notes: null,
			},
			{
				name: 'LDL Cholesterol',
				slug: 'ldl-cholesterol',
				result: '162',
				type: 'numeric',
				unit: 'mg/dL',
				min_range_value: 0,
				max_range_value: 99,
				is_above_max_range: true,
				is_below_min_range: false,
				interpretation: 'abnormal',
				loinc: '13457-7',
				loinc_slug: 'ldl-calc',
				value: 162,
				notes: 'Fasting sample',
			},
			{
				name: 'Vitamin D, 25-Hydroxy',
				slug: 'vitamin-d-25-hydroxy',
				result: '18',
				type: 'numeric',
				unit: 'ng/mL',
				min_range_value: 30,
				max_range_value: 100,
				is_above_max_range: false,
				is_below_min_range: true,
				interpretation: 'abnormal',
				loinc: '1989-3',
				value: 18,
				notes: null,
			},
			{
				name: 'Potassium',
				slug: 'potassium',
				result: '6.9',
				type: 'numeric',
				unit: 'mmol/L',
				min_range_value: 3.5,
				max_range_value: 5.3,
				is_above_max_range: true,
				is_below_min_range: false,
				interpretation: 'critical',
				loinc: '2823-3',
				value: 6.9,
				notes: 'Called to physician',
			},
			{
				name: 'HIV 1/2 Antibody',
				slug: 'hiv-1-2-antibody',
				result: 'Non-Reactive',
				type: 'comment',
				unit: null,
				interpretation: 'normal',
				value: -1,
				notes: null,
			},
			{
				name: 'Hemoglobin A1c',
				slug: 'hba1c',
				result: '<4.0',
				type: 'range',
				unit: '%',
				min_range_value: 4,
				max_range_value: 5.6,
				interpretation: 'normal',
				value: -1,
			},
		],
		missing_results: [],
		sample_information: {},
	};
}

export const fullName = (person: unknown): string => {
	const { first_name, last_name } = (person ?? {}) as Record<string, unknown>;
	return [first_name, last_name].filter((part) => typeof part === 'string').join(' ');
};

/** Another patient, and a recipient who is not the patient: what the name filters tell apart. */
export const JUNCTION_OTHER_PATIENT = { first_name: 'Jordan', last_name: 'Example' };
export const JUNCTION_OTHER_RECIPIENT = 'Front Desk Example Clinic';
/** A date still ahead: orders activated then are `scheduled`. */
export const JUNCTION_SCHEDULED_ACTIVATION = '2099-01-15';

/**
 * What sets the generated orders apart for the filters and sort of GET /v3/orders: creation times in a
 * shuffled order, every fifth order another patient and the next one another recipient, every ninth
 * scheduled, and some completed orders with an `unknown` interpretation.
 */
function listVariety(
	order: Record<string, unknown>,
	index: number,
	count: number,
): Record<string, unknown> {
	const created = new Date(Date.UTC(2026, 6, 1) + ((index * 37) % count) * 3_600_000);
	const variety: Record<string, unknown> = {
		created_at: created.toISOString().replace('Z', '+00:00'),
	};
	if (index % 5 === 1) {
		variety.patient_details = { ...JUNCTION_SAMPLE_PATIENT, ...JUNCTION_OTHER_PATIENT };
		variety.patient_address = {
			...JUNCTION_SAMPLE_ADDRESS,
			receiver_name: fullName(JUNCTION_OTHER_PATIENT),
		};
	}
	if (index % 5 === 2)
		variety.patient_address = {
			...JUNCTION_SAMPLE_ADDRESS,
			receiver_name: JUNCTION_OTHER_RECIPIENT,
		};
	if (index % 9 === 0) variety.activate_by = JUNCTION_SCHEDULED_ACTIVATION;
	if (order.interpretation === 'normal' && index % 4 === 0) variety.interpretation = 'unknown';
	return variety;
}

export function junctionFakeData(counts = { orders: 230, labTests: 120 }): JunctionFakeData {
	const special: Array<Record<string, unknown>> = [
		junctionOrder({ status: 'completed' }),
		{
			...junctionOrder({ orderId: JUNCTION_FAKE_ORDERS.pending, status: 'transit_customer' }),
			order_transaction: {
				id: JUNCTION_FAKE_TRANSACTIONS.pending,
				status: 'active',
				orders: pendingTransaction().summary.orders,
			},
		},
		junctionOrder({ orderId: JUNCTION_FAKE_ORDERS.cancellable, status: 'ordered' }),
		junctionOrder({
			orderId: JUNCTION_FAKE_ORDERS.legacyResults,
			status: 'completed',
			modality: 'walk_in_test',
		}),
		junctionOrder({ orderId: JUNCTION_FAKE_ORDERS.rateLimited, status: 'requisition_created' }),
		junctionOrder({ orderId: JUNCTION_FAKE_ORDERS.jsonInsteadOfPdf, status: 'completed' }),
		junctionOrder({
			orderId: JUNCTION_RESULT_ORDERS.partial,
			status: 'partial_results',
			modality: 'walk_in_test',
		}),
		junctionOrder({ orderId: JUNCTION_RESULT_ORDERS.unusualValues, status: 'completed' }),
	];
	const story = redrawStory();
	const orders = [...special, story.redrawOrder];
	for (let index = orders.length; index < counts.orders; index++) {
		const order = junctionOrder({
			orderId: `c0000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
			userId:
				index % 10 === 0
					? JUNCTION_SAMPLE_IDS.userId
					: `d0000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
			modality: MODALITIES[index % MODALITIES.length],
			status: STATUS_CYCLE[index % STATUS_CYCLE.length],
			interpretation: index % 7 === 0 ? 'critical' : 'normal',
		});
		orders.push(Object.assign(order, listVariety(order, index, counts.orders)));
	}
	const labTests = Array.from({ length: counts.labTests }, (_, index) => ({
		id:
			index === 0
				? JUNCTION_SAMPLE_IDS.labTestId
				: `e0000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
		slug: `lab-test-${index}`,
		name: index === 0 ? 'Female General Wellness' : `Panel ${index}`,
		sample_type: 'serum',
		method: MODALITIES[index % MODALITIES.length],
		price: 45 + index,
		status: 'active',
		fasting: false,
	}));
	const users = [
		{
			user_id: JUNCTION_SAMPLE_IDS.userId,
			team_id: JUNCTION_SAMPLE_IDS.teamId,
			client_user_id: JUNCTION_SAMPLE_IDS.clientUserId,
			created_on: '2026-08-01T10:00:00+00:00',
			connected_sources: [],
			fallback_time_zone: null,
			fallback_birth_date: null,
		},
		{
			user_id: JUNCTION_EXISTING_USER_ID,
			team_id: JUNCTION_SAMPLE_IDS.teamId,
			client_user_id: JUNCTION_EXISTING_CLIENT_USER_ID,
			created_on: '2026-07-01T10:00:00+00:00',
			connected_sources: [],
		},
	];
	const results: Record<string, Record<string, unknown>> = {
		...junctionResultFixtures(),
		[JUNCTION_FAKE_ORDERS.completed]: labResults(),
		[JUNCTION_FAKE_ORDERS.jsonInsteadOfPdf]: labResults(),
		[JUNCTION_FAKE_ORDERS.legacyResults]: {
			metadata: {
				status: 'partial',
				interpretation: 'normal',
				patient: 'Testy McTestface',
				dob: '1970-01-01',
			},
			results: {
				ferritin: {
					name: 'Ferritin',
					slug: 'ferritin',
					result: '88',
					unit: 'ng/mL',
					min_range_value: 30,
					max_range_value: 400,
					interpretation: 'normal',
				},
				tsh: '2.1',
			},
		},
	};
	results[JUNCTION_SAMPLE_IDS.redrawOrderId] = story.redrawResults;
	return {
		orders,
		labTests,
		users,
		results,
		transactions: {
			...story.transactions,
			[JUNCTION_FAKE_TRANSACTIONS.pending]: pendingTransaction(),
		},
		unmatchedResults: { [JUNCTION_SAMPLE_IDS.unmatchedResultId]: unmatchedResult() },
		parsingJobs: {
			[JUNCTION_SAMPLE_IDS.parsingJobId]: junctionParsingJob({ jobStatus: 'completed' }),
		},
	};
}

/** GET /v3/unmatched_result/{id}: the result, the patient as the lab reported them, and candidate orders. */
function unmatchedResult(): Record<string, unknown> {
	return {
		...junctionMatchReview(),
		reason: 'The sample id matched, but the patient demographics did not',
		patient: { ...JUNCTION_SAMPLE_PATIENT },
		lab: { id: 1, name: 'Example Reference Laboratory', slug: 'example-lab' },
		markers: [{ provider_id: '001453', name: 'Hemoglobin A1c' }],
		interpretation: 'abnormal',
		result_status: 'final',
		allowed_actions: ['accept', 'reject', 'unsure'],
		candidate_groups: [
			{
				user_id: JUNCTION_SAMPLE_IDS.userId,
				candidates: [
					{
						candidate_type: 'provenance_order',
						order_id: JUNCTION_SAMPLE_IDS.orderId,
						order_transaction_id: JUNCTION_SAMPLE_IDS.orderTransactionId,
						last_status: 'completed',
						confidence_level: 'medium',
						confidence_score: 0.72,
						reasons: ['sample_id_match'],
						marker_overlap: 1,
					},
				],
			},
		],
		created_at: '2026-08-12T09:00:00+00:00',
		updated_at: '2026-08-12T09:00:00+00:00',
		reviewed_at: null,
	};
}
