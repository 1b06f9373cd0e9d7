import { Claim } from '../../../../nodes/shared/webhook/claims';
import { TriggerMemory } from '../../../../nodes/shared/webhook/triggerMemory';
import {
	deliveryFingerprint,
	EMPTY_LEDGER,
	expiryOf,
	ledgerSize,
	ledgerWith,
} from '../../../../nodes/shared/trigger/ledger';
import { FakeResponse } from '../../../support/fakeResponse';

/** One process's memory of one trigger: how much it keeps, and what it writes back into every save. */
const t0 = 1_800_000_000;
const fp = (name: string) => deliveryFingerprint(['trigger-memory-test', name]);

beforeEach(() => jest.spyOn(Date, 'now').mockReturnValue(t0 * 1000));
afterEach(() => jest.restoreAllMocks());

describe('what it remembers', () => {
	it('keeps a delivery until its expiry, not at it', () => {
		const memory = new TriggerMemory({ ttlSeconds: 60, maxEntries: 10 });
		memory.remember(fp('a'), t0 + 60);
		expect(memory.hasRun(fp('a'), t0 + 59)).toBe(true);
		expect(memory.hasRun(fp('a'), t0 + 60)).toBe(false);
		expect(memory.hasRun(fp('b'), t0)).toBe(false);
	});

	it('forgets the oldest beyond Duplicate Memory; remembering one again makes it the newest', () => {
		const memory = new TriggerMemory({ ttlSeconds: 60, maxEntries: 3 });
		for (const name of ['a', 'b', 'c']) memory.remember(fp(name), t0 + 600);
		memory.remember(fp('a'), t0 + 600);
		memory.remember(fp('d'), t0 + 600);
		expect(['a', 'b', 'c', 'd'].filter((name) => memory.hasRun(fp(name), t0))).toEqual([
			'a',
			'c',
			'd',
		]);
	});
});

describe('the ledger a save writes', () => {
	const policy = { ttlSeconds: 3600, maxEntries: 100 };
	/** The expected ledger, built record by record with ledgerWith: not by the code under test's merge. */
	const ledgerOf = (names: string[], expiresAt = t0 + 3600) =>
		names.reduce((ledger, name) => ledgerWith(ledger, fp(name), expiresAt, t0, 100), EMPTY_LEDGER);

	it('after its own last save, adds only what ran since, and writes what a full merge writes', () => {
		const memory = new TriggerMemory(policy);
		for (const name of ['a', 'b']) memory.remember(fp(name), t0 + 3600);
		const first = memory.ledgerToWrite(EMPTY_LEDGER, t0);
		expect(first).toBe(ledgerOf(['a', 'b']));
		memory.remember(fp('c'), t0 + 3600);
		// n8n loads what it saved: an equal string, not the same object.
		const loaded = JSON.parse(JSON.stringify(first)) as string;
		expect(memory.ledgerToWrite(loaded, t0 + 1)).toBe(ledgerOf(['a', 'b', 'c']));
		expect(memory.ledgerToWrite(ledgerOf(['a', 'b', 'c']), t0 + 2)).toBe(ledgerOf(['a', 'b', 'c']));
	});

	it('when another writer saved since, writes every recent delivery back into its ledger', () => {
		const memory = new TriggerMemory(policy);
		for (const name of ['a', 'b']) memory.remember(fp(name), t0 + 3600);
		memory.ledgerToWrite(EMPTY_LEDGER, t0);
		memory.remember(fp('c'), t0 + 3600);
		// Another process saved over this one's last save: its ledger has only what it ran.
		expect(memory.ledgerToWrite(ledgerOf(['other']), t0 + 1)).toBe(
			ledgerOf(['a', 'b', 'c', 'other']),
		);
	});
});

describe('what it writes back', () => {
	it('writes back what ran here, once per delivery with its latest expiry, not what it read from static data', () => {
		const memory = new TriggerMemory({ ttlSeconds: 60, maxEntries: 10 });
		memory.remember(fp('ran'), t0 + 60);
		memory.remember(fp('ran'), t0 + 180);
		memory.remember(fp('ran'), t0 + 120);
		memory.remember(fp('stored'), t0 + 300, true);
		const recent = memory.recent(t0);
		expect(ledgerSize(recent)).toBe(1);
		expect(expiryOf(recent, fp('ran'), t0)).toBe(t0 + 180);
		expect(memory.hasRun(fp('stored'), t0)).toBe(true);
	});

	it('writes back many deliveries as one sorted ledger, whatever order they ran in', () => {
		const memory = new TriggerMemory({ ttlSeconds: 60, maxEntries: 100 });
		const names = Array.from({ length: 12 }, (_, index) => `delivery-${index}`);
		names.forEach((name, index) => memory.remember(fp(name), t0 + 60 * (index + 1)));
		const recent = memory.recent(t0);
		expect(ledgerSize(recent)).toBe(12);
		expect(names.map((name) => expiryOf(recent, fp(name), t0))).toEqual(
			names.map((_, index) => t0 + 60 * (index + 1)),
		);
	});

	it('keeps writing a delivery back for one epoch (300 s) at least and two at most', () => {
		const memory = new TriggerMemory({ ttlSeconds: 3600, maxEntries: 10 });
		memory.remember(fp('early'), t0 + 3600);
		expect(expiryOf(memory.recent(t0 + 299), fp('early'), t0)).toBe(t0 + 3600);
		// An epoch ends at 300 s: the early delivery moves to the previous one, still written.
		expect(expiryOf(memory.recent(t0 + 300), fp('early'), t0)).toBe(t0 + 3600);
		memory.remember(fp('late'), t0 + 3600);
		expect(expiryOf(memory.recent(t0 + 599), fp('early'), t0)).toBe(t0 + 3600);
		const after = memory.recent(t0 + 600);
		expect(expiryOf(after, fp('early'), t0)).toBeUndefined();
		expect(expiryOf(after, fp('late'), t0)).toBe(t0 + 3600);
	});

	it('does not end an epoch while a claim that began before it is still in flight', () => {
		const memory = new TriggerMemory({ ttlSeconds: 3600, maxEntries: 10 });
		memory.remember(fp('early'), t0 + 3600);
		const claim = new Claim(fp('slow'), memory, t0 - 1, t0 + 3600, new FakeResponse());
		memory.claimStarted(claim);
		memory.recent(t0 + 300);
		expect(expiryOf(memory.recent(t0 + 600), fp('early'), t0)).toBe(t0 + 3600);
		expect(expiryOf(memory.recent(t0 + 900), fp('early'), t0)).toBe(t0 + 3600);
		claim.noExecution();
		memory.recent(t0 + 900);
		expect(expiryOf(memory.recent(t0 + 1200), fp('early'), t0)).toBeUndefined();
	});
});
