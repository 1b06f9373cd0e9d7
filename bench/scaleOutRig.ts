/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/require-node-api-error -- benchmarks run in Node, not inside n8n */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

import { testProvider, triggerNodeName, type ProviderKey } from '../dev/fakes';
import { N8nCluster } from '../dev/n8n';
import { prepareRunFolders } from '../dev/n8n/instance';
import { isAlive, processesWithMarker, signalGroup } from '../dev/n8n/processGroup';
import { cacheDir, repoRoot, type Runtime } from '../dev/n8n/runtime';
import { unusedFakeUrls } from '../dev/n8n/series';
import { PostgresServer } from '../dev/n8n/services/postgres';
import { RedisServer } from '../dev/n8n/services/redis';
import { credentialJson, defineCredential, triggerWorkflow } from '../dev/n8n/workflows';
import { BENCH_HEADER, BENCH_SECRETS } from './deliveries';
import { fire, type LoadOptions, type LoadResult } from './load';

/**
 * The scale-out measure's rig (bench/scaleOut.ts measures with it): a fresh PostgreSQL and Redis from
 * the machine's packages and the queue-mode cluster of `npm run test:scale` (dev/n8n/cluster.ts), with
 * one workflow, the LML trigger at its defaults (verification on). Also the load spread over several
 * webhook processors, the executions read back from PostgreSQL, and CPU time per process group.
 */
export const LML: ProviderKey = 'londonMedicalLaboratory';

const credential = defineCredential({
	name: 'bench scale-out LML',
	type: testProvider(LML).provider.credentialType,
	data: (fakes) =>
		testProvider(LML).credentials({
			baseUrl: fakes[LML],
			secret: BENCH_SECRETS[LML],
			headerName: BENCH_HEADER,
		}),
});

export const scaleOutWorkflow = triggerWorkflow('bench scale-out: LML Trigger', {
	node: triggerNodeName(testProvider(LML)),
	credential,
	parameters: {},
	typeVersion: 1.1,
});

export interface Rig {
	cluster: N8nCluster;
	database: PostgresServer;
	/** The run marker in every process the rig started (n8n's, PostgreSQL's and Redis' children too). */
	marker: string;
	/** Logs and pid files. */
	runDir: string;
	stop(): Promise<string[]>;
}

export async function startRig(settings: {
	webhookProcessors: number;
	workers: number;
	workerConcurrency: number;
	n8nEnv: Record<string, string>;
	runtime: Runtime;
	progress(step: string): void;
}): Promise<Rig> {
	const { runDir, scratchDir } = prepareRunFolders(join(cacheDir, 'bench-scale-out'));
	const marker = `LAB_TESTING_BENCH_SCALE_OUT=${runDir}`;
	let postgres: PostgresServer | undefined;
	let redis: RedisServer | undefined;
	let cluster: N8nCluster | undefined;
	const stop = async (): Promise<string[]> => {
		const problems: string[] = [];
		for (const [what, service] of [
			['n8n', cluster],
			['Redis', redis],
			['PostgreSQL', postgres],
		] as const) {
			try {
				await service?.stop();
			} catch (error) {
				problems.push(`${what}: ${(error as Error).message}`);
			}
		}
		const left = processesWithMarker(marker);
		for (const pid of left) if (isAlive(pid)) signalGroup(pid, 'SIGKILL');
		if (left.length) problems.push(`${left.length} processes left, killed: ${left.join(', ')}`);
		rmSync(scratchDir, { recursive: true, force: true });
		return problems;
	};
	try {
		settings.progress(`logs in ${runDir}; starting PostgreSQL and Redis`);
		postgres = await PostgresServer.start({
			runDir,
			baseDir: join(scratchDir, 'postgres'),
			marker,
		});
		redis = await RedisServer.start({ runDir, dataDir: join(scratchDir, 'redis'), marker });
		cluster = await N8nCluster.start({
			runDir,
			scratchDir,
			marker,
			runtime: settings.runtime,
			packageRoot: repoRoot,
			database: postgres.n8nEnvironment,
			redis: { host: redis.host, port: redis.port },
			credentials: [credentialJson(credential, unusedFakeUrls())],
			workflows: [scaleOutWorkflow.json],
			webhooks: [scaleOutWorkflow.webhookPath],
			webhookProcessors: settings.webhookProcessors,
			workers: settings.workers,
			// A worker takes N8N_CONCURRENCY_PRODUCTION_LIMIT jobs at once when it is set (commands/worker.js);
			// the main and the webhook processors ignore it in queue mode (concurrency-control.service.js).
			env: {
				N8N_CONCURRENCY_PRODUCTION_LIMIT: String(settings.workerConcurrency),
				...settings.n8nEnv,
			},
			onProgress: settings.progress,
		});
		return { cluster, database: postgres, marker, runDir, stop };
	} catch (error) {
		const problems = await stop();
		if (problems.length) settings.progress(`stopping after a failed start: ${problems.join('; ')}`);
		throw error;
	}
}

/**
 * What an operator's load balancer in front of the webhook processors does with equal weights: the
 * requests dealt round-robin over the base URLs, the connections split evenly. One closed loop per
 * base URL, all running at once; the figures are combined over the whole wall time.
 */
export async function fireSpread(
	baseUrls: string[],
	options: Omit<LoadOptions, 'baseUrl'>,
): Promise<LoadResult> {
	const started = process.hrtime.bigint();
	const parts = await Promise.all(
		baseUrls.map(
			async (baseUrl, part) =>
				await fire({
					...options,
					baseUrl,
					requests: options.requests.filter((_, index) => index % baseUrls.length === part),
					concurrency: Math.max(1, Math.round(options.concurrency / baseUrls.length)),
				}),
		),
	);
	const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
	const latenciesMs = parts.flatMap((part) => part.latenciesMs);
	const statuses: Record<number, number> = {};
	for (const part of parts)
		for (const [status, count] of Object.entries(part.statuses))
			statuses[Number(status)] = (statuses[Number(status)] ?? 0) + count;
	return {
		requests: options.requests.length,
		durationMs,
		requestsPerSecond: (latenciesMs.length / durationMs) * 1000,
		latenciesMs,
		statuses,
		expectedAnswers: parts.reduce((sum, part) => sum + part.expectedAnswers, 0),
		errors: parts.reduce((sum, part) => sum + part.errors, 0),
		firstError: parts.find((part) => part.firstError)?.firstError,
		startedAt: Math.min(...parts.map((part) => part.startedAt)),
	};
}

/** One execution of the workflow as PostgreSQL holds it, with the record id its trigger output names. */
export interface ExecutionRow {
	id: number;
	status: string;
	stoppedAtMs: number | undefined;
	recordId: string | undefined;
}

const ID_PATTERN = 'b0000000-0000-4000-8000-[0-9]{12}';

/** The workflow's executions with an id above `afterId`, finished or not. */
export async function executionsAfter(
	database: PostgresServer,
	workflowId: string,
	afterId: number,
): Promise<ExecutionRow[]> {
	if (!/^[0-9a-f]+$/.test(workflowId)) throw new Error('Unexpected workflow id');
	const rows = await database.query(
		`select e.id, e.status, (extract(epoch from e."stoppedAt") * 1000)::bigint, ` +
			`substring(d.data from '${ID_PATTERN}') from execution_entity e ` +
			`left join execution_data d on d."executionId" = e.id ` +
			`where e."workflowId" = '${workflowId}' and e.id > ${Math.trunc(afterId)} order by e.id`,
	);
	return rows.map(([id, status, stoppedAt, recordId]) => ({
		id: Number(id),
		status,
		stoppedAtMs: stoppedAt ? Number(stoppedAt) : undefined,
		recordId: recordId || undefined,
	}));
}

export async function newestExecutionId(
	database: PostgresServer,
	workflowId: string,
): Promise<number> {
	const [[newest]] = await database.query(
		`select coalesce(max(id), 0) from execution_entity where "workflowId" = '${workflowId}'`,
	);
	return Number(newest);
}

/** Waits (bounded) until at least `count` executions of the workflow above `afterId` have stopped. */
export async function waitUntilStopped(
	database: PostgresServer,
	workflowId: string,
	afterId: number,
	count: number,
	timeoutMs = 180_000,
): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	for (;;) {
		const [[stopped]] = await database.query(
			`select count(*) from execution_entity where "workflowId" = '${workflowId}' ` +
				`and id > ${Math.trunc(afterId)} and "stoppedAt" is not null`,
		);
		if (Number(stopped) >= count) return;
		if (Date.now() > deadline)
			throw new Error(
				`only ${stopped} of ${count} executions stopped within ${timeoutMs / 1000} s`,
			);
		await new Promise((resolve) => setTimeout(resolve, 300));
	}
}

/** CPU time so far (user + system, ms) of each process the rig started, by pid, with the name of its part. */
export type CpuSnapshot = Map<number, { name: string; ms: number }>;

/**
 * Every process the rig started, by the one it descends from: an n8n member (and its task runners),
 * PostgreSQL (each connection has a process of its own) or Redis. By descent, not by the run marker:
 * PostgreSQL and Redis overwrite their environment's memory with their process titles.
 */
export function rigCpu(rig: Rig): CpuSnapshot {
	const roots = new Map<number, string>();
	for (const member of rig.cluster.members)
		if (member.process.pid !== undefined) roots.set(member.process.pid, member.name);
	for (const service of ['postgres', 'redis']) {
		try {
			const { pid } = JSON.parse(readFileSync(join(rig.runDir, `${service}.pid.json`), 'utf8')) as {
				pid: number;
			};
			roots.set(pid, service);
		} catch {
			// Not running.
		}
	}
	const processes = new Map<number, { parent: number; ms: number }>();
	for (const name of readdirSync('/proc')) {
		if (!/^\d+$/.test(name)) continue;
		try {
			const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
			// After the command name (which may hold spaces): state, ppid, pgrp, … utime (14), stime (15).
			const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
			const ms = ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
			processes.set(Number(name), { parent: Number(fields[1]), ms });
		} catch {
			// Gone.
		}
	}
	const snapshot: CpuSnapshot = new Map();
	for (const [pid, { ms }] of processes) {
		let ancestor: number | undefined = pid;
		for (let depth = 0; ancestor !== undefined && depth < 16; depth++) {
			const root = roots.get(ancestor);
			if (root !== undefined) {
				snapshot.set(pid, { name: root, ms });
				break;
			}
			ancestor = processes.get(ancestor)?.parent;
		}
	}
	return snapshot;
}

/** CPU ms used between two snapshots, by part; a process new in `after` counts in full, one gone is lost. */
export function cpuUsedBetween(before: CpuSnapshot, after: CpuSnapshot): Record<string, number> {
	const used: Record<string, number> = {};
	for (const [pid, { name, ms }] of after)
		used[name] = (used[name] ?? 0) + Math.max(0, ms - (before.get(pid)?.ms ?? 0));
	return used;
}

/** Busy CPU time of the whole machine so far (all cores, ms), from /proc/stat. */
export function machineBusyMs(): number {
	const [, ...values] = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/);
	// user nice system idle iowait irq softirq steal: all but idle and iowait are busy.
	const [user, nice, system, , , irq, softirq, steal] = values.map(Number);
	return ((user + nice + system + irq + softirq + steal) * 1000) / 100;
}
