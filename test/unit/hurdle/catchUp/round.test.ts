import { HurdleCatchUpTrigger } from '../../../../nodes/Hurdle/HurdleCatchUpTrigger.node';
import { forgetProcessChanges } from '../../../../nodes/shared/catchUp/changeLedger';
import { WebhookOutbox } from '../../../../dev/fakes/catchUp/webhookOutbox';
import type { FakeServer } from '../../../../dev/fakes/fakeServer';
import {
	createHurdleFake,
	hurdleFakeData,
	HURDLE_FAKE_API_KEY,
	type HurdleFakeData,
} from '../../../../dev/fakes/hurdle/api';
import { HurdleStatusTimeline } from '../../../../dev/fakes/hurdle/statusTimeline';
import { CatchUpHarness } from '../../../support/catchUpHarness';

/** The Hurdle catch-up over real HTTP: a bounded snapshot of GET /orders/v3, cursor by cursor. */
let fake: FakeServer;
let data: HurdleFakeData;
let timeline: HurdleStatusTimeline;
let outbox: WebhookOutbox;

beforeEach(async () => {
	forgetProcessChanges();
	data = hurdleFakeData({ products: 3, orders: 150 });
	fake = createHurdleFake(data);
	await fake.start();
	outbox = new WebhookOutbox({ gapsMs: [0], spanMs: 0, url: () => undefined });
	timeline = new HurdleStatusTimeline(data, outbox, 'secret');
});

afterEach(async () => {
	outbox.stop();
	await fake.stop();
});

function harness(parameters: Record<string, unknown> = {}) {
	return new CatchUpHarness({
		node: new HurdleCatchUpTrigger(),
		parameters: {
			events: ['*'],
			interval: 5,
			unit: 'minutes',
			patientData: 'leaveOut',
			options: {},
			...parameters,
		},
		credentials: {
			hurdleApi: { environment: 'custom', baseUrl: fake.url, apiKey: HURDLE_FAKE_API_KEY },
		},
	});
}

describe('Hurdle (Chronomics) Catch-Up Trigger', () => {
	test('orders created and dispatched since the baseline run once each, in order, in the webhook item shape', async () => {
		const n8n = harness();
		await n8n.activate();
		expect(n8n.executions).toEqual([]);
		const first = timeline.createOrder();
		timeline.dispatch(first);
		const second = timeline.createOrder();
		await n8n.round();
		await n8n.round();
		// Orders go side by side; each order's changes in order.
		const runs = n8n.passedOn.map((item) => `${String(item.orderNumber)}: ${String(item.event)}`);
		expect([
			runs.filter((run) => run.startsWith(first)),
			runs.filter((run) => run.startsWith(second)),
		]).toEqual([
			[`${first}: order.created`, `${first}: order.dispatched`],
			[`${second}: order.created`],
		]);
		const dispatched = n8n.passedOn.find((item) => item.event === 'order.dispatched')!;
		expect(dispatched).toMatchObject({
			provider: 'hurdle',
			eventType: 'ORDER.DISPATCHED',
			kitIds: [expect.any(String)],
			validation: { valid: true },
		});
		// Patient Details: Leave Out drops the email the webhook body carries.
		expect(n8n.passedOn.find((item) => item.event === 'order.created')!.payload).not.toHaveProperty(
			'email',
		);
		const cursors = fake.requests
			.filter((request) => request.path === '/orders/v3')
			.map((request) => request.query.cursor ?? 'first');
		expect(cursors.slice(0, 2)).toEqual(['first', 'c_100']);
	});

	test('Events: a change not selected is passed over, and stays passed over', async () => {
		const n8n = harness({ events: ['order.dispatched'] });
		await n8n.activate();
		const order = timeline.createOrder();
		await n8n.round();
		timeline.dispatch(order);
		await n8n.round();
		expect(n8n.passedOn.map((item) => item.event)).toEqual(['order.dispatched']);
	});
});
