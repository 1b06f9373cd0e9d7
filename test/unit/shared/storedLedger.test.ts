import {
	deliveryFingerprint,
	emptyLedger,
	recordDelivery,
} from '../../../nodes/shared/webhook/deliveryLedger';
import {
	emptyStoredLedger,
	isStoredLedger,
	storeDelivery,
	storedHasDelivery,
	storedLedgerFrom,
	storedLedgerSize,
} from '../../../nodes/shared/webhook/storedLedger';

const policy = { ttlSeconds: 3600, maxEntries: 10 };
/** Keys as the triggers make them: 22-character fingerprints. */
const key = (name: string | number) => deliveryFingerprint(['test', name]);

describe('the ledger kept in static data', () => {
	it('records a new key once and reports the second sighting as a duplicate', () => {
		const ledger = emptyStoredLedger();
		expect(storeDelivery(ledger, key(1), 1000, policy)).toBe(true);
		expect(storeDelivery(ledger, key(1), 1001, policy)).toBe(false);
		expect(storedLedgerSize(ledger)).toBe(1);
	});

	it('forgets a key exactly when its time to live has passed, and renews it in place then', () => {
		const ledger = emptyStoredLedger();
		storeDelivery(ledger, key(1), 1000, policy);
		expect(storedHasDelivery(ledger, key(1), 1000 + 3599)).toBe(true);
		expect(storedHasDelivery(ledger, key(1), 1000 + 3600)).toBe(false);
		// A longer window than before, so the generation does not rotate: the expired record is renewed.
		expect(storeDelivery(ledger, key(1), 1000 + 3600, { ...policy, ttlSeconds: 7200 })).toBe(true);
		expect(storedHasDelivery(ledger, key(1), 1000 + 3601)).toBe(true);
		expect(storedLedgerSize(ledger)).toBe(1);
	});

	it('finds every key among many, and none it was not given', () => {
		const ledger = emptyStoredLedger();
		const wide = { ttlSeconds: 3600, maxEntries: 2000 };
		for (let index = 0; index < 999; index++) storeDelivery(ledger, key(index), 1000, wide);
		for (let index = 0; index < 999; index++)
			expect(storedHasDelivery(ledger, key(index), 1001)).toBe(true);
		for (let index = 999; index < 1500; index++)
			expect(storedHasDelivery(ledger, key(index), 1001)).toBe(false);
	});

	it('rotates like the in-process ledger: on age, dropping only expired keys', () => {
		const ledger = emptyStoredLedger();
		storeDelivery(ledger, key('a'), 1000, policy);
		storeDelivery(ledger, key('b'), 4700, policy); // rotation: 'a' moves to previous
		expect(storedHasDelivery(ledger, key('a'), 4500)).toBe(true);
		storeDelivery(ledger, key('c'), 8400, policy); // rotation: 'a' (expired) is dropped, 'b' kept
		expect(ledger.previous.startsWith(key('b'))).toBe(true);
		expect(ledger.current.startsWith(key('c'))).toBe(true);
		expect(storedLedgerSize(ledger)).toBe(2);
	});

	it('evicts the oldest generation first and never grows past its bound', () => {
		const ledger = emptyStoredLedger();
		for (let index = 0; index < 1000; index++) {
			storeDelivery(ledger, key(index), 1000 + index, { ttlSeconds: 1_000_000, maxEntries: 10 });
			expect(storedLedgerSize(ledger)).toBeLessThanOrEqual(10);
		}
		expect(storedHasDelivery(ledger, key(0), 2000)).toBe(false);
		expect(storedHasDelivery(ledger, key(999), 2000)).toBe(true);
		expect(storedHasDelivery(ledger, key(990), 2000)).toBe(true);
	});

	it('is a few strings and numbers, whatever it holds, and survives a JSON round trip', () => {
		const ledger = emptyStoredLedger();
		const keys = Array.from({ length: 8 }, (_, index) => key(index));
		for (const each of keys) storeDelivery(ledger, each, 1000, policy);
		expect(Object.keys(ledger).sort()).toEqual([
			'current',
			'currentSize',
			'currentStartedAt',
			'previous',
			'version',
		]);
		const copy: unknown = JSON.parse(JSON.stringify(ledger));
		expect(isStoredLedger(copy)).toBe(true);
		expect(keys.every((each) => storedHasDelivery(storedLedgerFrom(copy), each, 1001))).toBe(true);
	});

	it('takes only fingerprints, which keep the records fixed-width', () => {
		expect(() => storeDelivery(emptyStoredLedger(), 'not-a-fingerprint', 1000, policy)).toThrow(
			'fingerprint',
		);
		expect(storedHasDelivery(emptyStoredLedger(), 'not-a-fingerprint', 1000)).toBe(false);
		expect(isStoredLedger({ ...emptyStoredLedger(), current: 'broken' })).toBe(false);
	});

	it('carries over the keys and expiry times of the earlier format, and starts empty from anything else', () => {
		const earlier = emptyLedger(900);
		recordDelivery(earlier, key('old'), 900, policy);
		recordDelivery(earlier, key('newer'), 1000, policy);
		const ledger = storedLedgerFrom(JSON.parse(JSON.stringify(earlier)));
		expect(ledger).toMatchObject({ version: 3, currentSize: 2, currentStartedAt: 900 });
		expect(storedHasDelivery(ledger, key('old'), 900 + 3599)).toBe(true);
		expect(storedHasDelivery(ledger, key('old'), 900 + 3600)).toBe(false);
		expect(storedHasDelivery(ledger, key('newer'), 900 + 3600)).toBe(true);
		expect(storedLedgerFrom(undefined)).toEqual(emptyStoredLedger());
		expect(storedLedgerFrom({ version: 1, entries: {} })).toEqual(emptyStoredLedger());
	});
});
