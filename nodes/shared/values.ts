import type { IDataObject } from 'n8n-workflow';

/** A non-empty string, or undefined: ids read from payloads that may not match their schema. */
export function text(value: unknown): string | undefined {
	return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The fields that hold a value: undefined, null and empty strings are left out. */
export function withoutEmpty<Fields extends IDataObject>(fields: Fields): Fields {
	return Object.fromEntries(
		Object.entries(fields).filter(
			([, value]) => value !== undefined && value !== null && value !== '',
		),
	) as Fields;
}

/**
 * A table's entry for a key that came from outside (a payload, a user's input): only the table's own
 * entries, never what every object inherits (`constructor`, `toString`, `__proto__`).
 */
export function ownEntry<Value>(
	table: Readonly<Record<string, Value>>,
	key: string,
): Value | undefined {
	return Object.hasOwn(table, key) ? table[key] : undefined;
}

export function unixNow(): number {
	return Math.floor(Date.now() / 1000);
}

/** The deepest value canonicalJson descends into; webhook bodies are refused well before this (delivery.ts). */
const MAX_CANONICAL_DEPTH = 64;

/**
 * JSON with every object's keys sorted and undefined values left out (as JSON.stringify leaves them
 * out): equal values give equal text whatever their key order. Fingerprints and create references
 * hash it, so it must never change for a value it already handles.
 */
export function canonicalJson(value: unknown, depth = 0): string {
	if (depth > MAX_CANONICAL_DEPTH) throw new RangeError('Value nested too deeply to fingerprint');
	if (Array.isArray(value))
		return `[${value.map((each) => canonicalJson(each, depth + 1)).join(',')}]`;
	if (typeof value === 'object' && value !== null) {
		const record = value as Record<string, unknown>;
		const entries = Object.keys(record)
			.filter((key) => record[key] !== undefined)
			.sort()
			.map((key) => `${JSON.stringify(key)}:${canonicalJson(record[key], depth + 1)}`);
		return `{${entries.join(',')}}`;
	}
	return JSON.stringify(value) ?? 'null';
}
