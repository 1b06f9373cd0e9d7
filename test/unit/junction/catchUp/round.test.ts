/* eslint-disable @n8n/community-nodes/no-restricted-globals -- tests run in Node, not inside n8n */
import { JunctionCatchUpTrigger } from '../../../../nodes/Junction/JunctionCatchUpTrigger.node';
import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { orderChangeId } from '../../../../nodes/Junction/changeId';
import {
	forgetProcessChanges,
	rememberChange,
} from '../../../../nodes/shared/catchUp/changeLedger';
import { changeId } from '../../../../nodes/shared/catchUp/keys';
import { ledgerWith } from '../../../../nodes/shared/trigger/ledger';
import { WebhookOutbox } from '../../../../dev/fakes/catchUp/webhookOutbox';
import type { FakeServer } from '../../../../dev/fakes/fakeServer';
import {
	createJunctionFake,
	junctionFakeData,
	JUNCTION_FAKE_KEY,
	type JunctionFakeData,
} from '../../../../dev/fakes/junction/api';
import { JunctionStatusTimeline } from '../../../../dev/fakes/junction/statusTimeline';
import { CatchUpHarness } from '../../../support/catchUpHarness';

/**
 * The Junction catch-up over real HTTP against the fake Junction API: orders move through statuses
 * (the fake's status timeline), rounds read GET /v3/orders by updated_start_date.
 */
let fake: FakeServer;
let data: JunctionFakeData;
let timeline: JunctionStatusTimeline;
let outbox: WebhookOutbox;

beforeEach(async () => {
	forgetProcessChanges();
	data = junctionFakeData({ orders: 20, labTests: 5 });
	fake = createJunctionFake(data);
	await fake.start();
	// Nobody listens for the webhooks: every attempt fails, as while n8n is down.
	outbox = new WebhookOutbox({ gapsMs: [0], spanMs: 0, url: () => undefined });
	timeline = new JunctionStatusTimeline(data, outbox, { secret: 'whsec_dGVzdA==' });
});

afterEach(async () => {
	outbox.stop();
	await fake.stop();
});

function harness(parameters: Record<string, unknown> = {}, options: Record<string, unknown> = {}) {
	return new CatchUpHarness({
		node: new JunctionCatchUpTrigger(),
		parameters: {
			events: ['*'],
			interval: 5,
			unit: 'minutes',
			patientData: 'leaveOut',
			options,
			...parameters,
		},
		credentials: {
			junctionApi: {
				apiKey: JUNCTION_FAKE_KEY,
				environment: 'custom',
				baseUrl: fake.url,
				region: 'auto',
				domain: 'junction',
			},
		},
	});
}

const summary = (item: Record<string, unknown>) =>
	`${String(item.orderId)}: ${String(item.event)}/${String(item.status)}`;

describe('Junction Catch-Up Trigger', () => {
	test('the first activation sets a baseline: nothing that happened before it runs the workflow', async () => {
		const n8n = harness();
		await n8n.activate();
		expect(n8n.executions).toEqual([]);
		// One small read at activation (a refused key shows at once), then the first round.
		const listCalls = fake.requests.filter((request) => request.path === '/v3/orders');
		expect(listCalls[0].query.size).toBe('1');
		expect(listCalls.length).toBeGreaterThanOrEqual(2);
		expect(
			(n8n.stored['node:Catch-Up'] as { catchUp: { watermark: string } }).catchUp.watermark,
		).toMatch(/^\d{4}-/);
	});

	test('each status change after the baseline runs once, in order, in the webhook item shape', async () => {
		const n8n = harness();
		await n8n.activate();
		const order = timeline.createOrder('testkit');
		timeline.move(order, 'requisition_created');
		timeline.move(order, 'transit_customer');
		await n8n.round();
		expect(n8n.passedOn.map(summary)).toEqual([
			`${order}: labtest.order.created/ordered`,
			`${order}: labtest.order.updated/requisition_created`,
			`${order}: labtest.order.updated/transit_customer`,
		]);
		const [first] = n8n.passedOn;
		expect(first).toMatchObject({
			provider: 'junction',
			deliveryId: first.changeId,
			source: 'catchUp',
			validation: { valid: true, issues: [] },
			modality: 'testkit',
		});
		// Patient Details: Leave Out, as on the webhook trigger.
		expect(JSON.stringify(n8n.passedOn)).not.toContain('McTestface');
		expect(first).not.toHaveProperty('labTestingCatchUp');
		const [, call] = fake.requests.filter((request) => request.path === '/v3/orders');
		expect(call.query).toMatchObject({
			order_key: 'created_at',
			order_direction: 'asc',
			size: '100',
			page: '1',
		});
		expect(String(call.query.updated_start_date)).toMatch(/Z$/);
	});

	test('a further round, and a restart, run nothing again', async () => {
		const n8n = harness();
		await n8n.activate();
		const order = timeline.createOrder();
		timeline.move(order, 'cancelled');
		await n8n.round();
		expect(n8n.executions).toHaveLength(2);
		await n8n.round();
		await n8n.deactivate();
		forgetProcessChanges();
		await n8n.activate();
		await n8n.round();
		// Nothing ran again: what ran was remembered in static data, and no key had to turn a run down.
		expect({ executions: n8n.executions.length, duplicates: n8n.duplicates }).toEqual({
			executions: 2,
			duplicates: 0,
		});
		// The reads went on: the rounds after the restart asked Junction again.
		expect(
			fake.requests.filter((request) => request.path === '/v3/orders').length,
		).toBeGreaterThanOrEqual(4);
	});

	test('n8n key: a change read again after its record was lost starts no second execution', async () => {
		const n8n = harness();
		await n8n.activate();
		const order = timeline.createOrder();
		await n8n.round();
		expect(n8n.executions).toHaveLength(1);
		// As if static data and memory had lost the change: only n8n's unique key is left.
		n8n.stored = { 'node:Catch-Up': n8n.stored['node:Catch-Up'] as object };
		await n8n.deactivate();
		forgetProcessChanges();
		await n8n.activate();
		expect({ executions: n8n.executions.length, duplicates: n8n.duplicates, order }).toEqual({
			executions: 1,
			duplicates: 1,
			order,
		});
	});

	test('a change a webhook trigger of this process ran (or is running) is not emitted', async () => {
		const n8n = harness();
		await n8n.activate();
		const order = timeline.createOrder();
		const ordered = (
			data.orders.find((each) => each.id === order)!.events as Array<{ id: number }>
		)[0];
		rememberChange(
			'webhook',
			n8n.workflowId,
			orderChangeId(order, ordered),
			Math.floor(Date.now() / 1000) + 600,
		);
		const other = timeline.createOrder();
		await n8n.round();
		// Not even started: the main checks before it emits (the execution's own check is the next test's).
		expect(n8n.executions.map((execution) => execution.input[0]?.json.orderId)).toEqual([other]);
		expect(n8n.passedOn.map((item) => item.orderId)).toEqual([other]);
	});

	test('in its execution, a change a webhook ran meanwhile (as static data says) passes nothing on', async () => {
		const change = changeId('junction', ['order', 'order-1', 7]);
		const now = Math.floor(Date.now() / 1000);
		const global: IDataObject = {
			labTestingDeliveries: {
				version: 5,
				ledgers: { 'webhook-node': ledgerWith('', change, now + 3600, now, 100) },
			},
		};
		const step = (changeIdOfItem: string) =>
			({
				getMode: () => 'trigger',
				getInputData: () => [
					{ json: { changeId: changeIdOfItem, event: 'labtest.order.updated' } },
				],
				getNode: () => ({ id: 'catch-up-node-id', name: 'Catch-Up' }),
				getWorkflow: () => ({ id: 'workflow-1' }),
				getWorkflowStaticData: () => global,
				getNodeParameter: (_name: string, fallback: unknown) => fallback,
			}) as unknown as IExecuteFunctions;
		const node = new JunctionCatchUpTrigger();
		expect(await node.execute!.call(step(change))).toEqual([[]]);
		const other = changeId('junction', ['order', 'order-2', 8]);
		expect(await node.execute!.call(step(other))).toEqual([
			[{ json: { changeId: other, event: 'labtest.order.updated' } }],
		]);
		// It writes nothing: in queue mode its static data is an empty copy, whose save would wipe the workflow's.
		expect(JSON.stringify(global)).not.toContain(other);
	});

	test('an API that fails: one error execution, nothing moves, the next round after it recovers catches up', async () => {
		const n8n = harness();
		await n8n.activate();
		const stateBefore = JSON.stringify(n8n.stored);
		const order = timeline.createOrder();
		// The fake answers 500 while it has no orders to list.
		const orders = data.orders;
		data.orders = undefined as unknown as typeof orders;
		await n8n.round();
		await n8n.round();
		expect(n8n.failures).toHaveLength(1);
		expect(n8n.failures[0].message).not.toContain('McTestface');
		expect(JSON.stringify(n8n.stored)).toBe(stateBefore);
		data.orders = orders;
		await n8n.round();
		expect(n8n.passedOn.map(summary)).toEqual([`${order}: labtest.order.created/ordered`]);
	});

	test('a backlog larger than a round is worked through over several rounds, each change once', async () => {
		const n8n = harness({}, { maxChangesPerRound: 100 });
		await n8n.activate();
		const orders = Array.from({ length: 250 }, () => timeline.createOrder());
		await n8n.round();
		const first = n8n.executions.length;
		for (let round = 0; round < 5; round++) await n8n.round();
		expect(first).toBeLessThan(250);
		expect(new Set(n8n.passedOn.map((item) => item.orderId))).toEqual(new Set(orders));
		expect(n8n.executions).toHaveLength(250);
	});

	test('where updated_at does not move, Updated Time misses a status change and Recent Orders finds it', async () => {
		const still = new JunctionStatusTimeline(data, outbox, {
			secret: 'whsec_dGVzdA==',
			updatedAtMoves: false,
		});
		const order = still.createOrder();
		// Created before the baseline (a change in the baseline's own millisecond counts as after it).
		await new Promise((resolve) => setTimeout(resolve, 5));
		const byTime = harness();
		const byRecent = harness({}, { findBy: 'recentOrders', recentDays: 30 });
		await byTime.activate();
		await byRecent.activate();
		// Pushed back as Junction would leave it: created and updated well before the baseline.
		const record = data.orders.find((each) => each.id === order)!;
		const tenDaysAgo = new Date(Date.now() - 10 * 86_400_000).toISOString();
		record.updated_at = record.created_at = tenDaysAgo;
		(record.events as Array<{ created_at: string }>)[0].created_at = tenDaysAgo;
		still.move(order, 'requisition_created');
		await byTime.round();
		await byRecent.round();
		expect({
			byTime: byTime.passedOn.map(summary),
			byRecent: byRecent.passedOn.map(summary),
		}).toEqual({
			byTime: [],
			byRecent: [`${order}: labtest.order.updated/requisition_created`],
		});
	});

	test('Start From runs the changes since that moment on the first activation', async () => {
		const order = timeline.createOrder();
		const n8n = harness({}, { startFrom: new Date(Date.now() - 60_000).toISOString() });
		await n8n.activate();
		expect(n8n.passedOn.map(summary)).toEqual([`${order}: labtest.order.created/ordered`]);
	});

	test('the editor test run returns the most recent change and moves nothing', async () => {
		const n8n = harness();
		await n8n.activate();
		const stored = JSON.stringify(n8n.stored);
		const order = timeline.createOrder();
		timeline.move(order, 'requisition_created');
		const items = await n8n.manualRun();
		expect(items.map((item) => summary(item.json))).toEqual([
			`${order}: labtest.order.updated/requisition_created`,
		]);
		expect(JSON.stringify(n8n.stored)).toBe(stored);
		expect(n8n.executions).toEqual([]);
	});
});
