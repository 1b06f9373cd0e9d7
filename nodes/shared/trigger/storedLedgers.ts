import { isLedger, ledgerOfRecords, ledgerRecord, type Ledger } from './ledger';

/**
 * Where the triggers keep their ledgers: workflow static data, one ledger per trigger node and per
 * catch-up node, under one key. Every writer writes the current version; every reader also takes the
 * version before it, converted, so that an upgrade forgets nothing.
 */
export const STORED_LEDGERS_KEY = 'labTestingDeliveries';
export const STORED_LEDGERS_VERSION = 5;

export interface StoredLedgers {
	version: typeof STORED_LEDGERS_VERSION;
	/** Ledger per trigger node id (catch-up nodes: `catchUp:<node id>`). */
	ledgers: Record<string, Ledger>;
}

/** Version 4 (until December 2026): 22-character keys, expiries in seconds as 7 base-36 digits. */
const V4_KEY_WIDTH = 22;
const V4_RECORD_WIDTH = 29;

/** A version 4 ledger in today's form: keys cut short, expiries rounded up to the minute. */
function fromVersion4(ledger: unknown): Ledger | undefined {
	if (typeof ledger !== 'string' || ledger.length % V4_RECORD_WIDTH !== 0) return undefined;
	const records: string[] = [];
	for (let offset = 0; offset < ledger.length; offset += V4_RECORD_WIDTH) {
		const expiresAt = parseInt(ledger.slice(offset + V4_KEY_WIDTH, offset + V4_RECORD_WIDTH), 36);
		if (!Number.isFinite(expiresAt)) return undefined;
		records.push(ledgerRecord(ledger.slice(offset, offset + V4_KEY_WIDTH), expiresAt));
	}
	return ledgerOfRecords(records);
}

/** The valid ledgers of what is stored under the key, per node; anything else is ignored. */
export function storedLedgersIn(stored: unknown): Record<string, Ledger> {
	const { version, ledgers } = (stored ?? {}) as { version?: unknown; ledgers?: unknown };
	const read =
		version === STORED_LEDGERS_VERSION
			? (ledger: unknown) => (isLedger(ledger) ? ledger : undefined)
			: version === 4
				? fromVersion4
				: undefined;
	const valid: Record<string, Ledger> = {};
	if (!read || typeof ledgers !== 'object' || ledgers === null) return valid;
	for (const [key, ledger] of Object.entries(ledgers)) {
		const converted = read(ledger);
		if (converted !== undefined) valid[key] = converted;
	}
	return valid;
}
