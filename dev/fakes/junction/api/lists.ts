import type { FakeReply, FakeRequest } from '../../fakeServer';
import { fullName, lowLevelStatus, type JunctionFakeData } from './data';
import { updatedRangeFilter } from '../updatedRange';

/** The lists of the fake Junction API, and its FastAPI-style 422 answers. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** FastAPI's 422 shape, echoing the offending input as FastAPI does. */
export function validationError(
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
	'updated_start_date',
	'updated_end_date',
];

/** GET /v3/orders: every filter of the spec, the sort, and page/size. */
export function listOrders(data: JunctionFakeData, request: FakeRequest): FakeReply {
	const invalid = invalidOrdersQuery(request);
	if (invalid) return invalid;
	const updated = updatedRangeFilter(request);
	if (updated && typeof updated !== 'function') return updated;
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
		(!updated || updated(order)) &&
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
export function listLabTests(data: JunctionFakeData, request: FakeRequest): FakeReply {
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
