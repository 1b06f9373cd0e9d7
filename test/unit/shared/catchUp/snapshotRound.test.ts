import type { IDataObject } from 'n8n-workflow';

import {
	snapshotBaseline,
	snapshotRound,
	type SnapshotList,
} from '../../../../nodes/shared/catchUp/snapshotRound';
import type { RoundRequest } from '../../../../nodes/shared/catchUp/source';
import type { ApiContext } from '../../../../nodes/shared/transport/api';

/**
 * The snapshot round without HTTP: lists are fakes serving fixed pages of records
 * `{ id, createdAt, milestones }`, each new milestone one change named after its letter.
 */
const context = {} as ApiContext;

/** 2024-01-10T00:00:00Z: day 19732, 'f84' in base 36 (the day before: 'f83'). */
const JAN_10 = Date.UTC(2024, 0, 10);
const JAN_9 = Date.UTC(2024, 0, 9);
const NOON = 12 * 3_600_000;
/** When the rounds run: 2024-01-12T12:00:00Z. */
const NOW = Date.UTC(2024, 0, 12, 12);

interface FakeList extends SnapshotList {
	/** The cursors page() was called with, in order. */
	cursors: Array<string | undefined>;
	/** The `reached` of each changes() call, in order. */
	reachedCalls: string[];
}

function fakeList(pages: IDataObject[][]): FakeList {
	const list: FakeList = {
		cursors: [],
		reachedCalls: [],
		page: async (_context, cursor) => {
			list.cursors.push(cursor as string | undefined);
			const index = cursor === undefined ? 0 : Number(String(cursor).slice(1));
			return {
				records: pages[index],
				next: index + 1 < pages.length ? `p${index + 1}` : undefined,
			};
		},
		observe: (record) => ({
			key: String(record.id),
			createdAt: record.createdAt as number,
			milestones: String(record.milestones),
		}),
		changes: (record, reached) => {
			list.reachedCalls.push(reached);
			return [...reached].map((milestone) => ({
				record: String(record.id),
				event: milestone,
				id: `${String(record.id)}:${milestone}`,
				payload: {},
			}));
		},
	};
	return list;
}

function request(overrides: Partial<RoundRequest> = {}): RoundRequest {
	return {
		state: { snapshot: {}, knownBefore: 0 },
		deadline: NOW + 30_000,
		maxChanges: 500,
		options: {},
		now: NOW,
		...overrides,
	};
}

const record = (id: string, createdAt: number, milestones: string) => ({
	id,
	createdAt,
	milestones,
});

beforeEach(() => {
	jest.useFakeTimers();
	jest.setSystemTime(NOW);
});

afterEach(() => jest.useRealTimers());

describe('a snapshot round', () => {
	test('carries the known snapshot over: a record with no new milestone is no change and keeps its entry', async () => {
		const list = fakeList([[record('a', JAN_10, 'rc'), record('b', JAN_10, 'r')]]);
		const result = await snapshotRound(
			context,
			request({ state: { snapshot: { a: 'rc@f84', b: 'r@f84', gone: 'r@f83' } } }),
			[list],
		);
		expect(result.changes).toEqual([]);
		expect(result.state.snapshot).toEqual({ a: 'rc@f84', b: 'r@f84', gone: 'r@f83' });
		expect(list.reachedCalls).toEqual([]);
		expect(result.walk).toBeUndefined();
	});

	test('asks the list for the changes of new milestones only', async () => {
		const list = fakeList([[record('a', JAN_10, 'rc'), record('b', JAN_10, 'r')]]);
		const result = await snapshotRound(
			context,
			request({ state: { snapshot: { a: 'r@f84', b: 'r@f84' } } }),
			[list],
		);
		expect(list.reachedCalls).toEqual(['c']);
		expect(result.changes.map((change) => change.id)).toEqual(['a:c']);
		expect(result.state.snapshot).toEqual({ a: 'rc@f84', b: 'r@f84' });
	});

	test('goes on to the next page and the next list while time and changes are left', async () => {
		const first = fakeList([[record('a', JAN_10, 'r')], [record('b', JAN_10, 'r')]]);
		const second = fakeList([[record('c', JAN_10, 'r')]]);
		const result = await snapshotRound(context, request({ deadline: NOW + 1, maxChanges: 4 }), [
			first,
			second,
		]);
		expect(first.cursors).toEqual([undefined, 'p1']);
		expect(second.cursors).toEqual([undefined]);
		expect(result.changes.map((change) => change.id)).toEqual(['a:r', 'b:r', 'c:r']);
		expect(result.walk).toBeUndefined();
	});

	test('stops after a page read exactly at the deadline, with the walk to go on from', async () => {
		const list = fakeList([[record('a', JAN_10, 'r')], [record('b', JAN_10, 'r')]]);
		const result = await snapshotRound(context, request({ deadline: NOW }), [list]);
		expect(list.cursors).toEqual([undefined]);
		expect(result.changes.map((change) => change.id)).toEqual(['a:r']);
		expect(result.state.snapshot).toEqual({ a: 'r@f84' });
		expect(result.walk).toEqual({ list: 0, cursor: 'p1' });
	});

	test('stops after a page read past the deadline even with no change found', async () => {
		const first = fakeList([[record('a', JAN_10, 'r')]]);
		const second = fakeList([[record('b', JAN_10, 'r')]]);
		const result = await snapshotRound(
			context,
			request({ deadline: NOW - 1, state: { snapshot: { a: 'r@f84' } } }),
			[first, second],
		);
		expect(second.cursors).toEqual([]);
		expect(result.changes).toEqual([]);
		expect(result.walk).toEqual({ list: 1 });
	});

	test('stops once exactly maxChanges changes were found, with the walk to go on from', async () => {
		const list = fakeList([[record('a', JAN_10, 'rc')], [record('b', JAN_10, 'r')]]);
		const result = await snapshotRound(context, request({ maxChanges: 2 }), [list]);
		expect(list.cursors).toEqual([undefined]);
		expect(result.changes.map((change) => change.id)).toEqual(['a:r', 'a:c']);
		expect(result.walk).toEqual({ list: 0, cursor: 'p1' });
	});

	test('goes on from the walk it was given', async () => {
		const list = fakeList([[record('a', JAN_10, 'r')], [record('b', JAN_10, 'r')]]);
		const result = await snapshotRound(context, request({ walk: { list: 0, cursor: 'p1' } }), [
			list,
		]);
		expect(list.cursors).toEqual(['p1']);
		expect(result.changes.map((change) => change.id)).toEqual(['b:r']);
	});
});

describe('a snapshot baseline', () => {
	test('takes every record as it is, with no change and no call for changes', async () => {
		const list = fakeList([[record('a', JAN_9, 'rc')]]);
		const result = await snapshotRound(context, request({ state: {} }), [list], {});
		expect(result.changes).toEqual([]);
		expect(list.reachedCalls).toEqual([]);
		expect(result.state.snapshot).toEqual({ a: 'rc@f83' });
	});

	test('leaves out records created on or after the day of Start From, takes the day before', async () => {
		const list = fakeList([
			[
				record('same-day', JAN_10, 'r'),
				record('day-before', JAN_10 - 1, 'r'),
				record('day-after', JAN_10 + 86_400_000, 'r'),
			],
		]);
		const result = await snapshotRound(context, request({ state: {} }), [list], {
			from: JAN_10 + NOON,
		});
		expect(result.state.snapshot).toEqual({ 'day-before': 'r@f83' });
	});

	test('leaves out records created within the last minute before now, takes one a millisecond older', async () => {
		const list = fakeList([
			[
				record('at-the-edge', NOW - 60_000, 'r'),
				record('older', NOW - 60_001, 'r'),
				record('newest', NOW - 1, 'r'),
			],
		]);
		const result = await snapshotRound(context, request({ state: {} }), [list], {});
		expect(result.state.snapshot).toEqual({ older: 'r@f86' });
	});

	test('its request starts from an empty snapshot known before the day of Start From', () => {
		const walk = { list: 1 };
		const baseline = snapshotBaseline(
			request({ state: { snapshot: { a: 'r@f84' }, knownBefore: 5 }, walk }),
			JAN_10 + NOON,
		);
		expect(baseline).toEqual({
			state: { snapshot: {}, knownBefore: 19731 },
			walk: { list: 1 },
			deadline: NOW + 30_000,
			maxChanges: 500,
			options: {},
			now: NOW,
		});
	});

	test('its request with no Start From is known before the day of now', () => {
		expect(snapshotBaseline(request()).state).toEqual({ snapshot: {}, knownBefore: 19733 });
	});
});
