/**
 * A read from a provider that may find nothing without anything being wrong: results the lab has not
 * released, a PDF not produced yet, an order an undocumented endpoint will not return. Actions and
 * trigger enrichment read the same value; any other failure is still thrown.
 */
export type Fetched<T> = Found<T> | Missing;

export interface Found<T> {
	found: true;
	value: T;
}

/**
 * `notReady`: the provider is still working on it (results, a report).
 * `unavailable`: the provider will not return it (an endpoint this account does not have).
 */
export type MissingReason = 'notReady' | 'unavailable';

export interface Missing {
	found: false;
	reason: MissingReason;
	/** Why, in words for the output item. */
	message: string;
	/** What to throw where the caller cannot do without the value. */
	error?: Error;
}

export function found<T>(value: T): Found<T> {
	return { found: true, value };
}

export function missing(reason: MissingReason, message: string, error?: Error): Missing {
	return error ? { found: false, reason, message, error } : { found: false, reason, message };
}
