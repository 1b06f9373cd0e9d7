import type { IDataObject } from 'n8n-workflow';

import {
	boundedState,
	laterWatermark,
	milestonesOf,
	readState,
	snapshotEntry,
	type CatchUpState,
} from '../../../../nodes/shared/catchUp/state';

/**
 * The catch-up state in static data: what is read back, which of two watermarks is later, a
 * snapshot entry's text, and how a snapshot past its bound forgets whole days of the oldest records.
 */
describe('reading the stored state', () => {
	test('nothing stored, null, not an object or another version reads as no state', () => {
		expect(readState({})).toBeUndefined();
		expect(readState({ catchUp: null })).toBeUndefined();
		expect(readState({ catchUp: 'v1' })).toBeUndefined();
		expect(
			readState({ catchUp: { version: 2, watermark: '2024-05-01T00:00:00Z' } }),
		).toBeUndefined();
	});

	test('version 1 reads back its watermark, snapshot and knownBefore', () => {
		expect(
			readState({
				catchUp: {
					version: 1,
					watermark: '2024-05-01T00:00:00Z',
					snapshot: { 'order:1': 'ab@jxk' },
					knownBefore: 19800,
				},
			}),
		).toEqual({
			watermark: '2024-05-01T00:00:00Z',
			snapshot: { 'order:1': 'ab@jxk' },
			knownBefore: 19800,
		});
	});

	test('a snapshot that is missing, null or not an object reads as none', () => {
		expect(readState({ catchUp: { version: 1 } })?.snapshot).toBeUndefined();
		expect(readState({ catchUp: { version: 1, snapshot: null } })?.snapshot).toBeUndefined();
		expect(readState({ catchUp: { version: 1, snapshot: 'ab' } })?.snapshot).toBeUndefined();
		expect(readState({ catchUp: { version: 1, snapshot: 7 } })?.snapshot).toBeUndefined();
	});

	test('the snapshot read is a copy: changing it leaves static data as it was', () => {
		const stored = { 'order:1': 'a@1' };
		const staticData: IDataObject = { catchUp: { version: 1, snapshot: stored } };
		const snapshot = readState(staticData)?.snapshot as Record<string, string>;
		expect(snapshot).not.toBe(stored);
		snapshot['order:2'] = 'b@2';
		expect(stored).toEqual({ 'order:1': 'a@1' });
	});
});

describe('the later of two watermarks', () => {
	test('a missing one gives the other', () => {
		expect(laterWatermark(undefined, '2024-05-01T00:00:00Z')).toBe('2024-05-01T00:00:00Z');
		expect(laterWatermark('2024-05-01T00:00:00Z', undefined)).toBe('2024-05-01T00:00:00Z');
		expect(laterWatermark(undefined, undefined)).toBeUndefined();
	});

	test('the later instant wins, whichever side it is on', () => {
		expect(laterWatermark('2024-05-01T00:00:00Z', '2024-05-02T00:00:00Z')).toBe(
			'2024-05-02T00:00:00Z',
		);
		expect(laterWatermark('2024-05-02T00:00:00Z', '2024-05-01T00:00:00Z')).toBe(
			'2024-05-02T00:00:00Z',
		);
	});

	test('the same instant written two ways keeps the first', () => {
		expect(laterWatermark('2024-05-01T00:00:00Z', '2024-05-01T00:00:00.000Z')).toBe(
			'2024-05-01T00:00:00Z',
		);
	});
});

describe('snapshot entries', () => {
	test('an entry is the milestones, @, and the created day in base 36', () => {
		// 19800 = 15·36² + 10·36 + 0
		expect(snapshotEntry('ab', 19800)).toBe('ab@fa0');
		expect(snapshotEntry('', 35)).toBe('@z');
	});

	test('the milestones of an entry are what comes before @, none for no entry', () => {
		expect(milestonesOf('ab@fa0')).toBe('ab');
		expect(milestonesOf('@z')).toBe('');
		expect(milestonesOf(undefined)).toBe('');
	});
});

/** A snapshot of records `r0`, `r1`, … created on the given days, each having reached milestones `ab`. */
function snapshotOf(days: number[]): Record<string, string> {
	const snapshot: Record<string, string> = {};
	days.forEach((day, index) => (snapshot[`r${index}`] = `ab@${day.toString(36)}`));
	return snapshot;
}

describe('keeping the snapshot within its bound', () => {
	test('a state without a snapshot is left as it is', () => {
		const state: CatchUpState = { watermark: '2024-05-01T00:00:00Z' };
		expect(boundedState(state, 0)).toBe(state);
	});

	test('at exactly the bound nothing is forgotten', () => {
		const state: CatchUpState = { snapshot: snapshotOf([10, 11, 12]) };
		expect(boundedState(state, 3)).toEqual({ snapshot: snapshotOf([10, 11, 12]) });
	});

	test('one over the bound forgets whole days of the oldest down to 90% and moves knownBefore', () => {
		// 11 records, bound 10: keep at most 9; the 2nd oldest (day 11) marks the cut, and all of day 11 goes.
		const state: CatchUpState = {
			watermark: 'w',
			snapshot: snapshotOf([19, 10, 11, 12, 13, 11, 14, 15, 16, 17, 18]),
		};
		expect(boundedState(state, 10)).toEqual({
			watermark: 'w',
			snapshot: {
				r0: 'ab@j',
				r3: 'ab@c',
				r4: 'ab@d',
				r6: 'ab@e',
				r7: 'ab@f',
				r8: 'ab@g',
				r9: 'ab@h',
				r10: 'ab@i',
			},
			knownBefore: 11,
		});
	});

	test('the days are read from the text after @, whatever the milestones', () => {
		// 'z@1' and 'y@2' would read as days 35 and 34 if the milestone were taken for the day.
		const state: CatchUpState = { snapshot: { a: 'z@1', b: 'y@2', c: 'x@3' } };
		expect(boundedState(state, 2)).toEqual({ snapshot: { c: 'x@3' }, knownBefore: 2 });
	});

	test('an earlier knownBefore moves up to the last day forgotten', () => {
		const state: CatchUpState = { snapshot: snapshotOf([10, 11, 12]), knownBefore: 5 };
		expect(boundedState(state, 2)).toEqual({ snapshot: { r2: 'ab@c' }, knownBefore: 11 });
	});

	test('a later knownBefore stays', () => {
		const state: CatchUpState = { snapshot: snapshotOf([10, 11, 12]), knownBefore: 40 };
		expect(boundedState(state, 2)).toEqual({ snapshot: { r2: 'ab@c' }, knownBefore: 40 });
	});

	test('a bound of 0 forgets every record, up to the newest day', () => {
		const state: CatchUpState = { snapshot: snapshotOf([12, 10, 11]) };
		expect(boundedState(state, 0)).toEqual({ snapshot: {}, knownBefore: 12 });
	});

	test('a bound whose cut falls outside the snapshot forgets every record, up to the newest day', () => {
		const state: CatchUpState = { snapshot: snapshotOf([12, 10, 11]) };
		expect(boundedState(state, -1)).toEqual({ snapshot: {}, knownBefore: 12 });
		expect(boundedState(state, Number.NaN)).toEqual({ snapshot: {}, knownBefore: 12 });
	});
});
