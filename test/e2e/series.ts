import type { IDataObject, INode } from 'n8n-workflow';

import type { CredentialJson, ExecutionRecord, N8nClient, WorkflowJson } from '../support/n8n';
import { buildDelivery, sign, type Delivery, type ProviderKey } from '../support/sender';
import type { FakeUrls } from './environment';
import { HURDLE_WEBHOOK_HEADER, HURDLE_WEBHOOK_SECRET, hurdleCredential } from './fixtures/hurdle';
import { JUNCTION_E2E_SECRET, junctionCredential } from './fixtures/junction';
import { LML_WEBHOOK_HEADER, LML_WEBHOOK_SECRET, lmlCredential } from './fixtures/lml';
import {
	credentialJson,
	stableId,
	stableUuid,
	triggerWorkflow,
	TRIGGER_NODE,
	type E2eWorkflow,
} from './workflows';

/**
 * Series of distinct, correctly signed deliveries and the trigger workflows that receive them, for the
 * tests that count executions under load, restarts and n8n queue mode (test/e2e/restart.test.ts and
 * `npm run test:scale`). Each delivery carries a key, an id in its body that names its series and its
 * number, so an execution can be traced back to the delivery that started it.
 */
export const PROVIDERS: ProviderKey[] = ['lml', 'hurdle', 'junction'];

export const PROVIDER_NAMES: Record<ProviderKey, string> = {
	lml: 'LML',
	hurdle: 'Hurdle',
	junction: 'Junction',
};

const TRIGGER_TYPES: Record<ProviderKey, string> = {
	lml: 'londonMedicalLaboratoryTrigger',
	hurdle: 'hurdleTrigger',
	junction: 'junctionTrigger',
};

const CREDENTIALS = { lml: lmlCredential, hurdle: hurdleCredential, junction: junctionCredential };

/** The event each provider's series sends: one that every trigger accepts with its default options. */
const SERIES_EVENTS: Record<ProviderKey, string> = {
	lml: 'test_registration.sample_received',
	hurdle: 'order.dispatched',
	junction: 'labtest.order.updated',
};

/** The e2e credentials (webhook secrets from test/e2e/fixtures), pointing at APIs the triggers never call. */
export function seriesCredentials(fakes: FakeUrls): CredentialJson[] {
	return PROVIDERS.map((provider) => credentialJson(CREDENTIALS[provider], fakes));
}

/** Fake API URLs for credentials whose API is never called (Fetch Full Data off): a closed port on 127.0.0.1. */
export function unusedFakeUrls(): FakeUrls {
	const unused = 'http://127.0.0.1:9';
	return new Proxy({} as FakeUrls, {
		get: (_target, name) => (name === 'captureSmtpPort' ? 9 : unused),
	});
}

/**
 * One published workflow per provider holding only its trigger: verification on (the fixtures'
 * secrets), Deduplicate on, every other option at its default. `prefix` keeps names (and so ids) apart.
 */
export function seriesTriggers(prefix: string): Record<ProviderKey, E2eWorkflow> {
	return Object.fromEntries(
		PROVIDERS.map((provider) => [
			provider,
			triggerWorkflow(`${prefix}: ${PROVIDER_NAMES[provider]} Trigger`, {
				node: TRIGGER_TYPES[provider],
				credential: CREDENTIALS[provider],
				parameters: { authentication: 'verify', events: ['*'], options: { deduplicate: true } },
				typeVersion: 1.1,
			}),
		]),
	) as Record<ProviderKey, E2eWorkflow>;
}

/** Our trigger → n8n's Wait node (in-process below 65 s): an execution that stays in flight for `seconds`. */
export function slowTriggerWorkflow(
	name: string,
	provider: ProviderKey,
	seconds: number,
): E2eWorkflow {
	const base = triggerWorkflow(name, {
		node: TRIGGER_TYPES[provider],
		credential: CREDENTIALS[provider],
		parameters: { authentication: 'verify', events: ['*'], options: { deduplicate: true } },
		typeVersion: 1.1,
	});
	const wait: INode = {
		id: stableUuid(`${name}/wait`),
		name: 'Wait',
		type: 'n8n-nodes-base.wait',
		typeVersion: 1.1,
		position: [220, 0],
		webhookId: stableUuid(`${name}/wait-webhook`),
		parameters: { resume: 'timeInterval', amount: seconds, unit: 'seconds' },
	};
	const json: WorkflowJson = {
		...base.json,
		id: stableId(`workflow:${name}`),
		nodes: [...base.json.nodes, wait],
		connections: { [TRIGGER_NODE]: { main: [[{ node: 'Wait', type: 'main', index: 0 }]] } },
	};
	return { ...base, json };
}

const pad = (value: number, width: number) => String(value).padStart(width, '0');

/** The key of delivery `index` of series `series` (0–4095): an id that the provider's schema accepts. */
export function seriesKey(provider: ProviderKey, series: number, index: number): string {
	if (provider === 'hurdle') return `HRD-${pad(series, 4)}${pad(index, 5)}`;
	return `5ca1e${series.toString(16).padStart(3, '0')}-0000-4000-8000-${pad(index, 12)}`;
}

/** Finds a series key in any JSON (an execution's trigger output). */
export function keyIn(value: unknown): string | undefined {
	const match = /5ca1e[0-9a-f]{3}-0000-4000-8000-\d{12}|HRD-\d{9}/.exec(JSON.stringify(value));
	return match?.[0];
}

/** Svix message id of a Junction delivery: the same on every redelivery of that delivery. */
export function seriesMessageId(series: number, index: number): string {
	return `msg_series${series}x${index}`;
}

/** Delivery `index` of a series, as the provider sends it (a redelivery is the same call again). */
export function seriesDelivery(provider: ProviderKey, series: number, index: number): Delivery {
	const key = seriesKey(provider, series, index);
	if (provider === 'lml') {
		return buildDelivery('lml', SERIES_EVENTS.lml, {
			secret: LML_WEBHOOK_SECRET,
			headerName: LML_WEBHOOK_HEADER,
			overrides: { testRegistrationId: key },
		});
	}
	if (provider === 'hurdle') {
		return buildDelivery('hurdle', SERIES_EVENTS.hurdle, {
			secret: HURDLE_WEBHOOK_SECRET,
			headerName: HURDLE_WEBHOOK_HEADER,
			overrides: { orderNumber: key },
		});
	}
	return buildDelivery('junction', SERIES_EVENTS.junction, {
		secret: JUNCTION_E2E_SECRET,
		messageId: seriesMessageId(series, index),
		overrides: { orderId: key },
	});
}

/** Signs any body as the provider would (Junction: a new signature for `messageId`, as Svix does on a retry). */
export function signedBody(provider: ProviderKey, body: string, messageId?: string): Delivery {
	const delivery: Delivery = {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		query: {},
		body,
	};
	if (provider === 'lml')
		return sign('lml', delivery, { secret: LML_WEBHOOK_SECRET, headerName: LML_WEBHOOK_HEADER });
	if (provider === 'hurdle')
		return sign('hurdle', delivery, {
			secret: HURDLE_WEBHOOK_SECRET,
			headerName: HURDLE_WEBHOOK_HEADER,
		});
	return sign('junction', delivery, { secret: JUNCTION_E2E_SECRET, messageId });
}

export interface SendOutcome {
	/** 0 when no HTTP answer came (timeout or connection error). */
	status: number;
	body: string;
	ms: number;
	outcome: 'answered' | 'timeout' | 'error';
	error?: string;
}

/** Sends one delivery, bounded by `timeoutMs`; never throws (a timeout or a refused connection is an outcome). */
export async function send(
	url: string,
	delivery: Delivery,
	timeoutMs = 30_000,
): Promise<SendOutcome> {
	const target = new URL(url);
	for (const [name, value] of Object.entries(delivery.query)) target.searchParams.set(name, value);
	const started = performance.now();
	try {
		const response = await fetch(target, {
			method: delivery.method,
			headers: delivery.headers,
			body: delivery.method === 'GET' ? undefined : delivery.body,
			signal: AbortSignal.timeout(timeoutMs),
		});
		const body = await response.text();
		return { status: response.status, body, ms: performance.now() - started, outcome: 'answered' };
	} catch (error) {
		const name = (error as Error).name;
		return {
			status: 0,
			body: '',
			ms: performance.now() - started,
			outcome: name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : 'error',
			error: (error as Error).message,
		};
	}
}

/** Runs `tasks` with at most `concurrency` at a time, results in the order of the tasks. */
export async function inPool<T>(concurrency: number, tasks: Array<() => Promise<T>>): Promise<T[]> {
	const results: T[] = new Array(tasks.length);
	let next = 0;
	const worker = async () => {
		for (let index = next++; index < tasks.length; index = next++)
			results[index] = await tasks[index]();
	};
	await Promise.all(Array.from({ length: Math.min(concurrency, tasks.length) }, worker));
	return results;
}

/** HTTP statuses and how often each came, e.g. "200×50" or "200×48, 0 (timeout)×2". */
export function statusSummary(outcomes: SendOutcome[]): string {
	const counts = new Map<string, number>();
	for (const outcome of outcomes) {
		const label =
			outcome.outcome === 'answered' ? String(outcome.status) : `0 (${outcome.outcome})`;
		counts.set(label, (counts.get(label) ?? 0) + 1);
	}
	return [...counts.entries()].map(([label, count]) => `${label}×${count}`).join(', ');
}

/** What our trigger answered: its JSON `status` field (accepted, duplicate, rejected, ignored). */
export function answerOf(outcome: SendOutcome): string | undefined {
	try {
		return (JSON.parse(outcome.body) as IDataObject).status as string | undefined;
	} catch {
		return undefined;
	}
}

/** Executions with an id above `afterId` (n8n's ids grow), from a list the public API returned. */
export function newerThan(records: ExecutionRecord[], afterId: number): ExecutionRecord[] {
	return records.filter((record) => Number(record.id) > afterId);
}

/** The newest execution id of a workflow, 0 when it has none. */
export async function newestExecutionId(client: N8nClient, workflowId: string): Promise<number> {
	const records = await client.executionList(workflowId);
	return records.reduce((max, record) => Math.max(max, Number(record.id)), 0);
}

/**
 * The series key of each execution (read one by one, so one unreadable execution does not hide the
 * others): key → execution ids, plus the ids whose data n8n could not read back or held no key.
 */
export async function keysOf(
	client: N8nClient,
	records: ExecutionRecord[],
	cache = new Map<string, string | null>(),
): Promise<{ byKey: Map<string, ExecutionRecord[]>; unreadable: string[]; keyless: string[] }> {
	const byKey = new Map<string, ExecutionRecord[]>();
	const unreadable: string[] = [];
	const keyless: string[] = [];
	await inPool(
		8,
		records.map((record) => async () => {
			let key = cache.get(record.id);
			if (key === undefined) {
				try {
					const execution = await client.execution(record.id);
					// The whole record: an execution that never ran still holds the trigger's output as its start data.
					key = keyIn(execution.record.data) ?? null;
					if (execution.finished) cache.set(record.id, key);
				} catch {
					unreadable.push(record.id);
					return;
				}
			}
			if (key === null) {
				keyless.push(record.id);
				return;
			}
			byKey.set(key, [...(byKey.get(key) ?? []), record]);
		}),
	);
	return { byKey, unreadable, keyless };
}
