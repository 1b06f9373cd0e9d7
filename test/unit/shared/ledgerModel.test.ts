import { createHash } from 'node:crypto';

import fc from 'fast-check';

import {
	deliveryFingerprint,
	EXPIRY_UNIT_SECONDS,
	expiryOf,
	isFingerprint,
	latestExpiry,
	ledgerOfRecords,
	ledgerRecord,
	ledgerWith,
	ledgerWithout,
	mergeLedgers,
	type Ledger,
} from '../../../nodes/shared/trigger/ledger';

/**
 * The ledger's string operations against a reference written with a Map: ledger key (the first 13
 * characters of a fingerprint) → expiry in whole minutes. The reference states the documented rules
 * plainly: a key's later expiry wins; expired records are dropped by a full merge, and kept by a merge
 * of a few records into a ledger 16 times larger until it is next trimmed; over the bound, the records
 * that expire first go (ties: the earlier keys) down to 90% of it.
 */
type Model = Map<string, number>;

const KEY = 13;
const RECORD = 18;
const minutesOf = (expiresAt: number) => Math.ceil(expiresAt / EXPIRY_UNIT_SECONDS);
const nowMinuteOf = (nowSeconds: number) => Math.floor(nowSeconds / EXPIRY_UNIT_SECONDS);

/** Fingerprints to draw from; two share their first 13 characters with others, as the ledger keeps them. */
const POOL = Array.from({ length: 160 }, (_, index) => deliveryFingerprint(['model', index]));
POOL.push(`${POOL[0].slice(0, KEY)}AAAAAAAAA`, `${POOL[1].slice(0, KEY)}zzzzzzzzz`);

/** A ledger read back record by record, checking its form: 18-character records, keys strictly rising. */
function decode(ledger: Ledger): Array<[string, number]> {
	expect(ledger.length % RECORD).toBe(0);
	const records: Array<[string, number]> = [];
	for (let offset = 0; offset < ledger.length; offset += RECORD) {
		const expiry = ledger.slice(offset + KEY, offset + RECORD);
		expect(expiry).toMatch(/^[0-9a-z]{5}$/);
		records.push([ledger.slice(offset, offset + KEY), parseInt(expiry, 36)]);
	}
	for (let index = 1; index < records.length; index++)
		expect(records[index - 1][0] < records[index][0]).toBe(true);
	return records;
}

const sorted = (model: Model) => [...model].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

function modelOf(records: Array<[string, number]>): Model {
	const model: Model = new Map();
	for (const [fingerprint, expiresAt] of records) {
		const key = fingerprint.slice(0, KEY);
		model.set(key, Math.max(model.get(key) ?? -Infinity, minutesOf(expiresAt)));
	}
	return model;
}

function modelTrimmed(model: Model, nowMinute: number, maxEntries: number): Model {
	const live = [...model].filter(([, expiry]) => expiry > nowMinute);
	const excess = Math.max(0, live.length - Math.floor(maxEntries * 0.9));
	live.sort(([keyA, a], [keyB, b]) => a - b || (keyA < keyB ? -1 : 1));
	return new Map(live.slice(excess));
}

const bounded = (model: Model, nowMinute: number, maxEntries: number) =>
	model.size > maxEntries ? modelTrimmed(model, nowMinute, maxEntries) : model;

/** A few records into a ledger: the live ones added (a later expiry wins), the ledger's expired ones kept. */
function modelWithFew(many: Model, few: Model, nowMinute: number, maxEntries: number): Model {
	const merged = new Map(many);
	for (const [key, expiry] of few)
		if (expiry > nowMinute) merged.set(key, Math.max(merged.get(key) ?? -Infinity, expiry));
	return bounded(merged, nowMinute, maxEntries);
}

function modelMerged(a: Model, b: Model, nowMinute: number, maxEntries: number): Model {
	if (b.size * 16 < a.size) return modelWithFew(a, b, nowMinute, maxEntries);
	const merged = new Map(a);
	for (const [key, expiry] of b) merged.set(key, Math.max(merged.get(key) ?? -Infinity, expiry));
	for (const [key, expiry] of merged) if (expiry <= nowMinute) merged.delete(key);
	return bounded(merged, nowMinute, maxEntries);
}

const NOW = 1_796_000_000; // 2026-12-01
const records = (most: number) =>
	fc.array(
		fc.tuple(
			fc.constantFrom(...POOL),
			fc.integer({ min: -300, max: 420 }).map((offset) => NOW + offset),
		),
		{ maxLength: most, size: 'max' },
	);
// Up to 120 records in `a`: a merge of up to 3 into a ledger 16 times larger takes the binary-search path.
const scenario = fc.record({
	a: records(120),
	b: fc.oneof(records(3), records(25)),
	now: fc.integer({ min: 0, max: 59 }).map((second) => NOW + second),
	maxEntries: fc.integer({ min: 1, max: 40 }),
});
const ledgerFrom = (entries: Array<[string, number]>) =>
	ledgerOfRecords(entries.map(([fingerprint, expiresAt]) => ledgerRecord(fingerprint, expiresAt)));

describe('the ledger against its reference', () => {
	it('ledgerOfRecords keeps every key once, with its latest expiry, in key order', () => {
		fc.assert(
			fc.property(records(45), (entries) => {
				expect(decode(ledgerFrom(entries))).toEqual(sorted(modelOf(entries)));
			}),
			{ numRuns: 500 },
		);
	});

	it('mergeLedgers: both paths, expiry, the bound and its ties', () => {
		fc.assert(
			fc.property(scenario, ({ a, b, now, maxEntries }) => {
				const merged = mergeLedgers(ledgerFrom(a), ledgerFrom(b), now, maxEntries);
				const expected = modelMerged(modelOf(a), modelOf(b), nowMinuteOf(now), maxEntries);
				expect(decode(merged)).toEqual(sorted(expected));
			}),
			{ numRuns: 3_000 },
		);
	});

	it('mergeLedgers takes the binary-search path only below 1 to 16: at 16 it drops expired records too', () => {
		const now = NOW + 30;
		const expired = POOL.slice(0, 8).map((fingerprint): [string, number] => [
			fingerprint,
			NOW - 120,
		]);
		const live = POOL.slice(8, 25).map((fingerprint): [string, number] => [fingerprint, NOW + 600]);
		const one = ledgerFrom([[POOL[30], NOW + 600]]);
		for (const size of [16, 17]) {
			const a = [...expired, ...live.slice(0, size - expired.length)];
			const merged = mergeLedgers(ledgerFrom(a), one, now, 100);
			const expected = modelMerged(
				modelOf(a),
				modelOf([[POOL[30], NOW + 600]]),
				nowMinuteOf(now),
				100,
			);
			expect(decode(merged)).toEqual(sorted(expected));
			expect(decode(merged)).toHaveLength(size === 16 ? 9 : 18);
		}
	});

	it('ledgerWith adds one record as a merge of one into many does, live or expired', () => {
		fc.assert(
			fc.property(
				scenario,
				fc.constantFrom(...POOL),
				fc.integer({ min: -120, max: 600 }),
				({ a, now, maxEntries }, fingerprint, offset) => {
					const added = ledgerWith(ledgerFrom(a), fingerprint, now + offset, now, maxEntries);
					const few = modelOf([[fingerprint, now + offset]]);
					const expected = modelWithFew(modelOf(a), few, nowMinuteOf(now), maxEntries);
					expect(decode(added)).toEqual(sorted(expected));
				},
			),
			{ numRuns: 1_000 },
		);
	});

	it('ledgerWithout, expiryOf and latestExpiry read every record, wherever it is', () => {
		fc.assert(
			fc.property(records(45), fc.constantFrom(...POOL), (entries, fingerprint) => {
				const ledger = ledgerFrom(entries);
				const model = modelOf(entries);
				const key = fingerprint.slice(0, KEY);
				const expiry = model.get(key);
				expect(expiryOf(ledger, fingerprint, NOW)).toBe(
					expiry !== undefined && expiry * 60 > NOW ? expiry * 60 : undefined,
				);
				const expiries = [...model.values()];
				expect(latestExpiry(ledger)).toBe(expiries.length ? Math.max(...expiries) * 60 : undefined);
				model.delete(key);
				expect(decode(ledgerWithout(ledger, fingerprint))).toEqual(sorted(model));
			}),
			{ numRuns: 1_000 },
		);
	});
});

describe('the edges the reference does not draw', () => {
	it('a fingerprint is SHA-256 over the parts, each ended by NUL, text as it is and the rest as canonical JSON', () => {
		const expected = createHash('sha256')
			.update('lml\u0000{"a":1,"b":[true,null]}\u00007\u0000')
			.digest()
			.subarray(0, 16)
			.toString('base64url');
		expect(deliveryFingerprint(['lml', { b: [true, null], a: 1 }, 7])).toBe(expected);
	});

	it('a key is exactly 22 base64url characters, nothing before or after', () => {
		const fingerprint = POOL[3];
		expect(isFingerprint(fingerprint)).toBe(true);
		expect(isFingerprint(`x${fingerprint}`)).toBe(false);
		expect(isFingerprint(`${fingerprint}x`)).toBe(false);
		expect(isFingerprint(fingerprint.slice(1))).toBe(false);
	});

	it('a longer key that starts with a record’s key finds nothing, and cannot be added', () => {
		const ledger = ledgerFrom([[POOL[5], NOW + 600]]);
		expect(expiryOf(ledger, POOL[5], NOW)).toBeDefined();
		for (const near of [`${POOL[5]}x`, POOL[5].slice(0, KEY)]) {
			expect(expiryOf(ledger, near, NOW)).toBeUndefined();
			expect(ledgerWithout(ledger, near)).toBe(ledger);
			expect(() => ledgerWith(ledger, near, NOW + 600, NOW, 10)).toThrow(
				'A ledger key must be a 22-character base64url fingerprint',
			);
		}
	});

	it('an expiry beyond the five digits is kept as the latest one, never wider', () => {
		const far = ledgerRecord(POOL[0], 1e12);
		expect(far).toHaveLength(RECORD);
		expect(far.slice(KEY)).toBe('zzzzz');
		expect(ledgerRecord(POOL[0], -1e9).slice(KEY)).toBe('00000');
	});
});
