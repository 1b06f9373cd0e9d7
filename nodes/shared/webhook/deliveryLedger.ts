import { createHash } from 'node:crypto';

/**
 * A bounded record of deliveries already seen, kept in workflow static data. Keys are truncated SHA-256
 * hashes, never payload content; values are expiry times in Unix seconds. Entries are kept in insertion
 * order, so the first keys are always the oldest and eviction needs no sorting.
 */
export interface DeliveryLedger {
	version: 1;
	entries: Record<string, number>;
	size: number;
	nextSweepAt: number;
}

export interface LedgerPolicy {
	ttlSeconds: number;
	maxEntries: number;
}

const SWEEP_INTERVAL_SECONDS = 3600;
/** After an overflow the ledger is trimmed to this share of its bound, so trims stay rare and cost per delivery stays flat. */
const TRIM_TO = 0.9;

export function emptyLedger(): DeliveryLedger {
	return { version: 1, entries: {}, size: 0, nextSweepAt: 0 };
}

export function isLedger(value: unknown): value is DeliveryLedger {
	const ledger = value as DeliveryLedger | undefined;
	return (
		typeof ledger === 'object' &&
		ledger !== null &&
		ledger.version === 1 &&
		typeof ledger.entries === 'object' &&
		ledger.entries !== null &&
		typeof ledger.size === 'number'
	);
}

/** JSON with object keys sorted, so the same data always gives the same text whatever its key order. */
export function canonicalJson(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
	if (typeof value === 'object' && value !== null) {
		const entries = Object.keys(value)
			.sort()
			.map((key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`);
		return `{${entries.join(',')}}`;
	}
	return JSON.stringify(value) ?? 'null';
}

/** 128 bits of SHA-256 over the parts, base64url: short enough to keep static data small, far from colliding. */
export function deliveryFingerprint(parts: readonly unknown[]): string {
	const hash = createHash('sha256');
	for (const part of parts) hash.update(`${typeof part === 'string' ? part : canonicalJson(part)}\u0000`);
	return hash.digest().subarray(0, 16).toString('base64url');
}

/** Records the key; returns false when it was already recorded and has not expired (a duplicate). */
export function recordDelivery(ledger: DeliveryLedger, key: string, nowSeconds: number, policy: LedgerPolicy): boolean {
	const expiresAt = ledger.entries[key];
	if (expiresAt !== undefined && expiresAt > nowSeconds) return false;
	if (expiresAt !== undefined) {
		delete ledger.entries[key];
		ledger.size--;
	}
	ledger.entries[key] = nowSeconds + policy.ttlSeconds;
	ledger.size++;
	if (ledger.size > policy.maxEntries || nowSeconds >= ledger.nextSweepAt) {
		sweep(ledger, nowSeconds, policy);
	}
	return true;
}

export function hasDelivery(ledger: DeliveryLedger, key: string, nowSeconds: number): boolean {
	const expiresAt = ledger.entries[key];
	return expiresAt !== undefined && expiresAt > nowSeconds;
}

/** Drops the oldest entries while the ledger is over its bound, then every expired one; recounts its size. */
export function sweep(ledger: DeliveryLedger, nowSeconds: number, policy: LedgerPolicy): void {
	let evictOldest = ledger.size > policy.maxEntries ? ledger.size - Math.floor(policy.maxEntries * TRIM_TO) : 0;
	let size = 0;
	for (const key in ledger.entries) {
		if (evictOldest > 0 || ledger.entries[key] <= nowSeconds) {
			delete ledger.entries[key];
			evictOldest--;
		} else {
			size++;
		}
	}
	ledger.size = size;
	ledger.nextSweepAt = nowSeconds + SWEEP_INTERVAL_SECONDS;
}
