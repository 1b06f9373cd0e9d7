import type { IDataObject } from 'n8n-workflow';

/**
 * What a catch-up node keeps in its static data (under `catchUp`), never patient data:
 *
 * - `watermark` (ISO): every change before it has run the workflow (Junction, which can ask "what
 *   changed since").
 * - `snapshot`: for providers that cannot, what the catch-up has seen of each recent record: record id →
 *   the milestones reached (one letter each), `@`, and the day the record was created (days since
 *   1970, base 36).
 * - `knownBefore` (days since 1970): a record created on or before that day that the snapshot does not
 *   hold was there at the baseline (or was forgotten to keep the snapshot in its bound): it is taken
 *   as it is, and only its later changes run the workflow.
 *
 * Written by the main process after each round, into the copy of static data n8n gave the trigger at
 * activation, and saved by n8n with the next emit (staticData.ts says why that copy's save keeps the
 * webhooks' ledgers).
 */
export interface CatchUpState {
	watermark?: string;
	snapshot?: Record<string, string>;
	knownBefore?: number;
}

const STATE_KEY = 'catchUp';
const DAY_MS = 86_400_000;
/** A snapshot trimmed to its bound keeps this share of it. */
const TRIM_TO = 0.9;

export function dayOf(time: number): number {
	return Math.floor(time / DAY_MS);
}

/** The state as stored, or undefined before the first activation (or after a rename of the node). */
export function readState(staticData: IDataObject): CatchUpState | undefined {
	const stored = staticData[STATE_KEY] as IDataObject | undefined;
	if (typeof stored !== 'object' || stored === null || stored.version !== 1) return undefined;
	const snapshot =
		typeof stored.snapshot === 'object' && stored.snapshot !== null
			? { ...(stored.snapshot as Record<string, string>) }
			: undefined;
	return {
		watermark: typeof stored.watermark === 'string' ? stored.watermark : undefined,
		snapshot,
		knownBefore: typeof stored.knownBefore === 'number' ? stored.knownBefore : undefined,
	};
}

export function writeState(staticData: IDataObject, state: CatchUpState): void {
	staticData[STATE_KEY] = { version: 1, ...state } as IDataObject;
}

/** The later of two watermarks (ISO), either of which may be missing. */
export function laterWatermark(a?: string, b?: string): string | undefined {
	if (!a) return b;
	if (!b) return a;
	return Date.parse(b) > Date.parse(a) ? b : a;
}

function createdDayOf(entry: string): number {
	return parseInt(entry.slice(entry.indexOf('@') + 1), 36);
}

export function snapshotEntry(milestones: string, createdDay: number): string {
	return `${milestones}@${createdDay.toString(36)}`;
}

export function milestonesOf(entry: string | undefined): string {
	return entry === undefined ? '' : entry.slice(0, entry.indexOf('@'));
}

/**
 * The snapshot kept within `maxRecords`: past it, whole days of the oldest-created records are
 * forgotten (down to 90% of the bound) and `knownBefore` moves to the last day forgotten.
 */
export function boundedState(state: CatchUpState, maxRecords: number): CatchUpState {
	const snapshot = state.snapshot;
	if (!snapshot) return state;
	const ids = Object.keys(snapshot);
	if (ids.length <= maxRecords) return state;
	const days = ids.map((id) => createdDayOf(snapshot[id])).sort((a, b) => a - b);
	let cut = days[ids.length - Math.floor(maxRecords * TRIM_TO) - 1];
	// Forgetting part of a day would take its other records for baseline ones: the whole day goes.
	if (!Number.isFinite(cut)) cut = days[days.length - 1];
	const kept: Record<string, string> = {};
	for (const id of ids) if (createdDayOf(snapshot[id]) > cut) kept[id] = snapshot[id];
	return { ...state, snapshot: kept, knownBefore: Math.max(state.knownBefore ?? -Infinity, cut) };
}
