import { diffRecord } from '../../../../nodes/shared/catchUp/snapshot';

/**
 * Comparing one listed record with the snapshot: a record the snapshot does not hold is a baseline one
 * up to and including the knownBefore day, and new after it; a known record reports only the
 * milestones it had not reached before.
 */
// 2024-05-01 is day 19844 since 1970 (2024-01-01 is day 19723, plus 31 + 29 + 31 + 30); in base 36, 'fb8'.
const MAY_FIRST = Date.UTC(2024, 4, 1, 9, 30);
const NOW = Date.UTC(2024, 4, 3, 12);

describe('a record the snapshot does not hold', () => {
	test('created on exactly the knownBefore day, it is taken as it is: nothing reached', () => {
		const diff = diffRecord(
			{ snapshot: {}, knownBefore: 19844 },
			{ key: 'order:1', createdAt: MAY_FIRST, milestones: 'ab' },
			NOW,
		);
		expect(diff).toEqual({ reached: '', entry: 'ab@fb8' });
	});

	test('created the day after knownBefore, all its milestones are reached', () => {
		const diff = diffRecord(
			{ snapshot: {}, knownBefore: 19843 },
			{ key: 'order:1', createdAt: MAY_FIRST, milestones: 'ab' },
			NOW,
		);
		expect(diff).toEqual({ reached: 'ab', entry: 'ab@fb8' });
	});

	test('without a knownBefore, all its milestones are reached', () => {
		const diff = diffRecord({}, { key: 'order:1', createdAt: MAY_FIRST, milestones: 'a' }, NOW);
		expect(diff).toEqual({ reached: 'a', entry: 'a@fb8' });
	});
});

describe('a record the snapshot holds', () => {
	test('only milestones not seen before are reached, and the entry keeps the seen ones first', () => {
		const diff = diffRecord(
			{ snapshot: { 'order:1': 'a@fb8' } },
			{ key: 'order:1', createdAt: MAY_FIRST, milestones: 'abc' },
			NOW,
		);
		expect(diff).toEqual({ reached: 'bc', entry: 'abc@fb8' });
	});

	test('a record with nothing new reaches nothing, even when it is newer than knownBefore', () => {
		const diff = diffRecord(
			{ snapshot: { 'order:1': 'ab@fb8' }, knownBefore: 100 },
			{ key: 'order:1', createdAt: MAY_FIRST, milestones: 'ab' },
			NOW,
		);
		expect(diff).toEqual({ reached: '', entry: 'ab@fb8' });
	});
});
