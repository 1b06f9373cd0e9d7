import type { IDataObject } from 'n8n-workflow';

import type { ApiContext } from '../transport/api';
import type { PageCursor } from '../transport/pagination';
import { diffRecord, type ObservedRecord } from './snapshot';
import type { Change, RoundRequest, RoundResult } from './source';
import { boundedState, dayOf, type CatchUpState } from './state';
import { DEFAULT_SNAPSHOT_SIZE } from './settings';

const CLOCK_SKEW_MS = 60_000;

/** One list a snapshot round walks (LML: test registrations, then orders). */
export interface SnapshotList {
	/** One page from `cursor` (undefined: the first); `next` undefined after the last page. */
	page(
		context: ApiContext,
		cursor: PageCursor | undefined,
	): Promise<{ records: IDataObject[]; next?: PageCursor }>;
	observe(record: IDataObject): ObservedRecord | undefined;
	/** The changes of the milestones reached, in order. */
	changes(record: IDataObject, reached: string): Change[];
}

interface Walk extends IDataObject {
	list: number;
	cursor?: PageCursor;
}

/**
 * A round for an API that cannot say what changed since: every list is read page by page (within the
 * budget, continued next round), and each record is compared with the snapshot. A round that read
 * everything starts the next walk from the first page.
 */
export async function snapshotRound(
	context: ApiContext,
	request: RoundRequest,
	lists: SnapshotList[],
	baseline?: Baseline,
): Promise<RoundResult> {
	let walk: Walk = (request.walk as Walk | undefined) ?? { list: 0 };
	const state: CatchUpState = { ...request.state, snapshot: { ...request.state.snapshot } };
	const snapshot = state.snapshot!;
	const changes: Change[] = [];
	for (;;) {
		const list = lists[walk.list];
		const page = await list.page(context, walk.cursor);
		for (const record of page.records) {
			const observed = list.observe(record);
			if (!observed) continue;
			// A record created from Start From on stays out of the baseline: the first round runs it.
			if (baseline?.from !== undefined && dayOf(observed.createdAt) >= dayOf(baseline.from))
				continue;
			// So does one created while the baseline walks the lists (a page read late would take it
			// with milestones it reached after activation began); the skew allows for the provider's clock.
			if (baseline && observed.createdAt >= request.now - CLOCK_SKEW_MS) continue;
			const diff = baseline
				? { ...diffRecord({}, observed, request.now), reached: '' }
				: diffRecord(state, observed, request.now);
			snapshot[observed.key] = diff.entry;
			if (diff.reached) changes.push(...list.changes(record, diff.reached));
		}
		walk =
			page.next !== undefined ? { list: walk.list, cursor: page.next } : { list: walk.list + 1 };
		const bound = request.options.snapshotSize ?? DEFAULT_SNAPSHOT_SIZE;
		if (walk.list >= lists.length) return { changes, state: boundedState(state, bound) };
		if (Date.now() >= request.deadline || changes.length >= request.maxChanges)
			return { changes, state: boundedState(state, bound), walk };
	}
}

/** A first activation: every record listed is taken as it is, but those created from `from` on. */
export interface Baseline {
	from?: number;
}

/**
 * The request of a first activation. A record the baseline walk does not reach (it ran out of time) is
 * taken as it is when a later round first lists it, if it was created before the day of the baseline
 * (or of Start From); one created that day runs the workflow for the milestones it has reached.
 */
export function snapshotBaseline(request: RoundRequest, startFrom?: number): RoundRequest {
	return {
		...request,
		state: { snapshot: {}, knownBefore: dayOf(startFrom ?? request.now) - 1 },
	};
}
