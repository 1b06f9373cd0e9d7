import type { IDataObject } from 'n8n-workflow';

import { lastDeliveryAt, resendMissedEvents } from '../../../../nodes/Junction/resendMissed';
import { forgetResendCopies, resendCopiesExpected } from '../../../../nodes/Junction/resendCopies';
import { ledgerWith } from '../../../../nodes/shared/trigger/ledger';
import {
	LAST_DELIVERY_KEY,
	lastDeliveryExpiry,
} from '../../../../nodes/shared/webhook/lastDelivery';
import { WebhookOutbox } from '../../../../dev/fakes/catchUp/webhookOutbox';
import {
	createJunctionFake,
	junctionFakeData,
	type JunctionFake,
	JUNCTION_FAKE_KEY,
} from '../../../../dev/fakes/junction/api';
import { JunctionStatusTimeline } from '../../../../dev/fakes/junction/statusTimeline';
import { hookContext } from '../../../support/triggerHarness';
import { webhookContext } from '../../../support/webhookCall';

/**
 * Junction Trigger › Resend Missed Events, over real HTTP against the fake Junction API, whose
 * POST /v3/order/resend_events checks the documented rules and resends each order's latest event.
 */
let fake: JunctionFake;
let timeline: JunctionStatusTimeline;
let outbox: WebhookOutbox;
const HOUR = 3_600_000;

beforeEach(async () => {
	forgetResendCopies();
	const data = junctionFakeData({ orders: 10, labTests: 2 });
	fake = createJunctionFake(data);
	outbox = new WebhookOutbox({ gapsMs: [0], spanMs: 0, url: () => undefined });
	timeline = new JunctionStatusTimeline(data, outbox, { secret: 'whsec_dGVzdA==' });
	fake.writes.onResend = (orderIds) => timeline.resendOrders(orderIds);
	await fake.start();
});

afterEach(async () => {
	outbox.stop();
	await fake.stop();
});

const credentials = () => ({
	junctionApi: {
		apiKey: JUNCTION_FAKE_KEY,
		environment: 'custom',
		baseUrl: fake.url,
		region: 'auto',
		domain: 'junction',
	},
});

/** Static data whose trigger ledger says it last ran a delivery at `deliveredAt`, as the webhook pipeline records it. */
function staticDataWithDelivery(deliveredAt: number): IDataObject {
	const now = Math.floor(Date.now() / 1000);
	const ledger = ledgerWith(
		'',
		LAST_DELIVERY_KEY,
		lastDeliveryExpiry(Math.floor(deliveredAt / 1000)),
		now,
		100,
	);
	return {
		global: { labTestingDeliveries: { version: 5, ledgers: { 'trigger-node-id': ledger } } },
	};
}

const resendCalls = () =>
	fake.requests.filter((request) => request.path === '/v3/order/resend_events');

describe('Junction Trigger › Resend Missed Events', () => {
	test('asks Junction to resend from the last delivery the trigger ran, minus 5 minutes', async () => {
		const deliveredAt = Date.now() - 3 * HOUR;
		const missed = timeline.createOrder();
		const staticData = staticDataWithDelivery(deliveredAt);
		const context = hookContext({ options: { resendMissedEvents: true } }, credentials(), {
			staticData,
		});
		await resendMissedEvents(context);
		const [call] = resendCalls();
		expect(call.method).toBe('POST');
		expect(call.headers['x-vital-api-key']).toBe(JUNCTION_FAKE_KEY);
		const body = JSON.parse(call.body) as { start_at: string };
		expect(Object.keys(body)).toEqual(['start_at']);
		// The ledger keeps the moment to the minute, never later than it was.
		const fiveMinutesBefore = deliveredAt - 5 * 60_000;
		expect(Date.parse(body.start_at)).toBeLessThanOrEqual(fiveMinutesBefore);
		expect(Date.parse(body.start_at)).toBeGreaterThan(fiveMinutesBefore - 61_000);
		// The fake resent the latest event of the order changed since (a new Svix message).
		await outbox.idle(5_000);
		expect(outbox.attempts.map((attempt) => attempt.label)).toContain(`resend ${missed}`);
		expect(resendCopiesExpected(context as never)).toBe(true);
	});

	test('a copy reaching a webhook call of this process before publishing saves static data is recognised', async () => {
		const context = hookContext({ options: { resendMissedEvents: true } }, credentials(), {
			staticData: staticDataWithDelivery(Date.now() - HOUR),
		});
		await resendMissedEvents(context);
		expect(resendCalls()).toHaveLength(1);
		// n8n has not saved the activation's static data yet: the webhook call loads none of it.
		const request = { body: {} };
		const early = webhookContext({
			parameters: {},
			credentials: {},
			request,
			staticData: {},
		}).context;
		expect(resendCopiesExpected(early)).toBe(true);
		const otherWorkflow = webhookContext({
			parameters: {},
			credentials: {},
			request,
			staticData: {},
			workflowId: 'another-workflow',
		}).context;
		expect(resendCopiesExpected(otherWorkflow)).toBe(false);
	});

	test('asks nothing when the option is off, in the editor, or before any delivery ran', async () => {
		await resendMissedEvents(
			hookContext({ options: {} }, credentials(), {
				staticData: staticDataWithDelivery(Date.now()),
			}),
		);
		const manual = hookContext({ options: { resendMissedEvents: true } }, credentials(), {
			staticData: staticDataWithDelivery(Date.now()),
		});
		(manual.getMode as jest.Mock).mockReturnValue('manual');
		await resendMissedEvents(manual);
		await resendMissedEvents(hookContext({ options: { resendMissedEvents: true } }, credentials()));
		expect(resendCalls()).toEqual([]);
		// The same trigger switched on, in production, after a delivery ran: it asks once.
		await resendMissedEvents(
			hookContext({ options: { resendMissedEvents: true } }, credentials(), {
				staticData: staticDataWithDelivery(Date.now()),
			}),
		);
		expect(resendCalls().map((call) => call.method)).toEqual(['POST']);
	});

	test('reaches back at most the 60 days Junction allows', async () => {
		const context = hookContext({ options: { resendMissedEvents: true } }, credentials(), {
			staticData: staticDataWithDelivery(Date.now() - 90 * 24 * HOUR),
		});
		await resendMissedEvents(context);
		const body = JSON.parse(resendCalls()[0].body) as { start_at: string };
		expect(Date.now() - Date.parse(body.start_at)).toBeLessThan(60 * 24 * HOUR);
		expect(Date.now() - Date.parse(body.start_at)).toBeGreaterThan(59 * 24 * HOUR);
	});

	test('a refused request is logged (no patient data), activation goes on, no copies are expected', async () => {
		const warnings: string[] = [];
		const context = hookContext(
			{ options: { resendMissedEvents: true } },
			{ junctionApi: { ...credentials().junctionApi, apiKey: 'sk_us_wrong' } },
			{ staticData: staticDataWithDelivery(Date.now() - HOUR), warnings },
		);
		await expect(resendMissedEvents(context)).resolves.toBeUndefined();
		expect(warnings).toEqual([
			expect.stringContaining('could not ask Junction to resend missed events'),
		]);
		expect(resendCopiesExpected(context as never)).toBe(false);
	});

	test('the fake sends copies only for a resend it answers (order_ids or start_at, at most 60 days)', async () => {
		const post = async (body: unknown) =>
			await fetch(`${fake.url}/v3/order/resend_events`, {
				method: 'POST',
				headers: { 'x-vital-api-key': JUNCTION_FAKE_KEY, 'content-type': 'application/json' },
				body: JSON.stringify(body),
			});
		const order = timeline.createOrder();
		await outbox.idle(5_000);
		expect((await post({})).status).toBe(400);
		expect(
			(await post({ start_at: new Date(Date.now() - 61 * 24 * HOUR).toISOString() })).status,
		).toBe(400);
		const resent = () => outbox.attempts.filter((attempt) => attempt.label.startsWith('resend'));
		expect(resent()).toEqual([]);
		const answer = await post({ order_ids: [order] });
		expect(await answer.json()).toEqual({ order_ids: [order] });
		await outbox.idle(5_000);
		expect(resent().map((attempt) => attempt.label)).toEqual([`resend ${order}`]);
	});

	test('without the marker (an older ledger), lastDeliveryAt reads the latest expiry minus the window, and a minute', () => {
		// On the minute: the ledger keeps expiries in minutes, rounded up.
		const now = Math.floor(Date.now() / 60_000) * 60;
		const ledger = ledgerWith(
			ledgerWith('', 'B'.repeat(22), now + 120, now, 10),
			'C'.repeat(22),
			now + 540,
			now,
			10,
		);
		expect(lastDeliveryAt(ledger, 420)).toBe((now + 60) * 1000);
		expect(lastDeliveryAt('', 400)).toBeUndefined();
	});
});
