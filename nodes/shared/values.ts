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

export function unixNow(): number {
	return Math.floor(Date.now() / 1000);
}
