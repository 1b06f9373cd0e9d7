import {
	deliveryFingerprint,
	EMPTY_LEDGER,
	expiryOf,
	isLedger,
	latestExpiry,
	ledgerHas,
	ledgerOfRecords,
	ledgerRecord,
	ledgerSize,
	ledgerWith,
	ledgerWithout,
	mergeLedgers,
	type Ledger,
} from '../../../nodes/shared/trigger/ledger';
import { canonicalJson } from '../../../nodes/shared/values';

/** Keys as the triggers make them: 22-character fingerprints. */
const key = (name: string | number) => deliveryFingerprint(['test', name]);
const record = (name: string | number, expiresAt: number) => ledgerRecord(key(name), expiresAt);
const withAll = (entries: Array<[string | number, number]>, now = 0, max = Infinity): Ledger =>
	entries.reduce<Ledger>(
		(ledger, [name, expiresAt]) => ledgerWith(ledger, key(name), expiresAt, now, max),
		EMPTY_LEDGER,
	);

describe('deliveryFingerprint', () => {
	it('is a short hash that does not contain the data it was made from', () => {
		const fingerprint = deliveryFingerprint([
			'londonMedicalLaboratory',
			'lab_results.complete',
			{ testregistration_id: 'patient-ref-42' },
		]);
		expect(fingerprint).toMatch(/^[A-Za-z0-9_-]{22}$/);
		expect(fingerprint).not.toContain('42');
	});

	it('is the same for the same data in another key order, different for different data', () => {
		const a = deliveryFingerprint(['x', { b: 1, a: [1, { d: 2, c: 3 }] }]);
		const b = deliveryFingerprint(['x', { a: [1, { c: 3, d: 2 }], b: 1 }]);
		expect(a).toBe(b);
		expect(deliveryFingerprint(['x', { a: 1 }])).not.toBe(deliveryFingerprint(['x', { a: 2 }]));
		expect(deliveryFingerprint(['a', 'bc'])).not.toBe(deliveryFingerprint(['ab', 'c']));
	});

	it('writes canonical JSON with sorted keys', () => {
		expect(canonicalJson({ b: 1, a: { d: null, c: 'x' } })).toBe('{"a":{"c":"x","d":null},"b":1}');
		expect(canonicalJson(undefined)).toBe('null');
	});

	it('refuses, rather than recurses through, a value nested without bound', () => {
		let deep: unknown = 'leaf';
		for (let level = 0; level < 10_000; level++) deep = { a: deep };
		expect(() => deliveryFingerprint(['x', deep])).toThrow(RangeError);
	});
});

describe('the ledger', () => {
	it('records a key once; a second record of it keeps one entry with the later expiry', () => {
		let ledger = ledgerWith(EMPTY_LEDGER, key(1), 2000, 1000, 10);
		ledger = ledgerWith(ledger, key(1), 3000, 1000, 10);
		ledger = ledgerWith(ledger, key(1), 2500, 1000, 10);
		expect(ledgerSize(ledger)).toBe(1);
		expect(expiryOf(ledger, key(1), 1000)).toBe(3000);
	});

	it('forgets a key when it expires, on the minute', () => {
		const ledger = ledgerWith(EMPTY_LEDGER, key(1), 4800, 1000, 10);
		expect(ledgerHas(ledger, key(1), 4799)).toBe(true);
		expect(ledgerHas(ledger, key(1), 4800)).toBe(false);
	});

	it('rounds an expiry between minutes up, never down: a record is not forgotten early', () => {
		const ledger = ledgerWith(EMPTY_LEDGER, key(1), 4801, 1000, 10);
		expect(expiryOf(ledger, key(1), 1000)).toBe(4860);
		expect(ledgerHas(ledger, key(1), 4859)).toBe(true);
		expect(ledgerHas(ledger, key(1), 4860)).toBe(false);
		const merged = mergeLedgers(ledger, withAll([[2, 9000]]), 4830, 10);
		expect(ledgerHas(merged, key(1), 4830)).toBe(true);
	});

	it('finds every key among many, and none it was not given', () => {
		const ledger = withAll(Array.from({ length: 999 }, (_, index) => [index, 5000]));
		for (let index = 0; index < 999; index++)
			expect(ledgerHas(ledger, key(index), 1001)).toBe(true);
		for (let index = 999; index < 1500; index++)
			expect(ledgerHas(ledger, key(index), 1001)).toBe(false);
	});

	it('keeps its records sorted, so that it is the same string whatever the order of recording', () => {
		const forwards = withAll([
			[1, 5000],
			[2, 5000],
			[3, 5000],
		]);
		const backwards = withAll([
			[3, 5000],
			[2, 5000],
			[1, 5000],
		]);
		expect(forwards).toBe(backwards);
	});

	it('merges two ledgers: the union, the later expiry for a shared key, without expired records', () => {
		const a = withAll([
			['shared', 1980],
			['only-a', 3000],
			['expired-a', 1500],
		]);
		const b = withAll([
			['shared', 4020],
			['only-b', 3000],
		]);
		const merged = mergeLedgers(a, b, 1500, 100);
		expect(ledgerSize(merged)).toBe(3);
		expect(expiryOf(merged, key('shared'), 1500)).toBe(4020);
		expect(ledgerHas(merged, key('only-a'), 1500)).toBe(true);
		expect(ledgerHas(merged, key('only-b'), 1500)).toBe(true);
		expect(ledgerHas(merged, key('expired-a'), 500)).toBe(false);
		expect(mergeLedgers(b, a, 1500, 100)).toBe(merged);
		expect(mergeLedgers(merged, merged, 1500, 100)).toBe(merged);
	});

	it('over its bound forgets the records that expire first, down to 90% of it', () => {
		const entries: Array<[number, number]> = Array.from({ length: 20 }, (_, index) => [
			index,
			2000 + index * 60,
		]);
		const ledger = withAll(entries, 1000, 10);
		expect(ledgerSize(ledger)).toBeLessThanOrEqual(10);
		expect(ledgerSize(ledger)).toBeGreaterThanOrEqual(9);
		expect(ledgerHas(ledger, key(19), 1000)).toBe(true);
		expect(ledgerHas(ledger, key(11), 1000)).toBe(true);
		expect(ledgerHas(ledger, key(0), 1000)).toBe(false);
	});

	it('never grows past its bound however many deliveries arrive', () => {
		let ledger = EMPTY_LEDGER;
		for (let index = 0; index < 1000; index++) {
			ledger = ledgerWith(ledger, key(index), 5000, 1000, 10);
			expect(ledgerSize(ledger)).toBeLessThanOrEqual(10);
		}
	});

	it('is one string of 18-byte records: 13 characters of the fingerprint, minutes in base 36', () => {
		const ledger = withAll([
			[1, 5000],
			[2, 6000],
		]);
		expect(isLedger(ledger)).toBe(true);
		// 5000 s is 83⅓ minutes, kept as 84 = 2×36 + 12; 6000 s is 100 minutes = 2×36 + 28.
		const written = [`${key(1).slice(0, 13)}0002c`, `${key(2).slice(0, 13)}0002s`];
		expect(ledger).toBe(written.sort().join(''));
		expect(ledger).toHaveLength(36);
		expect(isLedger(`${ledger}x`)).toBe(false);
		expect(isLedger({ current: ledger })).toBe(false);
	});

	it('takes only fingerprints, which keep the records fixed-width', () => {
		expect(() => ledgerWith(EMPTY_LEDGER, 'not-a-fingerprint', 2000, 1000, 10)).toThrow(
			'fingerprint',
		);
		expect(ledgerHas(withAll([[1, 5000]]), 'not-a-fingerprint', 1000)).toBe(false);
	});

	it('forgets one record on request, and nothing when it does not hold the key', () => {
		const ledger = withAll([
			[1, 5000],
			[2, 6000],
			[3, 7000],
		]);
		const without = ledgerWithout(ledger, key(2));
		expect(ledgerSize(without)).toBe(2);
		expect(ledgerHas(without, key(2), 1000)).toBe(false);
		expect(ledgerHas(without, key(1), 1000) && ledgerHas(without, key(3), 1000)).toBe(true);
		expect(ledgerWithout(without, key(2))).toBe(without);
		expect(ledgerWithout(ledger, 'not-a-fingerprint')).toBe(ledger);
	});

	it('tells its latest expiry, and nothing for an empty ledger', () => {
		expect(
			latestExpiry(
				withAll([
					[1, 6000],
					[2, 9000],
					[3, 7200],
				]),
			),
		).toBe(9000);
		expect(latestExpiry(EMPTY_LEDGER)).toBeUndefined();
	});

	it('makes records in any order into a ledger, keeping the later expiry of a key recorded twice', () => {
		const ledger = ledgerOfRecords([
			record(2, 6000),
			record(1, 9000),
			record(1, 5000),
			record(3, 600),
		]);
		expect(ledger).toBe(
			withAll([
				[1, 9000],
				[2, 6000],
				[3, 600],
			]),
		);
		expect(expiryOf(ledger, key(1), 0)).toBe(9000);
	});
});
