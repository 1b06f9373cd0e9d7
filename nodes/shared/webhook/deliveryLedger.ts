import { hash } from 'node:crypto';

/**
 * A bounded record of deliveries already seen, kept in workflow static data. Keys are truncated SHA-256
 * hashes, never payload content; each value is the key's expiry time in Unix seconds.
 *
 * Keys live in two generations so that every operation costs the same however full the ledger is: new
 * keys go into `current`; once `current` is a full time-to-live old, or holds half the bound, it becomes
 * `previous` and the old `previous` is dropped whole. Dropping on age loses only expired keys (they were
 * all recorded more than a time-to-live ago); dropping on size evicts the oldest generation first.
 */
export interface DeliveryLedger {
	version: 2;
	current: Record<string, number>;
	previous: Record<string, number>;
	currentSize: number;
	currentStartedAt: number;
}

export interface LedgerPolicy {
	ttlSeconds: number;
	maxEntries: number;
}

export function emptyLedger(nowSeconds = 0): DeliveryLedger {
	return { version: 2, current: {}, previous: {}, currentSize: 0, currentStartedAt: nowSeconds };
}

export function isLedger(value: unknown): value is DeliveryLedger {
	const ledger = value as DeliveryLedger | undefined;
	return (
		typeof ledger === 'object' &&
		ledger !== null &&
		ledger.version === 2 &&
		typeof ledger.current === 'object' &&
		ledger.current !== null &&
		typeof ledger.previous === 'object' &&
		ledger.previous !== null &&
		typeof ledger.currentSize === 'number' &&
		typeof ledger.currentStartedAt === 'number'
	);
}

/** JSON with object keys sorted, so the same data always gives the same text whatever its key order. */
export function canonicalJson(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
	if (typeof value === 'object' && value !== null) {
		const entries = Object.keys(value)
			.sort()
			.map(
				(key) => `${JSON.stringify(key)}:${canonicalJson((value as Record<string, unknown>)[key])}`,
			);
		return `{${entries.join(',')}}`;
	}
	return JSON.stringify(value) ?? 'null';
}

/** 128 bits of SHA-256 over the parts, base64url: short enough to keep static data small, far from colliding. */
export function deliveryFingerprint(parts: readonly unknown[]): string {
	let text = '';
	for (const part of parts)
		text += `${typeof part === 'string' ? part : canonicalJson(part)}\u0000`;
	// One-shot hashing: a Hash object per delivery costs more than hashing these few bytes.
	return hash('sha256', text, 'buffer').subarray(0, 16).toString('base64url');
}

export function hasDelivery(ledger: DeliveryLedger, key: string, nowSeconds: number): boolean {
	const expiresAt = ledger.current[key] ?? ledger.previous[key];
	return expiresAt !== undefined && expiresAt > nowSeconds;
}

/** Records the key; returns false when it was already recorded and has not expired (a duplicate). */
export function recordDelivery(
	ledger: DeliveryLedger,
	key: string,
	nowSeconds: number,
	policy: LedgerPolicy,
): boolean {
	if (hasDelivery(ledger, key, nowSeconds)) return false;
	const generationFull = ledger.currentSize >= Math.max(1, Math.floor(policy.maxEntries / 2));
	if (generationFull || nowSeconds - ledger.currentStartedAt >= policy.ttlSeconds)
		rotate(ledger, nowSeconds);
	if (ledger.current[key] === undefined) ledger.currentSize++;
	ledger.current[key] = nowSeconds + policy.ttlSeconds;
	return true;
}

function rotate(ledger: DeliveryLedger, nowSeconds: number): void {
	ledger.previous = ledger.current;
	ledger.current = {};
	ledger.currentSize = 0;
	ledger.currentStartedAt = nowSeconds;
}

/** How many keys the ledger holds, expired ones included. */
export function ledgerSize(ledger: DeliveryLedger): number {
	return ledger.currentSize + Object.keys(ledger.previous).length;
}
