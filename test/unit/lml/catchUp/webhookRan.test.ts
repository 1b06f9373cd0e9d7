import { LondonMedicalLaboratoryCatchUpTrigger } from '../../../../nodes/LondonMedicalLaboratory/LondonMedicalLaboratoryCatchUpTrigger.node';
import { lml } from '../../../../nodes/LondonMedicalLaboratory/provider';
import {
	forgetProcessChanges,
	rememberChange,
} from '../../../../nodes/shared/catchUp/changeLedger';
import { changeId } from '../../../../nodes/shared/catchUp/keys';
import { WebhookOutbox } from '../../../../dev/fakes/catchUp/webhookOutbox';
import type { FakeServer } from '../../../../dev/fakes/fakeServer';
import {
	createLmlFake,
	lmlFakeData,
	LML_FAKE_TOKEN,
} from '../../../../dev/fakes/londonMedicalLaboratory/api';
import { LmlStatusTimeline } from '../../../../dev/fakes/londonMedicalLaboratory/statusTimeline';
import { CatchUpHarness } from '../../../support/catchUpHarness';

let fake: FakeServer;
let timeline: LmlStatusTimeline;
let outbox: WebhookOutbox;

beforeEach(async () => {
	forgetProcessChanges();
	const data = lmlFakeData({ registrations: 30, orders: 30, products: 3 });
	fake = createLmlFake(data);
	await fake.start();
	outbox = new WebhookOutbox({ gapsMs: [0], spanMs: 0, url: () => undefined });
	timeline = new LmlStatusTimeline(data, outbox, 'secret');
});

afterEach(async () => {
	outbox.stop();
	await fake.stop();
});

/** The LML catch-up beside the webhook trigger: LML sent `order.shipped`, but not `order.delivered`. */
test("a milestone the webhook trigger ran is left to it; the same record's next milestone still runs", async () => {
	const n8n = new CatchUpHarness({
		node: new LondonMedicalLaboratoryCatchUpTrigger(),
		parameters: { events: ['*'], interval: 10, unit: 'seconds', options: {} },
		credentials: {
			londonMedicalLaboratoryApi: {
				environment: 'custom',
				baseUrl: fake.url,
				apiToken: LML_FAKE_TOKEN,
			},
		},
	});
	await n8n.activate();
	const order = timeline.createOrder();
	timeline.ship(order);
	timeline.deliver(order, { webhook: false });
	rememberChange(
		'webhook',
		n8n.workflowId,
		changeId(lml.key, ['order.shipped', order]),
		Math.floor(Date.now() / 1000) + 600,
	);
	await n8n.round();
	expect(n8n.executions).toHaveLength(1);
	expect(n8n.passedOn.map((item) => `${String(item.orderId)}: ${String(item.event)}`)).toEqual([
		`${order}: order.delivered`,
	]);
});

test('a record created while the baseline walks the lists is left to the first round, which runs its milestones', async () => {
	const n8n = new CatchUpHarness({
		node: new LondonMedicalLaboratoryCatchUpTrigger(),
		parameters: { events: ['*'], interval: 10, unit: 'seconds', options: {} },
		credentials: {
			londonMedicalLaboratoryApi: {
				environment: 'custom',
				baseUrl: fake.url,
				apiToken: LML_FAKE_TOKEN,
			},
		},
	});
	// Created, shipped and delivered as activation begins: the baseline must not take it as it is.
	const order = timeline.createOrder();
	timeline.ship(order);
	timeline.deliver(order, { webhook: false });
	await n8n.activate();
	await n8n.round();
	expect(n8n.passedOn.map((item) => `${String(item.orderId)}: ${String(item.event)}`)).toEqual([
		`${order}: order.shipped`,
		`${order}: order.delivered`,
	]);
});
