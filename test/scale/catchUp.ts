/* eslint-disable @n8n/community-nodes/no-restricted-globals -- the rig runs in Node, not inside n8n */
import type { ProviderKey } from '../../dev/fakes';
import type { CredentialJson, ExecutionRecord, WorkflowJson } from '../../dev/n8n';
import {
	LIST_PATHS,
	ROUND_SECONDS,
	callsTo,
	runsOf,
	runsOfExecution,
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
 * trigger; the catch-up runs on the main. Three checks per provider:
 *
 * - i-main: the providers' webhooks go to the main (what the README advises for such a workflow).
 *   Records move while webhooks arrive, and the catch-up's rounds see the same changes: each change
 *   must run the workflow once (0 twice, 0 missed).
 * - i-moment: the same, with each batch's webhooks held back until a catch-up round starts reading, then
 *   let go: webhook and catch-up at the same moment. 0 twice, 0 missed.
 * - i-processors: the webhooks go to the webhook processors (through the sticky router). The main does
 *   not see what they ran, and a worker runs the catch-up's execution without static data: changes run
 *   twice are the measured residual (README), reported; the check fails only on a change never run.
 */
const BATCH = 10;

export interface CatchUpRig {
	world: World;
	/** Where the providers' webhooks go: the main, or the webhook processors' router. */
	target: { to: 'main' | 'processors' };
	credentials: CredentialJson[];
	workflows: WorkflowJson[];
	webhooks: string[];
	stop(): Promise<void>;
}

/** The fakes and workflows, before the cluster starts; webhooks go to `webhookBase()` once it runs. */
export async function prepareCatchUp(bases: {
	main: () => string | undefined;
	processors: () => string | undefined;
}): Promise<CatchUpRig> {
	const target: CatchUpRig['target'] = { to: 'main' };
	const world = await startWorld({ name: 'scale' }, () =>
		target.to === 'main' ? bases.main() : bases.processors(),
	);
	const all = worlds(world);
	return {
		world,
		target,
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
	/** Executions only the database showed; the changes never run, with their webhooks' attempts. */
	missedDetails: string[];
	byWebhook: number;
	byCatchUp: number;
	empty: number;
}

/** The workflow's executions as the database holds them, [id, status]; none if it cannot be read. */
async function databaseExecutions(rig: Rig, workflowId: string): Promise<string[][]> {
	try {
		return await rig.database.query(
			`select id, status from execution_entity where "workflowId" = '${workflowId}' order by id`,
		);
	} catch (error) {
		rig.progress(`i: could not read the executions from the database: ${(error as Error).message}`);
		return [];
	}
}

async function tally(
	rig: Rig,
	each: ProviderWorld<unknown>,
	expected: string[],
	seen: Set<number>,
): Promise<Tally> {
	// Bounded, and left early once every change ran: a slow machine only makes it wait longer.
	const deadline = Date.now() + 240_000;
	let runs: Run[] = [];
	let unlisted: string[][] = [];
	for (;;) {
		await rig.client.waitUntilSettled(each.workflow.id, { quietMs: 3_000, timeoutMs: 120_000 });
		const listed = await runsOf(rig.client, each.workflow.id);
		runs = listed.filter((run) => !seen.has(run.execution));
		// The database is the record of what ran: an execution n8n's list leaves out still counts.
		const listedIds = new Set(
			(await rig.client.executionList(each.workflow.id)).map((record) => Number(record.id)),
		);
		unlisted = (await databaseExecutions(rig, each.workflow.id)).filter(
			([id]) => !listedIds.has(Number(id)) && !seen.has(Number(id)),
		);
		for (const [id] of unlisted) runs.push(...(await runsOfExecution(rig.client, Number(id))));
		const ran = new Set(runs.map(changeKey));
		if (expected.every((change) => ran.has(change)) || Date.now() > deadline) break;
		await sleep(2_000);
	}
	const executions = (await rig.client.executionList(each.workflow.id)).filter(
		(record) => !seen.has(Number(record.id)),
	);
	for (const [id, status] of unlisted) executions.push({ id, status } as ExecutionRecord);
	for (const record of executions) seen.add(Number(record.id));
	const counts = new Map<string, number>();
	for (const run of runs) counts.set(changeKey(run), (counts.get(changeKey(run)) ?? 0) + 1);
	const missed = expected.filter((change) => !counts.has(change));
	const statuses = new Map<string, number>();
	for (const record of executions)
		statuses.set(record.status, (statuses.get(record.status) ?? 0) + 1);
	const byStatus = [...statuses].map(([status, count]) => `${status}×${count}`).join(', ');
	const attemptsOf = (change: string) => {
		const record = change.split(':')[0];
		const attempts = each.outbox.attempts.filter((attempt) => attempt.label.includes(record));
		return attempts.length
			? attempts
					.map(
						(attempt) =>
							`#${attempt.attempt} ${attempt.status ?? 'no answer'} ${attempt.answer ?? ''}`,
					)
					.join(', ')
			: 'none';
	};
	return {
		twice: expected.filter((change) => (counts.get(change) ?? 0) > 1).length,
		missed: missed.length,
		missedDetails: [
			...(unlisted.length
				? [
						`n8n's execution list left out ${unlisted.map(([id, status]) => `${id} (${status})`).join(', ')}: read by id`,
					]
				: []),
			...(missed.length
				? [
						`the batch's executions by status: ${byStatus || 'none'}`,
						...missed.map((change) => `missed ${change}; webhook attempts: ${attemptsOf(change)}`),
					]
				: []),
		],
		byWebhook: runs.filter((run) => run.node === 'Webhook').length,
		byCatchUp: runs.filter((run) => run.node === 'Catch-Up').length,
		empty: executions.length - runs.length,
	};
}

const describe = (t: Tally) =>
	`${t.twice} run twice, ${t.missed} missed; runs by webhook ${t.byWebhook}, by catch-up ${t.byCatchUp}; ${t.empty} catch-up executions passed nothing on`;

export function catchUpCase(prepared: CatchUpRig): RigCase {
	const seen = new Map<ProviderKey, Set<number>>();
	const all = worlds(prepared.world);
	/** One batch per provider: webhooks go out as the records move (or, held, as a round starts reading). */
	const batch = async (rig: Rig, id: string, name: string, held: boolean, strict: boolean) => {
		const checks: Check[] = [];
		if (held) for (const each of all) each.outbox.holding = true;
		const expected = Object.fromEntries(
			all.map((each) => [each.key, moveBatch(each, prepared.world)]),
		);
		if (held) {
			const calls = all.map((each) => callsTo(each.fake, LIST_PATHS[each.key]));
			const deadline = Date.now() + (ROUND_SECONDS + 10) * 1000;
			while (
				all.some((each, index) => callsTo(each.fake, LIST_PATHS[each.key]) === calls[index]) &&
				Date.now() < deadline
			)
				await sleep(20);
			for (const each of all) each.outbox.release();
		}
		await Promise.all(all.map(async (each) => await each.outbox.idle(60_000)));
		// Two rounds of every catch-up read the lists after the webhooks.
		await sleep((2 * ROUND_SECONDS + 5) * 1000);
		for (const each of all) {
			const result = await tally(rig, each, expected[each.key], seen.get(each.key)!);
			checks.push({
				id: `${id}-${each.key}`,
				name: `${each.key}: ${BATCH} changes ${name}`,
				passed: result.missed === 0 && (!strict || result.twice === 0),
				expected: strict
					? '0 run twice, 0 missed'
					: '0 missed; the changes run twice are the measured residual (README, Catch-up)',
				observed: describe(result),
				details: result.missedDetails,
			});
		}
		return checks;
	};
	return {
		id: 'i',
		async run(rig) {
			for (const each of all) seen.set(each.key, new Set());
			prepared.target.to = 'main';
			const checks = [
				...(await batch(
					rig,
					'i-main',
					'seen by the webhook (on the main) and the catch-up (main)',
					false,
					true,
				)),
				...(await batch(
					rig,
					'i-moment',
					'whose webhooks reach the main as a catch-up round reads them',
					true,
					true,
				)),
			];
			prepared.target.to = 'processors';
			checks.push(
				...(await batch(
					rig,
					'i-processors',
					'seen by the webhook (processors) and the catch-up (main)',
					false,
					false,
				)),
			);
			return checks;
		},
	};
}
