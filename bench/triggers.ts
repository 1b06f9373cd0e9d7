/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- benchmarks run in Node, not inside n8n */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { INode } from 'n8n-workflow';

import { LML_DUPLICATE_WINDOW_HOURS } from '../nodes/LondonMedicalLaboratory/webhook';
import { deliveryFingerprint, EMPTY_LEDGER, ledgerWith } from '../nodes/shared/trigger/ledger';
import type { FakeUrls } from '../dev/fakes/startFakes';
import {
	credentialJson,
	defineCredential,
	stableId,
	stableUuid,
	triggerWorkflow,
	TRIGGER_NODE,
	type E2eWorkflow,
} from '../dev/n8n/workflows';
import type { FakeServer } from '../dev/fakes/fakeServer';
import { N8nInstance, type CredentialJson, type N8nClient, type WorkflowJson } from '../dev/n8n';
import { cacheDir, installedRuntime, repoRoot, type Runtime } from '../dev/n8n/runtime';
import {
	PROVIDER_KEYS,
	TEST_PROVIDERS,
	testProvider,
	triggerNodeName,
	type ProviderKey,
} from '../dev/fakes';
import { benchDelivery, BENCH_HEADER, BENCH_SECRETS } from './deliveries';
import { fire, type LoadResult, type PreparedRequest } from './load';
import { formatNumber, median, percentile, table } from './stats';

/**
 * Measure 1, trigger overhead: one real n8n (the e2e runtime, started by dev/n8n) with our three
 * triggers (verification on, everything else at its default) and n8n's own Webhook node (POST, respond
 * immediately) published, plus the two evidence targets below. Each trigger and the Webhook node get the
 * same bytes and headers: a provider's real delivery, unique per request so deduplication never
 * short-circuits. A closed-loop load generator on 127.0.0.1 (load.ts) sends them at fixed concurrency;
 * rounds are interleaved and their order rotates; after each segment n8n finishes every execution it
 * started before the next segment begins, and each figure is the median over the rounds.
 */
export const PROVIDERS: ProviderKey[] = PROVIDER_KEYS;
/** The provider of the evidence targets below. */
const LML: ProviderKey = 'londonMedicalLaboratory';

const HEADER = BENCH_HEADER;
const SECRETS = BENCH_SECRETS;
const triggerType = (provider: ProviderKey) => triggerNodeName(testProvider(provider));
export const PROVIDER_NAMES = Object.fromEntries(
	TEST_PROVIDERS.map(({ key, shortName }) => [key, shortName]),
) as Record<ProviderKey, string>;

export interface TriggerBenchOptions {
	requestsPerSegment: number;
	rounds: number;
	concurrency: number;
	warmUpRequests: number;
	runtime?: Runtime;
	/** Only these targets, e.g. ['londonMedicalLaboratory-trigger', 'londonMedicalLaboratory-webhookNode'] (for profiling one at a time). */
	only?: string[];
	/** The trigger nodes' typeVersion (default 1.1, what n8n gives new nodes; 1 shows what version 1 costs). */
	triggerVersion?: number;
	/** Extra n8n settings, for every target alike (e.g. to show what a setting costs). */
	n8nEnv?: Record<string, string>;
	/** Write V8 CPU profiles of n8n's processes into this folder (NODE_OPTIONS=--cpu-prof). */
	profileDir?: string;
	/** Names this configuration in the tables. */
	title: string;
	progress(step: string): void;
}

/** One target's figures in one round. */
export interface Segment {
	round: number;
	requestsPerSecond: number;
	p50Ms: number;
	p99Ms: number;
	/** Requests / (last execution's stoppedAt − first request sent): what n8n sustains end to end. */
	executionsPerSecond: number;
	/** CPU time of n8n's main process per request, answering and executing included. */
	n8nCpuMsPerRequest: number;
	failures: string[];
}

export interface TargetSummary {
	name: string;
	provider: ProviderKey;
	kind: TargetKind;
	requestsPerSecond: number;
	p50Ms: number;
	p99Ms: number;
	executionsPerSecond: number;
	n8nCpuMsPerRequest: number;
	segments: Segment[];
}

/** One target against another, measured in the same rounds: medians of the per-round ratios. */
export interface Comparison {
	name: string;
	ours: string;
	reference: string;
	/** Whether measure 1's targets apply (our trigger against the plain Webhook node; see bench/run.ts). */
	hasTargets: boolean;
	throughputRatio: number;
	p99Ratio: number;
	p50Ratio: number;
	executionsRatio: number;
	cpuRatio: number;
	throughputTargetMet: boolean;
	p99TargetMet: boolean;
}

export interface TriggerBenchResult {
	title: string;
	settings: {
		requestsPerSegment: number;
		rounds: number;
		concurrency: number;
		warmUpRequests: number;
		triggerVersion: number;
	};
	targets: TargetSummary[];
	comparisons: Comparison[];
	n8nEnvironment: Record<string, string>;
}

/**
 * Our trigger; n8n's Webhook node (the reference of the targets); and two for evidence, LML only: the
 * LML trigger whose dedup ledger starts full (10,000 deliveries, the default bound, in its static data,
 * which n8n loads and saves on every call), and the Webhook node checking the same secret header with
 * its Header Auth (what n8n itself charges for reading a credential in a webhook).
 */
export type TargetKind = 'trigger' | 'triggerFullLedger' | 'webhookNode' | 'webhookNodeHeaderAuth';

interface Target {
	name: string;
	provider: ProviderKey;
	kind: TargetKind;
	workflowId: string;
	webhookPath: string;
	isExpected(status: number, body: string): boolean;
}

let unique = 0;

/** The trigger's default Duplicate Memory. */
const FULL_LEDGER_ENTRIES = 10_000;

/** Each trigger's credential: the fake API (never called: Fetch Full Data is off) and the webhook secret. */
function credentialOf(provider: ProviderKey) {
	const { provider: lab, credentials } = testProvider(provider);
	return defineCredential({
		name: `bench ${provider}`,
		type: lab.credentialType,
		data: (fakes) =>
			credentials({ baseUrl: fakes[provider], secret: SECRETS[provider], headerName: HEADER }),
	});
}

function credentials(fakes: Record<ProviderKey, FakeServer>): CredentialJson[] {
	const urls = Object.fromEntries(
		PROVIDERS.map((provider) => [provider, fakes[provider].url]),
	) as unknown as FakeUrls;
	return [...PROVIDERS.map((provider) => credentialOf(provider)), HEADER_AUTH_CREDENTIAL].map(
		(credential) => credentialJson(credential, urls),
	);
}

const HEADER_AUTH_CREDENTIAL = defineCredential({
	name: 'bench Webhook node header auth',
	type: 'httpHeaderAuth',
	data: () => ({ name: HEADER, value: SECRETS[LML] }),
});

/** n8n's Webhook node, POST, answering as soon as the execution has started (as our triggers do). */
function webhookNodeWorkflow(headerAuth: boolean): E2eWorkflow {
	const name = headerAuth ? 'bench: n8n Webhook node, Header Auth' : 'bench: n8n Webhook node';
	const path = stableUuid(`webhook:${name}`);
	const node: INode = {
		id: stableUuid(`${name}/webhook`),
		name: 'Webhook',
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position: [0, 0],
		webhookId: path,
		parameters: {
			httpMethod: 'POST',
			path,
			responseMode: 'onReceived',
			options: {},
			...(headerAuth ? { authentication: 'headerAuth' } : {}),
		},
		...(headerAuth
			? {
					credentials: {
						httpHeaderAuth: { id: HEADER_AUTH_CREDENTIAL.id, name: HEADER_AUTH_CREDENTIAL.name },
					},
				}
			: {}),
	};
	const json: WorkflowJson = {
		id: stableId(`workflow:${name}`),
		name,
		active: true,
		nodes: [node],
		connections: {},
		settings: { executionOrder: 'v1' },
	};
	return { id: json.id, name, webhookPath: path, json };
}

/** Static data as the trigger leaves it after `entries` deliveries: a ledger at its default bound. */
function fullLedgerStaticData(nodeId: string, entries: number): Record<string, unknown> {
	const now = Math.floor(Date.now() / 1000);
	const expiresAt = now + LML_DUPLICATE_WINDOW_HOURS * 3600;
	let ledger = EMPTY_LEDGER;
	// One short of the bound, so the ledger holds between `entries - 1` and `entries` keys throughout.
	for (let index = 0; index < entries - 1; index++)
		ledger = ledgerWith(ledger, deliveryFingerprint(['prefill', index]), expiresAt, now, entries);
	return { global: { labTestingDeliveries: { version: 4, ledgers: { [nodeId]: ledger } } } };
}

/** CPU time (user + system) a process has used so far, in milliseconds. */
function cpuMs(pid: number): number {
	const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
	// Fields after the command name (which may hold spaces) start at field 3; utime and stime are 14 and 15.
	const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
	return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
}

interface ExecutionSummary {
	id: string;
	status: string;
	stoppedAt: string | null;
}

async function newestExecutionId(client: N8nClient, workflowId: string): Promise<number> {
	const { data } = await client.api<{ data: ExecutionSummary[] }>(
		'GET',
		`/executions?workflowId=${workflowId}&limit=1&includeData=false`,
	);
	return data.length ? Number(data[0].id) : 0;
}

/** Finished executions of a workflow with an id above `afterId` (n8n lists them newest first). */
async function executionsAfter(
	client: N8nClient,
	workflowId: string,
	afterId: number,
): Promise<ExecutionSummary[]> {
	const found: ExecutionSummary[] = [];
	let cursor: string | undefined;
	for (let page = 0; page < 1000; page++) {
		const query = new URLSearchParams({ workflowId, limit: '250', includeData: 'false' });
		if (cursor) query.set('cursor', cursor);
		const { data, nextCursor } = await client.api<{
			data: ExecutionSummary[];
			nextCursor?: string | null;
		}>('GET', `/executions?${query.toString()}`);
		const newer = data.filter((execution) => Number(execution.id) > afterId);
		found.push(...newer);
		if (newer.length < data.length || !nextCursor) break;
		cursor = nextCursor;
	}
	return found;
}

/** Waits (bounded) until n8n has finished `count` executions newer than `afterId`. */
async function waitForExecutions(
	client: N8nClient,
	workflowId: string,
	afterId: number,
	count: number,
	timeoutMs = 180_000,
): Promise<ExecutionSummary[]> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const found = await executionsAfter(client, workflowId, afterId);
		if (found.length >= count) return found;
		if (Date.now() > deadline)
			throw new Error(
				`n8n finished only ${found.length} of ${count} executions within ${timeoutMs / 1000} s`,
			);
		await new Promise((resolve) => setTimeout(resolve, 250));
	}
}

async function runSegment(
	n8n: N8nInstance,
	target: Target,
	requests: number,
	concurrency: number,
	round: number,
): Promise<Segment> {
	const prepared: PreparedRequest[] = Array.from({ length: requests }, () => ({
		...benchDelivery(target.provider, unique++),
		path: `/webhook/${target.webhookPath}`,
	}));
	const afterId = await newestExecutionId(n8n.client, target.workflowId);
	const pid = n8n.pid!;
	const cpuBefore = cpuMs(pid);
	const load: LoadResult = await fire({
		baseUrl: n8n.client.baseUrl,
		requests: prepared,
		concurrency,
		isExpected: target.isExpected,
	});
	const executions = await waitForExecutions(n8n.client, target.workflowId, afterId, requests);
	const cpuAfter = cpuMs(pid);
	const lastStop = Math.max(
		...executions.map((execution) => Date.parse(execution.stoppedAt ?? '')),
	);
	const failures: string[] = [];
	if (load.errors) failures.push(`${load.errors} socket errors (${load.firstError})`);
	if (load.expectedAnswers !== requests)
		failures.push(
			`${requests - load.expectedAnswers} unexpected answers: ${JSON.stringify(load.statuses)}`,
		);
	const failed = executions.filter((execution) => execution.status !== 'success').length;
	if (failed) failures.push(`${failed} executions did not succeed`);
	if (executions.length !== requests)
		failures.push(`${executions.length} executions for ${requests} requests`);
	return {
		round,
		requestsPerSecond: load.requestsPerSecond,
		p50Ms: percentile(load.latenciesMs, 50),
		p99Ms: percentile(load.latenciesMs, 99),
		executionsPerSecond: (requests / (lastStop - load.startedAt)) * 1000,
		// The status polls above run in n8n too, equally for every target; they are a small part.
		n8nCpuMsPerRequest: (cpuAfter - cpuBefore) / requests,
		failures,
	};
}

/** The settings that decide what n8n does per execution: the same for every target. */
const N8N_ENVIRONMENT: Record<string, string> = {
	EXECUTIONS_MODE: 'regular',
	N8N_CONCURRENCY_PRODUCTION_LIMIT: '-1',
	EXECUTIONS_DATA_SAVE_ON_SUCCESS: 'all',
	EXECUTIONS_DATA_SAVE_ON_ERROR: 'all',
	EXECUTIONS_DATA_PRUNE: 'true',
	DB_TYPE: 'sqlite',
	N8N_LOG_LEVEL: 'info',
};

export async function benchmarkTriggers(options: TriggerBenchOptions): Promise<TriggerBenchResult> {
	const fakes = Object.fromEntries(
		TEST_PROVIDERS.map(({ key, createFake }) => [key, createFake()]),
	) as Record<ProviderKey, FakeServer>;
	let n8n: N8nInstance | undefined;
	try {
		for (const fake of Object.values(fakes)) await fake.start();
		const triggerWorkflows = PROVIDERS.map((provider) =>
			triggerWorkflow(`bench: ${PROVIDER_NAMES[provider]} Trigger`, {
				node: triggerType(provider),
				credential: credentialOf(provider),
				parameters: {},
				typeVersion: options.triggerVersion ?? 1.1,
			}),
		);
		const fullLedger = triggerWorkflow('bench: LML Trigger, full dedup ledger', {
			node: triggerType(LML),
			credential: credentialOf(LML),
			parameters: {},
			typeVersion: options.triggerVersion ?? 1.1,
		});
		const triggerNode = fullLedger.json.nodes.find((node) => node.name === TRIGGER_NODE)!;
		Object.assign(fullLedger.json, {
			staticData: fullLedgerStaticData(triggerNode.id, FULL_LEDGER_ENTRIES),
		});
		const webhookNode = webhookNodeWorkflow(false);
		const webhookNodeHeaderAuth = webhookNodeWorkflow(true);
		const workflows = [...triggerWorkflows, fullLedger, webhookNode, webhookNodeHeaderAuth];
		const environment = { ...N8N_ENVIRONMENT, ...options.n8nEnv };
		n8n = await N8nInstance.start({
			workRoot: join(cacheDir, 'bench'),
			packageRoot: repoRoot,
			runtime: options.runtime ?? installedRuntime(),
			credentials: credentials(fakes),
			workflows: workflows.map((workflow) => workflow.json),
			webhooks: workflows.map((workflow) => workflow.webhookPath),
			env: options.profileDir
				? { ...environment, NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${options.profileDir}` }
				: environment,
			onProgress: options.progress,
		});
		const accepted = (status: number, body: string) =>
			status === 200 && body.includes('"accepted"');
		const started = (status: number, body: string) =>
			status === 200 && body.includes('Workflow was started');
		const allTargets: Target[] = PROVIDERS.flatMap((provider, index) => [
			{
				name: `${PROVIDER_NAMES[provider]} Trigger`,
				provider,
				kind: 'trigger' as const,
				workflowId: triggerWorkflows[index].id,
				webhookPath: triggerWorkflows[index].webhookPath,
				isExpected: accepted,
			},
			{
				name: `Webhook node (${PROVIDER_NAMES[provider]} bodies)`,
				provider,
				kind: 'webhookNode' as const,
				workflowId: webhookNode.id,
				webhookPath: webhookNode.webhookPath,
				isExpected: started,
			},
		]);
		allTargets.splice(1, 0, {
			name: `LML Trigger, ledger full (${formatNumber(FULL_LEDGER_ENTRIES)})`,
			provider: LML,
			kind: 'triggerFullLedger',
			workflowId: fullLedger.id,
			webhookPath: fullLedger.webhookPath,
			isExpected: accepted,
		});
		allTargets.splice(3, 0, {
			name: 'Webhook node + Header Auth (LML bodies)',
			provider: LML,
			kind: 'webhookNodeHeaderAuth',
			workflowId: webhookNodeHeaderAuth.id,
			webhookPath: webhookNodeHeaderAuth.webhookPath,
			isExpected: started,
		});
		const targets = allTargets.filter(
			(target) => !options.only || options.only.includes(`${target.provider}-${target.kind}`),
		);

		options.progress(`warm-up: ${options.warmUpRequests} requests per target`);
		for (const target of targets) {
			const warmUp = await runSegment(n8n, target, options.warmUpRequests, options.concurrency, 0);
			if (warmUp.failures.length)
				throw new Error(`${target.name} failed in the warm-up: ${warmUp.failures.join('; ')}`);
		}
		const segments = new Map<Target, Segment[]>(targets.map((target) => [target, []]));
		for (let round = 1; round <= options.rounds; round++) {
			// Rotate the order, so no target always runs right after the same one.
			const order = targets.map((_, index) => targets[(index + (round - 1) * 3) % targets.length]);
			for (const target of order) {
				const segment = await runSegment(
					n8n,
					target,
					options.requestsPerSegment,
					options.concurrency,
					round,
				);
				// A refused request or a failed execution makes the figures meaningless: stop, say why.
				if (segment.failures.length)
					throw new Error(`${target.name}, round ${round}: ${segment.failures.join('; ')}`);
				segments.get(target)!.push(segment);
				options.progress(
					`round ${round}/${options.rounds} ${target.name}: ${formatNumber(segment.requestsPerSecond)} req/s, p50 ${formatNumber(segment.p50Ms, 1)} ms, p99 ${formatNumber(segment.p99Ms, 1)} ms, ${formatNumber(segment.executionsPerSecond)} exec/s, ${formatNumber(segment.n8nCpuMsPerRequest, 2)} CPU ms/req${segment.failures.length ? ` — ${segment.failures.join('; ')}` : ''}`,
				);
			}
		}

		const summaries: TargetSummary[] = targets.map((target) => {
			const list = segments.get(target)!;
			return {
				name: target.name,
				provider: target.provider,
				kind: target.kind,
				requestsPerSecond: median(list.map((segment) => segment.requestsPerSecond)),
				p50Ms: median(list.map((segment) => segment.p50Ms)),
				p99Ms: median(list.map((segment) => segment.p99Ms)),
				executionsPerSecond: median(list.map((segment) => segment.executionsPerSecond)),
				n8nCpuMsPerRequest: median(list.map((segment) => segment.n8nCpuMsPerRequest)),
				segments: list,
			};
		});
		const find = (provider: ProviderKey, kind: TargetKind) =>
			targets.find((target) => target.provider === provider && target.kind === kind);
		const compare = (
			name: string,
			ours: Target | undefined,
			reference: Target | undefined,
			hasTargets: boolean,
		): Comparison[] => {
			if (!ours || !reference) return [];
			const mine = segments.get(ours)!;
			const theirs = segments.get(reference)!;
			const ratio = (pick: (segment: Segment) => number) =>
				median(mine.map((segment, index) => pick(segment) / pick(theirs[index])));
			const throughputRatio = ratio((segment) => segment.requestsPerSecond);
			const p99Ratio = ratio((segment) => segment.p99Ms);
			return [
				{
					name,
					ours: ours.name,
					reference: reference.name,
					hasTargets,
					throughputRatio,
					p99Ratio,
					p50Ratio: ratio((segment) => segment.p50Ms),
					executionsRatio: ratio((segment) => segment.executionsPerSecond),
					cpuRatio: ratio((segment) => segment.n8nCpuMsPerRequest),
					throughputTargetMet: throughputRatio >= 0.95,
					p99TargetMet: p99Ratio <= 1.1,
				},
			];
		};
		const comparisons = [
			...PROVIDERS.flatMap((provider) =>
				compare(
					`${PROVIDER_NAMES[provider]} Trigger ÷ Webhook node`,
					find(provider, 'trigger'),
					find(provider, 'webhookNode'),
					true,
				),
			),
			...compare(
				'LML Trigger ÷ Webhook node + Header Auth',
				find(LML, 'trigger'),
				find(LML, 'webhookNodeHeaderAuth'),
				false,
			),
			...compare(
				'LML Trigger, full ledger ÷ LML Trigger',
				find(LML, 'triggerFullLedger'),
				find(LML, 'trigger'),
				false,
			),
			...compare(
				'Webhook node + Header Auth ÷ Webhook node',
				find(LML, 'webhookNodeHeaderAuth'),
				find(LML, 'webhookNode'),
				false,
			),
		];
		return {
			title: options.title,
			settings: {
				requestsPerSegment: options.requestsPerSegment,
				rounds: options.rounds,
				concurrency: options.concurrency,
				warmUpRequests: options.warmUpRequests,
				triggerVersion: options.triggerVersion ?? 1.1,
			},
			targets: summaries,
			comparisons,
			n8nEnvironment: environment,
		};
	} finally {
		await n8n?.stop();
		await Promise.all(Object.values(fakes).map(async (fake) => await fake.stop()));
	}
}

export function printTriggers(result: TriggerBenchResult): string {
	const { settings } = result;
	const targets = table(
		[
			`${result.title}: ${settings.rounds} rounds × ${settings.requestsPerSegment} requests, concurrency ${settings.concurrency} (medians)`,
			'req/s',
			'p50 ms',
			'p99 ms',
			'exec/s end to end',
			'n8n CPU ms/req',
		],
		result.targets.map((target) => [
			target.name,
			formatNumber(target.requestsPerSecond),
			formatNumber(target.p50Ms, 1),
			formatNumber(target.p99Ms, 1),
			formatNumber(target.executionsPerSecond),
			formatNumber(target.n8nCpuMsPerRequest, 2),
		]),
	);
	const check = (met: boolean) => (met ? '✓' : '✗');
	const ratios = table(
		[
			'Ratios, same bodies, same rounds (median of per-round ratios)',
			'req/s (≥ 0.95)',
			'p99 (≤ 1.1)',
			'p50',
			'exec/s',
			'CPU/req',
		],
		result.comparisons.map((comparison) => [
			comparison.name,
			`${formatNumber(comparison.throughputRatio, 2)}${comparison.hasTargets ? ` ${check(comparison.throughputTargetMet)}` : ''}`,
			`${formatNumber(comparison.p99Ratio, 2)}${comparison.hasTargets ? ` ${check(comparison.p99TargetMet)}` : ''}`,
			formatNumber(comparison.p50Ratio, 2),
			formatNumber(comparison.executionsRatio, 2),
			formatNumber(comparison.cpuRatio, 2),
		]),
	);
	return `${targets}\n\n${ratios}`;
}
