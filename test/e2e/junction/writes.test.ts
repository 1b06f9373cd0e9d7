import type { IDataObject } from 'n8n-workflow';

import { createdOrders, failNextCreates, JUNCTION_FAKE_KEY } from '../../../dev/fakes/junction/api';
import { JUNCTION_SAMPLE_IDS, JUNCTION_SAMPLE_PATIENT } from '../../../dev/fakes/junction/samples';
import { ACTION_NODE } from '../../../dev/n8n/workflows';
import { e2e } from '../environment';
import { requestsDuring } from '../fakeRequests';
import { junctionWrites } from '../fixtures/junctionWrites';

/**
 * The Junction write operations inside a real n8n 2.41.1, against their own fake Junction API: an
 * order placed once however n8n repeats the step (the transport's own repeat, Retry On Fail, a re-run
 * of the failed execution), and one write of each other resource.
 */
const { n8n, fakes } = e2e();
const api = fakes.junctionWrites;

async function call(method: string, path: string, body?: unknown): Promise<IDataObject> {
	const response = await fetch(`${api}${path}`, {
		method,
		headers: { 'x-vital-api-key': JUNCTION_FAKE_KEY, 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	return (await response.json()) as IDataObject;
}

let users = 0;
/** A user of its own per test, so its orders are that test's alone. */
async function newUser(): Promise<string> {
	const user = await call('POST', '/v2/user', {
		client_user_id: `e2e-writes-${Date.now()}-${users++}`,
	});
	return String(user.user_id);
}

const ordersOf = async (userId: string) =>
	(await createdOrders(api)).filter((order) => order.user_id === userId);

const orderOut = (items: IDataObject[]) =>
	items[0] as { order: IDataObject; idempotency: IDataObject };

describe('Junction Order › Create in n8n', () => {
	it('places the order with an idempotency key, patient details left out of the execution data', async () => {
		const userId = await newUser();
		const { result, requests } = await requestsDuring(api, async () =>
			n8n.runWebhookWorkflow(junctionWrites.createOrder, { userId, collectionMethod: 'testkit' }),
		);
		const [order] = await ordersOf(userId);
		expect(result.execution?.status).toBe('success');
		const [item] = result.execution!.json(ACTION_NODE);
		expect(item).toMatchObject({
			order: { id: order.id, user_id: userId },
			idempotency: { keySource: 'derived', replayed: false },
		});
		const posts = requests.filter(
			(request) => request.method === 'POST' && request.path === '/v3/order',
		);
		expect(posts).toHaveLength(1);
		expect(posts[0].headers['x-idempotency-key']).toBe((item.idempotency as IDataObject).key);
		expect(
			JSON.stringify(result.execution!.record.data?.resultData?.runData?.[ACTION_NODE]),
		).not.toContain(JUNCTION_SAMPLE_PATIENT.email);
	});

	it('a create whose answer is lost once is repeated with its key: one order', async () => {
		const userId = await newUser();
		await failNextCreates(api, 1, 'gatewayTimeout');
		const { result, requests } = await requestsDuring(api, async () =>
			n8n.runWebhookWorkflow(junctionWrites.createOrder, { userId, collectionMethod: 'testkit' }),
		);
		expect(result.execution?.status).toBe('success');
		expect(requests.filter((request) => request.path === '/v3/order')).toHaveLength(2);
		expect(await ordersOf(userId)).toHaveLength(1);
	});

	it('Retry On Fail, after every attempt of the first try was lost: one order, the item says replayed', async () => {
		const userId = await newUser();
		await failNextCreates(api, 3, 'drop');
		const { result, requests } = await requestsDuring(api, async () =>
			n8n.runWebhookWorkflow(
				junctionWrites.createOrderRetryOnFail,
				{ userId, collectionMethod: 'testkit' },
				{ timeoutMs: 60_000 },
			),
		);
		expect(result.execution?.status).toBe('success');
		const posts = requests.filter((request) => request.path === '/v3/order');
		expect(posts).toHaveLength(4);
		expect(new Set(posts.map((request) => request.headers['x-idempotency-key'])).size).toBe(1);
		const orders = await ordersOf(userId);
		expect(orders).toHaveLength(1);
		expect(orderOut(result.execution!.json(ACTION_NODE))).toMatchObject({
			order: { id: orders[0].id },
			idempotency: { replayed: true },
		});
	});

	it('re-running the failed execution places no second order', async () => {
		const userId = await newUser();
		await failNextCreates(api, 3, 'gatewayTimeout');
		const failed = await n8n.runWebhookWorkflow(
			junctionWrites.createOrder,
			{ userId, collectionMethod: 'testkit' },
			{ timeoutMs: 60_000 },
		);
		expect(failed.execution?.status).toBe('error');
		expect(failed.execution?.error?.message).toBe(
			'Junction could not handle the request (HTTP 504)',
		);
		expect(await ordersOf(userId)).toHaveLength(1);
		const workflowId = junctionWrites.createOrder.id;
		const before = (await n8n.executionList(workflowId)).length;
		await n8n.api('POST', `/executions/${failed.execution!.id}/retry`, { loadWorkflow: false });
		const executions = await n8n.waitForExecutions(workflowId, before + 1, { timeoutMs: 60_000 });
		const rerun = executions.find(
			(execution) =>
				execution.id !== failed.execution!.id &&
				execution
					.json(ACTION_NODE)
					.some((item) => (item.order as IDataObject | undefined)?.user_id === userId),
		);
		expect(rerun?.status).toBe('success');
		const orders = await ordersOf(userId);
		expect(orders).toHaveLength(1);
		expect(orderOut(rerun!.json(ACTION_NODE))).toMatchObject({
			order: { id: orders[0].id },
			idempotency: { replayed: true },
		});
	});
});

describe('Junction writes of the other resources in n8n', () => {
	it('Order › Update Schedule moves a scheduled order', async () => {
		const userId = await newUser();
		const created = await call('POST', '/v3/order', {
			user_id: userId,
			order_set: { lab_test_ids: [JUNCTION_SAMPLE_IDS.labTestId] },
			activate_by: '2099-01-01',
			patient_details: JUNCTION_SAMPLE_PATIENT,
			patient_address: {
				first_line: '1 Main St',
				city: 'Phoenix',
				state: 'AZ',
				zip: '85004',
				country: 'US',
			},
		});
		const orderId = String((created.order as IDataObject).id);
		const run = await n8n.runWebhookWorkflow(junctionWrites.updateSchedule, {
			orderId,
			activateBy: '2099-04-01',
		});
		expect(run.execution?.json(ACTION_NODE)[0]).toMatchObject({
			order: { id: orderId, activate_by: '2099-04-01' },
		});
	});

	it('Appointment › Book (walk-in) books a slot with an idempotency key', async () => {
		const userId = await newUser();
		const created = await n8n.runWebhookWorkflow(junctionWrites.createOrder, {
			userId,
			collectionMethod: 'walk_in_test',
		});
		const orderId = String(orderOut(created.execution!.json(ACTION_NODE)).order.id);
		const availability = await call(
			'POST',
			'/v3/order/psc/appointment/availability?lab=quest&zip_code=85004',
		);
		const bookingKey = ((availability.slots as IDataObject[])[0].slots as IDataObject[])[0]
			.booking_key;
		const { result, requests } = await requestsDuring(api, async () =>
			n8n.runWebhookWorkflow(junctionWrites.bookWalkIn, { orderId, bookingKey }),
		);
		expect(result.execution?.json(ACTION_NODE)[0]).toMatchObject({
			order_id: orderId,
			type: 'patient_service_center',
			status: 'confirmed',
			idempotency: { replayed: false },
		});
		const [book] = requests.filter((request) => request.path.endsWith('/psc/appointment/book'));
		expect(book.headers['x-idempotency-key']).toMatch(/^n8n-[0-9a-f]{64}$/);
	});

	it('User › Update Demographics, then Delete', async () => {
		const userId = await newUser();
		const updated = await n8n.runWebhookWorkflow(junctionWrites.updateDemographics, { userId });
		expect(updated.execution?.json(ACTION_NODE)[0]).toMatchObject({ userId, updated: true });
		expect(JSON.stringify(updated.execution?.json(ACTION_NODE))).not.toContain(
			JUNCTION_SAMPLE_PATIENT.last_name,
		);
		const deleted = await n8n.runWebhookWorkflow(junctionWrites.deleteUser, { userId });
		expect(deleted.execution?.json(ACTION_NODE)).toEqual([{ userId, deleted: true }]);
		const gone = await fetch(`${api}/v2/user/resolve/e2e-none`, {
			headers: { 'x-vital-api-key': JUNCTION_FAKE_KEY },
		});
		expect(gone.status).toBe(404);
	});

	it('Lab Test › Get Markers reads every page', async () => {
		const run = await n8n.runWebhookWorkflow(junctionWrites.getMarkers, {});
		expect(run.execution?.status).toBe('success');
		expect(run.execution?.json(ACTION_NODE)).toHaveLength(130);
	});
});
