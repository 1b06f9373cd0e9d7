import { hash } from 'node:crypto';

import { canonicalJson } from '../values';

/**
 * The record of deliveries whose workflow run exists, as one string: fixed-width records
 * `<key><expiry>` sorted by key. The key is the first 13 characters of a delivery's fingerprint (78 bits:
 * in a ledger of 100,000 records the chance that any two collide is below 1e-13); the expiry is Unix
 * minutes, rounded up, as 5 zero-padded base-36 digits (until the year 2084), so comparing two expiries
 * as text compares them as numbers. 18 bytes a record: n8n moves the whole ledger twice per call.
 *
 * The same form serves the in-process memory and workflow static data, which n8n reads, parses and
 * writes whole on every webhook call: one string value costs n8n far less than a property per
 * delivery, a lookup is a binary search, and two ledgers merge in one pass.
 *
 * One rule throughout: a record lives until its expiry, and a ledger holds at most `maxEntries`
 * records; past that it forgets those that expire first (the oldest), down to 90% of the bound.
 */
export type Ledger = string;

export interface LedgerPolicy {
	ttlSeconds: number;
	maxEntries: number;
}

const KEY_WIDTH = 13;
const EXPIRY_WIDTH = 5;
const RECORD_WIDTH = KEY_WIDTH + EXPIRY_WIDTH;
/** Expiries are kept in whole minutes: a record may outlive its moment by up to this much. */
export const EXPIRY_UNIT_SECONDS = 60;
const LATEST_EXPIRY = 36 ** EXPIRY_WIDTH - 1;
const FINGERPRINT = /^[A-Za-z0-9_-]{22}$/;
/** Merging a ledger this many times smaller is done by binary search rather than a full pass. */
const GALLOP_RATIO = 16;
/** A ledger trimmed to its bound keeps this share of it. */
const TRIM_TO = 0.9;

export const EMPTY_LEDGER: Ledger = '';

/**
 * 128 bits of SHA-256 over the parts, base64url: a delivery's id in items and a change's execution key.
 * A ledger keeps only its first KEY_WIDTH characters.
 */
export function deliveryFingerprint(parts: readonly unknown[]): string {
	let text = '';
	for (const part of parts)
		text += `${typeof part === 'string' ? part : canonicalJson(part)}\u0000`;
	// One-shot hashing: a Hash object per delivery costs more than hashing these few bytes.
	return hash('sha256', text, 'buffer').subarray(0, 16).toString('base64url');
}

export function isFingerprint(key: string): boolean {
	return FINGERPRINT.test(key);
}

export function isLedger(value: unknown): value is Ledger {
	return typeof value === 'string' && value.length % RECORD_WIDTH === 0;
}

export function ledgerSize(ledger: Ledger): number {
	return ledger.length / RECORD_WIDTH;
}

/** What a ledger keeps of a fingerprint. */
export function ledgerKey(fingerprint: string): string {
	return fingerprint.slice(0, KEY_WIDTH);
}

function encodeMinutes(minutes: number): string {
	return Math.min(LATEST_EXPIRY, Math.max(0, minutes)).toString(36).padStart(EXPIRY_WIDTH, '0');
}

/** An expiry as stored: rounded up to the minute, so that a record never expires early. */
export function encodeExpiry(unixSeconds: number): string {
	return encodeMinutes(Math.ceil(unixSeconds / EXPIRY_UNIT_SECONDS));
}

/** The moment as an expiry: a record whose stored expiry is at or before it has expired. */
function encodeNow(unixSeconds: number): string {
	return encodeMinutes(Math.floor(unixSeconds / EXPIRY_UNIT_SECONDS));
}

/** The record a ledger keeps for the fingerprint until `expiresAt` (Unix seconds). */
export function ledgerRecord(fingerprint: string, expiresAt: number): string {
	return `${ledgerKey(fingerprint)}${encodeExpiry(expiresAt)}`;
}

/** Records in any order as a ledger: sorted, and of records with the same key only the latest expiry. */
export function ledgerOfRecords(records: string[]): Ledger {
	// Fixed-width records sort by key, then expiry: the last of equal keys expires latest.
	return records
		.sort()
		.filter(
			(record, index, all) => record.slice(0, KEY_WIDTH) !== all[index + 1]?.slice(0, KEY_WIDTH),
		)
		.join('');
}

function expiryTextAt(ledger: Ledger, index: number): string {
	const offset = index * RECORD_WIDTH + KEY_WIDTH;
	return ledger.slice(offset, offset + EXPIRY_WIDTH);
}

/** The expiry of record `index`, in Unix seconds. */
function expiryAt(ledger: Ledger, index: number): number {
	return parseInt(expiryTextAt(ledger, index), 36) * EXPIRY_UNIT_SECONDS;
}

/** The latest expiry the ledger holds, in Unix seconds; undefined when it is empty. */
export function latestExpiry(ledger: Ledger): number | undefined {
	let latest: number | undefined;
	for (let index = 0; index < ledgerSize(ledger); index++)
		latest = Math.max(latest ?? 0, expiryAt(ledger, index));
	return latest;
}

/**
 * Compares the key (a fingerprint, or a record's key) with the key of the record at `index`, over
 * KEY_WIDTH characters, one by one (no substrings).
 */
function compareAt(ledger: Ledger, index: number, key: string, keyOffset = 0): number {
	const offset = index * RECORD_WIDTH;
	for (let position = 0; position < KEY_WIDTH; position++) {
		const difference = key.charCodeAt(keyOffset + position) - ledger.charCodeAt(offset + position);
		if (difference !== 0) return difference;
	}
	return 0;
}

/** The index of the key's record, or `-(insertion index) - 1` when the ledger does not hold it. */
function search(ledger: Ledger, key: string): number {
	let low = 0;
	let high = ledgerSize(ledger) - 1;
	while (low <= high) {
		const middle = (low + high) >>> 1;
		const order = compareAt(ledger, middle, key);
		if (order === 0) return middle;
		if (order > 0) low = middle + 1;
		else high = middle - 1;
	}
	return -low - 1;
}

/** When the key's record expires, in Unix seconds, if the ledger holds one that has not expired. */
export function expiryOf(ledger: Ledger, key: string, nowSeconds: number): number | undefined {
	if (!isFingerprint(key)) return undefined;
	const index = search(ledger, key);
	if (index < 0) return undefined;
	const expiresAt = expiryAt(ledger, index);
	return expiresAt > nowSeconds ? expiresAt : undefined;
}

export function ledgerHas(ledger: Ledger, key: string, nowSeconds: number): boolean {
	return expiryOf(ledger, key, nowSeconds) !== undefined;
}

/** The ledger with the key recorded until `expiresAt` (a later expiry already held wins). */
export function ledgerWith(
	ledger: Ledger,
	key: string,
	expiresAt: number,
	nowSeconds: number,
	maxEntries: number,
): Ledger {
	if (!isFingerprint(key))
		throw new Error('A ledger key must be a 22-character base64url fingerprint');
	return withFew(ledger, ledgerRecord(key, expiresAt), nowSeconds, maxEntries);
}

/** The ledger without the key's record. */
export function ledgerWithout(ledger: Ledger, key: string): Ledger {
	const index = isFingerprint(key) ? search(ledger, key) : -1;
	if (index < 0) return ledger;
	return ledger.slice(0, index * RECORD_WIDTH) + ledger.slice((index + 1) * RECORD_WIDTH);
}

/** Compares the expiry of record `i` of `a` with that of record `j` of `b`, as text (no substrings). */
function compareExpiries(a: Ledger, i: number, b: Ledger, j: number): number {
	const offsetA = i * RECORD_WIDTH + KEY_WIDTH;
	const offsetB = j * RECORD_WIDTH + KEY_WIDTH;
	for (let position = 0; position < EXPIRY_WIDTH; position++) {
		const difference = a.charCodeAt(offsetA + position) - b.charCodeAt(offsetB + position);
		if (difference !== 0) return difference;
	}
	return 0;
}

/** A record `now` that expires at the given moment, for comparing expiries with it. */
function nowRecord(nowSeconds: number): Ledger {
	return `${'-'.repeat(KEY_WIDTH)}${encodeNow(nowSeconds)}`;
}

/**
 * Both ledgers in one, in a single pass: for a key in both the later expiry wins, expired records are
 * dropped, and over `maxEntries` the records that expire first go. Runs of records taken whole from
 * one side are copied as one slice, so merging what is mostly already there is cheap.
 */
export function mergeLedgers(a: Ledger, b: Ledger, nowSeconds: number, maxEntries: number): Ledger {
	if (ledgerSize(b) * GALLOP_RATIO < ledgerSize(a)) return withFew(a, b, nowSeconds, maxEntries);
	const now = nowRecord(nowSeconds);
	const sizeA = ledgerSize(a);
	const sizeB = ledgerSize(b);
	const parts: string[] = [];
	let count = 0;
	let i = 0;
	let j = 0;
	let runOf: Ledger | undefined;
	let runStart = 0;
	let runEnd = 0;
	const closeRun = () => {
		if (runOf !== undefined && runEnd > runStart)
			parts.push(runOf.slice(runStart * RECORD_WIDTH, runEnd * RECORD_WIDTH));
		runOf = undefined;
	};
	const keep = (ledger: Ledger, index: number) => {
		if (compareExpiries(ledger, index, now, 0) <= 0) return;
		count++;
		if (runOf === ledger && runEnd === index) {
			runEnd++;
			return;
		}
		closeRun();
		runOf = ledger;
		runStart = index;
		runEnd = index + 1;
	};
	while (i < sizeA || j < sizeB) {
		const order = i >= sizeA ? 1 : j >= sizeB ? -1 : compareAt(b, j, a, i * RECORD_WIDTH);
		if (order < 0) keep(a, i++);
		else if (order > 0) keep(b, j++);
		else {
			if (compareExpiries(a, i, b, j) >= 0) keep(a, i);
			else keep(b, j);
			i++;
			j++;
		}
	}
	closeRun();
	const merged = parts.length === 1 ? parts[0] : parts.join('');
	return count > maxEntries ? trimmed(merged, nowSeconds, maxEntries) : merged;
}

/**
 * A large ledger merged with a few records: each found by binary search, the runs of the large one
 * between them copied as slices. Expired records of the large one stay until it is next trimmed.
 */
function withFew(a: Ledger, few: Ledger, nowSeconds: number, maxEntries: number): Ledger {
	const now = nowRecord(nowSeconds);
	// Concatenated, not joined: V8 keeps the parts as a rope, which n8n's JSON.stringify reads once.
	let merged = '';
	let copiedUpTo = 0;
	for (let j = 0; j < ledgerSize(few); j++) {
		if (compareExpiries(few, j, now, 0) <= 0) continue;
		const index = search(a, few.slice(j * RECORD_WIDTH, j * RECORD_WIDTH + KEY_WIDTH));
		const at = index >= 0 ? index : -index - 1;
		merged += a.slice(copiedUpTo * RECORD_WIDTH, at * RECORD_WIDTH);
		if (index >= 0 && compareExpiries(a, index, few, j) >= 0) {
			copiedUpTo = at;
			continue;
		}
		merged += few.slice(j * RECORD_WIDTH, (j + 1) * RECORD_WIDTH);
		copiedUpTo = index >= 0 ? at + 1 : at;
	}
	merged += a.slice(copiedUpTo * RECORD_WIDTH);
	return ledgerSize(merged) > maxEntries ? trimmed(merged, nowSeconds, maxEntries) : merged;
}

/**
 * Without expired records and, if still over the bound, without the records that expire first down
 * to 90% of it (at a tie the earlier fingerprints go), so that a full ledger is not trimmed again on
 * every new record.
 */
function trimmed(ledger: Ledger, nowSeconds: number, maxEntries: number): Ledger {
	const now = encodeNow(nowSeconds);
	const size = ledgerSize(ledger);
	const expiries: string[] = [];
	for (let index = 0; index < size; index++) expiries.push(expiryTextAt(ledger, index));
	const live = expiries.filter((expiry) => expiry > now).sort();
	const excess = Math.max(0, live.length - Math.floor(maxEntries * TRIM_TO));
	const cut = excess > 0 ? live[excess - 1] : now;
	let tiesToDrop = excess > 0 ? excess - live.filter((expiry) => expiry < cut).length : 0;
	const parts: string[] = [];
	for (let index = 0; index < size; index++) {
		const expiry = expiries[index];
		if (expiry < cut || expiry <= now) continue;
		if (expiry === cut && tiesToDrop > 0) {
			tiesToDrop--;
			continue;
		}
		parts.push(ledger.slice(index * RECORD_WIDTH, (index + 1) * RECORD_WIDTH));
	}
	return parts.join('');
}
