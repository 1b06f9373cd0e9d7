import { HURDLE_SAMPLE_IDS } from './samples';
import { FakeServer, type FakeReply, type FakeRequest } from '../fakeServer';
import { hurdleResultFixtures } from './resultFixtures';

export { HURDLE_RESULT_TESTS } from './resultFixtures';

/**
 * A fake Hurdle API: `X-API-Key` auth, `/products/v1` paginated by page number (`{data, meta}`),
 * `/orders/v3` paginated by cursor (`{orders, nextCursor}`) — Hurdle documents neither envelope, so the
 * fake uses two different ones — v3 order creation with the documented rules (patient data for
 * REQUIRED_WITH_ORDER products, state, physician and quantity 1 for the US; 400 with every problem),
 * tests with `biomarkerResults`, kit registration answering 202, and cancelling an order before it is
 * processed (`PATCH /orders/v3/{orderNumber}/cancel`, no body, answering the order).
 */
export const HURDLE_FAKE_API_KEY = 'hurdle-test-api-key';
/** Accessioned but not processed: no results yet. */
export const HURDLE_PENDING_TEST = '6377bcd6cd7907948cb50000';
/** Answers 429 (Retry-After: 0) to its first request, then 200. */
export const HURDLE_RATE_LIMITED_TEST = '6377bcd6cd7907948cb54290';
/** A product whose `patientDataInput` is REQUIRED_WITH_ORDER: the patient must be in the order. */
export const HURDLE_PATIENT_DATA_PRODUCT = 'C1BLP20001';
/** An order number the order lookup answers with 405, as an API without that route would. */
export const HURDLE_NO_LOOKUP_ORDER = 'HRD-405000';
export const HURDLE_MAX_LIMIT = 100;

type Row = Record<string, unknown>;

export interface HurdleFakeData {
	products: Row[];
	orders: Row[];
	tests: Record<string, Row>;
	kits: Set<string>;
	/** Bodies of accepted kit registrations, in order. */
	registrations: Row[];
	/** Bodies of created orders, in order. */
	createdOrders: Row[];
	/** The next order is stored, then answered 502: its answer is lost. */
	loseNextCreateAnswer: boolean;
}

function biomarkerResult(
	testId: string,
	index: number,
	name: string,
	code: string,
	result: string,
	unit: string,
	normal: string[],
	other: Record<string, string[]>,
	interpretation: string | null,
): Row {
	return {
		id: `br_${testId.slice(-4)}_${index}`,
		result,
		specimenId: `sp_${testId.slice(-4)}`,
		testId,
		interpretation,
		biomarker: {
			id: `bm_${code.toLowerCase()}`,
			name,
			code,
			unit,
			interpretationRule: { rule: 'RANGE', value: { NORMAL: normal, ...other } },
			specimenType: 'CAPILLARY_BLOOD_DBS',
		},
	};
}

function test(id: string, status: string, results: Row[]): Row {
	return {
		id,
		kitId: HURDLE_SAMPLE_IDS.kitId,
		productCode: HURDLE_SAMPLE_IDS.productCode,
		status,
		metadata: { dateOfBirth: '1990-05-12', gender: 'f' },
		registeredAt: '2022-11-18T17:11:50.243Z',
		specimens: [
			{
				id: `sp_${id.slice(-4)}`,
				barcode: HURDLE_SAMPLE_IDS.barcode,
				status,
				testId: id,
				registeredAt: '2022-11-18T17:11:50.243Z',
				accessionedAt: '2022-11-21T09:02:11.000Z',
				processedAt: status === 'PROCESSED' ? '2022-11-23T14:20:00.000Z' : null,
				specimenType: 'CAPILLARY_BLOOD_DBS',
			},
		],
		biomarkerResults: results,
	};
}

export function hurdleFakeData(counts = { products: 230, orders: 230 }): HurdleFakeData {
	const sampleTest = HURDLE_SAMPLE_IDS.testId;
	const results = [
		biomarkerResult(
			sampleTest,
			1,
			'LDL Cholesterol',
			'LDL',
			'131',
			'mg/dl',
			['<=99'],
			{ HIGH: ['>99'] },
			'HIGH',
		),
		biomarkerResult(
			sampleTest,
			2,
			'HDL Cholesterol',
			'HDL',
			'58',
			'mg/dl',
			['>=40'],
			{ LOW: ['<40'] },
			'NORMAL',
		),
		biomarkerResult(
			sampleTest,
			3,
			'HbA1c',
			'HBA1C',
			'<7.00',
			'%',
			['<7.00'],
			{ HIGH: ['>=7.00'] },
			'NORMAL',
		),
		biomarkerResult(sampleTest, 4, 'Ferritin', 'FERR', '9', 'ug/L', ['13-150'], {}, null),
	];
	const products = Array.from({ length: counts.products }, (_, index) => ({
		productCode: index === 0 ? HURDLE_SAMPLE_IDS.productCode : `C1BLP${String(20000 + index)}`,
		name: index === 0 ? 'Heart Health Blood Test' : `Blood Test ${index}`,
		phlebotomyType: index % 3 === 0 ? 'MOBILE' : 'NONE',
		patientDataInput: index % 2 === 0 ? 'REQUIRED_VIA_REGISTRATION' : 'REQUIRED_WITH_ORDER',
		price: { priceExTax: 2900 + index * 100, currency: 'GBP' },
	}));
	const orders = Array.from({ length: counts.orders }, (_, index) => ({
		orderNumber: index === 0 ? HURDLE_SAMPLE_IDS.orderNumber : `HRD-${String(200000 + index)}`,
		status: 'DISPATCHED',
		productCode: HURDLE_SAMPLE_IDS.productCode,
		quantity: 1,
		createdAt: '2022-03-06T10:00:00.000Z',
		delivery: {
			firstName: 'Jane',
			lastName: 'Smith',
			email: 'jane.smith@example.com',
			mobileNumber: '447789123456',
			address: {
				addressLine1: '130 Plumstead Road',
				city: 'London',
				postcode: 'SE18 7DW',
				countryCode: 'GB',
			},
		},
		kits: [{ kitId: index === 0 ? HURDLE_SAMPLE_IDS.kitId : `KIT${String(300000 + index)}` }],
	}));
	return {
		products,
		orders,
		tests: {
			[sampleTest]: test(sampleTest, 'PROCESSED', results),
			[HURDLE_PENDING_TEST]: test(HURDLE_PENDING_TEST, 'LAB_ACCESSIONED', []),
			[HURDLE_RATE_LIMITED_TEST]: test(HURDLE_RATE_LIMITED_TEST, 'PROCESSED', results.slice(0, 1)),
			...Object.fromEntries(
				Object.entries(hurdleResultFixtures()).map(([id, found]) => [
					id,
					test(id, 'PROCESSED', found),
				]),
			),
		},
		kits: new Set([HURDLE_SAMPLE_IDS.kitId, 'MMM9990001']),
		registrations: [],
		createdOrders: [],
		loseNextCreateAnswer: false,
	};
}

function limitOf(request: FakeRequest): number {
	return Math.min(Math.max(Number(request.param('limit') ?? 20), 1), HURDLE_MAX_LIMIT);
}

function productPage(request: FakeRequest, items: Row[]): FakeReply {
	const limit = limitOf(request);
	const page = Math.max(Number(request.param('page') ?? 1), 1);
	const totalPages = Math.max(Math.ceil(items.length / limit), 1);
	return {
		status: 200,
		json: {
			data: items.slice((page - 1) * limit, page * limit),
			meta: { page, limit, totalPages, total: items.length },
		},
	};
}

function orderPage(request: FakeRequest, items: Row[]): FakeReply {
	const limit = limitOf(request);
	const cursor = request.param('cursor');
	const offset = cursor ? Number(cursor.replace(/^c_/, '')) : 0;
	const end = offset + limit;
	return {
		status: 200,
		json: { orders: items.slice(offset, end), nextCursor: end < items.length ? `c_${end}` : null },
	};
}

function body(request: FakeRequest): Row | undefined {
	try {
		const parsed = JSON.parse(request.body) as unknown;
		return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
			? (parsed as Row)
			: undefined;
	} catch {
		return undefined;
	}
}

function field(source: unknown, path: string): unknown {
	return path.split('.').reduce<unknown>((value, key) => (value as Row | undefined)?.[key], source);
}

const REQUIRED_ORDER_FIELDS = [
	'productCode',
	'delivery.address.addressLine1',
	'delivery.address.city',
	'delivery.address.postcode',
	'delivery.address.countryCode',
	'delivery.firstName',
	'delivery.lastName',
	'delivery.email',
	'delivery.mobileNumber',
];

/**
 * Hurdle's documented validation status is 400 (its error body is not documented): answered in the
 * NestJS shape, every problem in `message`.
 */
function badRequest(message: string | string[]): FakeReply {
	return { status: 400, json: { statusCode: 400, message, error: 'Bad Request' } };
}

/** Documented: an order can be cancelled before it is processed or dispatched. */
const CANCELLABLE = ['CREATED', 'CONFIRMED'];

const text = (value: unknown) => typeof value === 'string' && value.trim() !== '';

/**
 * The rules of the order creation docs (v2 reference) and the product list, checked on the body shape
 * Order › Create sends (an assumption: see nodes/Hurdle/actions/order/orderRequest.ts): a product with
 * `patientDataInput: REQUIRED_WITH_ORDER` needs `patient.{firstName, lastName, dateOfBirth, sex}`; a US
 * order needs `delivery.address.state`, `physicianDetails.{firstName, lastName, npi}` and quantity 1,
 * and takes no county; any other country takes no state.
 */
function orderRuleProblems(order: Row, product: Row): string[] {
	const problems: string[] = [];
	if (product.patientDataInput === 'REQUIRED_WITH_ORDER') {
		for (const key of ['firstName', 'lastName', 'dateOfBirth', 'sex']) {
			if (!text(field(order, `patient.${key}`)))
				problems.push(`patient.${key} is required for product ${String(product.productCode)}`);
		}
	}
	const dateOfBirth = field(order, 'patient.dateOfBirth');
	if (text(dateOfBirth) && !/^\d{4}-\d{2}-\d{2}$/.test(String(dateOfBirth)))
		problems.push('patient.dateOfBirth must be a date (YYYY-MM-DD)');
	const sex = field(order, 'patient.sex');
	if (sex !== undefined && sex !== 'm' && sex !== 'f') problems.push('patient.sex must be m or f');
	if (field(order, 'delivery.address.countryCode') === 'US') {
		if (!text(field(order, 'delivery.address.state')))
			problems.push('delivery.address.state is required for US orders');
		for (const key of ['firstName', 'lastName', 'npi']) {
			if (!text(field(order, `physicianDetails.${key}`)))
				problems.push(`physicianDetails.${key} is required for US orders`);
		}
		if (order.quantity !== 1) problems.push('quantity must be 1 for US orders');
		if (field(order, 'delivery.address.county') !== undefined)
			problems.push('delivery.address.county is not allowed for US orders');
	} else if (field(order, 'delivery.address.state') !== undefined) {
		problems.push('delivery.address.state is only allowed for US orders');
	}
	return problems;
}

export function createHurdleFake(
	data: HurdleFakeData = hurdleFakeData(),
	apiKey = HURDLE_FAKE_API_KEY,
): FakeServer {
	const server = new FakeServer();
	const rateLimited = new Set<string>();
	const guard =
		(handler: (request: FakeRequest) => FakeReply) =>
		(request: FakeRequest): FakeReply =>
			request.headers['x-api-key'] === apiKey
				? handler(request)
				: { status: 401, json: { statusCode: 401, message: 'Invalid API key' } };
	const notFound = (what: string): FakeReply => ({
		status: 404,
		json: { statusCode: 404, message: `${what} not found` },
	});

	return (
		server
			.route(
				'GET',
				'/products/v1',
				guard((request) => productPage(request, data.products)),
			)
			.route(
				'GET',
				'/orders/v3',
				guard((request) => orderPage(request, data.orders)),
			)
			.route(
				'GET',
				'/orders/v3/:orderNumber',
				guard((request) => {
					if (request.params.orderNumber === HURDLE_NO_LOOKUP_ORDER) {
						return { status: 405, json: { statusCode: 405, message: 'Method Not Allowed' } };
					}
					const order = data.orders.find(
						(entry) => entry.orderNumber === request.params.orderNumber,
					);
					return order ? { status: 200, json: order } : notFound('Order');
				}),
			)
			.route(
				'POST',
				'/orders/v3',
				guard((request) => {
					const order = body(request);
					if (!order) return badRequest('The body must be a JSON object');
					const missing = REQUIRED_ORDER_FIELDS.find((path) => {
						const value = field(order, path);
						return typeof value !== 'string' || value.trim() === '';
					});
					if (missing) return badRequest(`${missing} is required`);
					if (typeof order.quantity !== 'number' || order.quantity < 1)
						return badRequest('quantity must be at least 1');
					const product = data.products.find((entry) => entry.productCode === order.productCode);
					if (!product) return badRequest('productCode is not available to this account');
					const problems = orderRuleProblems(order, product);
					if (problems.length) return badRequest(problems);
					data.createdOrders.push(order);
					const orderNumber = `HRD-${String(900000 + data.createdOrders.length)}`;
					// The order object of the cancel endpoint's schema, as the create answer presumably is.
					const created: Row = {
						...order,
						orderNumber,
						status: 'CREATED',
						paymentConfirmed: false,
						kits: [],
						createdAt: new Date().toISOString(),
					};
					data.orders.push(created);
					if (data.loseNextCreateAnswer) {
						data.loseNextCreateAnswer = false;
						return { status: 502, json: { statusCode: 502, message: 'Bad Gateway' } };
					}
					return {
						status: 201,
						json: {
							orderNumber,
							status: 'CREATED',
							productCode: order.productCode,
							quantity: order.quantity,
						},
					};
				}),
			)
			.route(
				'PATCH',
				'/orders/v3/:orderNumber/cancel',
				guard((request) => {
					// Documented without a body.
					if (request.body.trim() && request.body.trim() !== '{}')
						return badRequest('This request takes no body');
					const order = data.orders.find(
						(entry) => entry.orderNumber === request.params.orderNumber,
					);
					if (!order) return notFound('Order');
					if (order.status === 'CANCELLED') return badRequest('Order is already cancelled');
					if (!CANCELLABLE.includes(String(order.status)))
						return badRequest(
							`An order that is ${String(order.status)} can no longer be cancelled`,
						);
					order.status = 'CANCELLED';
					return { status: 200, json: order };
				}),
			)
			// For tests in another process: the next order is stored, and its answer lost (502).
			.route('POST', '/__lose-next-create-answer', () => {
				data.loseNextCreateAnswer = true;
				return { status: 200, json: { armed: true } };
			})
			.route(
				'GET',
				'/tests/v2/:testId',
				guard((request) => {
					const { testId } = request.params;
					if (testId === HURDLE_RATE_LIMITED_TEST && !rateLimited.has(testId)) {
						rateLimited.add(testId);
						return {
							status: 429,
							headers: { 'retry-after': '0' },
							json: { statusCode: 429, message: 'Too Many Requests' },
						};
					}
					const found = data.tests[testId];
					return found ? { status: 200, json: found } : notFound('Test');
				}),
			)
			.route(
				'POST',
				'/tests/v2',
				guard((request) => {
					const registration = body(request);
					if (!registration) return badRequest('The body must be a JSON object');
					if (typeof registration.kitId !== 'string' || !registration.kitId)
						return badRequest('kitId is required');
					const user = registration.user as Row | undefined;
					for (const key of ['firstName', 'lastName', 'dateOfBirth']) {
						if (typeof user?.[key] !== 'string' || !user[key])
							return badRequest(`user.${key} is required`);
					}
					if (!data.kits.has(registration.kitId)) return notFound('Kit');
					data.registrations.push(registration);
					return { status: 202, json: { message: 'Registration accepted' } };
				}),
			)
	);
}
