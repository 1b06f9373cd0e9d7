import type { IDataObject, INode } from 'n8n-workflow';

import type { CredentialJson, ExecutionRecord, N8nClient, WorkflowJson } from './index';
import {
	countedId,
	PROVIDER_KEYS,
	TEST_PROVIDERS,
	testProvider,
	triggerNodeName,
	type ProviderKey,
} from '../fakes';
import { buildDelivery, sign, type Delivery } from '../fakes/sender';
import type { FakeUrls } from '../fakes/startFakes';
import {
	credentialJson,
	defineCredential,
	stableId,
	stableUuid,
	triggerWorkflow,
	TRIGGER_NODE,
	type E2eCredential,
	type E2eWorkflow,
} from './workflows';
import { fetchOnFreshConnection } from './fetch';

/**
 * Series of distinct, correctly signed deliveries and the trigger workflows that receive them, for the
 * tests that count executions under load, restarts and n8n queue mode (test/e2e/restart.test.ts and
 * `npm run test:scale`), for every registered test provider. Each delivery carries a key, the id of
 * the record its body names (the provider's counted event), which names its series and its number, so
 * an execution can be traced back to the delivery that started it.
 */
export const PROVIDERS: ProviderKey[] = PROVIDER_KEYS;

export const PROVIDER_NAMES = Object.fromEntries(
	TEST_PROVIDERS.map(({ key, shortName }) => [key, shortName]),
) as Record<ProviderKey, string>;

/** The webhook secret of each provider's series, of the kind its signer takes. */
const SERIES_SECRETS = Object.fromEntries(
	TEST_PROVIDERS.map(({ key, signer }) => [key, signer.secret(`series-${key}-webhook-secret`)]),
) as Record<ProviderKey, string>;

/** A provider's credential for the series: its fake API (which the triggers never call) and the series' secret. */
function seriesCredential(provider: ProviderKey): E2eCredential {
	const { provider: lab, credentials, shortName } = testProvider(provider);
	return defineCredential({
		name: `series: ${shortName}`,
		type: lab.credentialType,
		data: (fakes) => credentials({ baseUrl: fakes[provider], secret: SERIES_SECRETS[provider] }),
	});
}

/** The series' credentials, pointing at APIs the triggers never call. */
export function seriesCredentials(fakes: FakeUrls): CredentialJson[] {
	return PROVIDERS.map((provider) => credentialJson(seriesCredential(provider), fakes));
}

/** A provider's trigger, verification on (the series' secret) and Deduplicate on, the rest at its defaults. */
function seriesTrigger(provider: ProviderKey) {
	return {
		node: triggerNodeName(testProvider(provider)),
		credential: seriesCredential(provider),
		parameters: { authentication: 'verify', events: ['*'], options: { deduplicate: true } },
		typeVersion: 1.1,
	};
}

/** Fake API URLs for credentials whose API is never called (Fetch Full Data off): a closed port on 127.0.0.1. */
export function unusedFakeUrls(): FakeUrls {
	const unused = 'http://127.0.0.1:9';
	const examples = new Proxy({}, { get: () => unused });
	return new Proxy({} as FakeUrls, {
		get: (_target, name) =>
			name === 'captureSmtpPort' ? 9 : name === 'examples' ? examples : unused,
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
			triggerWorkflow(`${prefix}: ${PROVIDER_NAMES[provider]} Trigger`, seriesTrigger(provider)),
		]),
	) as Record<ProviderKey, E2eWorkflow>;
}

/** Our trigger → n8n's Wait node (in-process below 65 s): an execution that stays in flight for `seconds`. */
export function slowTriggerWorkflow(
	name: string,
	provider: ProviderKey,
	seconds: number,
): E2eWorkflow {
	const base = triggerWorkflow(name, seriesTrigger(provider));
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

/** The key of delivery `index` (0–99,999) of series `series` (0–4095): an id that the provider's schema accepts. */
export function seriesKey(provider: ProviderKey, series: number, index: number): string {
	return countedId(testProvider(provider).counted, {
		uuid: `5ca1e${series.toString(16).padStart(3, '0')}-0000-4000-8000-${pad(index, 12)}`,
		digits: `${pad(series, 4)}${pad(index, 5)}`,
	});
}

const escaped = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** Any series key, of any provider: the UUID form, or a provider's prefix and 9 digits. */
const SERIES_KEY = new RegExp(
	[
		'5ca1e[0-9a-f]{3}-0000-4000-8000-\\d{12}',
		...new Set(
			TEST_PROVIDERS.flatMap(({ counted }) =>
				counted.idPrefix === undefined ? [] : [`${escaped(counted.idPrefix)}\\d{9}`],
			),
		),
	].join('|'),
);

/** Finds a series key in any JSON (an execution's trigger output). */
export function keyIn(value: unknown): string | undefined {
	return SERIES_KEY.exec(JSON.stringify(value))?.[0];
}

/** Svix message id of a Junction delivery: the same on every redelivery of that delivery. */
export function seriesMessageId(series: number, index: number): string {
	return `msg_series${series}x${index}`;
}

/** Delivery `index` of a series, as the provider sends it (a redelivery is the same call again). */
export function seriesDelivery(provider: ProviderKey, series: number, index: number): Delivery {
	const { counted } = testProvider(provider);
	return buildDelivery(provider, counted.event, {
		secret: SERIES_SECRETS[provider],
		messageId: seriesMessageId(series, index),
		overrides: { [counted.idOverride]: seriesKey(provider, series, index) },
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
	return sign(provider, delivery, { secret: SERIES_SECRETS[provider], messageId });
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
		const response = await fetchOnFreshConnection(target, {
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
