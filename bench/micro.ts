/* eslint-disable @n8n/community-nodes/no-restricted-globals -- benchmarks run in Node, not inside n8n */
import { Webhook } from 'svix';

import { emptyLedger, recordDelivery } from '../nodes/shared/webhook/deliveryLedger';
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
			patient_details: { first_name: 'Alex', last_name: 'Example', dob: '1988-01-01', gender: 'other', phone_number: '+15555550100', email: 'alex@example.com' },
			patient_address: { receiver_name: 'Alex Example', first_line: '1 Test Street', city: 'Phoenix', state: 'AZ', zip: '85004', country: 'US' },
			lab_test: { id: '0cb9f34f-c3df-4a13-8ca1-19429a82611b', slug: 'lipids', name: 'Lipid Panel', sample_type: 'dried_blood_spot', method: 'testkit', price: 45, fasting: false, is_active: true, status: 'active' },
			details: { type: 'testkit', data: { id: 'kit-1', shipment: { id: 'ship-1', outbound_tracking_number: '1Z999', inbound_tracking_number: '1Z998', outbound_courier: 'usps', inbound_courier: 'usps', notes: null }, created_at: '2026-09-01T18:02:41Z', updated_at: '2026-09-02T18:02:41Z' } },
			events: [
				{ id: 1, created_at: '2026-09-01T18:02:41Z', status: 'received.testkit.ordered' },
				{ id: 2, created_at: '2026-09-01T18:05:12Z', status: 'received.testkit.requisition_created' },
				{ id: 3, created_at: '2026-09-02T09:00:00Z', status: 'collecting_sample.testkit.transit_customer' },
				{ id: 4, created_at: '2026-09-03T10:12:00Z', status: 'completed.testkit.completed' },
			],
			last_event: { id: 4, created_at: '2026-09-03T10:12:00Z', status: 'completed.testkit.completed' },
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
			headers: { 'svix-id': id, 'svix-timestamp': String(now), 'svix-signature': webhook.sign(id, new Date(now * 1000), body) },
		};
	});
}

export function benchmarkVerification(rounds = 7): VerificationResult {
	const now = Math.floor(Date.now() / 1000);
	const messages = signedMessages(512, now);
	const svix = new Webhook(secret);
	const ours = (index: number) => {
		const message = messages[index % messages.length];
		const verdict = verifyStandardWebhook({ rawBody: message.rawBody, headers: message.headers, secrets: [secret], nowSeconds: now });
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

/** Cost per recorded delivery while the ledger fills to its bound and keeps evicting past it. */
export function benchmarkLedger(bounds = [1_000, 10_000, 100_000]): LedgerPoint[] {
	const warmUp = emptyLedger();
	for (let index = 0; index < 50_000; index++) recordDelivery(warmUp, `w${index}`, 1_000_000, { ttlSeconds: 60, maxEntries: 5_000 });
	const points: LedgerPoint[] = [];
	for (const bound of bounds) {
		const policy = { ttlSeconds: 9 * 86400, maxEntries: bound };
		const ledger = emptyLedger();
		const window = bound / 10;
		let key = 0;
		// 10 windows to fill, then 10 more in steady state, where generations keep rotating out.
		for (let step = 1; step <= 20; step++) {
			const started = process.hrtime.bigint();
			for (let index = 0; index < window; index++) recordDelivery(ledger, `k${key++}`, 1_000_000 + key, policy);
			const elapsed = Number(process.hrtime.bigint() - started);
			points.push({ bound, filledPercent: step * 10, nanosecondsPerDelivery: elapsed / window });
		}
	}
	return points;
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
			...steps.map((step) => formatNumber(points.find((point) => point.bound === bound && point.filledPercent === step)!.nanosecondsPerDelivery)),
		]),
	);
}
