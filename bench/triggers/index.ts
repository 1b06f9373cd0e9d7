/* eslint-disable @n8n/community-nodes/no-restricted-imports -- benchmarks run in Node, not inside n8n */
import { join } from 'node:path';

import type { FakeServer } from '../../dev/fakes/fakeServer';
import { N8nInstance } from '../../dev/n8n';
import { cacheDir, installedRuntime, repoRoot } from '../../dev/n8n/runtime';
import { TEST_PROVIDERS, type ProviderKey } from '../../dev/fakes';
import { formatNumber, median } from '../stats';
import { comparisons } from './compare';
import { removeDuplicatesWorkflow } from './removeDuplicates';
import { runSegment } from './segment';
import { benchTargets } from './targets';
import {
	benchTriggerWorkflow,
	credentials,
	FULL_LEDGER_ENTRIES,
	fullLedgerWorkflow,
	LARGE_LEDGER_ENTRIES,
	PROVIDERS,
	webhookNodeWorkflow,
} from './workflows';
import type {
	Segment,
	Target,
	TargetSummary,
	TriggerBenchOptions,
	TriggerBenchResult,
} from './types';

export { describeTarget } from './compare';
export { printTriggers } from './print';
export { PROVIDER_NAMES, PROVIDERS } from './workflows';
export type * from './types';

/**
 * Measure 1, trigger overhead: one real n8n (the e2e runtime, started by dev/n8n) with our three
 * triggers (verification on, everything else at its default) and n8n's own Webhook node (POST, respond
 * immediately) published, plus the evidence targets (types.ts). Each trigger and the Webhook node get the
 * same bytes and headers: a provider's real delivery, unique per request so deduplication never
 * short-circuits. A closed-loop load generator on 127.0.0.1 (load.ts) sends them at fixed concurrency;
 * rounds are interleaved and their order rotates; after each segment n8n finishes every execution it
 * started before the next segment begins, and each figure is the median over the rounds.
 */
export async function benchmarkTriggers(options: TriggerBenchOptions): Promise<TriggerBenchResult> {
	const fakes = Object.fromEntries(
		TEST_PROVIDERS.map(({ key, createFake }) => [key, createFake()]),
	) as Record<ProviderKey, FakeServer>;
	let n8n: N8nInstance | undefined;
	try {
		for (const fake of Object.values(fakes)) await fake.start();
		const typeVersion = options.triggerVersion ?? 1.1;
		const bench = {
			triggers: PROVIDERS.map((provider) => benchTriggerWorkflow(provider, typeVersion)),
			fullLedger: fullLedgerWorkflow(typeVersion, FULL_LEDGER_ENTRIES),
			fullLedger100k: fullLedgerWorkflow(typeVersion, LARGE_LEDGER_ENTRIES),
			webhookNode: webhookNodeWorkflow(false),
			webhookNodeHeaderAuth: webhookNodeWorkflow(true),
			removeDuplicates: removeDuplicatesWorkflow(),
		};
		const all = benchTargets(bench);
		const key = (target: Target) => `${target.provider}-${target.kind}`;
		const unknown = options.only?.filter((only) => !all.some((target) => key(target) === only));
		if (unknown?.length)
			throw new Error(
				`Unknown target ${unknown.join(', ')}; known: ${all.map((target) => key(target)).join(', ')}`,
			);
		const targets = all.filter((target) => !options.only || options.only.includes(key(target)));
		const workflows = [
			...bench.triggers,
			bench.fullLedger,
			bench.fullLedger100k,
			bench.webhookNode,
			bench.webhookNodeHeaderAuth,
			bench.removeDuplicates,
		];
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

		options.progress(`warm-up: ${options.warmUpRequests} requests per target`);
		for (const target of targets) {
			if (target.firstDeliveryAlone) {
				const first = await runSegment(n8n, target, 1, 1, 0);
				if (first.failures.length)
					throw new Error(`${target.name} failed its first delivery: ${first.failures.join('; ')}`);
			}
			const warmUp = await runSegment(n8n, target, options.warmUpRequests, options.concurrency, 0);
			if (warmUp.failures.length)
				throw new Error(`${target.name} failed in the warm-up: ${warmUp.failures.join('; ')}`);
			await target.checkWarmUp?.(n8n.client);
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

		return {
			title: options.title,
			settings: {
				requestsPerSegment: options.requestsPerSegment,
				rounds: options.rounds,
				concurrency: options.concurrency,
				warmUpRequests: options.warmUpRequests,
				triggerVersion: typeVersion,
			},
			targets: targets.map((target) => summary(target, segments.get(target)!)),
			comparisons: comparisons(targets, segments, environment),
			n8nEnvironment: environment,
		};
	} finally {
		await n8n?.stop();
		await Promise.all(Object.values(fakes).map(async (fake) => await fake.stop()));
	}
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

function summary(target: Target, list: Segment[]): TargetSummary {
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
}
