import { isLedger, type LedgerPolicy } from './deliveryLedger';

/**
 * The dedup ledger as it is kept in workflow static data, which n8n reads from its database, parses,
 * wraps in change-tracking proxies, serialises and writes back on every webhook call. One object
 * property per delivery made that cost grow steeply with every key (about 15 ms per call at the default
 * 10,000 keys); here each generation is one string, which n8n parses and writes as a single value.
 *
 * A generation is a run of fixed-width records `<fingerprint><expiry>` sorted by fingerprint: the
 * 22-character base64url fingerprint, then the expiry in Unix seconds as 7 base-36 digits. Sorted and
 * fixed-width, a lookup is a binary search and an insertion joins three slices, so our part of each
 * call stays the same however full the ledger is.
 *
 * The rules are those of the in-process ledger: two generations, rotated when the current one holds
 * half the bound or is a time-to-live old, each key expiring a time-to-live after it was recorded.
 */
export interface StoredLedger {
	version: 3;
	current: string;
	previous: string;
	currentSize: number;
	currentStartedAt: number;
}

const KEY_WIDTH = 22;
const EXPIRY_WIDTH = 7;
const RECORD_WIDTH = KEY_WIDTH + EXPIRY_WIDTH;
const FINGERPRINT = /^[A-Za-z0-9_-]{22}$/;

export function isStoredFingerprint(key: string): boolean {
	return FINGERPRINT.test(key);
}

export function emptyStoredLedger(nowSeconds = 0): StoredLedger {
	return { version: 3, current: '', previous: '', currentSize: 0, currentStartedAt: nowSeconds };
}

export function isStoredLedger(value: unknown): value is StoredLedger {
	const ledger = value as StoredLedger | undefined;
	return (
		typeof ledger === 'object' &&
		ledger !== null &&
		ledger.version === 3 &&
		typeof ledger.current === 'string' &&
		ledger.current.length % RECORD_WIDTH === 0 &&
		typeof ledger.previous === 'string' &&
		ledger.previous.length % RECORD_WIDTH === 0 &&
		typeof ledger.currentSize === 'number' &&
		typeof ledger.currentStartedAt === 'number'
	);
}

function record(key: string, expiresAt: number): string {
	return `${key}${expiresAt.toString(36).padStart(EXPIRY_WIDTH, '0')}`;
}

function generationFrom(entries: Record<string, number>): string {
	return Object.keys(entries)
		.filter(isStoredFingerprint)
		.sort(compareKeys)
		.map((key) => record(key, entries[key]))
		.join('');
}

function compareKeys(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

/** The ledger in static data, whatever this package wrote there before; an empty one otherwise. */
export function storedLedgerFrom(value: unknown): StoredLedger {
	if (isStoredLedger(value)) return value;
	// Version 2 kept an object per generation: carried over, so an update forgets no delivery.
	if (isLedger(value)) {
		const current = generationFrom(value.current);
		return {
			version: 3,
			current,
			previous: generationFrom(value.previous),
			currentSize: current.length / RECORD_WIDTH,
			currentStartedAt: value.currentStartedAt,
		};
	}
	return emptyStoredLedger();
}

/** Compares the key with the key of the record at `index`, character by character (no substrings). */
function compareAt(generation: string, index: number, key: string): number {
	const offset = index * RECORD_WIDTH;
	for (let position = 0; position < KEY_WIDTH; position++) {
		const difference = key.charCodeAt(position) - generation.charCodeAt(offset + position);
		if (difference !== 0) return difference;
	}
	return 0;
}

/** The index of the key's record, or `-(insertion index) - 1` when the generation does not hold it. */
function search(generation: string, key: string): number {
	let low = 0;
	let high = generation.length / RECORD_WIDTH - 1;
	while (low <= high) {
		const middle = (low + high) >>> 1;
		const order = compareAt(generation, middle, key);
		if (order === 0) return middle;
		if (order > 0) low = middle + 1;
		else high = middle - 1;
	}
	return -low - 1;
}

function expiryAt(generation: string, index: number): number {
	const offset = index * RECORD_WIDTH + KEY_WIDTH;
	return parseInt(generation.slice(offset, offset + EXPIRY_WIDTH), 36);
}

function holds(generation: string, key: string, nowSeconds: number): boolean {
	const index = search(generation, key);
	return index >= 0 && expiryAt(generation, index) > nowSeconds;
}

export function storedHasDelivery(ledger: StoredLedger, key: string, nowSeconds: number): boolean {
	if (!isStoredFingerprint(key)) return false;
	return holds(ledger.current, key, nowSeconds) || holds(ledger.previous, key, nowSeconds);
}

/** Records the key; returns false when it was already recorded and has not expired (a duplicate). */
export function storeDelivery(
	ledger: StoredLedger,
	key: string,
	nowSeconds: number,
	policy: LedgerPolicy,
): boolean {
	if (!isStoredFingerprint(key))
		throw new Error('A stored delivery key must be a 22-character base64url fingerprint');
	if (storedHasDelivery(ledger, key, nowSeconds)) return false;
	const generationFull = ledger.currentSize >= Math.max(1, Math.floor(policy.maxEntries / 2));
	if (generationFull || nowSeconds - ledger.currentStartedAt >= policy.ttlSeconds) {
		ledger.previous = ledger.current;
		ledger.current = '';
		ledger.currentSize = 0;
		ledger.currentStartedAt = nowSeconds;
	}
	const entry = record(key, nowSeconds + policy.ttlSeconds);
	const index = search(ledger.current, key);
	if (index >= 0) {
		// The key's earlier record has expired: renew it in place.
		const offset = index * RECORD_WIDTH;
		ledger.current =
			ledger.current.slice(0, offset) + entry + ledger.current.slice(offset + RECORD_WIDTH);
	} else {
		const offset = (-index - 1) * RECORD_WIDTH;
		ledger.current = ledger.current.slice(0, offset) + entry + ledger.current.slice(offset);
		ledger.currentSize++;
	}
	return true;
}

/** How many records the ledger holds, expired ones included. */
export function storedLedgerSize(ledger: StoredLedger): number {
	return (ledger.current.length + ledger.previous.length) / RECORD_WIDTH;
}
