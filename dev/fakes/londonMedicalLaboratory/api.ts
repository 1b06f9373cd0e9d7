import { FakeServer, samplePdf, type FakeReply, type FakeRequest } from '../fakeServer';
import { findRegistration, lmlFakeData, productDetails, type LmlFakeData } from './data';
import { lmlWriteRoutes } from './writes';

export * from './data';

/**
 * A fake London Medical Laboratory API: bearer auth, the `{items, next_page, …}` list envelope with
 * `page`/`results_per_page` (max 100), 204 for results not ready, and the documented 401 body. The
 * write endpoints (patients, orders, test registrations) are in writes.ts, the records in data.ts.
 */
export const LML_FAKE_TOKEN = 'lml-test-token';

export type Guard = (
	handler: (request: FakeRequest) => FakeReply,
) => (request: FakeRequest) => FakeReply;

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

export function createLmlFake(
	data: LmlFakeData = lmlFakeData(),
	token = LML_FAKE_TOKEN,
): FakeServer {
	const server = new FakeServer();
	const authorised = (request: FakeRequest) => request.headers.authorization === `Bearer ${token}`;
	const guard: Guard =
		(handler) =>
		(request): FakeReply =>
			authorised(request)
				? handler(request)
				: { status: 401, json: { message: 'Token is not valid.' } };
	const notFound: FakeReply = { status: 404, json: { message: 'Not found' } };

	const productById = (id: string) => data.products.find((product) => product.id === id);

	lmlWriteRoutes(server, data, guard);
	return server
		.route(
			'GET',
			'/api/product/',
			guard((request) => {
				const sku = request.param('sku');
				const search = request.param('search')?.toLowerCase();
				return page(
					request,
					data.products.filter(
						(product) =>
							(!sku || product.sku === sku) &&
							(!search ||
								`${String(product.name)} ${String(product.sku)}`.toLowerCase().includes(search)),
					),
				);
			}),
		)
		.route(
			'GET',
			'/api/product/:id',
			guard((request) => {
				const product = productById(request.params.id);
				return product ? { status: 200, json: productDetails(product) } : notFound;
			}),
		)
		.route(
			'GET',
			'/api/product/:id/shipping',
			guard((request) => {
				// The docs' example: `{items: […]}`, no page fields.
				const methods = data.shipping[request.params.id];
				return methods ? { status: 200, json: { items: methods } } : notFound;
			}),
		)
		.route(
			'GET',
			'/api/patient/:id',
			guard((request) => {
				const patient = data.patients.find((entry) => entry.id === request.params.id);
				return patient ? { status: 200, json: patient } : notFound;
			}),
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
