import type { IDataObject, IWebhookFunctions, IWebhookResponseData } from 'n8n-workflow';

import type { HeaderMap } from './verdict';

/** Lab webhooks are a few kilobytes; anything far larger is refused before it is parsed. */
export const MAX_BODY_BYTES = 1024 * 1024;

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
	return delivery.parsedJson
		? { ok: true, body: delivery.parsedJson }
		: jsonObjectFrom(delivery.rawBody);
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

export type DeliveryStatus = 'accepted' | 'ignored' | 'duplicate' | 'rejected';

/** Answers the sender directly and tells n8n not to answer again. */
export function respond(
	context: IWebhookFunctions,
	httpStatus: number,
	status: DeliveryStatus,
	message: string,
): IWebhookResponseData {
	context.getResponseObject().status(httpStatus).json({ status, message });
	return { noWebhookResponse: true };
}
