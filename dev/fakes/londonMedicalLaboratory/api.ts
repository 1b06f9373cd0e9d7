import { LML_SAMPLE_IDS } from './samples';
import { LML_RESULT_REGISTRATIONS, lmlResultFixtures } from './resultFixtures';
import { FakeServer, samplePdf, type FakeReply, type FakeRequest } from '../fakeServer';

export { LML_RESULT_REGISTRATIONS } from './resultFixtures';

/**
 * A fake London Medical Laboratory API: bearer auth, the `{items, next_page, …}` list envelope with
 * `page`/`results_per_page` (max 100), 204 for results not ready, and the documented 401 body.
 */
export const LML_FAKE_TOKEN = 'lml-test-token';
/** A registration whose results are not ready: the fake answers 204. */
export const LML_PENDING_REGISTRATION = 'f0000000-0000-4000-8000-000000000204';

export interface LmlFakeData {
	testRegistrations: Array<Record<string, unknown>>;
	orders: Array<Record<string, unknown>>;
	products: Array<Record<string, unknown>>;
	labResults: Record<string, Array<Record<string, unknown>>>;
}

function registration(
	id: string,
	index: number,
	extra: Record<string, unknown> = {},
): Record<string, unknown> {
	return {
		id,
		trf_code: `LML-AB${String(1000 + index)}`,
		short_code: `AB${String(1000 + index)}`,
		status: 'success',
		results_ready: true,
		patient_id: `a1b2c3d4-0000-4000-8000-${String(index).padStart(12, '0')}`,
		product_ids: ['e5f6a7b8-0000-4000-8000-000000000001'],
		product_skus: ['LML-THY-ADV'],
		first_name: 'Jane',
		last_name: 'Smith',
		email: 'jane.smith@example.com',
		date_of_birth: '1990-05-15',
		gender: 'female',
		created_at: '2024-03-15',
		foreign_id: `CLINIC-REF-${index}`,
		lab_id: '123-456',
		parent_id: null,
		uk_address: {
			line1: '1 High Street',
			city: 'London',
			postal_code: 'N1 1AA',
			country_code: 'GB',
		},
		...extra,
	};
}

export function lmlFakeData(
	counts = { registrations: 250, orders: 230, products: 40 },
): LmlFakeData {
	const testRegistrations = [
		registration(LML_SAMPLE_IDS.testRegistrationId, 0),
		registration(LML_SAMPLE_IDS.retestTestRegistrationId, 1, {
			parent_id: LML_SAMPLE_IDS.testRegistrationId,
			status: 'pending',
			results_ready: false,
		}),
		registration(LML_PENDING_REGISTRATION, 2, { status: 'pending', results_ready: false }),
		...Object.values(LML_RESULT_REGISTRATIONS).map((id, offset) => registration(id, 3 + offset)),
	];
	for (let index = testRegistrations.length; index < counts.registrations; index++) {
		testRegistrations.push(
			registration(`b0000000-0000-4000-8000-${String(index).padStart(12, '0')}`, index),
		);
	}
	const orders = Array.from({ length: counts.orders }, (_, index) => ({
		id:
			index === 0
				? LML_SAMPLE_IDS.orderId
				: `c0000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
		order_number: 10000 + index,
		created_at: '2024-03-10T10:00:00+00:00',
		items: [{ product_sku: 'LML-THY-ADV', quantity: 1 }],
		price: { amount_minor: 4900, currency: 'GBP', formatted_value: '49.00' },
		customer: {
			email: 'jane.smith@example.com',
			first_name: 'Jane',
			last_name: 'Smith',
			phone_number: '+447700900123',
		},
		shipping_status: 'shipped',
		payment_status: 'paid',
		carrier: 'royal_mail',
		tracking_number: `RM${String(100000000 + index)}GB`,
	}));
	const products = Array.from({ length: counts.products }, (_, index) => ({
		id: `d0000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
		name: index === 0 ? 'Advanced Thyroid Function' : `Blood Test ${index}`,
		sku: index === 0 ? 'LML-THY-ADV' : `LML-P${index}`,
		price: {
			amount_minor: 2900 + index * 100,
			currency: 'GBP',
			formatted_value: `${29 + index}.00`,
		},
	}));
	const labResults = {
		...lmlResultFixtures(),
		[LML_SAMPLE_IDS.testRegistrationId]: [
			{
				id: 'r1',
				name: 'TSH',
				code: 'TSH',
				value: '6.8',
				min_range: '0.27',
				max_range: '4.2',
				unit_type: 'mU/L',
				out_of_range: 'high',
				successful: true,
				comment: 'Raised TSH',
				biomarker_id: 'bm-1',
			},
			{
				id: 'r2',
				name: 'Free T4',
				code: 'FT4',
				value: '14.2',
				min_range: '12',
				max_range: '22',
				unit_type: 'pmol/L',
				out_of_range: null,
				successful: true,
				comment: null,
				biomarker_id: 'bm-2',
			},
			{
				id: 'r3',
				name: 'Vitamin D',
				code: 'VITD',
				value: '31',
				min_range: '50',
				max_range: '175',
				unit_type: 'nmol/L',
				out_of_range: null,
				successful: true,
				comment: null,
				biomarker_id: 'bm-3',
			},
			{
				id: 'r4',
				name: 'Ferritin',
				code: 'FERR',
				value: '88',
				min_range: '13',
				max_range: '150',
				unit_type: 'ug/L',
				out_of_range: null,
				successful: true,
				comment: null,
				biomarker_id: 'bm-4',
			},
		],
	};
	return { testRegistrations, orders, products, labResults };
}

function page(request: FakeRequest, items: Array<Record<string, unknown>>): FakeReply {
	const perPage = Math.min(Number(request.param('results_per_page') ?? 100), 100);
	const current = Math.max(Number(request.param('page') ?? 1), 1);
	const pages = Math.max(Math.ceil(items.length / perPage), 1);
	return {
		status: 200,
		json: {
			nr_of_results: items.length,
			current_page: current,
			nr_of_pages: pages,
			results_per_page: perPage,
			next_page: current < pages ? current + 1 : null,
			items: items.slice((current - 1) * perPage, current * perPage),
		},
	};
}

function findRegistration(data: LmlFakeData, id: string) {
	return data.testRegistrations.find(
		(entry) => entry.id === id || entry.trf_code === id || entry.foreign_id === id,
	);
}

export function createLmlFake(
	data: LmlFakeData = lmlFakeData(),
	token = LML_FAKE_TOKEN,
): FakeServer {
	const server = new FakeServer();
	const authorised = (request: FakeRequest) => request.headers.authorization === `Bearer ${token}`;
	const guard =
		(handler: (request: FakeRequest) => FakeReply) =>
		(request: FakeRequest): FakeReply =>
			authorised(request)
				? handler(request)
				: { status: 401, json: { message: 'Token is not valid.' } };
	const notFound: FakeReply = { status: 404, json: { message: 'Not found' } };

	return server
		.route(
			'GET',
			'/api/product/',
			guard((request) =>
				page(
					request,
					data.products.filter(
						(product) => !request.param('sku') || product.sku === request.param('sku'),
					),
				),
			),
		)
		.route(
			'GET',
			'/api/order/',
			guard((request) => page(request, data.orders)),
		)
		.route(
			'GET',
			'/api/order/:id',
			guard((request) => {
				const order = data.orders.find((entry) => entry.id === request.params.id);
				return order ? { status: 200, json: order } : notFound;
			}),
		)
		.route(
			'GET',
			'/api/test_registration/',
			guard((request) => {
				const order = request.param('order');
				// Unfiltered lists are served as they are: a benchmark pages through 50,000 of them.
				return page(
					request,
					order
						? data.testRegistrations.filter((entry) => entry.order_id === order)
						: data.testRegistrations,
				);
			}),
		)
		.route(
			'GET',
			'/api/test_registration/:id',
			guard((request) => {
				const found = findRegistration(data, request.params.id);
				return found ? { status: 200, json: found } : notFound;
			}),
		)
		.route(
			'GET',
			'/api/test_registration/:id/lab_results/',
			guard((request) => {
				const found = findRegistration(data, request.params.id);
				if (!found) return notFound;
				const results = data.labResults[found.id as string];
				return results ? { status: 200, json: results } : { status: 204 };
			}),
		)
		.route(
			'GET',
			'/api/test_registration/:id/download_pdf',
			guard((request) => {
				const found = findRegistration(data, request.params.id);
				if (!found) return notFound;
				if (!data.labResults[found.id as string]) return { status: 204 };
				return {
					status: 200,
					body: samplePdf(`LML results ${String(found.trf_code)}`),
					headers: { 'content-type': 'application/pdf' },
				};
			}),
		);
}
