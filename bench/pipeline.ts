import { createHmac, createSecretKey } from 'node:crypto';

import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	INode,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { junctionEventSchemas } from '../nodes/Junction/events';
import { describeJunctionEvent } from '../nodes/Junction/fields';
import { patientFieldsOf, withoutPatientIdentifiers } from '../nodes/shared/privacy';
import { junction } from '../nodes/Junction/provider';
import { jsonBodyOf, jsonObjectFrom, readDelivery } from '../nodes/shared/webhook/delivery';
import { claimDelivery, forgetProcessMemory } from '../nodes/shared/webhook/claims';
import { deliveryFingerprint } from '../nodes/shared/trigger/ledger';
import { receiveWebhook } from '../nodes/shared/webhook/receiveWebhook';
import type { TriggerOptions } from '../nodes/shared/trigger/source';
import { verifyStandardWebhook } from '../nodes/shared/webhook/standardWebhooks';
import { FakeResponse } from '../test/support/fakeResponse';
import { PROVIDER_KEYS, TEST_PROVIDERS, testProvider, type ProviderKey } from '../dev/fakes';
import { benchDelivery, BENCH_HEADER, BENCH_SECRETS } from './deliveries';
import { collectYoungGarbage, GcClock } from './gcClock';
import { formatNumber, median, opsPerSecond, table } from './stats';

/**
 * Parse + verify + dedup per event, in process: the real `receiveWebhook` pipeline every trigger runs
 * (read the delivery, check the secret or Svix signature, parse the JSON, validate it against the event
 * schema, describe it, claim it in the dedup ledger, build the output item) on prepared deliveries,
 * each one unique so none is a duplicate. n8n's side (HTTP, loading the workflow, the execution) is
 * not in this figure: measure 1 has it.
 */
const HEADER = BENCH_HEADER;
const SECRETS = BENCH_SECRETS;
/** Each trigger's credential by its type: the benchmarks' webhook secret, an API never called. */
const CREDENTIALS: Record<string, ICredentialDataDecryptedObject> = Object.fromEntries(
	TEST_PROVIDERS.map(({ key, provider, credentials }) => [
		provider.credentialType,
		credentials({ secret: SECRETS[key], headerName: HEADER, apiKey: 'unused' }),
	]),
);

interface PreparedDelivery {
	headers: Record<string, string>;
	rawBody: Buffer;
}

/** Unique deliveries, with the lower-case header names n8n hands to nodes. */
function prepare(provider: ProviderKey, count: number, offset: number): PreparedDelivery[] {
	return Array.from({ length: count }, (_, index) => {
		const { headers, body } = benchDelivery(provider, offset + index);
		return {
			headers: Object.fromEntries(
				Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]),
			),
			rawBody: body,
		};
	});
}

/**
 * The smallest IWebhookFunctions `receiveWebhook` runs on: node parameters at their defaults
 * (verification on), one workflow's static data kept across calls as n8n keeps it, and a response
 * object that records what the trigger answered.
 */
class WebhookStandIn {
	current: PreparedDelivery | undefined;
	answered: { status?: number; body?: IDataObject } = {};
	private staticData: IDataObject = {};
	private response = new FakeResponse();
	private readonly node: INode = {
		id: 'bench-trigger',
		name: 'Trigger',
		type: 'bench',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
	};

	/** What webhook() answered itself, or what n8n answers for it once the execution exists. */
	record(result: IWebhookResponseData | undefined): void {
		this.answered = result?.webhookResponse
			? { status: 200, body: result.webhookResponse as IDataObject }
			: { status: this.response.statusCode, body: this.response.body };
	}

	/**
	 * n8n's part between two calls, off the clock (measure 3 has its cost): it saves the workflow's
	 * static data (JSON.stringify, which runs the ledger's toJSON) and loads a fresh copy for the next
	 * call, and it answers the sender, which settles the delivery's claim. Filling a ledger to its bound
	 * skips the save and load, which only the timed calls after it need.
	 */
	handOver(save = true): void {
		if (save) this.staticData = JSON.parse(JSON.stringify(this.staticData)) as IDataObject;
		if (!this.response.writableEnded) this.response.status(200).json({});
		this.response = new FakeResponse();
		collectYoungGarbage();
	}

	readonly context = {
		// As n8n's body parser leaves an application/json request, its JSON.parse on the clock: each event is
		// parsed once, by n8n, and the trigger reuses that parse.
		getRequestObject: () => ({
			method: 'POST',
			rawBody: this.current!.rawBody,
			contentType: 'application/json',
			body: JSON.parse(this.current!.rawBody.toString('utf8')) as unknown,
			readRawBody: async () => undefined,
		}),
		getResponseObject: () => this.response,
		getHeaderData: () => this.current!.headers,
		getQueryData: () => ({}),
		getNodeParameter: (_name: string, fallback?: unknown) => fallback,
		getCredentials: async (type: string) => CREDENTIALS[type],
		getWorkflowStaticData: (type: string) => {
			const key = type === 'global' ? 'global' : `node:${this.node.name}`;
			this.staticData[key] ??= {};
			return this.staticData[key];
		},
		getMode: () => 'webhook',
		getWorkflow: () => ({ id: 'bench-workflow', name: 'bench', active: true }),
		getNode: () => this.node,
		logger: {
			warn: () => undefined,
			debug: () => undefined,
			info: () => undefined,
			error: () => undefined,
		},
		helpers: {},
	} as unknown as IWebhookFunctions;
}

const sourceOf = (provider: ProviderKey) => testProvider(provider).webhookSource;
const POLICY = { ttlSeconds: 48 * 3600, maxEntries: 10_000 };

/** The whole trigger: what `webhook()` of each trigger node runs. */
async function wholeTrigger(provider: ProviderKey, standIn: WebhookStandIn): Promise<boolean> {
	standIn.record(await receiveWebhook(standIn.context, sourceOf(provider)));
	return standIn.answered.body?.status === 'accepted';
}

/**
 * Measure 2's "parse + verify + dedup" (target ≥ 50,000 events/s, bench/run.ts): the same calls receiveWebhook makes for them, in its order —
 * read the delivery, authenticate it (secret or Svix signature, credential read included), parse the
 * JSON, name the event, fingerprint it and claim it in the dedup ledger — without schema validation,
 * the typed fields and the output item.
 */
async function parseVerifyDedup(provider: ProviderKey, standIn: WebhookStandIn): Promise<boolean> {
	const source = sourceOf(provider);
	const delivery = await readDelivery(standIn.context);
	const options = standIn.context.getNodeParameter('options', {}) as TriggerOptions;
	const verdict = await source.authenticate(standIn.context, delivery, options);
	if (!verdict.ok) return false;
	const body = source.readPayload ? source.readPayload(delivery, options) : jsonBodyOf(delivery);
	if (!body.ok) return false;
	const event = source.eventName(body.body);
	if (!event) return false;
	const fingerprint = deliveryFingerprint([
		source.provider.key,
		...source.fingerprint(delivery, body.body, event),
	]);
	return (await claimDelivery(standIn.context, fingerprint, POLICY)).status === 'new';
}

type Path = 'parseVerifyDedup' | 'wholeTrigger';
const PATHS: Record<Path, (provider: ProviderKey, standIn: WebhookStandIn) => Promise<boolean>> = {
	parseVerifyDedup,
	wholeTrigger,
};

export interface PipelineResult {
	provider: ProviderKey;
	path: Path;
	/**
	 * Judged on: the CPU time in the calls, without the garbage collections that paused them (onTheCpu).
	 */
	eventsPerSecond: number;
	microsecondsPerEvent: number;
	/** The same calls by the wall clock, collections and time off the CPU counted. */
	eventsPerSecondWall: number;
	/** Share of the wall time in the calls that V8's collector paused the main thread. */
	gcShare: number;
	rounds: number[];
	eventsPerRound: number;
}

/**
 * Events per second, median of interleaved rounds of fresh deliveries (every one unique and accepted),
 * each event timed on its own so that the hand-over between calls stays off the clock, and its young
 * garbage collected there. Judged on the CPU clock (onTheCpu); what V8 still collects
 * inside the timed calls (mostly the old generation that n8n's copies of a full ledger fill) is reported
 * apart as the GC share, and the wall-clock figure beside it.
 */
export async function benchmarkPipeline(
	rounds = 3,
	eventsPerRound = 1_000,
	providers: ProviderKey[] = PROVIDER_KEYS,
): Promise<PipelineResult[]> {
	const cases = providers.flatMap((provider) =>
		(['parseVerifyDedup', 'wholeTrigger'] as const).map((path) => ({
			provider,
			path,
			standIn: new WebhookStandIn(),
			samples: [] as number[],
			wall: [] as number[],
			gcShares: [] as number[],
		})),
	);
	forgetProcessMemory();
	let offset = 0;
	// Round 0 warms up and fills each ledger past its bound, so that every counted round claims into a
	// full ledger, as a busy trigger does; it is not counted.
	for (let round = 0; round <= rounds; round++) {
		const count = round === 0 ? POLICY.maxEntries + eventsPerRound : eventsPerRound;
		for (const run of cases) {
			// Signed just before the round, outside the clock: Svix timestamps must be recent.
			const deliveries = prepare(run.provider, count, offset);
			offset += count;
			const operation = PATHS[run.path];
			let accepted = 0;
			const clock = new GcClock();
			const filling = round === 0 ? POLICY.maxEntries : 0;
			for (const [index, delivery] of deliveries.entries()) {
				run.standIn.current = delivery;
				clock.start();
				const ok = await operation(run.provider, run.standIn);
				clock.stop();
				if (ok) accepted++;
				run.standIn.handOver(index >= filling - 1);
			}
			const { windowsMs, gcMs, cpuMs } = await clock.totals();
			if (accepted !== deliveries.length) {
				throw new Error(
					`${run.provider} ${run.path}: only ${accepted} of ${deliveries.length} deliveries were accepted (last answer: ${JSON.stringify(run.standIn.answered)})`,
				);
			}
			if (round > 0) {
				run.samples.push((deliveries.length / onTheCpu(cpuMs, gcMs)) * 1000);
				run.wall.push((deliveries.length / windowsMs) * 1000);
				run.gcShares.push(gcMs / windowsMs);
			}
		}
	}
	return cases.map(({ provider, path, samples, wall, gcShares }) => {
		const eventsPerSecond = median(samples);
		return {
			provider,
			path,
			eventsPerSecond,
			microsecondsPerEvent: 1e6 / eventsPerSecond,
			eventsPerSecondWall: median(wall),
			gcShare: median(gcShares),
			rounds: samples,
			eventsPerRound,
		};
	});
}

/**
 * Our code's time in the timed calls: the CPU clock, less the collector's pauses inside them. The wall
 * clock charged our calls for V8's concurrent marking of the hand-over's garbage, whose threads took the
 * other core from them on a 2-core machine (and for any other process there): on 2026-12-07 a claim read
 * 78–86 µs by the wall clock where its CPU profile showed about 13 µs. With --single-threaded-gc
 * (bench/run.mjs) no collector thread runs beside the calls, so the process's CPU clock is theirs.
 */
// A pause by the wall clock may include time off the CPU: never more than half the CPU time is taken off.
function onTheCpu(cpuMs: number, gcMs: number): number {
	return Math.max(cpuMs - gcMs, cpuMs / 2);
}

export interface StagePoint {
	stage: string;
	microseconds: number;
}

/** Where the time of a Junction event goes: each step of the trigger alone, on the same delivery. */
export async function benchmarkJunctionStages(
	rounds = 3,
	claimsPerRound = 3_000,
): Promise<StagePoint[]> {
	const [delivery] = prepare('junction', 1, 99_000_000);
	const schema = junctionEventSchemas['labtest.order.updated'];
	const payload = JSON.parse(delivery.rawBody.toString('utf8')) as IDataObject;
	const parsed = schema.safeParse(payload);
	if (!parsed.success) throw new Error('The sample Junction order does not match its schema');
	const item = {
		provider: 'junction',
		event: 'labtest.order.updated',
		...describeJunctionEvent(parsed.data),
		validation: { valid: true, issues: [] },
		payload,
	};
	const standIn = new WebhookStandIn();
	// Imported once, as our verification does: OpenSSL 3 charges far more for a key import than for the HMAC.
	const floorKey = createSecretKey(Buffer.from(SECRETS.junction.slice('whsec_'.length), 'base64'));
	let key = 0;
	const stages: Record<string, (index: number) => unknown> = {
		'verify the Svix signature (HMAC-SHA256 over the body)': () =>
			verifyStandardWebhook({
				rawBody: delivery.rawBody,
				headers: delivery.headers,
				secrets: [SECRETS.junction],
			}),
		'parse the JSON body (once, by n8n, whose parse the trigger reuses)': () =>
			jsonObjectFrom(delivery.rawBody),
		'validate it against the event schema (zod)': () => schema.safeParse(payload),
		'read the typed fields (describe)': () => describeJunctionEvent(parsed.data),
		'output item without patient identifiers': () =>
			withoutPatientIdentifiers(item, patientFieldsOf(junction)),
	};
	const floor = 'floor, none of our code: JSON.parse + HMAC-SHA256 of the same body';
	const floorOperation = () => {
		createHmac('sha256', floorKey)
			.update(`${delivery.headers['svix-id']}.${delivery.headers['svix-timestamp']}.`)
			.update(delivery.rawBody)
			.digest();
		return JSON.parse(delivery.rawBody.toString('utf8')) as unknown;
	};
	const claim = 'fingerprint + claim in the dedup ledger (at its bound)';
	const names = [...Object.keys(stages), claim, floor];
	const samples: Record<string, number[]> = Object.fromEntries(names.map((stage) => [stage, []]));
	// Fill the ledger to its bound first, so the claims below are its steady state.
	for (let index = 0; index < POLICY.maxEntries; index++) {
		await claimDelivery(
			standIn.context,
			deliveryFingerprint(['junction', 'svix-id', `msg_fill_${index}`]),
			POLICY,
		);
		standIn.handOver(index === POLICY.maxEntries - 1);
	}
	for (let round = 0; round < rounds; round++) {
		for (const [stage, operation] of Object.entries(stages))
			samples[stage].push(opsPerSecond(operation, 200));
		// Timed one by one, so the hand-over between calls stays off the clock (on the CPU clock, as above).
		const clock = new GcClock();
		for (let index = 0; index < claimsPerRound; index++) {
			clock.start();
			await claimDelivery(
				standIn.context,
				deliveryFingerprint(['junction', 'svix-id', `msg_stage_${key++}`]),
				POLICY,
			);
			clock.stop();
			standIn.handOver();
		}
		const { gcMs, cpuMs } = await clock.totals();
		samples[claim].push((claimsPerRound / onTheCpu(cpuMs, gcMs)) * 1000);
		samples[floor].push(opsPerSecond(floorOperation, 200));
	}
	return names.map((stage) => ({ stage, microseconds: 1e6 / median(samples[stage]) }));
}

/** e.g. "LML (shared secret, test_registration.sample_received, 0.2 KB)": what one event of the row is. */
function caseName(provider: ProviderKey): string {
	const { shortName, signer, counted } = testProvider(provider);
	const kilobytes = benchDelivery(provider, 0).body.length / 1024;
	return `${shortName} (${signer.proof}, ${counted.event}, ${kilobytes.toFixed(1)} KB)`;
}

export function printPipeline(results: PipelineResult[], stages: StagePoint[]): string {
	const rate = (result: PipelineResult | undefined, target: boolean) =>
		result
			? `${formatNumber(result.eventsPerSecond)}${target ? (result.eventsPerSecond >= 50_000 ? ' ✓' : ' ✗') : ''} (${formatNumber(result.microsecondsPerEvent, 1)} µs; by the wall clock ${formatNumber(result.eventsPerSecondWall)}, GC pauses ${formatNumber(result.gcShare * 100)}%)`
			: '–';
	const providers = [...new Set(results.map((result) => result.provider))];
	const byPath = (provider: ProviderKey, path: Path) =>
		results.find((result) => result.provider === provider && result.path === path);
	const rates = table(
		[
			'Per event, in process (events per CPU second, GC pauses left out)',
			'parse + verify + dedup (≥ 50,000)',
			'whole trigger: + validate, typed fields, item',
		],
		providers.map((provider) => [
			caseName(provider),
			rate(byPath(provider, 'parseVerifyDedup'), true),
			rate(byPath(provider, 'wholeTrigger'), false),
		]),
	);
	const breakdown = table(
		['Junction order, each step alone', 'µs/event'],
		stages.map((point) => [point.stage, formatNumber(point.microseconds, 1)]),
	);
	return `${rates}\n\n${breakdown}`;
}
