import {
	JUNCTION_SAMPLE_ADDRESS,
	JUNCTION_SAMPLE_IDS,
	JUNCTION_SAMPLE_PATIENT,
	junctionMatchReview,
	junctionOrder,
	junctionParsingJob,
} from '../samples/junction';
import { FakeServer, samplePdf, type FakeReply, type FakeRequest } from '../fakeServer';

/**
 * A fake Junction (Vital) API: `x-vital-api-key` auth, GET /v3/orders with page/size (max 100) and its
 * filters, cancel with the documented 400 transition error, simulate, PDFs, results with LOINC codes
 * and normal/abnormal/critical markers, 404 while results are not ready, lab tests with cursor
 * pagination (with `include_pricing=true`, each page carries the spec's top-level `pricing` object for
 * its own tests), users with the 400 conflict of POST /v2/user, a FastAPI 422 that echoes its input,
 * and an order that answers 429 (Retry-After) once before it answers. Results of an unknown order
 * answer 404 like pending ones (Junction documents neither); the order itself then answers 404 too. The
 * redraw story has an order transaction with combined results; an unmatched result and a completed lab
 * report parsing job can be read back.
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

function lowLevelStatus(order: Record<string, unknown>): string {
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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** FastAPI's 422 shape, echoing the offending input as FastAPI does. */
function validationError(
	location: string[],
	message: string,
	type: string,
	input: unknown,
): FakeReply {
	return {
		status: 422,
		json: { detail: [{ type, loc: location, msg: message, input, ctx: { error: message } }] },
	};
}

const INTERPRETATIONS = ['normal', 'abnormal', 'critical', 'unknown'];
const ORDER_KEYS = ['created_at', 'patient_name', 'last_status'];
const DIRECTIONS = ['asc', 'desc'];
const ACTIVATION_TYPES = ['current', 'scheduled'];

/** FastAPI's 422 for a value outside an enum, at `location`. */
function notOneOf(location: Array<string | number>, allowed: string[], input: unknown): FakeReply {
	const expected = allowed.map((value) => `'${value}'`).join(', ');
	return validationError(location.map(String), `Input should be ${expected}`, 'enum', input);
}

function notUuid(location: Array<string | number>, input: unknown): FakeReply {
	return validationError(
		location.map(String),
		'Input should be a valid UUID, invalid character',
		'uuid_parsing',
		input,
	);
}

const fullName = (person: unknown): string => {
	const { first_name, last_name } = (person ?? {}) as Record<string, unknown>;
	return [first_name, last_name].filter((part) => typeof part === 'string').join(' ');
};

/** `scheduled`: an order whose `activate_by` date is still ahead; `current`: every other one. */
const activationType = (order: Record<string, unknown>): string =>
	typeof order.activate_by === 'string' && Date.parse(order.activate_by) > Date.now()
		? 'scheduled'
		: 'current';

const SORT_VALUE: Record<string, (order: Record<string, unknown>) => string> = {
	created_at: (order) => String(order.created_at),
	patient_name: (order) => fullName(order.patient_details).toLowerCase(),
	last_status: lowLevelStatus,
};

/** The query of GET /v3/orders checked as FastAPI would: a 422 for the first value it cannot parse. */
function invalidOrdersQuery(request: FakeRequest): FakeReply | undefined {
	const size = Number(request.param('size') ?? 50);
	if (!(size >= 1 && size <= 100)) {
		return validationError(
			['query', 'size'],
			'Input should be less than or equal to 100',
			'less_than_equal',
			request.param('size'),
		);
	}
	for (const name of ['user_id', 'order_transaction_id']) {
		const value = request.param(name);
		if (value !== undefined && !UUID.test(value)) return notUuid(['query', name], value);
	}
	const ids = request.list('order_ids');
	const badId = ids.findIndex((id) => !UUID.test(id));
	if (badId >= 0) return notUuid(['query', 'order_ids', badId], ids[badId]);
	const enums: Array<[string, string[]]> = [
		['interpretation', INTERPRETATIONS],
		['order_key', ORDER_KEYS],
		['order_direction', DIRECTIONS],
	];
	for (const [name, allowed] of enums) {
		const value = request.param(name);
		if (value !== undefined && !allowed.includes(value))
			return notOneOf(['query', name], allowed, value);
	}
	const types = request.list('order_activation_types');
	const badType = types.findIndex((type) => !ACTIVATION_TYPES.includes(type));
	if (badType >= 0)
		return notOneOf(['query', 'order_activation_types', badType], ACTIVATION_TYPES, types[badType]);
	const critical = request.param('is_critical');
	if (critical !== undefined && critical !== 'true' && critical !== 'false') {
		return validationError(
			['query', 'is_critical'],
			'Input should be a valid boolean, unable to interpret input',
			'bool_parsing',
			critical,
		);
	}
	return undefined;
}

const FILTERS = [
	'status',
	'order_type',
	'user_id',
	'interpretation',
	'is_critical',
	'order_ids',
	'order_transaction_id',
	'order_activation_types',
	'patient_name',
	'shipping_recipient_name',
	'order_key',
	'order_direction',
];

/** GET /v3/orders: every filter of the spec, the sort, and page/size. */
function listOrders(data: JunctionFakeData, request: FakeRequest): FakeReply {
	const invalid = invalidOrdersQuery(request);
	if (invalid) return invalid;
	const page = Number(request.param('page') ?? 1);
	const size = Number(request.param('size') ?? 50);
	const statuses = request.list('status');
	const types = request.list('order_type');
	const ids = request.list('order_ids');
	const activation = request.list('order_activation_types');
	const userId = request.param('user_id');
	const transactionId = request.param('order_transaction_id');
	const interpretation = request.param('interpretation');
	const critical = request.param('is_critical');
	const patientName = request.param('patient_name')?.toLowerCase();
	const recipient = request.param('shipping_recipient_name')?.toLowerCase();
	const matches = (order: Record<string, unknown>): boolean =>
		(statuses.length === 0 || statuses.includes(lowLevelStatus(order))) &&
		(types.length === 0 || types.includes(String((order.details as { type: string }).type))) &&
		(ids.length === 0 || ids.includes(String(order.id))) &&
		(activation.length === 0 || activation.includes(activationType(order))) &&
		(!userId || order.user_id === userId) &&
		(!transactionId ||
			(order.order_transaction as { id?: string } | null | undefined)?.id === transactionId) &&
		(!interpretation || order.interpretation === interpretation) &&
		(critical === undefined || (critical === 'true') === (order.interpretation === 'critical')) &&
		(!patientName || fullName(order.patient_details).toLowerCase().includes(patientName)) &&
		(!recipient ||
			String((order.patient_address as { receiver_name?: string } | null)?.receiver_name ?? '')
				.toLowerCase()
				.includes(recipient));
	// Unfiltered lists are served as they are: a benchmark pages through 50,000 orders.
	let matching = FILTERS.some((name) => request.query[name] !== undefined)
		? data.orders.filter(matches)
		: data.orders;
	const direction = request.param('order_direction');
	const key = request.param('order_key') ?? (direction ? 'created_at' : undefined);
	if (key) {
		const value = SORT_VALUE[key];
		const sign = direction === 'desc' ? -1 : 1;
		matching = [...matching].sort((a, b) => sign * value(a).localeCompare(value(b)));
	}
	return {
		status: 200,
		json: {
			orders: matching.slice((page - 1) * size, page * size),
			total: matching.length,
			page,
			size,
		},
	};
}

/** Cursor pages over the lab tests; the cursor is opaque to clients, as Junction's is. */
function listLabTests(data: JunctionFakeData, request: FakeRequest): FakeReply {
	const limit = Number(request.param('lab_test_limit') ?? 50);
	const cursor = request.param('next_cursor');
	const start = cursor
		? Number(Buffer.from(cursor, 'base64url').toString('utf8').replace('offset:', ''))
		: 0;
	const name = request.param('name')?.toLowerCase();
	const matching = name
		? data.labTests.filter((test) => String(test.name).toLowerCase().includes(name))
		: data.labTests;
	const end = start + limit;
	const page = matching.slice(start, end);
	return {
		status: 200,
		json: {
			data: page,
			next_cursor:
				end < matching.length ? Buffer.from(`offset:${end}`).toString('base64url') : null,
			...(request.param('include_pricing') === 'true' ? { pricing: labTestPricing(page) } : {}),
		},
	};
}

/**
 * `GetLabTestPricingResponse` for the tests of one page, keyed by lab test ID: `SpecifiedPricing` in
 * minor units (some with a state surcharge or a reflex range), a per-marker breakdown for the first test,
 * `UnspecifiedPricing` for every fifth, and none at all for every seventh (priced nowhere).
 */
export function labTestPricing(tests: Array<Record<string, unknown>>): Record<string, unknown> {
	const data: Record<string, unknown> = {};
	for (const test of tests) {
		const index = Number(String(test.slug).replace('lab-test-', ''));
		if (index % 7 === 6) continue;
		if (index % 5 === 4) {
			data[String(test.id)] = { pricing: { unspecified: 'refer_to_contract' } };
			continue;
		}
		const modifiers =
			index % 3 === 0
				? [
						{ delta_amount_minor: 500, conditions: { us_state: { any_of: ['NY', 'NJ'] } } },
						{ delta_amount_minor: { minimum: 0, maximum: 2500 }, conditions: { reflex: {} } },
					]
				: null;
		data[String(test.id)] = {
			pricing: { base_amount_minor: Number(test.price) * 100, modifiers },
			...(index === 0
				? {
						marker_breakdown: {
							'101': { base_amount_minor: 1500 },
							'102': { unspecified: 'price_unavailable' },
						},
					}
				: {}),
		};
	}
	return { currency: 'USD', data };
}

export function createJunctionFake(
	data: JunctionFakeData = junctionFakeData(),
	apiKey = JUNCTION_FAKE_KEY,
): FakeServer {
	const server = new FakeServer();
	const attempts = new Map<string, number>();
	const guard =
		(handler: (request: FakeRequest) => FakeReply) =>
		(request: FakeRequest): FakeReply =>
			request.headers['x-vital-api-key'] === apiKey
				? handler(request)
				: { status: 401, json: { detail: 'Invalid API key' } };
	const findOrder = (id: string) => data.orders.find((order) => order.id === id);
	const orderNotFound: FakeReply = { status: 404, json: { detail: 'Order not found' } };
	const pdf = (title: string): FakeReply => ({
		status: 200,
		body: samplePdf(title),
		headers: { 'content-type': 'application/pdf' },
	});
	const jsonNotPdf: FakeReply = {
		status: 200,
		json: { detail: 'PDF generation is not available for this lab' },
	};

	return server
		.route(
			'GET',
			'/v2/user',
			guard((request) => {
				const limit = Number(request.param('limit') ?? 100);
				return {
					status: 200,
					json: { users: data.users.slice(0, limit), total: data.users.length, offset: 0, limit },
				};
			}),
		)
		.route(
			'GET',
			'/v2/user/:id',
			guard((request) => {
				const user = data.users.find((entry) => entry.user_id === request.params.id);
				return user
					? { status: 200, json: user }
					: { status: 404, json: { detail: 'User not found' } };
			}),
		)
		.route(
			'POST',
			'/v2/user',
			guard((request) => {
				const body = JSON.parse(request.body || '{}') as Record<string, unknown>;
				const clientUserId = body.client_user_id;
				if (typeof clientUserId !== 'string' || clientUserId.length === 0) {
					return validationError(['body', 'client_user_id'], 'Field required', 'missing', body);
				}
				const existing = data.users.find((entry) => entry.client_user_id === clientUserId);
				if (existing) {
					return {
						status: 400,
						json: {
							detail: {
								error_type: 'INVALID_REQUEST',
								error_message: 'Client user id already exists.',
								user_id: existing.user_id,
								created_on: existing.created_on,
							},
						},
					};
				}
				const user = {
					user_id: `f0000000-0000-4000-8000-${String(data.users.length).padStart(12, '0')}`,
					team_id: JUNCTION_SAMPLE_IDS.teamId,
					client_user_id: clientUserId,
					created_on: '2026-08-20T10:00:00+00:00',
					connected_sources: [],
					fallback_time_zone: body.fallback_time_zone ?? null,
				};
				data.users.push(user);
				return { status: 200, json: user };
			}),
		)
		.route(
			'GET',
			'/v3/orders',
			guard((request) => listOrders(data, request)),
		)
		.route(
			'GET',
			'/v3/order/:id',
			guard((request) => {
				const id = request.params.id;
				if (id === JUNCTION_FAKE_ORDERS.rateLimited) {
					const seen = (attempts.get(id) ?? 0) + 1;
					attempts.set(id, seen);
					if (seen === 1)
						return {
							status: 429,
							headers: { 'retry-after': '0' },
							json: { detail: 'Too many requests' },
						};
				}
				const order = findOrder(id);
				return order ? { status: 200, json: order } : orderNotFound;
			}),
		)
		.route(
			'POST',
			'/v3/order/:id/cancel',
			guard((request) => {
				const order = findOrder(request.params.id);
				if (!order) return orderNotFound;
				const status = lowLevelStatus(order);
				if (
					![
						'ordered',
						'requisition_created',
						'requisition_bypassed',
						'awaiting_registration',
					].includes(status)
				) {
					return {
						status: 400,
						json: {
							error: 'Bad Request',
							message: `Transition from ${status} to cancelled is not allowed`,
							status_code: 400,
						},
					};
				}
				const cancelled = {
					...order,
					status: 'cancelled',
					last_event: {
						id: 9999,
						created_at: '2026-08-20T10:00:00+00:00',
						status: 'cancelled.testkit.cancelled',
					},
				};
				return {
					status: 200,
					json: { order: cancelled, status: 'success', message: 'Order cancelled' },
				};
			}),
		)
		.route(
			'POST',
			'/v3/order/:id/test',
			guard((request) => {
				if (!findOrder(request.params.id)) return orderNotFound;
				return { status: 200, json: { success: true } };
			}),
		)
		.route(
			'GET',
			'/v3/order/:id/requisition/pdf',
			guard((request) => {
				const order = findOrder(request.params.id);
				if (!order) return orderNotFound;
				if (order.id === JUNCTION_FAKE_ORDERS.jsonInsteadOfPdf) return jsonNotPdf;
				if (lowLevelStatus(order) === 'ordered')
					return { status: 404, json: { detail: 'Requisition not yet available' } };
				return pdf(`Junction requisition ${String(order.id)}`);
			}),
		)
		.route(
			'GET',
			'/v3/order/:id/result',
			guard((request) => {
				const results = data.results[request.params.id];
				if (!findOrder(request.params.id)) return orderNotFound;
				return results
					? { status: 200, json: results }
					: { status: 404, json: { detail: 'Lab results not found for order' } };
			}),
		)
		.route(
			'GET',
			'/v3/order/:id/result/pdf',
			guard((request) => {
				if (!findOrder(request.params.id)) return orderNotFound;
				if (request.params.id === JUNCTION_FAKE_ORDERS.jsonInsteadOfPdf) return jsonNotPdf;
				return data.results[request.params.id]
					? pdf(`Junction results ${request.params.id}`)
					: { status: 404, json: { detail: 'Lab results not found for order' } };
			}),
		)
		.route(
			'GET',
			'/v3/order_transaction/:id',
			guard((request) => {
				const transaction = data.transactions[request.params.id];
				return transaction
					? { status: 200, json: transaction.summary }
					: { status: 404, json: { detail: 'Order transaction not found' } };
			}),
		)
		.route(
			'GET',
			'/v3/order_transaction/:id/result',
			guard((request) => {
				const transaction = data.transactions[request.params.id];
				if (!transaction) return { status: 404, json: { detail: 'Order transaction not found' } };
				return transaction.results
					? { status: 200, json: transaction.results }
					: { status: 404, json: { detail: 'Lab results not found for order transaction' } };
			}),
		)
		.route(
			'GET',
			'/v3/order_transaction/:id/result/pdf',
			guard((request) => {
				const transaction = data.transactions[request.params.id];
				if (!transaction) return { status: 404, json: { detail: 'Order transaction not found' } };
				return transaction.results
					? pdf(`Junction results, order transaction ${request.params.id}`)
					: { status: 404, json: { detail: 'Lab results not found for order transaction' } };
			}),
		)
		.route(
			'GET',
			'/v3/unmatched_result/:id',
			guard((request) => {
				const record = data.unmatchedResults[request.params.id];
				return record
					? { status: 200, json: record }
					: { status: 404, json: { detail: 'Unmatched result not found' } };
			}),
		)
		.route(
			'GET',
			'/lab_report/v1/parser/job/:id',
			guard((request) => {
				const job = data.parsingJobs[request.params.id];
				return job
					? { status: 200, json: job }
					: { status: 404, json: { detail: 'Parsing job not found' } };
			}),
		)
		.route(
			'GET',
			'/v3/lab_test',
			guard((request) => listLabTests(data, request)),
		);
}
