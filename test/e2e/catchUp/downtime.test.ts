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
 * Issue 19, the downtime story, for every provider in one n8n: the workflow holds the webhook trigger
 * and the catch-up trigger. n8n is stopped; meanwhile each fake moves records through their statuses,
 * and its webhook attempts all fail on the provider's own retry schedule (compressed into 3 s), so the
 * provider gives up on every one. n8n is started: each missed change runs the workflow exactly once, in
 * order per record. A further round finds nothing to run, and neither does a restart.
 */
jest.setTimeout(300_000);

let world: World | undefined;
let n8n: N8nInstance | undefined;

function started(): { world: World; n8n: N8nInstance } {
	if (!world || !n8n) throw new Error('The world or n8n did not start (see beforeAll)');
	return { world, n8n };
}

/** What should run, per provider, in order per record: `record: event[/status]`. */
const expected: Record<string, string[]> = {};
const key = (run: Pick<Run, 'record' | 'event' | 'status'>) =>
	`${run.record}: ${run.event}${run.status ? `/${run.status}` : ''}`;

beforeAll(async () => {
	world = await startWorld({ name: 'downtime' }, () => n8n?.client.baseUrl);
	const all = worlds(world);
	n8n = await N8nInstance.start({
		workRoot: join(cacheDir, 'e2e-catch-up-downtime'),
		packageRoot: process.env.LAB_TESTING_E2E_PACKAGE || repoRoot,
		credentials: all.map((each) => each.credential),
		workflows: all.map((each) => each.workflow),
		webhooks: all.map((each) => each.webhookPath),
	});
	// The first activation's round (the baseline) has read each provider's list.
	await Promise.all(all.map(async (each) => await roundsRun(each.fake, LIST_PATHS[each.key], 1)));
}, 240_000);

afterAll(async () => {
	await n8n?.stop();
	await stopWorld(world);
});

describe('n8n down while the providers move records and give up on their webhooks', () => {
	test('the first activation ran nothing: it only set the baseline', async () => {
		const { world: w, n8n: instance } = started();
		for (const each of worlds(w))
			expect(await runsOf(instance.client, each.workflow.id)).toEqual([]);
	});

	test('while n8n is stopped every webhook attempt fails, on each provider’s schedule, until the provider gives up', async () => {
		const { world: w, n8n: instance } = started();
		await instance.restart(async () => {
			const { junction, londonMedicalLaboratory: lml, hurdle } = w;
			const a = junction.timeline.createOrder('testkit');
			junction.timeline.move(a, 'requisition_created');
			junction.timeline.move(a, 'transit_customer');
			const b = junction.timeline.createOrder('walk_in_test');
			junction.timeline.move(b, 'cancelled');
			expected.junction = [
				`${a}: labtest.order.created/ordered`,
				`${a}: labtest.order.updated/requisition_created`,
				`${a}: labtest.order.updated/transit_customer`,
				`${b}: labtest.order.created/ordered`,
				`${b}: labtest.order.updated/cancelled`,
			];

			const registration = lml.timeline.createRegistration();
			lml.timeline.advance(registration, 'registered');
			lml.timeline.advance(registration, 'labId');
			lml.timeline.advance(registration, 'results');
			const retest = lml.timeline.createRegistration(registration);
			const order = lml.timeline.createOrder();
			lml.timeline.ship(order);
			lml.timeline.deliver(order, { webhook: false });
			expected.londonMedicalLaboratory = [
				`${registration}: test_registration.complete`,
				`${registration}: test_registration.lml_lab_id_created`,
				`${registration}: lab_results.complete`,
				`${retest}: test_registration.retest`,
				`${order}: order.shipped`,
				`${order}: order.delivered`,
			];

			const first = hurdle.timeline.createOrder();
			hurdle.timeline.dispatch(first);
			const second = hurdle.timeline.createOrder();
			expected.hurdle = [
				`${first}: order.created`,
				`${first}: order.dispatched`,
				`${second}: order.created`,
			];

			await Promise.all(worlds(w).map(async (each) => await each.outbox.idle(30_000)));
			const gaveUp = Object.fromEntries(
				worlds(w).map((each) => [each.key, each.outbox.exhausted.length]),
			);
			const delivered = worlds(w).flatMap((each) =>
				each.outbox.attempts.filter((attempt) => attempt.outcome === 'delivered'),
			);
			expect({ gaveUp, delivered }).toEqual({
				gaveUp: { junction: 5, londonMedicalLaboratory: 5, hurdle: 3 },
				delivered: [],
			});
			// Every attempt of the schedule was made (LML 11, Hurdle 4, Junction 8 per webhook).
			expect(
				Object.fromEntries(worlds(w).map((each) => [each.key, each.outbox.attempts.length])),
			).toEqual({
				junction: 5 * 8,
				londonMedicalLaboratory: 5 * 11,
				hurdle: 3 * 4,
			});
		});
	});

	test('started again, each missed change runs the workflow once, in order per record', async () => {
		const { world: w, n8n: instance } = started();
		for (const each of worlds(w)) {
			const want = expected[each.key];
			const deadline = Date.now() + 60_000;
			let runs = await runsOf(instance.client, each.workflow.id);
			while (runs.length < want.length && Date.now() < deadline) {
				await new Promise((resolve) => setTimeout(resolve, 500));
				runs = await runsOf(instance.client, each.workflow.id);
			}
			await instance.client.waitUntilSettled(each.workflow.id, {
				quietMs: 2_000,
				minimum: want.length,
			});
			runs = await runsOf(instance.client, each.workflow.id);
			// Sorted, to compare the multiset; the order per record is checked apart.
			expect({ provider: each.key, runs: runs.map(key).sort() }).toEqual({
				provider: each.key,
				runs: [...want].sort(),
			});
			for (const record of new Set(want.map((line) => line.split(':')[0]))) {
				expect(runs.filter((run) => run.record === record).map(key)).toEqual(
					want.filter((line) => line.startsWith(`${record}:`)),
				);
			}
			expect(runs.every((run) => run.node === 'Catch-Up' && typeof run.changeId === 'string')).toBe(
				true,
			);
		}
	});

	test('a further round finds the same records and runs nothing', async () => {
		const { world: w, n8n: instance } = started();
		const before = await Promise.all(
			worlds(w).map(async (each) => (await runsOf(instance.client, each.workflow.id)).length),
		);
		const calls = worlds(w).map((each) => callsTo(each.fake, LIST_PATHS[each.key]));
		await new Promise((resolve) => setTimeout(resolve, (ROUND_SECONDS + 5) * 1000));
		const after = await Promise.all(
			worlds(w).map(async (each) => (await runsOf(instance.client, each.workflow.id)).length),
		);
		// A round did run: each list was read again.
		worlds(w).forEach((each, index) =>
			expect(callsTo(each.fake, LIST_PATHS[each.key])).toBeGreaterThan(calls[index]),
		);
		expect(after).toEqual(before);
		expect(before).toEqual(worlds(w).map((each) => expected[each.key].length));
	});

	test('a restart between rounds runs nothing again', async () => {
		const { world: w, n8n: instance } = started();
		const before = await Promise.all(
			worlds(w).map(async (each) => (await runsOf(instance.client, each.workflow.id)).length),
		);
		const calls = worlds(w).map((each) => callsTo(each.fake, LIST_PATHS[each.key]));
		await instance.restart();
		await new Promise((resolve) => setTimeout(resolve, 5_000));
		const after = await Promise.all(
			worlds(w).map(async (each) => (await runsOf(instance.client, each.workflow.id)).length),
		);
		worlds(w).forEach((each, index) =>
			expect(callsTo(each.fake, LIST_PATHS[each.key])).toBeGreaterThan(calls[index]),
		);
		expect(after).toEqual(before);
	});
});
