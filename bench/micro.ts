/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- benchmarks run in Node, not inside n8n */
import { performance } from 'node:perf_hooks';

import { Webhook } from 'svix';

import { TriggerMemory } from '../nodes/shared/webhook/triggerMemory';
import {
	deliveryFingerprint,
	EMPTY_LEDGER,
	expiryOf,
	ledgerWith,
	mergeLedgers,
	type Ledger,
} from '../nodes/shared/trigger/ledger';
import { verifyStandardWebhook } from '../nodes/shared/webhook/standardWebhooks';
import { formatNumber, median, opsPerSecond, table } from './stats';

/**
 * In-process measures: our Svix verification against the official svix library on the same messages,
 * and the dedup ledger's cost per delivery as it fills to its bound.
 */
export interface VerificationResult {
	oursVerifyOnly: number;
	oursVerifyAndParse: number;
	svixVerify: number;
	ratio: number;
}

const secret = `whsec_${Buffer.from('benchmark-signing-key-32-bytes!!').toString('base64')}`;

/** A Junction order update of realistic size (~2 KB), varied per message. */
function orderBody(index: number): string {
	return JSON.stringify({
		event_type: 'labtest.order.updated',
		user_id: `6f3c2a10-0000-4000-8000-${String(index).padStart(12, '0')}`,
		client_user_id: `client-${index}`,
		team_id: 'f07f59d2-2903-4bcd-a2ac-3e87fa47c4bc',
		data: {
			id: `e1c380c1-0000-4000-8000-${String(index).padStart(12, '0')}`,
			team_id: 'f07f59d2-2903-4bcd-a2ac-3e87fa47c4bc',
			user_id: `6f3c2a10-0000-4000-8000-${String(index).padStart(12, '0')}`,
			created_at: '2026-09-01T18:02:41.210495+00:00',
			updated_at: '2026-09-03T10:12:00.000000+00:00',
			sample_id: `SMP${100000 + index}`,
			status: 'completed',
			patient_details: {
				first_name: 'Alex',
				last_name: 'Example',
				dob: '1988-01-01',
				gender: 'other',
				phone_number: '+15555550100',
				email: 'alex@example.com',
			},
			patient_address: {
				receiver_name: 'Alex Example',
				first_line: '1 Test Street',
				city: 'Phoenix',
				state: 'AZ',
				zip: '85004',
				country: 'US',
			},
			lab_test: {
				id: '0cb9f34f-c3df-4a13-8ca1-19429a82611b',
				slug: 'lipids',
				name: 'Lipid Panel',
				sample_type: 'dried_blood_spot',
				method: 'testkit',
				price: 45,
				fasting: false,
				is_active: true,
				status: 'active',
			},
			details: {
				type: 'testkit',
				data: {
					id: 'kit-1',
					shipment: {
						id: 'ship-1',
						outbound_tracking_number: '1Z999',
						inbound_tracking_number: '1Z998',
						outbound_courier: 'usps',
						inbound_courier: 'usps',
						notes: null,
					},
					created_at: '2026-09-01T18:02:41Z',
					updated_at: '2026-09-02T18:02:41Z',
				},
			},
			events: [
				{ id: 1, created_at: '2026-09-01T18:02:41Z', status: 'received.testkit.ordered' },
				{
					id: 2,
					created_at: '2026-09-01T18:05:12Z',
					status: 'received.testkit.requisition_created',
				},
				{
					id: 3,
					created_at: '2026-09-02T09:00:00Z',
					status: 'collecting_sample.testkit.transit_customer',
				},
				{ id: 4, created_at: '2026-09-03T10:12:00Z', status: 'completed.testkit.completed' },
			],
			last_event: {
				id: 4,
				created_at: '2026-09-03T10:12:00Z',
				status: 'completed.testkit.completed',
			},
			interpretation: 'abnormal',
			origin: 'initial',
		},
	});
}

export function signedMessages(count: number, now: number) {
	const webhook = new Webhook(secret);
	return Array.from({ length: count }, (_, index) => {
		const body = orderBody(index);
		const id = `msg_bench_${index}`;
		return {
			body,
			rawBody: Buffer.from(body),
			headers: {
				'svix-id': id,
				'svix-timestamp': String(now),
				'svix-signature': webhook.sign(id, new Date(now * 1000), body),
			},
		};
	});
}

export function benchmarkVerification(rounds = 7): VerificationResult {
	const now = Math.floor(Date.now() / 1000);
	const messages = signedMessages(512, now);
	const svix = new Webhook(secret);
	const ours = (index: number) => {
		const message = messages[index % messages.length];
		const verdict = verifyStandardWebhook({
			rawBody: message.rawBody,
			headers: message.headers,
			secrets: [secret],
			nowSeconds: now,
		});
		if (!verdict.ok) throw new Error(verdict.message);
		return verdict;
	};
	const oursAndParse = (index: number) => {
		ours(index);
		return JSON.parse(messages[index % messages.length].body) as unknown;
	};
	const theirs = (index: number) => {
		const message = messages[index % messages.length];
		return svix.verify(message.body, message.headers);
	};
	const samples = { ours: [] as number[], oursAndParse: [] as number[], svix: [] as number[] };
	for (let round = 0; round < rounds; round++) {
		// Interleaved, so drift on the machine hits all three alike.
		samples.ours.push(opsPerSecond(ours));
		samples.oursAndParse.push(opsPerSecond(oursAndParse));
		samples.svix.push(opsPerSecond(theirs));
	}
	const result = {
		oursVerifyOnly: median(samples.ours),
		oursVerifyAndParse: median(samples.oursAndParse),
		svixVerify: median(samples.svix),
		ratio: 0,
	};
	// svix's verify also parses the JSON it returns, so the fair comparison includes our parse too.
	result.ratio = result.oursVerifyAndParse / result.svixVerify;
	return result;
}

export interface LedgerPoint {
	bound: number;
	filledPercent: number;
	nanosecondsPerDelivery: number;
}

/**
 * Cost per delivery of the in-process memory of deliveries run (look up, then remember) while it fills
 * to its bound and keeps evicting past it: 10 windows of a tenth of the bound to fill it, 10 more in
 * steady state. Each window is timed over enough memories side by side to record 10,000 deliveries,
 * and each figure is the median of `rounds` fresh runs.
 */
export function benchmarkLedger(bounds = [1_000, 10_000, 100_000], rounds = 5): LedgerPoint[] {
	const now = 1_000_000;
	const key = (index: number) => deliveryFingerprint(['memory', index]);
	const warmUp = new TriggerMemory({ ttlSeconds: 60, maxEntries: 5_000 });
	for (let index = 0; index < 50_000; index++) warmUp.remember(key(index), now + 60);
	const points: LedgerPoint[] = [];
	for (const bound of bounds) {
		const policy = { ttlSeconds: 9 * 86400, maxEntries: bound };
		const window = bound / 10;
		const side = Math.max(1, Math.round(10_000 / window));
		const samples: number[][] = Array.from({ length: 20 }, () => []);
		for (let round = 0; round < rounds; round++) {
			const memories = Array.from({ length: side }, () => new TriggerMemory(policy));
			let next = 0;
			for (let step = 0; step < 20; step++) {
				// Keys are made before the clock starts.
				const keys = Array.from({ length: side * window }, () => key(next++));
				let index = 0;
				const started = process.hrtime.bigint();
				for (const memory of memories) {
					for (let count = 0; count < window; count++) {
						const fingerprint = keys[index++];
						// As a claim does: look it up, and once it ran, remember it (already in static data here,
						// so the per-save write-back is measured below, with the save).
						if (!memory.hasRun(fingerprint, now))
							memory.remember(fingerprint, now + policy.ttlSeconds, true);
					}
				}
				samples[step].push(Number(process.hrtime.bigint() - started) / keys.length);
			}
		}
		samples.forEach((values, step) =>
			points.push({
				bound,
				filledPercent: (step + 1) * 10,
				nanosecondsPerDelivery: median(values),
			}),
		);
	}
	return points;
}

export interface StaticDataPoint {
	entries: number;
	/** Bytes of static data n8n reads and writes per webhook call. */
	bytes: number;
	/** n8n's part of each call: JSON.parse when it loads the workflow, JSON.stringify when it saves it. */
	n8nJsonMicroseconds: number;
	/**
	 * Our part, as a call runs it: look the delivery up in the freshly loaded ledger, remember it, and
	 * write the ledger back at the save, which finds it is the one this process wrote last and adds the
	 * new record by binary search (TriggerMemory.ledgerToWrite).
	 */
	oursMicroseconds: number;
	/** The save when another writer saved since: a full merge with this process's recent deliveries. */
	oursFullMergeMicroseconds: number;
}

/** What this process ran lately, which a full merge writes back: a busy trigger's last minutes. */
const RECENT_RECORDS = 200;
/** Calls timed one by one per round, each on a fresh copy of the ledger as n8n loads it. */
const CALLS_PER_ROUND = 200;

/**
 * What the dedup ledger in static data costs per webhook call as it fills. n8n parses the workflow's
 * static data when it loads the workflow for a call and serialises it when it saves it (and adds its
 * change-tracking proxies and the database write, not modelled here); our part is timed call by call,
 * each on its own fresh copy, made off the clock, as n8n loads one per call.
 */
export function benchmarkStaticData(
	bound = 10_000,
	fills = [0.1, 0.5, 1],
	rounds = 5,
): StaticDataPoint[] {
	const now = 1_000_000;
	const policy = { ttlSeconds: 9 * 86400, maxEntries: bound };
	const expiresAt = now + policy.ttlSeconds;
	const key = (index: number) => deliveryFingerprint(['bench', index]);
	const points: StaticDataPoint[] = [];
	let next = 30_000_000;
	for (const fill of fills) {
		const entries = Math.min(Math.round(bound * fill), bound - RECENT_RECORDS);
		let stored = EMPTY_LEDGER;
		for (let index = 0; index < entries; index++)
			stored = ledgerWith(stored, key(index), expiresAt, now, bound);
		let recent = EMPTY_LEDGER;
		for (let index = 0; index < RECENT_RECORDS; index++)
			recent = ledgerWith(recent, key(20_000_000 + index), expiresAt, now, bound);
		const text = JSON.stringify({
			global: { labTestingDeliveries: { version: 5, ledgers: { trigger: stored } } },
		});
		const loaded = (
			JSON.parse(text) as { global: { labTestingDeliveries: { ledgers: { trigger: string } } } }
		).global.labTestingDeliveries.ledgers.trigger;
		const fresh = Array.from({ length: 4096 }, (_, index) => key(10_000_000 + index));
		const calls = {
			json: () => JSON.stringify(JSON.parse(text)),
			fullMerge: (index: number) => {
				expiryOf(loaded, fresh[index % fresh.length], now);
				const saved = mergeLedgers(loaded, recent, now, bound);
				return saved.charCodeAt(saved.length - 1);
			},
		};
		const samples = { json: [] as number[], fullMerge: [] as number[], ours: [] as number[] };
		const memory = new TriggerMemory(policy);
		// The first save after a start merges in full; every one after it is the usual one.
		let written = memory.ledgerToWrite(stored, now);
		for (let round = 0; round < rounds; round++) {
			samples.json.push(1e6 / opsPerSecond(calls.json, 200));
			samples.fullMerge.push(1e6 / opsPerSecond(calls.fullMerge, 200));
			let elapsed = 0;
			for (let call = 0; call < CALLS_PER_ROUND; call++) {
				const copy = JSON.parse(JSON.stringify(written)) as Ledger;
				const fingerprint = key(next++);
				const started = performance.now();
				if (expiryOf(copy, fingerprint, now) === undefined) memory.remember(fingerprint, expiresAt);
				written = memory.ledgerToWrite(copy, now);
				elapsed += performance.now() - started;
			}
			samples.ours.push((elapsed * 1000) / CALLS_PER_ROUND);
		}
		points.push({
			entries,
			bytes: text.length,
			n8nJsonMicroseconds: median(samples.json),
			oursMicroseconds: median(samples.ours),
			oursFullMergeMicroseconds: median(samples.fullMerge),
		});
	}
	return points;
}

export function printStaticData(points: StaticDataPoint[]): string {
	const column = (pick: (point: StaticDataPoint) => string) => points.map(pick);
	return table(
		[
			'Dedup ledger in static data, per webhook call, at fill →',
			...points.map((point) => `${formatNumber(point.entries)} entries`),
		],
		[
			['static data size', ...column((point) => `${formatNumber(point.bytes / 1024)} KiB`)],
			[
				'n8n: JSON parse + serialise, µs',
				...column((point) => formatNumber(point.n8nJsonMicroseconds)),
			],
			[
				'ours: look-up, remember, write back at the save, µs',
				...column((point) => formatNumber(point.oursMicroseconds, 2)),
			],
			[
				`ours after another writer's save: look-up + full merge of ${RECENT_RECORDS} recent, µs`,
				...column((point) => formatNumber(point.oursFullMergeMicroseconds, 2)),
			],
		],
	);
}

export function printVerification(result: VerificationResult): string {
	return table(
		['Verification (2 KB Junction order)', 'ops/s'],
		[
			['ours: verify', formatNumber(result.oursVerifyOnly)],
			['ours: verify + JSON.parse', formatNumber(result.oursVerifyAndParse)],
			['svix 2.5.0 Webhook.verify (includes JSON.parse)', formatNumber(result.svixVerify)],
			['ratio ours / svix (target ≥ 1.0)', formatNumber(result.ratio, 2)],
		],
	);
}

export function printLedger(points: LedgerPoint[]): string {
	const bounds = [...new Set(points.map((point) => point.bound))];
	const steps = [10, 50, 100, 150, 200];
	return table(
		['Dedup ledger ns/delivery at fill →', ...steps.map((step) => `${step}%`)],
		bounds.map((bound) => [
			`bound ${formatNumber(bound)}`,
			...steps.map((step) =>
				formatNumber(
					points.find((point) => point.bound === bound && point.filledPercent === step)!
						.nanosecondsPerDelivery,
				),
			),
		]),
	);
}
