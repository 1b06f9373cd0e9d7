import {
	JUNCTION_EXISTING_USER_ID,
	JUNCTION_FAKE_ORDERS,
	JUNCTION_FAKE_TRANSACTIONS,
	JUNCTION_REDRAW_MARKER,
} from '../../../dev/fakes/junction/api';
import type { WebhookTarget } from '../../../dev/n8n';
import { ACTION_NODE } from '../../../dev/n8n/workflows';
import { e2e } from '../environment';
import { junctionActions } from '../fixtures/junction';
import { fakeRequests, ids, resetFake } from './deliveries';

describe('Junction action node in n8n', () => {
	beforeEach(resetFake);

	const succeeded = async (target: WebhookTarget) => {
		const run = await e2e().n8n.runWebhookWorkflow(target);
		expect(run.execution?.status).toBe('success');
		return { run, items: run.execution!.items(ACTION_NODE) };
	};
	const failed = async (target: WebhookTarget) => {
		const run = await e2e().n8n.runWebhookWorkflow(target);
		expect(run.execution?.status).toBe('error');
		return run.execution!.error!;
	};

	it('gets an order, without patient details', async () => {
		const { items } = await succeeded(junctionActions.getOrder);
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({ id: ids.orderId, sample_id: ids.sampleId });
		expect(items[0].json).not.toHaveProperty('patient_details');
	});

	it('retries a 429 with Retry-After and succeeds', async () => {
		const { items } = await succeeded(junctionActions.getRateLimitedOrder);
		expect(items[0].json.id).toBe(JUNCTION_FAKE_ORDERS.rateLimited);
		expect(await fakeRequests(`/v3/order/${JUNCTION_FAKE_ORDERS.rateLimited}`)).toHaveLength(2);
	});

	it('gets all 230 orders in 3 pages of 100', async () => {
		const { items } = await succeeded(junctionActions.getAllOrders);
		expect(items).toHaveLength(230);
		const pages = await fakeRequests('/v3/orders');
		expect(pages.map((request) => [request.query.page, request.query.size])).toEqual([
			['1', '100'],
			['2', '100'],
			['3', '100'],
		]);
	});

	it('filters orders by status and user', async () => {
		const { items } = await succeeded(junctionActions.getCompletedOrders);
		expect(items.length).toBeGreaterThan(0);
		expect(items.every((item) => item.json.user_id === ids.userId)).toBe(true);
		expect((await fakeRequests('/v3/orders'))[0].query).toMatchObject({
			status: 'completed',
			user_id: ids.userId,
		});
	});

	it("sends the spec's other filters and the sort, lists as repeated keys, and gets what they select", async () => {
		const byIds = await succeeded(junctionActions.getOrdersByIdsSorted);
		expect(byIds.items.map((item) => item.json.id)).toEqual([
			JUNCTION_FAKE_ORDERS.pending, // transit_customer
			JUNCTION_FAKE_ORDERS.cancellable, // ordered
			ids.orderId, // completed
		]);
		const [query] = (await fakeRequests('/v3/orders')).map((request) => request.query);
		expect(query).toMatchObject({
			order_ids: [ids.orderId, JUNCTION_FAKE_ORDERS.pending, JUNCTION_FAKE_ORDERS.cancellable],
			order_activation_types: 'current',
			order_key: 'last_status',
			order_direction: 'desc',
		});
		expect(query).not.toHaveProperty('is_critical');

		await resetFake();
		const nonCritical = await succeeded(junctionActions.getNonCriticalUnknownOrders);
		expect(nonCritical.items.length).toBeGreaterThan(0);
		for (const { json } of nonCritical.items) {
			expect(json.interpretation).toBe('unknown');
			expect(json.patient_details).toMatchObject({ first_name: 'Jordan' });
		}
		expect((await fakeRequests('/v3/orders'))[0].query).toMatchObject({
			is_critical: 'false',
			interpretation: 'unknown',
			patient_name: 'Jordan',
		});

		const transaction = await succeeded(junctionActions.getOrdersOfTransaction);
		expect(transaction.items.map((item) => item.json.id)).toEqual([ids.redrawOrderId]);
	});

	it('explains a 422 without repeating the value sent', async () => {
		const error = await failed(junctionActions.getOrdersInvalidUser);
		const explanation = `${error.message} ${error.description ?? ''}`;
		expect(explanation).toContain('query.user_id');
		// n8n's error record also carries the node's own parameters, which hold what the user typed;
		// what this package adds (message and description) must not repeat the value Junction echoed.
		expect(explanation).not.toContain('McTestface');
	});

	it('cancels an order, and explains why a finished one cannot be', async () => {
		const { items } = await succeeded(junctionActions.cancelOrder);
		expect(items[0].json).toMatchObject({ status: 'success' });
		const error = await failed(junctionActions.cancelCompletedOrder);
		expect(error.message).toContain('Junction cannot cancel this order in its current status');
	});

	it('simulates a sandbox order, and refuses on production without sending anything', async () => {
		const { items } = await succeeded(junctionActions.simulate);
		expect(items[0].json).toMatchObject({ orderId: ids.orderId, simulated: true });
		const [request] = await fakeRequests(`/v3/order/${ids.orderId}/test`);
		expect(request.query).toEqual({ final_status: 'completed.testkit.completed' });
		expect(JSON.parse(request.body)).toEqual({ interpretation: 'critical' });

		await resetFake();
		const error = await failed(junctionActions.simulateOnProduction);
		expect(error.message).toBe('Simulate only works in the Junction sandbox');
		expect(await fakeRequests()).toHaveLength(0);
	});

	it.each([
		['requisition', junctionActions.requisitionPdf, JUNCTION_FAKE_ORDERS.pending],
		['results', junctionActions.resultsPdf, ids.orderId],
	])('downloads the %s PDF as binary', async (kind, target, orderId) => {
		const { run, items } = await succeeded(target);
		expect(run.contentType).toContain('application/pdf');
		expect(run.body.subarray(0, 5).toString()).toBe('%PDF-');
		expect(items[0].binary?.data).toMatchObject({
			mimeType: 'application/pdf',
			fileName: `junction-${kind}-${orderId}.pdf`,
		});
	});

	it('gets results as a summary, as rows, and says when they are not ready', async () => {
		const summary = (await succeeded(junctionActions.getResults)).items[0].json;
		expect(summary).toMatchObject({
			ready: true,
			status: 'final',
			interpretation: 'critical',
			summary: { needingAttention: 3 },
		});
		expect(JSON.stringify(summary)).not.toContain('McTestface');
		const rows = (await succeeded(junctionActions.getResultRows)).items.map((item) => item.json);
		expect(rows.map((row) => row.flag)).toEqual([
			'normal',
			'high',
			'low',
			'critical',
			'normal',
			'normal',
		]);
		expect((await succeeded(junctionActions.getResultsNotReady)).items[0].json).toMatchObject({
			ready: false,
		});
	});

	it('fails on an order that does not exist, naming it, where a pending one gives ready: false', async () => {
		for (const target of [
			junctionActions.getResultsUnknownOrder,
			junctionActions.resultsPdfUnknownOrder,
		]) {
			const error = await failed(target);
			expect(error).toMatchObject({
				message: 'Junction has no order with this ID',
				httpCode: '404',
			});
		}
		const { items } = await succeeded(junctionActions.getResultsUnknownOrderContinuing);
		expect(items.map((item) => item.json)).toEqual([
			{ error: 'Junction has no order with this ID' },
		]);
	});

	it('gets the combined results of an order transaction and its PDF, or says they are not ready', async () => {
		const combined = JUNCTION_FAKE_TRANSACTIONS.combined;
		const rows = (await succeeded(junctionActions.getTransactionResults)).items.map(
			(item) => item.json,
		);
		expect(rows).toHaveLength(7);
		expect(rows.every((row) => row.orderTransactionId === combined)).toBe(true);
		expect(rows.map((row) => row.biomarker)).toContain(JUNCTION_REDRAW_MARKER.name);
		expect(await fakeRequests(`/v3/order_transaction/${combined}/result`)).toHaveLength(1);

		const pending = (await succeeded(junctionActions.getTransactionResultsNotReady)).items;
		expect(pending.map((item) => item.json)).toEqual([
			{
				orderTransactionId: JUNCTION_FAKE_TRANSACTIONS.pending,
				ready: false,
				message: expect.stringContaining('order transaction'),
			},
		]);
		const error = await failed(junctionActions.getTransactionResultsUnknown);
		expect(error.message).toBe('Junction has no order transaction with this ID');

		const { run, items } = await succeeded(junctionActions.transactionResultsPdf);
		expect(run.body.subarray(0, 5).toString()).toBe('%PDF-');
		expect(items[0].binary?.data).toMatchObject({
			mimeType: 'application/pdf',
			fileName: `junction-results-${combined}.pdf`,
		});
	});

	it("gets an order transaction with both names of its orders' status", async () => {
		const { items } = await succeeded(junctionActions.getOrderTransaction);
		expect(items[0].json).toMatchObject({
			id: JUNCTION_FAKE_TRANSACTIONS.pending,
			status: 'active',
			orders: [
				{
					id: JUNCTION_FAKE_ORDERS.pending,
					last_status: 'transit_customer',
					low_level_status: 'transit_customer',
				},
			],
		});
	});

	it('gets all 120 lab tests by following the cursor over 3 pages', async () => {
		const { items } = await succeeded(junctionActions.getAllLabTests);
		expect(items).toHaveLength(120);
		expect(await fakeRequests('/v3/lab_test')).toHaveLength(3);
	});

	it('gives every lab test its own pricing entry and the currency, across all pages', async () => {
		const { items } = await succeeded(junctionActions.getAllLabTestsWithPricing);
		expect(items).toHaveLength(120);
		const pages = await fakeRequests('/v3/lab_test');
		expect(pages.map((request) => request.query.include_pricing)).toEqual(['true', 'true', 'true']);
		const bySlug = new Map(items.map((item) => [item.json.slug, item.json.pricing]));
		expect(bySlug.get('lab-test-0')).toMatchObject({
			currency: 'USD',
			pricing: { base_amount_minor: 4500 },
			marker_breakdown: { '101': { base_amount_minor: 1500 } },
		});
		expect(bySlug.get('lab-test-101')).toEqual({
			currency: 'USD',
			pricing: { base_amount_minor: 14600, modifiers: null },
		});
		expect(bySlug.get('lab-test-109')).toEqual({
			currency: 'USD',
			pricing: { unspecified: 'refer_to_contract' },
		});
		expect(bySlug.get('lab-test-6')).toBeNull();
	});

	it('gets and creates users, and names the existing user on a conflict', async () => {
		expect((await succeeded(junctionActions.getUser)).items[0].json).toMatchObject({
			user_id: ids.userId,
		});
		expect((await succeeded(junctionActions.createUser)).items[0].json).toMatchObject({
			client_user_id: 'e2e-new-client-user',
		});
		const error = await failed(junctionActions.createExistingUser);
		expect(error.message).toContain(`already exists (user_id ${JUNCTION_EXISTING_USER_ID})`);
	});
});
