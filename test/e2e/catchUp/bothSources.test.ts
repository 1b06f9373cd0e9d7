/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- tests run in Node, not inside n8n */
import { join } from 'node:path';

import { N8nInstance } from '../../../dev/n8n';
import { cacheDir, repoRoot } from '../../../dev/n8n/runtime';
import {
	LIST_PATHS,
	ROUND_SECONDS,
	callsTo,
	roundsRun,
	runsOf,
	startWorld,
	stopWorld,
	worlds,
	type Run,
	type World,
} from './world';

/**
 * Issue 19: a workflow with the webhook trigger and the catch-up trigger of one provider runs once per
 * change when both see it; and the Junction trigger's Resend Missed Events asks Junction, when the
 * workflow is published again, for what it sent while it was unpublished, running each missed event once
 * and answering the copies of events already run as duplicates.
 */
jest.setTimeout(300_000);

let both: World | undefined;
let resend: World | undefined;
let n8n: N8nInstance | undefined;

function started(): { both: World; resend: World; n8n: N8nInstance } {
	if (!both || !resend || !n8n) throw new Error('Did not start (see beforeAll)');
	return { both, resend, n8n };
}

const key = (run: Pick<Run, 'record' | 'event' | 'status'>) =>
	`${run.record}: ${run.event}${run.status ? `/${run.status}` : ''}`;

async function settledRuns(
	instance: N8nInstance,
	workflowId: string,
	minimum: number,
): Promise<Run[]> {
	const deadline = Date.now() + 60_000;
	let runs = await runsOf(instance.client, workflowId);
	while (runs.length < minimum && Date.now() < deadline) {
		await new Promise((resolve) => setTimeout(resolve, 500));
		runs = await runsOf(instance.client, workflowId);
	}
	await instance.client.waitUntilSettled(workflowId, { quietMs: 2_000 });
	return await runsOf(instance.client, workflowId);
}

beforeAll(async () => {
	both = await startWorld({ name: 'both' }, () => n8n?.client.baseUrl);
	resend = await startWorld(
		{ name: 'resend', withoutCatchUp: true, webhookOptions: { resendMissedEvents: true } },
		() => n8n?.client.baseUrl,
	);
	const all = [...worlds(both), resend.junction];
	n8n = await N8nInstance.start({
		workRoot: join(cacheDir, 'e2e-catch-up-both'),
		packageRoot: process.env.LAB_TESTING_E2E_PACKAGE || repoRoot,
		credentials: all.map((each) => each.credential),
		workflows: all.map((each) => each.workflow),
		webhooks: all.map((each) => each.webhookPath),
	});
	await Promise.all(
		worlds(both).map(async (each) => await roundsRun(each.fake, LIST_PATHS[each.key], 1)),
	);
}, 240_000);

afterAll(async () => {
	await n8n?.stop();
	await stopWorld(both);
	await stopWorld(resend);
});

describe('webhook and catch-up in one workflow', () => {
	test('each change both triggers see runs the workflow once', async () => {
		const { both: w, n8n: instance } = started();
		const expected: Record<string, string[]> = {};
		const order = w.junction.timeline.createOrder();
		w.junction.timeline.move(order, 'requisition_created');
		expected.junction = [
			`${order}: labtest.order.created/ordered`,
			`${order}: labtest.order.updated/requisition_created`,
		];
		const registration = w.londonMedicalLaboratory.timeline.createRegistration();
		w.londonMedicalLaboratory.timeline.advance(registration, 'registered');
		const lmlOrder = w.londonMedicalLaboratory.timeline.createOrder();
		w.londonMedicalLaboratory.timeline.ship(lmlOrder);
		// LML sends no webhook for this one: only the catch-up can run it.
		w.londonMedicalLaboratory.timeline.deliver(lmlOrder, { webhook: false });
		expected.londonMedicalLaboratory = [
			`${registration}: test_registration.complete`,
			`${lmlOrder}: order.shipped`,
			`${lmlOrder}: order.delivered`,
		];
		const hurdleOrder = w.hurdle.timeline.createOrder();
		w.hurdle.timeline.dispatch(hurdleOrder);
		expected.hurdle = [`${hurdleOrder}: order.created`, `${hurdleOrder}: order.dispatched`];
		await Promise.all(worlds(w).map(async (each) => await each.outbox.idle(30_000)));
		// Two rounds of every catch-up read the lists after the webhooks arrived.
		const calls = worlds(w).map((each) => callsTo(each.fake, LIST_PATHS[each.key]));
		await new Promise((resolve) => setTimeout(resolve, (2 * ROUND_SECONDS + 3) * 1000));
		const observed: Record<string, unknown> = {};
		for (const [index, each] of worlds(w).entries()) {
			expect(callsTo(each.fake, LIST_PATHS[each.key])).toBeGreaterThan(calls[index]);
			const runs = await settledRuns(instance, each.workflow.id, expected[each.key].length);
			const executions = await instance.client.executionList(each.workflow.id);
			observed[each.key] = {
				runs: runs.map(key).sort(),
				delivered: each.outbox.attempts.filter((attempt) => attempt.outcome === 'delivered').length,
				// An execution the catch-up started for a change a webhook had run passes nothing on.
				emptyExecutions: executions.length - runs.length,
			};
		}
		expect(observed).toEqual({
			junction: { runs: [...expected.junction].sort(), delivered: 2, emptyExecutions: 0 },
			londonMedicalLaboratory: {
				runs: [...expected.londonMedicalLaboratory].sort(),
				delivered: 2,
				emptyExecutions: 0,
			},
			hurdle: { runs: [...expected.hurdle].sort(), delivered: 2, emptyExecutions: 0 },
		});
		// The delivery LML never sends ran through the catch-up; a change both saw ran through whichever
		// claimed it first (in one process, claim and check happen in one turn of the event loop).
		const lmlRuns = await runsOf(instance.client, w.londonMedicalLaboratory.workflow.id);
		expect(lmlRuns.find((run) => run.event === 'order.delivered')?.node).toBe('Catch-Up');
	});
});

describe('Junction Trigger › Resend Missed Events', () => {
	test('published again after being unpublished: Junction resends what it missed, each missed event runs once, copies of run ones are duplicates', async () => {
		const { resend: w, n8n: instance } = started();
		const { timeline, outbox, workflow, fake, webhookPath } = w.junction;
		const seen = timeline.createOrder();
		const missed = timeline.createOrder();
		await outbox.idle(30_000);
		expect((await settledRuns(instance, workflow.id, 2)).map(key).sort()).toEqual(
			[`${seen}: labtest.order.created/ordered`, `${missed}: labtest.order.created/ordered`].sort(),
		);
		// Unpublished: n8n answers Junction's attempts 404 until Junction gives up.
		await instance.client.api('POST', `/workflows/${workflow.id}/unpublish`, {});
		const deadline = Date.now() + 30_000;
		while ((await instance.client.serves(webhookPath)) && Date.now() < deadline)
			await new Promise((resolve) => setTimeout(resolve, 200));
		timeline.move(missed, 'requisition_created');
		await outbox.idle(30_000);
		expect(outbox.exhausted).toEqual([`order ${missed}: received.testkit.requisition_created`]);
		await instance.client.api('POST', `/workflows/${workflow.id}/publish`, {});
		await instance.client.waitUntilServed([webhookPath]);
		const resendDeadline = Date.now() + 30_000;
		while (
			fake.requests.every((request) => request.path !== '/v3/order/resend_events') &&
			Date.now() < resendDeadline
		)
			await new Promise((resolve) => setTimeout(resolve, 200));
		await outbox.idle(30_000);
		const runs = await settledRuns(instance, workflow.id, 3);
		const resendCalls = fake.requests.filter(
			(request) => request.path === '/v3/order/resend_events',
		);
		expect(resendCalls).toHaveLength(1);
		expect(JSON.parse(resendCalls[0].body)).toEqual({ start_at: expect.stringMatching(/Z$/) });
		// The resent copy of `seen` (its last event had run) is answered duplicate; `missed` runs once.
		const answered = outbox.attempts
			.filter((attempt) => attempt.label.startsWith('resend'))
			.map((attempt) => `${attempt.status} ${attempt.answer}`)
			.sort();
		expect({ runs: runs.map(key).sort(), answered }).toEqual({
			runs: [
				`${seen}: labtest.order.created/ordered`,
				`${missed}: labtest.order.created/ordered`,
				`${missed}: labtest.order.updated/requisition_created`,
			].sort(),
			answered: ['200 accepted', '200 duplicate'],
		});
	});
});
