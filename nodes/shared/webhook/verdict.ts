/** Outcome of an authenticity check. `message` is safe to return to the sender: it never holds secrets or payload values. */
export type Verdict<Reason extends string> =
	| { ok: true }
	| { ok: false; reason: Reason; message: string };

export function reject<Reason extends string>(reason: Reason, message: string): Verdict<Reason> {
	return { ok: false, reason, message };
}

export type HeaderMap = Record<string, string | string[] | undefined>;

/** Express lower-cases header names; a repeated header arrives as an array, of which the first counts. */
export function headerValue(headers: HeaderMap, name: string): string | undefined {
	const value = headers[name.toLowerCase()];
	return Array.isArray(value) ? value[0] : value;
}
