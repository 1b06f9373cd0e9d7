import { NewestEntries } from '../../../nodes/shared/newestEntries';

/** The same contract, the slow obvious way: keys oldest first. */
class ReferenceEntries {
	keys: string[] = [];
	values = new Map<string, number>();

	setNewest(key: string, value: number, bound: number): void {
		this.keys = this.keys.filter((existing) => existing !== key);
		this.keys.push(key);
		this.values.set(key, value);
		while (this.keys.length > bound) this.values.delete(this.keys.shift()!);
	}

	delete(key: string): void {
		this.keys = this.keys.filter((existing) => existing !== key);
		this.values.delete(key);
	}
}

describe('NewestEntries', () => {
	it('drops the oldest past the bound, and a key set again counts as the newest', () => {
		const entries = new NewestEntries<number>();
		entries.setNewest('a', 1, 3);
		entries.setNewest('b', 2, 3);
		entries.setNewest('c', 3, 3);
		entries.setNewest('a', 4, 3);
		entries.setNewest('d', 5, 3);

		expect([...entries]).toEqual([
			['c', 3],
			['a', 4],
			['d', 5],
		]);
		expect(entries.get('b')).toBeUndefined();
		expect(entries.size).toBe(3);
	});

	it('shrinks to a lower bound at the next set', () => {
		const entries = new NewestEntries<number>();
		for (const key of ['a', 'b', 'c', 'd', 'e']) entries.setNewest(key, 0, 10);
		entries.setNewest('f', 0, 2);

		expect([...entries].map(([key]) => key)).toEqual(['e', 'f']);
	});

	it('keeps working after it was emptied', () => {
		const entries = new NewestEntries<number>();
		entries.setNewest('a', 1, 1);
		entries.setNewest('b', 2, 1);
		entries.delete('b');
		expect(entries.size).toBe(0);
		entries.setNewest('c', 3, 1);
		entries.setNewest('d', 4, 1);

		expect([...entries]).toEqual([['d', 4]]);
	});

	it('holds nothing under a bound of zero or below, and keeps its bound after', () => {
		const entries = new NewestEntries<number>();
		entries.setNewest('a', 1, 0);
		expect(entries.size).toBe(0);
		entries.setNewest('b', 2, -1);
		expect(entries.size).toBe(0);
		for (const key of ['c', 'd', 'e']) entries.setNewest(key, 3, 2);

		expect([...entries].map(([key]) => key)).toEqual(['d', 'e']);
	});

	it('holds what the obvious implementation holds, over 20,000 random sets and deletes', () => {
		const entries = new NewestEntries<number>();
		const reference = new ReferenceEntries();
		// A fixed linear congruential sequence: the same run every time, and any failure reproducible.
		let seed = 12_345;
		const random = (below: number) => {
			seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
			return seed % below;
		};
		for (let step = 0; step < 20_000; step++) {
			const key = `k${random(300)}`;
			const bound = step < 10_000 ? 100 : 40 + random(3);
			if (random(10) === 0) {
				entries.delete(key);
				reference.delete(key);
			} else {
				entries.setNewest(key, step, bound);
				reference.setNewest(key, step, bound);
			}
			if (step % 500 === 0 || step === 19_999)
				expect([...entries]).toEqual(reference.keys.map((key) => [key, reference.values.get(key)]));
		}
		expect(entries.size).toBe(reference.keys.length);
		expect(entries.size).toBeGreaterThan(30);
	});
});
