import { canonicalJson, text } from '../../../nodes/shared/values';

/** A scalar inside `levels` arrays or objects. */
const nestedArrays = (levels: number): unknown => (levels === 0 ? 1 : [nestedArrays(levels - 1)]);
const nestedObjects = (levels: number): unknown =>
	levels === 0 ? 1 : { a: nestedObjects(levels - 1) };

describe('text', () => {
	it('is a non-empty string, or undefined', () => {
		expect(text('o-1')).toBe('o-1');
		expect(text('')).toBeUndefined();
		expect(text(42)).toBeUndefined();
		expect(text(null)).toBeUndefined();
	});
});

describe('canonicalJson', () => {
	// Webhook bodies are refused far shallower (delivery.ts); this bound guards every other caller.
	it('describes a value nested 64 levels deep, and refuses one at 65, in arrays and in objects', () => {
		expect(canonicalJson(nestedArrays(64))).toBe(`${'['.repeat(64)}1${']'.repeat(64)}`);
		expect(canonicalJson(nestedObjects(64))).toBe(`${'{"a":'.repeat(64)}1${'}'.repeat(64)}`);
		expect(() => canonicalJson(nestedArrays(65))).toThrow(
			new RangeError('Value nested too deeply to fingerprint'),
		);
		expect(() => canonicalJson(nestedObjects(65))).toThrow(
			new RangeError('Value nested too deeply to fingerprint'),
		);
	});
});
