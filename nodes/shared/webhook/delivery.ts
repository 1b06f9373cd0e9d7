import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import type { HeaderMap } from './verdict';

/** Lab webhooks are a few kilobytes; anything far larger is refused before it is parsed. */
export const MAX_BODY_BYTES = 1024 * 1024;
/**
 * The providers' payloads nest 5 levels at most (a Junction order event). Deeper bodies are refused
 * before anything walks them: every later step (fingerprint, privacy filter, n8n's own execution
 * storage) descends the tree.
 */
export const MAX_JSON_DEPTH = 32;

export interface Delivery {
	method: string;
	headers: HeaderMap;
	query: IDataObject;
	/** The exact bytes received: signatures are checked over these, never over re-serialised JSON. */
	rawBody: Buffer;
	/** The JSON object n8n's body parser already made of these bytes, reused rather than parsed twice. */
	parsedJson?: IDataObject;
	receivedAt: Date;
}

export async function readDelivery(context: IWebhookFunctions): Promise<Delivery> {
	const request = context.getRequestObject();
	if (!request.rawBody && request.method !== 'GET') await request.readRawBody();
	return {
		method: request.method,
		headers: context.getHeaderData() as HeaderMap,
		query: context.getQueryData() as IDataObject,
		rawBody: request.rawBody ?? Buffer.alloc(0),
		parsedJson: jsonParsedByN8n(request),
		receivedAt: new Date(),
	};
}

/**
 * For an application/json request n8n's body parser has run JSON.parse over the raw bytes before any node
 * runs (and answered 422 itself when that failed); its result is the same object our parse would give.
 * Any other content type leaves req.body unparsed or parsed as something else, so it is not used.
 */
function jsonParsedByN8n(
	request: ReturnType<IWebhookFunctions['getRequestObject']>,
): IDataObject | undefined {
	if (request.contentType !== 'application/json' || !request.rawBody?.length) return undefined;
	const body: unknown = request.body;
	return typeof body === 'object' && body !== null && !Array.isArray(body)
		? (body as IDataObject)
		: undefined;
}

export type BodyOutcome =
	| { ok: true; body: IDataObject }
	| { ok: false; status: 400 | 413 | 422; message: string };

/** The delivery's body as a JSON object: n8n's parse of it when there is one, our own otherwise. */
export function jsonBodyOf(delivery: Delivery): BodyOutcome {
	if (delivery.rawBody.length > MAX_BODY_BYTES) return tooLarge();
	if (nestsDeeperThan(delivery.rawBody, MAX_JSON_DEPTH)) return tooDeep();
	return delivery.parsedJson
		? { ok: true, body: delivery.parsedJson }
		: jsonObjectFrom(delivery.rawBody);
}

function tooDeep(): BodyOutcome {
	return { ok: false, status: 422, message: `The body nests deeper than ${MAX_JSON_DEPTH} levels` };
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/**
 * Whether JSON text opens more than `limit` objects or arrays inside each other. One pass over the
 * bytes, no recursion: brackets inside strings do not count. Not a validator; JSON.parse is one.
 */
export function nestsDeeperThan(bytes: Buffer, limit: number): boolean {
	let depth = 0;
	let inString = false;
	for (let index = 0; index < bytes.length; index++) {
		const byte = bytes[index];
		if (inString) {
			if (byte === BACKSLASH) index++;
			else if (byte === QUOTE) inString = false;
		} else if (byte === QUOTE) {
			inString = true;
		} else if (byte === 0x7b || byte === 0x5b) {
			if (++depth > limit) return true;
		} else if (byte === 0x7d || byte === 0x5d) {
			depth--;
		}
	}
	return false;
}

function tooLarge(): BodyOutcome {
	return {
		ok: false,
		status: 413,
		message: `The body is larger than ${MAX_BODY_BYTES / 1024} KiB`,
	};
}

/** Decodes the raw body as a JSON object, with a distinct answer for each way it can be unusable. */
export function jsonObjectFrom(rawBody: Buffer): BodyOutcome {
	if (rawBody.length > MAX_BODY_BYTES) return tooLarge();
	if (nestsDeeperThan(rawBody, MAX_JSON_DEPTH)) return tooDeep();
	const decoded = rawBody.toString('utf8');
	const text = decoded.charCodeAt(0) === 0xfeff ? decoded.slice(1) : decoded;
	if (isBlank(text)) {
		return { ok: false, status: 400, message: 'The body is empty; a JSON object was expected' };
	}
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		return { ok: false, status: 422, message: 'The body is not valid JSON' };
	}
	if (typeof value !== 'object' || value === null || Array.isArray(value)) {
		return { ok: false, status: 422, message: 'The body is JSON but not an object' };
	}
	return { ok: true, body: value as IDataObject };
}

/** Whether the text is empty or only whitespace, without copying it (bodies are mostly JSON objects). */
function isBlank(text: string): boolean {
	const first = text.charCodeAt(0);
	// '{' or '[' (the usual case) is not whitespace: done without scanning.
	if (first === 0x7b || first === 0x5b) return false;
	return text.trim().length === 0;
}

export type DeliveryStatus = 'accepted' | 'ignored' | 'duplicate' | 'busy' | 'rejected';

export interface DeliveryAnswer extends IDataObject {
	status: DeliveryStatus;
	message: string;
	deliveryId?: string;
}

/**
 * Answers the sender directly and tells n8n not to answer again: for deliveries that start no run.
 * A delivery that starts one is answered by n8n, once the execution exists.
 */
export function respond(
	context: IWebhookFunctions,
	httpStatus: number,
	answer: DeliveryAnswer,
	headers: Record<string, string> = {},
): IWebhookResponseData {
	const response = context.getResponseObject();
	for (const [name, value] of Object.entries(headers)) response.setHeader(name, value);
	response.status(httpStatus).json(answer);
	return { noWebhookResponse: true };
}
