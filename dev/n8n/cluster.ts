/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/require-node-api-error -- test support runs in Node, not inside n8n */
import { randomBytes } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

import { installedRuntime, type Runtime } from './runtime';
import { N8nClient } from './client';
import { installCommunityPackage } from './communityPackage';
import {
	createApiKey,
	importWithCli,
	n8nEnvironment,
	n8nProcess,
	publishAll,
	type CredentialJson,
	type N8nCommand,
	type WorkflowJson,
} from './instance';
import { freePort } from './ports';
import type { ManagedProcess } from './process';

/**
 * n8n in queue mode, as an operator scales it out: one main (`n8n start`: editor, public API,
 * publishing), webhook processors (`n8n webhook`: production webhooks only) and workers (`n8n worker`:
 * run the executions they take from the Bull queue in Redis), all sharing one PostgreSQL database,
 * one Redis and one encryption key. Each process has its own user folder (with the built package
 * installed as a community package), ports and log, all on 127.0.0.1 with telemetry off.
 *
 * Settings were read from n8n 2.41.1's own code: commands/{start,webhook,worker}.js and
 * @n8n/config (scaling-mode.config.js, executions.config.js, runners.config.js).
 */
export interface N8nClusterOptions {
	/** Logs and pid files (one per process) go here; the caller's run folder. */
	runDir: string;
	/** User folders go here (outside the repository). */
	scratchDir: string;
	/** NAME=value put into every process' environment, to recognise them later (see processGroup.ts). */
	marker: string;
	/** Holds package.json and the built dist/ to install as a community package. */
	packageRoot: string;
	database: Record<string, string>;
	redis: { host: string; port: number };
	credentials?: CredentialJson[];
	workflows?: WorkflowJson[];
	/** Webhook paths (below /webhook/) that every webhook processor must serve before start() returns. */
	webhooks?: string[];
	webhookProcessors?: number;
	workers?: number;
	runtime?: Runtime;
	/** Extra environment for every process. */
	env?: Record<string, string>;
	startupTimeoutMs?: number;
	onProgress?: (step: string) => void;
}

/** One process of the cluster. `client` talks to its HTTP port (webhooks, /healthz); workers have none. */
export interface ClusterMember {
	name: string;
	command: N8nCommand;
	process: ManagedProcess;
	port: number;
	client: N8nClient;
}

/**
 * Settings the rig changes from n8n's defaults, and why:
 * - QUEUE_BULL_REDIS_TIMEOUT_THRESHOLD: by default every n8n process exits once Redis has been
 *   unreachable for 10 s in all (services/redis-client.service.js, retryStrategy → process.exit(1)).
 *   The rig stops Redis for up to ~25 s on purpose and wants the processes to survive it.
 * - QUEUE_WORKER_LOCK_DURATION / _LOCK_RENEW_TIME / _STALLED_INTERVAL: how soon Bull notices the jobs
 *   of a killed worker (defaults 60 s / 10 s / 30 s), shortened so that the worker-kill case ends sooner.
 */
export const QUEUE_MODE_OVERRIDES: Record<string, string> = {
	QUEUE_BULL_REDIS_TIMEOUT_THRESHOLD: '90000',
	QUEUE_WORKER_LOCK_DURATION: '20000',
	QUEUE_WORKER_LOCK_RENEW_TIME: '5000',
	QUEUE_WORKER_STALLED_INTERVAL: '10000',
};

const sleep = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

export class N8nCluster {
	private stopped = false;

	private constructor(
		readonly main: ClusterMember,
		readonly webhookProcessors: ClusterMember[],
		readonly workers: ClusterMember[],
		/** The main's public API, with an API key. */
		readonly client: N8nClient,
		private readonly options: N8nClusterOptions,
	) {}

	get members(): ClusterMember[] {
		return [this.main, ...this.webhookProcessors, ...this.workers];
	}

	static async start(options: N8nClusterOptions): Promise<N8nCluster> {
		const progress = options.onProgress ?? (() => undefined);
		const runtime = options.runtime ?? installedRuntime();
		const password = randomBytes(18).toString('base64url');
		const taken = new Set<number>();
		const port = async () => {
			const found = await freePort(taken);
			taken.add(found);
			return found;
		};
		const member = async (command: N8nCommand, name: string): Promise<ClusterMember> => {
			const userFolder = join(options.scratchDir, `user-${name}`);
			mkdirSync(userFolder, { recursive: true });
			installCommunityPackage(options.packageRoot, userFolder);
			const httpPort = await port();
			const extra: Record<string, string> = {
				EXECUTIONS_MODE: 'queue',
				QUEUE_BULL_REDIS_HOST: options.redis.host,
				QUEUE_BULL_REDIS_PORT: String(options.redis.port),
				...QUEUE_MODE_OVERRIDES,
				...options.database,
				...(command === 'worker'
					? {
							QUEUE_HEALTH_CHECK_ACTIVE: 'true',
							QUEUE_HEALTH_CHECK_PORT: String(httpPort),
							N8N_WORKER_SERVER_ADDRESS: '127.0.0.1',
						}
					: {}),
				N8N_LOG_LEVEL: 'info',
				...options.env,
			};
			const env = n8nEnvironment({
				runtime,
				userFolder,
				port: httpPort,
				brokerPort: await port(),
				password,
				marker: options.marker,
				extra,
			});
			const managed = n8nProcess(runtime, command, {
				name,
				env,
				runDir: options.runDir,
				logFile: join(options.runDir, `${name}.log`),
				pidFile: join(options.runDir, `${name}.pid.json`),
				marker: options.marker,
			});
			const client = new N8nClient({
				baseUrl: `http://127.0.0.1:${httpPort}`,
				apiKey: '',
				logFile: join(options.runDir, `${name}.log`),
			});
			return { name, command, process: managed, port: httpPort, client };
		};

		const main = await member('start', 'main');
		const webhookProcessors: ClusterMember[] = [];
		for (let index = 1; index <= (options.webhookProcessors ?? 2); index++)
			webhookProcessors.push(await member('webhook', `webhook-${index}`));
		const workers: ClusterMember[] = [];
		for (let index = 1; index <= (options.workers ?? 2); index++)
			workers.push(await member('worker', `worker-${index}`));
		const cluster = new N8nCluster(main, webhookProcessors, workers, main.client, options);

		const timeoutMs = options.startupTimeoutMs ?? 180_000;
		try {
			// The CLI migrates the fresh database, then imports; n8n reads it all when it starts.
			await importWithCli(
				{ runtime, env: main.process.options.env, dir: options.runDir },
				options,
				progress,
			);
			progress(`starting the main on 127.0.0.1:${main.port}`);
			await main.process.start(timeoutMs);
			main.client.connection.apiKey = await createApiKey(main.client.baseUrl, password);
			const others = [...webhookProcessors, ...workers];
			progress(`starting ${others.map((other) => other.name).join(', ')}`);
			await Promise.all(others.map(async (other) => await other.process.start(timeoutMs)));
			const toPublish = (options.workflows ?? []).filter((workflow) => workflow.active);
			progress(`publishing ${toPublish.length} workflows (public API of the main)`);
			await publishAll(main.client, toPublish);
			progress(
				`waiting until ${webhookProcessors.length} webhook processors serve ${options.webhooks?.length ?? 0} webhooks`,
			);
			await Promise.all(
				webhookProcessors.map(
					async (processor) => await processor.client.waitUntilServed(options.webhooks ?? []),
				),
			);
		} catch (error) {
			await cluster.stop();
			throw error;
		}
		return cluster;
	}

	/** Stops one process gracefully (SIGTERM, as an operator would) and starts it again on the same settings. */
	async restart(member: ClusterMember): Promise<void> {
		await member.process.stop();
		await this.startAgain(member);
	}

	/** Starts a stopped or killed process again; a webhook processor must serve the webhooks again. */
	async startAgain(member: ClusterMember): Promise<void> {
		await member.process.start(this.options.startupTimeoutMs ?? 180_000);
		if (member.command === 'webhook')
			await member.client.waitUntilServed(this.options.webhooks ?? []);
		if (member.command === 'worker') await this.waitForWorkerHealth(member);
	}

	private async waitForWorkerHealth(member: ClusterMember, timeoutMs = 30_000): Promise<void> {
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			try {
				const response = await fetch(`${member.client.baseUrl}/healthz/readiness`, {
					signal: AbortSignal.timeout(2_000),
				});
				await response.arrayBuffer();
				if (response.ok) return;
			} catch {
				// Not listening yet.
			}
			await sleep(250);
		}
		throw new Error(`${member.name} did not report ready within ${timeoutMs / 1000} s`);
	}

	/** The members that should run but do not (exited, crashed, killed and not started again). */
	deadMembers(): ClusterMember[] {
		return this.members.filter((member) => !member.process.running);
	}

	/** Stops every process: workers and webhook processors first, the main last. */
	async stop(): Promise<void> {
		if (this.stopped) return;
		this.stopped = true;
		const failures: string[] = [];
		const stopAll = async (members: ClusterMember[]) =>
			await Promise.all(
				members.map(async (member) => {
					try {
						await member.process.stop();
					} catch (error) {
						failures.push((error as Error).message);
					}
				}),
			);
		await stopAll([...this.workers, ...this.webhookProcessors]);
		await stopAll([this.main]);
		if (failures.length) throw new Error(failures.join('; '));
	}
}
