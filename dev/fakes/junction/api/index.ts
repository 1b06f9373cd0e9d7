import { FakeServer, samplePdf, type FakeReply, type FakeRequest } from '../../fakeServer';
import { JUNCTION_SAMPLE_IDS } from '../samples';
import {
	JUNCTION_FAKE_KEY,
	JUNCTION_FAKE_ORDERS,
	junctionFakeData,
	lowLevelStatus,
	type JunctionFakeData,
} from './data';
import { registerAppointmentRoutes } from './appointments';
import { registerHooks } from './hooks';
import { registerLabTestRoutes } from './labTestDetails';
import { listLabTests, listOrders, validationError } from './lists';
import { registerOrderWrites } from './orderWrites';
import { junctionWrites, type JunctionWrites, type RouteContext } from './state';
import { registerUserRoutes } from './users';

export * from './data';
export { JUNCTION_RESULT_ORDERS } from './resultFixtures';
export { labTestPricing } from './lists';
export * from './hooks';
export type { JunctionWrites } from './state';

/** The fake, with what its write endpoints keep (orders created, idempotency keys, appointments). */
export type JunctionFake = FakeServer & { writes: JunctionWrites; data: JunctionFakeData };

/**
 * A fake Junction (Vital) API: `x-vital-api-key` auth, GET /v3/orders with page/size (max 100) and its
 * filters, cancel with the documented 400 transition error, simulate, PDFs, results with LOINC codes
 * and normal/abnormal/critical markers, 404 while results are not ready, lab tests with cursor
 * pagination (with `include_pricing=true`, each page carries the spec's top-level `pricing` object for
 * its own tests), users with the 400 conflict of POST /v2/user, a FastAPI 422 that echoes its input,
 * and an order that answers 429 (Retry-After) once before it answers. Results of an unknown order
 * answer 404 like pending ones (Junction documents neither); the order itself then answers 404 too. The
 * redraw story has an order transaction with combined results; an unmatched result and a completed lab
 * report parsing job can be read back. The write endpoints (orders, test kits, schedules, resent
 * events, users, lab test details, appointments) check each request against the spec and keep
 * Junction's idempotency keys: see orderWrites.ts, users.ts, labTestDetails.ts, appointments.ts and
 * hooks.ts (the test hooks).
 */
export function createJunctionFake(
	data: JunctionFakeData = junctionFakeData(),
	apiKey = JUNCTION_FAKE_KEY,
): JunctionFake {
	const server = new FakeServer();
	const attempts = new Map<string, number>();
	// Never reused, even after a user is deleted.
	let usersCreated = 0;
	const guard =
		<Reply extends FakeReply | Promise<FakeReply>>(handler: (request: FakeRequest) => Reply) =>
		(request: FakeRequest): Reply | FakeReply =>
			request.headers['x-vital-api-key'] === apiKey
				? handler(request)
				: { status: 401, json: { detail: 'Invalid API key' } };
	const writes = junctionWrites();
	const routes: RouteContext = { server, data, writes, guard };
	registerOrderWrites(routes);
	registerUserRoutes(routes);
	registerLabTestRoutes(routes);
	registerAppointmentRoutes(routes);
	registerHooks(routes);
	const resetRequests = server.reset.bind(server);
	server.reset = () => {
		resetRequests();
		writes.keys.resetHooks();
	};
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

	server
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
					user_id: `f0000000-0000-4000-8000-${String(++usersCreated).padStart(12, '0')}`,
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
	return Object.assign(server, { writes, data });
}
