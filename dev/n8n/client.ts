/* eslint-disable @n8n/community-nodes/no-restricted-globals -- test support runs in Node, not inside n8n */
import { Execution, FINAL_STATUSES, type ExecutionRecord } from './execution';
import { fetchOnFreshConnection } from './fetch';

/** Everything a test process needs to talk to a running n8n; plain data, so it can be passed between processes. */
export interface N8nConnection {
	baseUrl: string;
	apiKey: string;
	logFile: string;
}

/** Anything n8n serves under its production webhook endpoint: a trigger node, or a Webhook node. */
export interface WebhookTarget {
	/** The workflow the webhook starts. */
	id: string;
	/** The path below /webhook/, e.g. `<webhookId>/webhook` for our triggers, `<path>` for a Webhook node. */
	webhookPath: string;
}

export interface WaitOptions {
	/** How long to wait for the expected number of finished executions. */
	timeoutMs?: number;
	/** How long to keep watching after that, to show that no further execution arrives. */
	settleMs?: number;
}

export interface WebhookRun {
	status: number;
	contentType: string;
	body: Buffer;
	/** The body as JSON, or undefined when it is not JSON. */
	json: unknown;
	execution: Execution | undefined;
}

const POLL_INTERVAL_MS = 150;
const DEFAULT_TIMEOUT_MS = 30_000;
const DEFAULT_SETTLE_MS = 1_000;
const PAGE_SIZE = 250;
const MAX_PAGES = 40;

const sleep = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

/** n8n's public API and webhook endpoints, as the tests use them. Every wait is bounded. */
export class N8nClient {
	constructor(readonly connection: N8nConnection) {}

	get baseUrl(): string {
		return this.connection.baseUrl;
	}

	/** The production URL of a published workflow's webhook. */
	webhookUrl(target: WebhookTarget | string): string {
		const path = typeof target === 'string' ? target : target.webhookPath;
		return `${this.baseUrl}/webhook/${path}`;
	}

	async healthy(): Promise<boolean> {
		try {
			const response = await fetchOnFreshConnection(`${this.baseUrl}/healthz`, {
				signal: AbortSignal.timeout(5_000),
			});
			return response.ok && ((await response.json()) as { status?: string }).status === 'ok';
		} catch {
			return false;
		}
	}

	/**
	 * Whether n8n serves POST at a webhook path, asked without running anything: a CORS preflight
	 * (OPTIONS with an Origin) is answered 204 for a registered webhook and 404 otherwise.
	 */
	async serves(target: WebhookTarget | string): Promise<boolean> {
		try {
			const response = await fetchOnFreshConnection(this.webhookUrl(target), {
				method: 'OPTIONS',
				headers: { origin: 'http://127.0.0.1', 'access-control-request-method': 'POST' },
				signal: AbortSignal.timeout(5_000),
			});
			await response.arrayBuffer();
			return (
				response.status === 204 &&
				(response.headers.get('access-control-allow-methods') ?? '').includes('POST')
			);
		} catch {
			return false;
		}
	}

	/**
	 * Waits (bounded) until n8n serves every one of these webhooks. Publishing answers before the
	 * triggers are live: n8n 2.41 activates published workflows from an outbox it polls.
	 */
	async waitUntilServed(targets: Array<WebhookTarget | string>, timeoutMs = 60_000): Promise<void> {
		const deadline = Date.now() + timeoutMs;
		let waiting = [...targets];
		while (waiting.length > 0) {
			const served = await Promise.all(waiting.map(async (target) => await this.serves(target)));
			waiting = waiting.filter((_, index) => !served[index]);
			if (waiting.length === 0) return;
			if (Date.now() >= deadline) {
				const paths = waiting.map((target) =>
					typeof target === 'string' ? target : target.webhookPath,
				);
				throw new Error(
					`n8n did not serve ${waiting.length} webhook(s) within ${timeoutMs / 1000} s: ${paths.join(', ')}`,
				);
			}
			await sleep(POLL_INTERVAL_MS);
		}
	}

	/** Calls the public API (/api/v1) with the run's API key; throws on a non-2xx answer. */
	async api<T>(method: string, path: string, body?: unknown): Promise<T> {
		const response = await fetchOnFreshConnection(`${this.baseUrl}/api/v1${path}`, {
			method,
			headers: { 'X-N8N-API-KEY': this.connection.apiKey, 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
			signal: AbortSignal.timeout(30_000),
		});
		const text = await response.text();
		if (!response.ok)
			throw new Error(
				`n8n ${method} /api/v1${path} answered ${response.status}: ${text.slice(0, 500)}`,
			);
		return (text ? JSON.parse(text) : undefined) as T;
	}

	/** Every execution of a workflow, newest first, with its data. */
	async executions(workflowId: string): Promise<Execution[]> {
		const records = await this.executionRecords(workflowId, true);
		return records.map((record) => new Execution(record));
	}

	/**
	 * Every execution of a workflow without its data, newest first: cheap, and it works even when
	 * n8n cannot read some execution's data back.
	 */
	async executionList(workflowId: string): Promise<ExecutionRecord[]> {
		return await this.executionRecords(workflowId, false);
	}

	private async executionRecords(
		workflowId: string,
		includeData: boolean,
	): Promise<ExecutionRecord[]> {
		const records: ExecutionRecord[] = [];
		let cursor: string | undefined;
		for (let page = 0; page < MAX_PAGES; page++) {
			const query = new URLSearchParams({
				workflowId,
				includeData: String(includeData),
				limit: String(PAGE_SIZE),
			});
			if (cursor) query.set('cursor', cursor);
			const { data, nextCursor } = await this.api<{
				data: ExecutionRecord[];
				nextCursor?: string | null;
			}>('GET', `/executions?${query.toString()}`);
			records.push(...data);
			if (!nextCursor) break;
			cursor = nextCursor;
		}
		return records;
	}

	/**
	 * Waits (bounded) until a workflow's executions stop changing: at least `minimum` of them, no new
	 * one and none unfinished for `quietMs` in a row. Returns them without data, and whether they
	 * settled within `timeoutMs` (if not, the caller reports what it has: a count that never settles,
	 * or never reaches the minimum, is a finding too).
	 */
	async waitUntilSettled(
		workflowId: string,
		{
			quietMs = 3_000,
			timeoutMs = 60_000,
			minimum = 0,
		}: { quietMs?: number; timeoutMs?: number; minimum?: number } = {},
	): Promise<{ executions: ExecutionRecord[]; settled: boolean }> {
		const deadline = Date.now() + timeoutMs;
		const fingerprint = (records: ExecutionRecord[]) =>
			records.map((record) => `${record.id}:${record.status}`).join(',');
		let executions = await this.executionList(workflowId);
		let last = fingerprint(executions);
		let quietSince = Date.now();
		while (Date.now() < deadline) {
			await sleep(Math.min(500, quietMs));
			executions = await this.executionList(workflowId);
			const now = fingerprint(executions);
			if (now !== last) {
				last = now;
				quietSince = Date.now();
			} else if (
				Date.now() - quietSince >= quietMs &&
				executions.length >= minimum &&
				executions.every((record) => FINAL_STATUSES.has(record.status))
			) {
				return { executions, settled: true };
			}
		}
		return { executions, settled: false };
	}

	async execution(id: string): Promise<Execution> {
		return new Execution(
			await this.api<ExecutionRecord>(
				'GET',
				`/executions/${encodeURIComponent(id)}?includeData=true`,
			),
		);
	}

	/**
	 * Waits until the workflow has at least `count` finished executions (bounded), then keeps watching
	 * for `settleMs` so that an extra one would show up too. Returns them all, newest first: the caller
	 * asserts the count, so a shortfall or a surplus fails with the real number.
	 */
	async waitForExecutions(
		workflowId: string,
		count: number,
		options: WaitOptions = {},
	): Promise<Execution[]> {
		const deadline = Date.now() + (options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
		let executions = await this.executions(workflowId);
		while (
			!(executions.length >= count && executions.every((execution) => execution.finished)) &&
			Date.now() < deadline
		) {
			await sleep(POLL_INTERVAL_MS);
			executions = await this.executions(workflowId);
		}
		await sleep(options.settleMs ?? DEFAULT_SETTLE_MS);
		return await this.executions(workflowId);
	}

	/**
	 * Starts a workflow through its Webhook node and returns the HTTP answer together with the
	 * execution it caused (the one that was not there before).
	 */
	async runWebhookWorkflow(
		target: WebhookTarget,
		body: unknown = {},
		options: WaitOptions = {},
	): Promise<WebhookRun> {
		const before = new Set((await this.executions(target.id)).map((execution) => execution.id));
		const response = await fetchOnFreshConnection(this.webhookUrl(target), {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(body),
			signal: AbortSignal.timeout(options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
		});
		const bytes = Buffer.from(await response.arrayBuffer());
		const executions = await this.waitForExecutions(target.id, before.size + 1, {
			settleMs: 0,
			...options,
		});
		const contentType = response.headers.get('content-type') ?? '';
		return {
			status: response.status,
			contentType,
			body: bytes,
			json: contentType.includes('json') ? parseJson(bytes) : undefined,
			execution: executions.find((execution) => !before.has(execution.id)),
		};
	}
}

function parseJson(bytes: Buffer): unknown {
	try {
		return JSON.parse(bytes.toString('utf8'));
	} catch {
		return undefined;
	}
}
