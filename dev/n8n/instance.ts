/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/require-node-api-error -- test support runs in Node, not inside n8n */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

import type { IConnections, INode } from 'n8n-workflow';

import { installedRuntime, type Runtime } from './runtime';
import { N8nClient } from './client';
import { installCommunityPackage, type InstalledPackage } from './communityPackage';
import { freePort, isPortFree } from './ports';
import { ManagedProcess } from './process';
import { cleanUpEarlierRuns } from './processGroup';

/** A credential as `n8n import:credentials` takes it: `data` in plain text, encrypted on import. */
export interface CredentialJson {
	id: string;
	name: string;
	type: string;
	data: Record<string, unknown>;
}

/** A workflow as `n8n import:workflow` takes it. `active: true` means: publish it once n8n runs. */
export interface WorkflowJson {
	id: string;
	name: string;
	active: boolean;
	nodes: INode[];
	connections: IConnections;
	settings?: Record<string, unknown>;
}

export interface N8nStartOptions {
	/** Folder for this run's n8n user folder, log and pid file; one subfolder per run. */
	workRoot: string;
	/** Holds package.json and the built dist/ to install as a community package. */
	packageRoot: string;
	credentials?: CredentialJson[];
	workflows?: WorkflowJson[];
	/** Webhook paths (below /webhook/) of the published workflows: start() returns once n8n serves them all. */
	webhooks?: string[];
	runtime?: Runtime;
	/** Bound on everything up to "n8n serves webhooks". */
	startupTimeoutMs?: number;
	/** Extra environment for n8n, e.g. a log level. */
	env?: Record<string, string>;
	/** Serve n8n on this port when it is free (the demo's editor URL); a free port otherwise. */
	preferredPort?: number;
	/** Told about each step as it starts, e.g. to print progress. */
	onProgress?: (step: string) => void;
}

const PID_FILE = 'n8n.pid.json';
/** Names the run's n8n user folder, so that a later run can remove it with the run folder. */
export const USER_FOLDER_FILE = 'user-folder';
const OWNER_EMAIL = 'e2e-owner@example.com';

/** The n8n commands the tests start: one n8n (or a queue-mode main), a webhook processor, a worker. */
export type N8nCommand = 'start' | 'webhook' | 'worker';

/**
 * What each command logs once it is ready. `start`: once the HTTP server, including the webhook routes,
 * is up (/healthz answers earlier than that). `webhook` and `worker`: commands/webhook.js and
 * commands/worker.js in n8n 2.41.
 */
export const N8N_READY_LINES: Record<N8nCommand, string> = {
	start: 'Editor is now accessible',
	webhook: 'Webhook listener waiting for requests.',
	worker: 'n8n worker is now ready',
};
const API_KEY_SCOPES = [
	'workflow:read',
	'workflow:list',
	'workflow:activate',
	'workflow:deactivate',
	'execution:read',
	'execution:list',
	// Re-running a failed execution, as a user does after an outage.
	'execution:retry',
];
const PUBLISH_CONCURRENCY = 8;

const execFileAsync = promisify(execFile);

/**
 * A real n8n started for tests: a fresh user folder with the built package installed as a community
 * package, credentials and workflows imported with the n8n CLI, n8n on 127.0.0.1 with telemetry off,
 * an owner and an API key, and the workflows published. `stop()` ends the whole process group;
 * `restart()` stops it and starts it again on the same user folder and port.
 */
export class N8nInstance {
	private stopped = false;

	private constructor(
		/** Who can log in to the editor: n8n created this owner from the environment. */
		readonly owner: { email: string; password: string },
		readonly client: N8nClient,
		readonly runDir: string,
		/** n8n's user folder, outside the repository so that nothing n8n writes is linted or committed. */
		readonly userFolder: string,
		readonly logFile: string,
		readonly installedPackage: InstalledPackage,
		private readonly n8n: ManagedProcess,
		private readonly options: N8nStartOptions,
	) {}

	static async start(options: N8nStartOptions): Promise<N8nInstance> {
		const progress = options.onProgress ?? (() => undefined);
		const run = await prepareRun(options);
		await importWithCli(run, options, progress);

		progress(`starting n8n ${run.runtime.n8nVersion} on 127.0.0.1:${run.port}`);
		const n8n = n8nProcess(run.runtime, 'start', {
			name: 'n8n',
			env: run.env,
			runDir: run.dir,
			logFile: run.logFile,
			pidFile: join(run.dir, PID_FILE),
			marker: run.marker,
		});
		const connection = {
			baseUrl: `http://127.0.0.1:${run.port}`,
			apiKey: '',
			logFile: run.logFile,
		};
		const client = new N8nClient(connection);
		const instance = new N8nInstance(
			{ email: OWNER_EMAIL, password: run.password },
			client,
			run.dir,
			run.userFolder,
			run.logFile,
			run.installedPackage,
			n8n,
			options,
		);
		try {
			// On failure, the error carries the end of n8n's log.
			await n8n.start(options.startupTimeoutMs ?? 120_000);
		} catch (error) {
			await instance.stop({ keepUserFolder: true });
			throw error;
		}
		try {
			connection.apiKey = await createApiKey(connection.baseUrl, run.password);
			const toPublish = (options.workflows ?? []).filter((workflow) => workflow.active);
			progress(`publishing ${toPublish.length} workflows (public API)`);
			await publishAll(client, toPublish);
			progress(`waiting until n8n serves ${options.webhooks?.length ?? 0} webhooks`);
			// n8n activates published workflows a few at a time: the wait grows with their number.
			const webhooks = options.webhooks ?? [];
			await client.waitUntilServed(webhooks, Math.max(60_000, webhooks.length * 1_000));
		} catch (error) {
			await instance.stop({ keepUserFolder: true });
			const log = `--- last lines of ${run.logFile} ---\n${instance.logTail()}`;
			throw new Error(`${(error as Error).message}\n${log}`);
		}
		return instance;
	}

	get pid(): number | undefined {
		return this.n8n.pid;
	}

	logTail(lines = 60): string {
		return this.n8n.logTail(lines);
	}

	/**
	 * Stops n8n (gracefully, as an operator would), runs `whileStopped` if given, starts it again on the
	 * same user folder, port and settings, and waits until it serves the webhooks again; the API key
	 * stays valid.
	 */
	async restart(whileStopped?: () => Promise<void>): Promise<void> {
		if (this.stopped) throw new Error('n8n was stopped for good; start a new instance');
		await this.n8n.stop();
		// What happens in the world while n8n is down (a downtime story), before it starts again.
		await whileStopped?.();
		await this.n8n.start(this.options.startupTimeoutMs ?? 120_000);
		await this.client.waitUntilServed(this.options.webhooks ?? []);
	}

	/** Stops n8n and everything it started; keeps the log, removes the user folder unless asked not to. */
	async stop({ keepUserFolder = false } = {}): Promise<void> {
		if (this.stopped) return;
		this.stopped = true;
		await this.n8n.stop();
		if (!keepUserFolder && !process.env.LAB_TESTING_KEEP_N8N) {
			rmSync(this.userFolder, { recursive: true, force: true });
		}
	}
}

/** One n8n command of the cached runtime as a managed process, logging to `logFile`. */
export function n8nProcess(
	runtime: Runtime,
	command: N8nCommand,
	settings: {
		name: string;
		env: NodeJS.ProcessEnv;
		runDir: string;
		logFile: string;
		pidFile: string;
		marker: string;
	},
): ManagedProcess {
	return new ManagedProcess({
		name: settings.name,
		command: runtime.nodeBin,
		args: [runtime.n8nBin, command],
		env: settings.env,
		cwd: settings.runDir,
		logFile: settings.logFile,
		pidFile: settings.pidFile,
		marker: settings.marker,
		readyLine: N8N_READY_LINES[command],
	});
}

interface PreparedRun {
	runtime: Runtime;
	dir: string;
	userFolder: string;
	logFile: string;
	installedPackage: InstalledPackage;
	port: number;
	password: string;
	/** NAME=value put into n8n's environment, to recognise its processes later. */
	marker: string;
	env: NodeJS.ProcessEnv;
}

/** A fresh run folder with the package installed, free ports, and n8n's environment. */
async function prepareRun(options: N8nStartOptions): Promise<PreparedRun> {
	const runtime = options.runtime ?? installedRuntime();
	mkdirSync(options.workRoot, { recursive: true });
	cleanUpEarlierRuns(options.workRoot, PID_FILE, USER_FOLDER_FILE);
	const dir = mkdtempSync(join(options.workRoot, 'run-'));
	const userFolder = mkdtempSync(join(tmpdir(), 'lab-testing-n8n-'));
	writeFileSync(join(dir, USER_FOLDER_FILE), userFolder);
	const installedPackage = installCommunityPackage(options.packageRoot, userFolder);
	const port =
		options.preferredPort && (await isPortFree(options.preferredPort))
			? options.preferredPort
			: await freePort();
	const brokerPort = await freePort(new Set([port]));
	const password = randomBytes(18).toString('base64url');
	const marker = `LAB_TESTING_E2E_RUN=${dir}`;
	const env = n8nEnvironment({
		runtime,
		userFolder,
		port,
		brokerPort,
		password,
		marker,
		extra: options.env,
	});
	return {
		runtime,
		dir,
		userFolder,
		logFile: join(dir, 'n8n.log'),
		installedPackage,
		port,
		password,
		marker,
		env,
	};
}

/** Imports with n8n stopped, the documented offline path; n8n reads it all when it starts. */
export async function importWithCli(
	run: Pick<PreparedRun, 'runtime' | 'env' | 'dir'>,
	options: Pick<N8nStartOptions, 'credentials' | 'workflows'>,
	progress: (step: string) => void,
): Promise<void> {
	const cli = async (...args: string[]) => {
		try {
			await execFileAsync(run.runtime.nodeBin, [run.runtime.n8nBin, ...args], {
				env: run.env,
				cwd: run.dir,
				maxBuffer: 64 * 1024 * 1024,
			});
		} catch (error) {
			const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
			throw new Error(`n8n ${args.join(' ')} failed:\n${tail(`${stdout}\n${stderr}`, 40)}`);
		}
	};
	if (options.credentials?.length) {
		progress(`importing ${options.credentials.length} credentials (n8n CLI)`);
		writeFileSync(join(run.dir, 'credentials.json'), JSON.stringify(options.credentials));
		await cli('import:credentials', `--input=${join(run.dir, 'credentials.json')}`);
	}
	if (options.workflows?.length) {
		progress(`importing ${options.workflows.length} workflows (n8n CLI)`);
		writeFileSync(join(run.dir, 'workflows.json'), JSON.stringify(options.workflows));
		await cli('import:workflow', `--input=${join(run.dir, 'workflows.json')}`);
	}
}

export interface EnvironmentSettings {
	runtime: Runtime;
	userFolder: string;
	port: number;
	brokerPort: number;
	password: string;
	marker: string;
	extra?: Record<string, string>;
}

export function n8nEnvironment(settings: EnvironmentSettings): NodeJS.ProcessEnv {
	const { runtime, userFolder, port, brokerPort, password, marker } = settings;
	// bcryptjs ships inside n8n; n8n checks the owner's password against this hash.
	const bcrypt = createRequire(join(runtime.n8nDir, 'package.json'))('bcryptjs') as {
		hashSync(password: string, rounds: number): string;
	};
	const [markerName, markerValue] = marker.split('=', 2);
	// NODE_ENV=test (set by jest) makes n8n use another database and exit silently: leave jest's variables out.
	const inherited = Object.fromEntries(
		Object.entries(process.env).filter(
			([name]) => name !== 'NODE_ENV' && !name.startsWith('JEST_'),
		),
	);
	return {
		...inherited,
		PATH: `${join(runtime.nodeBin, '..')}:${process.env.PATH ?? ''}`,
		NO_PROXY: '127.0.0.1,localhost',
		N8N_USER_FOLDER: userFolder,
		N8N_LISTEN_ADDRESS: '127.0.0.1',
		N8N_HOST: '127.0.0.1',
		N8N_PORT: String(port),
		N8N_PROTOCOL: 'http',
		N8N_WEBHOOK_URL: `http://127.0.0.1:${port}/`,
		N8N_RUNNERS_BROKER_PORT: String(brokerPort),
		N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
		// Published workflows are activated from an outbox polled every 15 s by default; poll often.
		N8N_WORKFLOW_PUBLICATION_OUTBOX_POLL_INTERVAL_MS: '200',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_HIRING_BANNER_ENABLED: 'false',
		// eslint-disable-next-line @n8n/community-nodes/no-hardcoded-secrets -- encrypts the fake credentials of a throwaway n8n
		N8N_ENCRYPTION_KEY: 'lab-testing-e2e-encryption-key',
		N8N_SECURE_COOKIE: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_INSTANCE_OWNER_MANAGED_BY_ENV: 'true',
		N8N_INSTANCE_OWNER_EMAIL: OWNER_EMAIL,
		N8N_INSTANCE_OWNER_PASSWORD_HASH: bcrypt.hashSync(password, 10),
		[markerName]: markerValue,
		...settings.extra,
	};
}

/** Logs in as the owner n8n created from the environment, and creates an API key for the public API. */
export async function createApiKey(baseUrl: string, password: string): Promise<string> {
	const login = await fetch(`${baseUrl}/rest/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify({ emailOrLdapLoginId: OWNER_EMAIL, password }),
		signal: AbortSignal.timeout(30_000),
	});
	const cookie = login.headers.get('set-cookie')?.split(';')[0];
	if (!login.ok || !cookie)
		throw new Error(`Logging in to n8n failed: ${login.status} ${await login.text()}`);
	const created = await fetch(`${baseUrl}/rest/api-keys`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', cookie },
		body: JSON.stringify({ label: 'e2e', expiresAt: null, scopes: API_KEY_SCOPES }),
		signal: AbortSignal.timeout(30_000),
	});
	const body = (await created.json()) as { data?: { rawApiKey?: string } };
	if (!created.ok || !body.data?.rawApiKey)
		throw new Error(`Creating an n8n API key failed: ${created.status}`);
	return body.data.rawApiKey;
}

/**
 * Publishes through the public API: `n8n publish:workflow` does the same offline, but boots the CLI
 * once per workflow (about 2.5 s each), where the API takes milliseconds.
 */
export async function publishAll(client: N8nClient, workflows: WorkflowJson[]): Promise<void> {
	const queue = [...workflows];
	const worker = async () => {
		for (let workflow = queue.shift(); workflow; workflow = queue.shift()) {
			try {
				await client.api('POST', `/workflows/${encodeURIComponent(workflow.id)}/publish`, {});
			} catch (error) {
				throw new Error(
					`Publishing workflow "${workflow.name}" (${workflow.id}) failed: ${(error as Error).message}`,
				);
			}
		}
	};
	await Promise.all(Array.from({ length: PUBLISH_CONCURRENCY }, worker));
}

function tail(text: string, lines: number): string {
	return text.trimEnd().split('\n').slice(-lines).join('\n');
}

/**
 * A fresh run folder under `workRoot` (logs, pid files) after stopping what earlier runs there left,
 * and a scratch folder outside the repository for the processes' user folders, recorded in the run
 * folder so that a later run can clean it up.
 */
export function prepareRunFolders(workRoot: string): { runDir: string; scratchDir: string } {
	mkdirSync(workRoot, { recursive: true });
	cleanUpEarlierRuns(workRoot, (name) => name.endsWith('.pid.json'), USER_FOLDER_FILE);
	const runDir = mkdtempSync(join(workRoot, 'run-'));
	// PostgreSQL's folder inside it belongs to the postgres user when run as root.
	const scratchDir = mkdtempSync(join(tmpdir(), 'lab-testing-n8n-'));
	chmodSync(scratchDir, 0o711);
	writeFileSync(join(runDir, USER_FOLDER_FILE), scratchDir);
	return { runDir, scratchDir };
}
