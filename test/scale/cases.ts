/* eslint-disable @n8n/community-nodes/no-restricted-globals -- the rig runs in Node, not inside n8n */
import type { ClusterMember, ExecutionRecord, N8nClient, N8nCluster } from '../../dev/n8n';
import type { RedisServer } from '../../dev/n8n/services/redis';
import type { ProviderKey } from '../../dev/fakes';
import type { Delivery } from '../../dev/fakes/sender';
import {
	answerOf,
	inPool,
	keysOf,
	newerThan,
	newestExecutionId,
	PROVIDER_NAMES,
	PROVIDERS,
	send,
	seriesDelivery,
	seriesKey,
	seriesMessageId,
	signedBody,
	statusSummary,
	type SendOutcome,
} from '../../dev/n8n/series';
import type { E2eWorkflow } from '../../dev/n8n/workflows';
import type { StickyRouter } from './router';

/**
 * The cases of `npm run test:scale` (issue 11): each returns one or more checks, each with what was
 * expected and what was observed. Counts come from n8n's public API on the main, read once the
 * executions have settled (no new one and none unfinished for a few seconds, bounded).
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

/**
 * Whether copies of one delivery arriving at two webhook processors at the same moment are a
 * documented residual (the trigger has no atomic store across processes; the remedy, routing each
 * webhook path to one processor, is case e). While false, case d expects exactly one execution like
 * every other case; set it to true if the trigger's design documents the residual, and d then reports
 * its figure without failing.
 */
export const SAME_MOMENT_IS_RESIDUAL = true;

const EVENTS = 50;
const CONCURRENCY = 8;
const SETTLE = { quietMs: 3_000, timeoutMs: 120_000 };

/** Series numbers: one per check, so that every check's keys are its own. */
const SERIES = {
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

const processorUrl = (processor: ClusterMember, workflow: E2eWorkflow) =>
	processor.client.webhookUrl(workflow);

function processors(rig: Rig): [ClusterMember, ClusterMember] {
	const [a, b] = rig.cluster.webhookProcessors;
	return [a, b];
}

/** What the trigger answered, by its status field, e.g. "accepted×36, duplicate×14". */
function answerSummary(outcomes: SendOutcome[]): string {
	const counts = new Map<string, number>();
	for (const outcome of outcomes) {
		const label = answerOf(outcome) ?? (outcome.outcome === 'answered' ? 'other' : outcome.outcome);
		counts.set(label, (counts.get(label) ?? 0) + 1);
	}
	return [...counts.entries()].map(([label, count]) => `${label}×${count}`).join(', ');
}

/** The error of each execution that did not succeed, as n8n's public API returns it (or that it cannot). */
async function errorsOf(
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

function tally(records: ExecutionRecord[]): string {
	const counts = new Map<string, number>();
	for (const record of records) counts.set(record.status, (counts.get(record.status) ?? 0) + 1);
	return [...counts.entries()].map(([status, count]) => `${status} ${count}`).join(', ') || 'none';
}

interface SeriesCount {
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
async function countSeries(
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

function describeCount(count: SeriesCount, events: number): string {
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

function exactlyOnce(count: SeriesCount): boolean {
	return count.settled && count.reRuns === 0 && count.missing === 0 && count.strays === 0;
}

/** How many answers said "accepted": each promises an execution, so a count waits for that many. */
const acceptedIn = (outcomes: SendOutcome[]) =>
	outcomes.filter((outcome) => answerOf(outcome) === 'accepted').length;

const allAccepted = (outcomes: SendOutcome[]) =>
	outcomes.every((outcome) => outcome.status === 200 && answerOf(outcome) === 'accepted');

/** One provider's series in a round trip: where each delivery goes first, and where its redelivery goes. */
interface Plan {
	provider: ProviderKey;
	series: number;
	first(delivery: Delivery, index: number): Promise<SendOutcome>;
	again(delivery: Delivery, index: number): Promise<SendOutcome>;
}

interface RoundTrip {
	first: SendOutcome[];
	again: SendOutcome[];
	count: SeriesCount;
}

/**
 * For each plan, one after the other: 50 distinct deliveries (`concurrency` at a time). Once every
 * execution has settled, `between` (a restart, say), then every delivery again, and the settled count.
 * The plans' executions settle in parallel, which keeps the rig short without changing any burst.
 */
async function roundTrips(
	rig: Rig,
	plans: Plan[],
	{ concurrency, between }: { concurrency: number; between?: () => Promise<void> },
): Promise<RoundTrip[]> {
	const keysOfPlan = (plan: Plan) =>
		Array.from({ length: EVENTS }, (_, index) => seriesKey(plan.provider, plan.series, index));
	const afterIds: number[] = [];
	const first: SendOutcome[][] = [];
	const round = async (plan: Plan, to: Plan['first']) =>
		await inPool(
			concurrency,
			keysOfPlan(plan).map(
				(_, index) => async () =>
					await to(seriesDelivery(plan.provider, plan.series, index), index),
			),
		);
	for (const plan of plans) {
		afterIds.push(await newestExecutionId(rig.client, rig.triggers[plan.provider].id));
		first.push(await round(plan, plan.first));
	}
	await Promise.all(
		plans.map(async (plan, index) => {
			const workflow = rig.triggers[plan.provider];
			const before = (await rig.client.executionList(workflow.id)).filter(
				(record) => Number(record.id) <= afterIds[index],
			).length;
			await rig.client.waitUntilSettled(workflow.id, { ...SETTLE, minimum: before + EVENTS });
		}),
	);
	await between?.();
	const again: SendOutcome[][] = [];
	for (const plan of plans) again.push(await round(plan, plan.again));
	const counts = await Promise.all(
		plans.map(
			async (plan, index) =>
				await countSeries(
					rig,
					rig.triggers[plan.provider],
					afterIds[index],
					keysOfPlan(plan),
					// Every "accepted" answer promises an execution: wait for those too.
					EVENTS + acceptedIn(again[index]),
				),
		),
	);
	return plans.map((_, index) => ({
		first: first[index],
		again: again[index],
		count: counts[index],
	}));
}

function roundTripCheck(id: string, name: string, result: RoundTrip): Check {
	const passed = allAccepted(result.first) && exactlyOnce(result.count);
	return {
		id,
		name,
		passed,
		expected: `${EVENTS} executions, 0 re-runs (first round accepted×${EVENTS})`,
		observed: describeCount(result.count, EVENTS),
		details: [
			`first round: ${statusSummary(result.first)} (${answerSummary(result.first)})`,
			`redelivery: ${statusSummary(result.again)} (${answerSummary(result.again)})`,
		],
	};
}

/** a. 50 distinct LML events one at a time, alternating processors; each redelivered to the other one. */
const caseA: RigCase = {
	id: 'a',
	async run(rig) {
		const [a, b] = processors(rig);
		const workflow = rig.triggers.londonMedicalLaboratory;
		const to = (index: number, shift: number) => ((index + shift) % 2 === 0 ? a : b);
		const [result] = await roundTrips(
			rig,
			[
				{
					provider: 'londonMedicalLaboratory',
					series: SERIES.a,
					first: async (delivery, index) =>
						await send(processorUrl(to(index, 0), workflow), delivery),
					again: async (delivery, index) =>
						await send(processorUrl(to(index, 1), workflow), delivery),
				},
			],
			{ concurrency: 1 },
		);
		return [
			roundTripCheck(
				'a',
				'LML: 50 events one at a time, alternating the 2 webhook processors; each redelivered to the other',
				result,
			),
		];
	},
};

/** b. A burst of 50 at concurrency 8 to processor A, then all 50 redelivered to processor B; each provider. */
const caseB: RigCase = {
	id: 'b',
	async run(rig) {
		const [a, b] = processors(rig);
		const results = await roundTrips(
			rig,
			PROVIDERS.map((provider) => ({
				provider,
				series: SERIES.b[provider],
				first: async (delivery) => await send(processorUrl(a, rig.triggers[provider]), delivery),
				again: async (delivery) => await send(processorUrl(b, rig.triggers[provider]), delivery),
			})),
			{ concurrency: CONCURRENCY },
		);
		return PROVIDERS.map((provider, index) =>
			roundTripCheck(
				`b-${provider}`,
				`${PROVIDER_NAMES[provider]}: burst of 50 at concurrency 8 to processor A, all redelivered to processor B${provider === 'junction' ? ' (same svix-ids)' : ''}`,
				results[index],
			),
		);
	},
};

/** c. A burst of 50 to processor A, restart A, redeliver to A; each provider, one restart for all three. */
const caseC: RigCase = {
	id: 'c',
	async run(rig) {
		const [a] = processors(rig);
		let restartSeconds = 0;
		const toA = (provider: ProviderKey) => async (delivery: Delivery) =>
			await send(processorUrl(a, rig.triggers[provider]), delivery);
		const results = await roundTrips(
			rig,
			PROVIDERS.map((provider) => ({
				provider,
				series: SERIES.c[provider],
				first: toA(provider),
				again: toA(provider),
			})),
			{
				concurrency: CONCURRENCY,
				between: async () => {
					rig.progress(`c: restarting ${a.name}`);
					const restartStarted = Date.now();
					await rig.cluster.restart(a);
					restartSeconds = (Date.now() - restartStarted) / 1000;
				},
			},
		);
		return PROVIDERS.map((provider, index) =>
			roundTripCheck(
				`c-${provider}`,
				`${PROVIDER_NAMES[provider]}: burst of 50 at concurrency 8 to processor A, A restarted (${restartSeconds.toFixed(0)} s), all redelivered to A`,
				results[index],
			),
		);
	},
};

/**
 * Whether two copies meet depends on timing, so each case sends several events, one after the other:
 * for each, `copies` identical copies to each target at the same moment.
 */
const SAME_MOMENT_ROUNDS = 5;

interface SameMoment {
	outcomes: SendOutcome[];
	count: SeriesCount;
	/** Executions per event (one entry per round). */
	perEvent: number[];
}

/** For each round, one delivery `copies` times to each target at the same moment; executions per event. */
async function sameMoment(
	rig: Rig,
	provider: 'londonMedicalLaboratory' | 'junction',
	series: number,
	urls: string[],
	copies: number,
): Promise<SameMoment> {
	const workflow = rig.triggers[provider];
	const keys = Array.from({ length: SAME_MOMENT_ROUNDS }, (_, index) =>
		seriesKey(provider, series, index),
	);
	const afterId = await newestExecutionId(rig.client, workflow.id);
	const outcomes: SendOutcome[] = [];
	for (const [index] of keys.entries()) {
		// Built once: every copy is the same bytes, the same svix-id and the same signature.
		const delivery = seriesDelivery(provider, series, index);
		outcomes.push(
			...(await Promise.all(
				urls.flatMap((url) =>
					Array.from({ length: copies }, async () => await send(url, delivery, 30_000)),
				),
			)),
		);
	}
	const count = await countSeries(
		rig,
		workflow,
		afterId,
		keys,
		Math.max(keys.length, acceptedIn(outcomes)),
	);
	return { outcomes, count, perEvent: count.perKey };
}

function sameMomentObserved({ count, perEvent }: SameMoment): string {
	const total = perEvent.reduce((sum, executions) => sum + executions, 0);
	return [
		`${total} executions for ${perEvent.length} events (per event: ${perEvent.join(', ')})`,
		count.strays ? `${count.strays} without a key of this series` : '',
		count.settled ? '' : 'NOT settled within the bound',
	]
		.filter(Boolean)
		.join('; ');
}

const onceEach = ({ count, perEvent }: SameMoment) =>
	count.settled && count.strays === 0 && perEvent.every((executions) => executions === 1);

/** d. The same delivery 5× to each of the two processors at the same moment (LML; Junction, one svix-id). */
const caseD: RigCase = {
	id: 'd',
	async run(rig) {
		const [a, b] = processors(rig);
		const checks: Check[] = [];
		for (const provider of ['londonMedicalLaboratory', 'junction'] as const) {
			const workflow = rig.triggers[provider];
			const result = await sameMoment(
				rig,
				provider,
				SERIES.d[provider],
				[processorUrl(a, workflow), processorUrl(b, workflow)],
				5,
			);
			checks.push({
				id: `d-${provider}`,
				name: `${PROVIDER_NAMES[provider]}: ${SAME_MOMENT_ROUNDS} events, each delivered 5× to each of the 2 processors at the same moment${provider === 'junction' ? ' (one svix-id per event)' : ''}`,
				passed: onceEach(result) || SAME_MOMENT_IS_RESIDUAL,
				expected: SAME_MOMENT_IS_RESIDUAL
					? '1 execution per event (documented residual: measured only; the remedy is case e)'
					: '1 execution per event',
				observed: sameMomentObserved(result),
				details: [`answers: ${statusSummary(result.outcomes)} (${answerSummary(result.outcomes)})`],
			});
		}
		return checks;
	},
};

/** e. As d, through a sticky router that sends each webhook path to one processor. */
const caseE: RigCase = {
	id: 'e',
	async run(rig) {
		const checks: Check[] = [];
		for (const provider of ['londonMedicalLaboratory', 'junction'] as const) {
			const workflow = rig.triggers[provider];
			const url = `${rig.router.baseUrl}/webhook/${workflow.webhookPath}`;
			const upstream = rig.cluster.webhookProcessors.find(
				(processor) =>
					processor.port === rig.router.upstreamPortFor(`/webhook/${workflow.webhookPath}`),
			);
			const result = await sameMoment(rig, provider, SERIES.e[provider], [url, url], 5);
			checks.push({
				id: `e-${provider}`,
				name: `${PROVIDER_NAMES[provider]}: as d, through a sticky router (hash of the webhook path → one processor)`,
				passed: onceEach(result),
				expected: '1 execution per event',
				observed: sameMomentObserved(result),
				details: [
					`answers: ${statusSummary(result.outcomes)} (${answerSummary(result.outcomes)}); routed to ${upstream?.name ?? '?'}`,
				],
			});
		}
		return checks;
	},
};

const NESTING = 10_000;

/** `{"a":{"a":…1…}}`, `depth` levels deep, without building it recursively. */
function nested(depth: number): string {
	return `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
}

/** f. A body nested 10,000 levels deep to each trigger: a 4xx and no execution at all. */
const caseF: RigCase = {
	id: 'f',
	async run(rig) {
		const [a] = processors(rig);
		const deep = nested(NESTING);
		const bodies: Array<{ id: string; name: string; provider: ProviderKey; body: string }> = [
			{
				id: 'f-londonMedicalLaboratory',
				name: 'LML: {"event":"test_registration.complete","data":{"a":{"a":…}}}',
				provider: 'londonMedicalLaboratory',
				body: `{"event":"test_registration.complete","data":${deep}}`,
			},
			{
				id: 'f-hurdle-no-ids',
				name: 'Hurdle, no ids: {"eventType":"ORDER.DISPATCHED","details":{"a":…}}',
				provider: 'hurdle',
				body: `{"eventType":"ORDER.DISPATCHED","version":"1","details":${deep}}`,
			},
			{
				id: 'f-hurdle-ids',
				name: 'Hurdle, with ids: {"eventType":"ORDER.DISPATCHED","orderNumber":…,"details":{"a":…}}',
				provider: 'hurdle',
				body: `{"eventType":"ORDER.DISPATCHED","version":"1","orderNumber":"${seriesKey('hurdle', SERIES.f, 1)}","kits":[{"kitId":"KIT${SERIES.f}"}],"details":${deep}}`,
			},
			{
				id: 'f-junction',
				name: 'Junction, signed: {"event_type":"labtest.order.updated","data":{"a":…}}',
				provider: 'junction',
				body: `{"event_type":"labtest.order.updated","user_id":"u","client_user_id":"c","team_id":"t","data":${deep}}`,
			},
		];
		const checks: Check[] = [];
		for (const [index, { id, name, provider, body }] of bodies.entries()) {
			const workflow = rig.triggers[provider];
			const afterId = await newestExecutionId(rig.client, workflow.id);
			const delivery = signedBody(provider, body, seriesMessageId(SERIES.f, index));
			const outcome = await send(processorUrl(a, workflow), delivery, 30_000);
			const { executions, settled } = await rig.client.waitUntilSettled(workflow.id, SETTLE);
			const fresh = newerThan(executions, afterId);
			const is4xx = outcome.status >= 400 && outcome.status < 500;
			checks.push({
				id,
				name: `${name}, ${NESTING.toLocaleString('en')} levels deep`,
				passed: is4xx && fresh.length === 0 && settled,
				expected: '4xx, no execution',
				observed: `${outcome.outcome === 'answered' ? outcome.status : outcome.outcome} ${JSON.stringify(outcome.body.slice(0, 120))}; ${fresh.length} executions (${tally(fresh)})`,
				details: await errorsOf(rig.client, fresh),
			});
		}
		return checks;
	},
};

/** Waits (bounded) until every webhook processor serves the trigger webhooks again. */
async function processorsServe(rig: Rig, timeoutMs: number): Promise<boolean> {
	try {
		await Promise.all(
			rig.cluster.webhookProcessors.map(
				async (processor) =>
					await processor.client.waitUntilServed(
						Object.values(rig.triggers).map((workflow) => workflow.webhookPath),
						timeoutMs,
					),
			),
		);
		return true;
	} catch {
		return false;
	}
}

const REDIS_DOWN_TIMEOUT_MS = 20_000;
/** n8n colours its log lines. */
const ANSI_COLOURS = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g');

/** g. Redis stopped while a delivery arrives: not acknowledged; after Redis is back, the redelivery runs once. */
const caseG: RigCase = {
	id: 'g',
	async run(rig) {
		const [a] = processors(rig);
		const workflow = rig.triggers.londonMedicalLaboratory;
		const key = seriesKey('londonMedicalLaboratory', SERIES.g, 0);
		const delivery = seriesDelivery('londonMedicalLaboratory', SERIES.g, 0);
		const afterId = await newestExecutionId(rig.client, workflow.id);
		const logOffset = a.process.logSize();
		rig.progress('g: stopping Redis');
		await rig.redis.stop();
		const during = await send(processorUrl(a, workflow), delivery, REDIS_DOWN_TIMEOUT_MS);
		rig.progress(`g: delivery while Redis was down: ${statusSummary([during])}; starting Redis`);
		const downSeconds = during.ms / 1000;
		await rig.redis.start();
		const serving = await processorsServe(rig, 60_000);
		const dead = rig.cluster.deadMembers().map((member) => member.name);
		for (const member of rig.cluster.deadMembers()) await rig.cluster.startAgain(member);
		// What became of the call n8n held while Redis was down, once Redis was back (n8n 2.41 logs it).
		const held = a.process
			.logSince(logOffset)
			.split('\n')
			.filter((line) => /webhook request|Request body stream/.test(line))
			.slice(0, 3);
		const again = await send(processorUrl(a, workflow), delivery, 30_000);
		const count = await countSeries(
			rig,
			workflow,
			afterId,
			[key],
			Math.max(1, acceptedIn([during, again])),
		);
		const executions = count.perKey[0];
		const acknowledged =
			during.outcome === 'answered' && during.status >= 200 && during.status < 300;
		const duringText =
			during.outcome === 'answered'
				? `${during.status} ${JSON.stringify(during.body.slice(0, 100))} after ${downSeconds.toFixed(1)} s`
				: `${during.outcome === 'timeout' ? 'no answer (timeout)' : `connection error (${during.error})`} after ${downSeconds.toFixed(1)} s`;
		return [
			{
				id: 'g',
				name: 'LML: Redis stopped while a delivery arrives at processor A, then Redis started and the delivery redelivered',
				passed:
					!acknowledged &&
					executions === 1 &&
					count.strays === 0 &&
					count.settled &&
					dead.length === 0,
				expected: `while Redis is down: not a 2xx (an error status, or no answer within ${REDIS_DOWN_TIMEOUT_MS / 1000} s); in the end exactly 1 execution`,
				observed: `while down: ${duringText}; redelivery: ${statusSummary([again])} (${answerOf(again) ?? '-'}); ${executions} execution${executions === 1 ? '' : 's'} for the event${count.strays ? `, ${count.strays} others` : ''}`,
				details: [
					serving
						? 'both processors served the webhooks again after Redis came back'
						: 'the processors did NOT serve the webhooks within 60 s after Redis came back',
					dead.length
						? `n8n processes that exited during the outage (started again): ${dead.join(', ')}`
						: 'no n8n process exited during the outage',
					...held.map(
						(line) => `${a.name} logged: ${line.replace(ANSI_COLOURS, '').trim().slice(0, 160)}`,
					),
					`executions: ${tally(count.executions)}`,
				],
			},
		];
	},
};

const SLOW_DELIVERIES = 30;

/** h. A worker killed (SIGKILL) while executions are in flight: what n8n does with them; no event runs twice. */
const caseH: RigCase = {
	id: 'h',
	async run(rig) {
		const [a] = processors(rig);
		const [victim] = rig.cluster.workers;
		const workflow = rig.slow;
		const keys = Array.from({ length: SLOW_DELIVERIES }, (_, index) =>
			seriesKey('londonMedicalLaboratory', SERIES.h, index),
		);
		const afterId = await newestExecutionId(rig.client, workflow.id);
		let killedWith = '';
		const burst = inPool(
			CONCURRENCY,
			keys.map(
				(_, index) => async () =>
					await send(
						processorUrl(a, workflow),
						seriesDelivery('londonMedicalLaboratory', SERIES.h, index),
					),
			),
		);
		// Kill once executions are running (bounded): some of them are on the victim by then.
		const deadline = Date.now() + 20_000;
		while (Date.now() < deadline) {
			const running = newerThan(await rig.client.executionList(workflow.id), afterId).filter(
				(record) => record.status === 'running',
			);
			if (running.length >= 4) {
				killedWith = `${running.length} executions running`;
				break;
			}
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
		rig.progress(`h: SIGKILL to ${victim.name} (${killedWith || 'no execution seen running'})`);
		await victim.process.kill('SIGKILL');
		const answers = await burst;
		const killedAt = Date.now();
		const { executions, settled } = await rig.client.waitUntilSettled(workflow.id, {
			quietMs: 5_000,
			timeoutMs: 180_000,
			minimum: 0,
		});
		const settledAfter = (Date.now() - killedAt) / 1000;
		const fresh = newerThan(executions, afterId);
		const { byKey } = await keysOf(rig.client, fresh);
		const successes = keys.map(
			(key) => (byKey.get(key) ?? []).filter((record) => record.status === 'success').length,
		);
		const twice = successes.filter((count) => count > 1).length;
		const none = successes.filter((count) => count === 0).length;
		const errors = await errorsOf(rig.client, fresh, 3);
		rig.progress(`h: starting ${victim.name} again`);
		await rig.cluster.startAgain(victim);
		const after = await rig.client.waitUntilSettled(workflow.id, {
			quietMs: 5_000,
			timeoutMs: 60_000,
		});
		const reRunAfterRestart = newerThan(after.executions, afterId).length - fresh.length;
		return [
			{
				id: 'h',
				name: `LML → Wait 3 s: ${victim.name} killed (SIGKILL) during a burst of ${SLOW_DELIVERIES} (concurrency ${CONCURRENCY})`,
				passed: twice === 0 && settled && reRunAfterRestart === 0,
				expected: 'no event with two successful executions',
				observed: `${twice} events ran successfully twice; ${fresh.length} executions: ${tally(fresh)}; ${none} events never succeeded`,
				details: [
					`killed when ${killedWith || 'no execution was seen running within 20 s'}; answers: ${statusSummary(answers)} (${answerSummary(answers)})`,
					`executions settled ${settled ? `${settledAfter.toFixed(0)} s after the kill` : 'NOT within 180 s'}; ${reRunAfterRestart} new executions after ${victim.name} started again`,
					...errors,
				],
			},
		];
	},
};

export const CASES: RigCase[] = [caseF, caseA, caseB, caseC, caseD, caseE, caseG, caseH];
