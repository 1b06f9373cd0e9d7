import type { ClusterMember, ExecutionRecord, N8nClient, N8nCluster } from '../../../dev/n8n';
import type { PostgresServer } from '../../../dev/n8n/services/postgres';
import type { RedisServer } from '../../../dev/n8n/services/redis';
import type { ProviderKey } from '../../../dev/fakes';
import { answerOf, keysOf, newerThan, PROVIDERS, type SendOutcome } from '../../../dev/n8n/series';
import type { E2eWorkflow } from '../../../dev/n8n/workflows';
import type { StickyRouter } from '../router';

/**
 * What every case of `npm run test:scale` shares (test/scale/cases/): the rig it runs on, the check it
 * returns (what was expected and what was observed), and the counting. Counts come from n8n's public
 * API on the main, read once the executions have settled (no new one and none unfinished for a few
 * seconds, bounded).
 */
export interface Rig {
	cluster: N8nCluster;
	redis: RedisServer;
	router: StickyRouter;
	/** The main's public API. */
	client: N8nClient;
	triggers: Record<ProviderKey, E2eWorkflow>;
	/** LML Trigger → Wait: executions that stay in flight for a few seconds. */
	slow: E2eWorkflow;
	/** The cluster's database, for what n8n's API does not show. */
	database: PostgresServer;
	progress(step: string): void;
}

export interface Check {
	id: string;
	name: string;
	passed: boolean;
	expected: string;
	observed: string;
	/** Further lines printed under the check (figures, what n8n did). */
	details: string[];
}

export interface RigCase {
	id: string;
	run(rig: Rig): Promise<Check[]>;
}

export const EVENTS = 50;
export const CONCURRENCY = 8;
export const SETTLE = { quietMs: 3_000, timeoutMs: 120_000 };

/** Series numbers: one per check, so that every check's keys are its own. */
export const SERIES = {
	a: 1,
	b: perProvider(20),
	c: perProvider(40),
	d: { londonMedicalLaboratory: 8, junction: 9 },
	e: { londonMedicalLaboratory: 10, junction: 11 },
	f: 12,
	g: 13,
	h: 14,
} as const;

/** One series per provider, from `first` on in the registry's order (room for 20 providers). */
function perProvider(first: number): Record<ProviderKey, number> {
	return Object.fromEntries(
		PROVIDERS.map((provider, index) => [provider, first + index]),
	) as Record<ProviderKey, number>;
}

export const processorUrl = (processor: ClusterMember, workflow: E2eWorkflow) =>
	processor.client.webhookUrl(workflow);

export function processors(rig: Rig): [ClusterMember, ClusterMember] {
	const [a, b] = rig.cluster.webhookProcessors;
	return [a, b];
}

/** What the trigger answered, by its status field, e.g. "accepted×36, duplicate×14". */
export function answerSummary(outcomes: SendOutcome[]): string {
	const counts = new Map<string, number>();
	for (const outcome of outcomes) {
		const label = answerOf(outcome) ?? (outcome.outcome === 'answered' ? 'other' : outcome.outcome);
		counts.set(label, (counts.get(label) ?? 0) + 1);
	}
	return [...counts.entries()].map(([label, count]) => `${label}×${count}`).join(', ');
}

/** The error of each execution that did not succeed, as n8n's public API returns it (or that it cannot). */
export async function errorsOf(
	client: N8nClient,
	records: ExecutionRecord[],
	limit = 5,
): Promise<string[]> {
	const lines: string[] = [];
	for (const record of records
		.filter((candidate) => candidate.status !== 'success')
		.slice(0, limit)) {
		try {
			const execution = await client.execution(record.id);
			const error = execution.error;
			lines.push(
				`execution ${record.id} (${record.status}): ${error ? `${error.message}`.slice(0, 160) : 'no error recorded'}`,
			);
		} catch (error) {
			lines.push(
				`execution ${record.id} (${record.status}): the public API cannot read it: ${(error as Error).message.slice(0, 160)}`,
			);
		}
	}
	return lines;
}

export function tally(records: ExecutionRecord[]): string {
	const counts = new Map<string, number>();
	for (const record of records) counts.set(record.status, (counts.get(record.status) ?? 0) + 1);
	return [...counts.entries()].map(([status, count]) => `${status} ${count}`).join(', ') || 'none';
}

export interface SeriesCount {
	executions: ExecutionRecord[];
	settled: boolean;
	/** Executions per key, in the order of the keys. */
	perKey: number[];
	reRuns: number;
	missing: number;
	/** Executions that belong to none of the keys, or whose data n8n could not read back. */
	strays: number;
	unreadable: number;
}

/** Waits for the workflow's executions to settle and counts those after `afterId` by key. */
export async function countSeries(
	rig: Rig,
	workflow: E2eWorkflow,
	afterId: number,
	keys: string[],
	minimumNew: number,
): Promise<SeriesCount> {
	const before = (await rig.client.executionList(workflow.id)).filter(
		(record) => Number(record.id) <= afterId,
	).length;
	const { executions, settled } = await rig.client.waitUntilSettled(workflow.id, {
		...SETTLE,
		minimum: before + minimumNew,
	});
	const fresh = newerThan(executions, afterId);
	const { byKey, unreadable, keyless } = await keysOf(rig.client, fresh);
	const perKey = keys.map((key) => byKey.get(key)?.length ?? 0);
	const known = new Set(keys);
	const foreign = [...byKey.entries()]
		.filter(([key]) => !known.has(key))
		.reduce((sum, [, records]) => sum + records.length, 0);
	return {
		executions: fresh,
		settled,
		perKey,
		reRuns: perKey.reduce((sum, count) => sum + Math.max(0, count - 1), 0),
		missing: perKey.filter((count) => count === 0).length,
		strays: foreign + keyless.length + unreadable.length,
		unreadable: unreadable.length,
	};
}

export function describeCount(count: SeriesCount, events: number): string {
	return [
		`${count.executions.length} executions for ${events} events: ${count.reRuns} re-runs, ${count.missing} missing`,
		count.strays
			? `${count.strays} without a key of this series (${count.unreadable} unreadable)`
			: '',
		count.settled ? '' : 'NOT settled within the bound',
	]
		.filter(Boolean)
		.join('; ');
}

export function exactlyOnce(count: SeriesCount): boolean {
	return count.settled && count.reRuns === 0 && count.missing === 0 && count.strays === 0;
}

/** How many answers said "accepted": each promises an execution, so a count waits for that many. */
export const acceptedIn = (outcomes: SendOutcome[]) =>
	outcomes.filter((outcome) => answerOf(outcome) === 'accepted').length;

export const allAccepted = (outcomes: SendOutcome[]) =>
	outcomes.every((outcome) => outcome.status === 200 && answerOf(outcome) === 'accepted');

/** Whether every answer was a 200 whose status field says `answer` (accepted, duplicate…). */
export const allAnswered = (outcomes: SendOutcome[], answer: string) =>
	outcomes.every((outcome) => outcome.status === 200 && answerOf(outcome) === answer);
