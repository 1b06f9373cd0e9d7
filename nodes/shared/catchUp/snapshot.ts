import { dayOf, milestonesOf, snapshotEntry, type CatchUpState } from './state';

/**
 * Changes found by comparing a list with what was seen before, for APIs that cannot say what changed
 * since: each record reaches milestones (one letter each, in the order they happen), and a milestone
 * not seen before is a change. Only the milestones of records the snapshot holds, or of records created
 * after `knownBefore`, are changes: older records are taken as they are.
 */
export interface ObservedRecord {
	/** The record's id in the snapshot (prefixed with its kind when a provider lists several kinds). */
	key: string;
	/** When it was created (epoch ms); NaN when the provider does not say. */
	createdAt: number;
	/** The milestones it has reached, in order. */
	milestones: string;
}

export interface Diff {
	/** The milestones reached since last seen, in order. */
	reached: string;
	/** The record's snapshot entry now. */
	entry: string;
}

export function diffRecord(state: CatchUpState, record: ObservedRecord, now: number): Diff {
	const createdDay = Number.isFinite(record.createdAt) ? dayOf(record.createdAt) : dayOf(now);
	const entry = snapshotEntry(record.milestones, createdDay);
	const known = state.snapshot?.[record.key];
	if (known === undefined) {
		const baseline = state.knownBefore !== undefined && createdDay <= state.knownBefore;
		return { reached: baseline ? '' : record.milestones, entry };
	}
	const seen = milestonesOf(known);
	const reached = [...record.milestones].filter((milestone) => !seen.includes(milestone)).join('');
	// Milestones are never taken back: what was seen stays, so a record that loses one (an API quirk) is not re-run.
	const merged = seen + reached;
	return { reached, entry: snapshotEntry(merged, createdDay) };
}
