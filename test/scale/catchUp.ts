/* eslint-disable @n8n/community-nodes/no-restricted-globals -- the rig runs in Node, not inside n8n */
import type { ProviderKey } from '../../dev/fakes';
import type { CredentialJson, WorkflowJson } from '../../dev/n8n';
import {
	LIST_PATHS,
	ROUND_SECONDS,
	callsTo,
	runsOf,
	startWorld,
	stopWorld,
	worlds,
	type ProviderWorld,
	type Run,
	type World,
} from '../e2e/catchUp/world';
import type { Check, Rig, RigCase } from './cases';

/**
 * Case i (issue 19), queue mode: each provider's workflow holds its webhook trigger and its catch-up
 * trigger. The catch-up runs on the main; the providers' webhooks reach the webhook processors through
 * the sticky router. Two checks per provider:
 *
 * - i-both: records move while webhooks arrive; the catch-up rounds on the main see the same changes.
 *   Each change must run the workflow once (0 twice, 0 missed). The main does not see what the webhook
 *   processors ran: its executions for those changes find them in the ledgers their workers load, and
 *   pass nothing on (counted as "empty").
 * - i-moment: the webhooks of a batch of changes are held back until a catch-up round starts reading,
 *   then let go: webhook and catch-up at the same moment. The changes run twice are the measured
 *   residual (documented in the README), so this check reports, and fails only on a change never run.
 */
const BATCH = 10;

export interface CatchUpRig {
	world: World;
	credentials: CredentialJson[];
	workflows: WorkflowJson[];
	webhooks: string[];
	stop(): Promise<void>;
}

/** The fakes and workflows, before the cluster starts; webhooks go to `webhookBase()` once it runs. */
export async function prepareCatchUp(webhookBase: () => string | undefined): Promise<CatchUpRig> {
	const world = await startWorld({ name: 'scale' }, webhookBase);
	const all = worlds(world);
	return {
		world,
		credentials: all.map((each) => each.credential),
		workflows: all.map((each) => each.workflow),
		webhooks: all.map((each) => each.webhookPath),
		stop: async () => await stopWorld(world),
	};
}

const sleep = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));
const changeKey = (run: Pick<Run, 'record' | 'event' | 'status'>) =>
	`${run.record}: ${run.event}${run.status ? `/${run.status}` : ''}`;

/** Moves BATCH records one step each; returns the changes that must run. */
function moveBatch(each: ProviderWorld<unknown>, world: World): string[] {
	const expected: string[] = [];
	for (let index = 0; index < BATCH; index++) {
		if (each.key === 'junction') {
			const order = world.junction.timeline.createOrder();
			expected.push(`${order}: labtest.order.created/ordered`);
		} else if (each.key === 'londonMedicalLaboratory') {
			const order = world.londonMedicalLaboratory.timeline.createOrder();
			world.londonMedicalLaboratory.timeline.ship(order);
			expected.push(`${order}: order.shipped`);
		} else {
			const order = world.hurdle.timeline.createOrder();
			expected.push(`${order}: order.created`);
		}
	}
	return expected;
}

interface Tally {
	twice: number;
	missed: number;
	byWebhook: number;
	byCatchUp: number;
	empty: number;
}

async function tally(
	rig: Rig,
	each: ProviderWorld<unknown>,
	expected: string[],
	seen: Set<number>,
): Promise<Tally> {
	const deadline = Date.now() + 120_000;
	let runs: Run[] = [];
	for (;;) {
		await rig.client.waitUntilSettled(each.workflow.id, { quietMs: 3_000, timeoutMs: 120_000 });
		runs = (await runsOf(rig.client, each.workflow.id)).filter((run) => !seen.has(run.execution));
		const ran = new Set(runs.map(changeKey));
		if (expected.every((change) => ran.has(change)) || Date.now() > deadline) break;
		await sleep(2_000);
	}
	const executions = (await rig.client.executionList(each.workflow.id)).filter(
		(record) => !seen.has(Number(record.id)),
	);
	for (const record of executions) seen.add(Number(record.id));
	const counts = new Map<string, number>();
	for (const run of runs) counts.set(changeKey(run), (counts.get(changeKey(run)) ?? 0) + 1);
	return {
		twice: expected.filter((change) => (counts.get(change) ?? 0) > 1).length,
		missed: expected.filter((change) => !counts.has(change)).length,
		byWebhook: runs.filter((run) => run.node === 'Webhook').length,
		byCatchUp: runs.filter((run) => run.node === 'Catch-Up').length,
		empty: executions.length - runs.length,
	};
}

const describe = (t: Tally) =>
	`${t.twice} run twice, ${t.missed} missed; runs by webhook ${t.byWebhook}, by catch-up ${t.byCatchUp}; ${t.empty} catch-up executions passed nothing on`;

export function catchUpCase(prepared: CatchUpRig): RigCase {
	const seen = new Map<ProviderKey, Set<number>>();
	return {
		id: 'i',
		async run(rig) {
			const checks: Check[] = [];
			const all = worlds(prepared.world);
			for (const each of all) seen.set(each.key, new Set());
			// Both see every change: webhooks go out at once, two rounds read the lists after them.
			const both = Object.fromEntries(
				all.map((each) => [each.key, moveBatch(each, prepared.world)]),
			);
			await Promise.all(all.map(async (each) => await each.outbox.idle(60_000)));
			await sleep((2 * ROUND_SECONDS + 5) * 1000);
			for (const each of all) {
				const result = await tally(rig, each, both[each.key], seen.get(each.key)!);
				checks.push({
					id: `i-both-${each.key}`,
					name: `${each.key}: ${BATCH} changes seen by the webhook (processors) and the catch-up (main)`,
					passed: result.twice === 0 && result.missed === 0,
					expected: '0 run twice, 0 missed',
					observed: describe(result),
					details: [
						`webhook attempts: ${each.outbox.attempts.length}, delivered ${each.outbox.attempts.filter((a) => a.outcome === 'delivered').length}`,
					],
				});
			}
			// The same moment: webhooks held back until a round starts reading, then let go.
			for (const each of all) each.outbox.holding = true;
			const moment = Object.fromEntries(
				all.map((each) => [each.key, moveBatch(each, prepared.world)]),
			);
			const calls = all.map((each) => callsTo(each.fake, LIST_PATHS[each.key]));
			const deadline = Date.now() + (ROUND_SECONDS + 10) * 1000;
			while (
				all.some((each, index) => callsTo(each.fake, LIST_PATHS[each.key]) === calls[index]) &&
				Date.now() < deadline
			)
				await sleep(20);
			for (const each of all) each.outbox.release();
			await Promise.all(all.map(async (each) => await each.outbox.idle(60_000)));
			await sleep((ROUND_SECONDS + 5) * 1000);
			for (const each of all) {
				const result = await tally(rig, each, moment[each.key], seen.get(each.key)!);
				checks.push({
					id: `i-moment-${each.key}`,
					name: `${each.key}: ${BATCH} changes whose webhooks arrive as a catch-up round reads them`,
					passed: result.missed === 0,
					expected:
						'0 missed; the changes run twice are the measured residual (README, Surviving downtime)',
					observed: describe(result),
					details: [],
				});
			}
			return checks;
		},
	};
}
