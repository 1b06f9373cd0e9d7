import {
	sleep,
	type NodeApiError,
	type ICredentialDataDecryptedObject,
	type IDataObject,
	type IExecuteFunctions,
	type IHookFunctions,
	type IHttpRequestMethods,
	type IHttpRequestOptions,
	type ILoadOptionsFunctions,
	type IPollFunctions,
	type ITriggerFunctions,
	type IWebhookFunctions,
} from 'n8n-workflow';

import { apiError, outOfTime, unreachable } from './apiErrors';

/** What the shared transport needs to know about a provider's REST API. */
export interface ProviderApi {
	providerName: string;
	credentialType: string;
	/** The API root, always rebuilt from the credential: never from a URL found in a payload. */
	baseUrl(credentials: ICredentialDataDecryptedObject): string;
	/** Shown when the API answers 401. */
	authenticationHint: string;
	/** The header an idempotency key travels in, for an API that takes one (Junction: X-Idempotency-Key). */
	idempotencyKeyHeader?: string;
}

export interface ApiCall {
	method: IHttpRequestMethods;
	/** Path below the base URL, built with `apiPath` so ids are encoded. */
	path: string;
	qs?: IDataObject;
	body?: IDataObject;
	headers?: IDataObject;
	/** Read the body as bytes (PDFs). */
	binary?: boolean;
	/** Error statuses the caller interprets itself (e.g. "not ready yet", a conflict): returned, not thrown. */
	returnStatuses?: number[];
	/**
	 * The idempotency key of a write, sent in the provider's `idempotencyKeyHeader`. The provider answers
	 * a repeat of the key with the first outcome, so such a write is retried like a GET: after a timeout,
	 * a network error, a 502/503/504, or a 409 (the first request with the key still in progress).
	 */
	idempotencyKey?: string;
	/** Per-attempt time limit, if not the default 60 s. */
	timeoutMs?: number;
}

export interface ApiResponse<Body = unknown> {
	statusCode: number;
	body: Body;
	headers: IDataObject;
}

/** Every n8n context a provider request is made from, as Airtable v2's transport takes them. */
export type ApiContext =
	| IExecuteFunctions
	| IWebhookFunctions
	| ITriggerFunctions
	| IPollFunctions
	| ILoadOptionsFunctions
	| IHookFunctions;

const MAX_ATTEMPTS = 3;
const MAX_RETRY_DELAY_MS = 30_000;
const REQUEST_TIMEOUT_MS = 60_000;
/** Retried for every call: the provider refused to start it. */
const RATE_LIMITED = 429;
/** Retried for calls that are safe to repeat (a GET, or a write with an idempotency key). */
const RETRYABLE_WHEN_SAFE = new Set([502, 503, 504]);
/** A write whose key is still being processed: repeated, the key answers with the first outcome. */
const KEY_IN_PROGRESS = 409;
/** Network errors after which the request surely never reached the provider. */
const NEVER_SENT = new Set([
	'ECONNREFUSED',
	'ENOTFOUND',
	'EAI_AGAIN',
	'EHOSTUNREACH',
	'ENETUNREACH',
]);

/** Deadlines (epoch ms) set by `withinDeadline` for the calls made in one context. */
const deadlines = new WeakMap<ApiContext, number>();

/**
 * Runs `work` with every provider request it makes in `context` bounded by the deadline: each request
 * times out when the deadline passes, and no retry waits beyond it. A trigger uses this so that
 * fetching full data never makes the sender wait past its own timeout.
 */
export async function withinDeadline<T>(
	context: ApiContext,
	deadline: number,
	work: () => Promise<T>,
): Promise<T> {
	deadlines.set(context, deadline);
	try {
		return await work();
	} finally {
		deadlines.delete(context);
	}
}

/** Joins path segments, percent-encoding each id so it cannot change the path. */
export function apiPath(...segments: Array<string | number>): string {
	return segments
		.map((segment, index) =>
			index === 0 ? String(segment) : encodeURIComponent(String(segment).trim()),
		)
		.join('/');
}

/** The base URL of a credential that picks one of `urls` by Environment, or a custom one. */
export function environmentBaseUrl(
	urls: Record<string, string>,
	fallback: string,
): ProviderApi['baseUrl'] {
	return (credentials) =>
		credentials.environment === 'custom'
			? String(credentials.baseUrl ?? '')
			: (urls[String(credentials.environment)] ?? urls[fallback]);
}

export function trimBaseUrl(url: string): string {
	return url.trim().replace(/\/+$/, '');
}

/**
 * One request to a provider's API, retried where that cannot do a thing twice:
 * - 429 is retried for every call (the provider did not start it);
 * - a GET, and a write carrying an idempotency key, are also retried on 502, 503 and 504;
 * - a write with a key is also retried after a timeout, a network error, or a 409 (its key in progress);
 * - a write without a key is never repeated after it may have reached the provider: its error says so.
 * Up to 3 attempts, honouring Retry-After, and never past a deadline set by `withinDeadline`.
 */
export async function callApi<Body = unknown>(
	context: ApiContext,
	api: ProviderApi,
	call: ApiCall,
	itemIndex?: number,
): Promise<ApiResponse<Body>> {
	const credentials = await context.getCredentials(api.credentialType);
	const options: IHttpRequestOptions = {
		method: call.method,
		url: `${trimBaseUrl(api.baseUrl(credentials))}${call.path}`,
		qs: call.qs,
		body: call.body,
		headers: {
			Accept: call.binary ? 'application/pdf, application/octet-stream' : 'application/json',
			...call.headers,
			...idempotencyHeader(api, call),
		},
		arrayFormat: 'repeat',
		json: !call.binary,
		encoding: call.binary ? 'arraybuffer' : undefined,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
		sendCredentialsOnCrossOriginRedirect: false,
		timeout: REQUEST_TIMEOUT_MS,
	};
	const deadline = deadlines.get(context);
	const timeLeft = () => (deadline === undefined ? Infinity : deadline - Date.now());
	const keyed = call.idempotencyKey !== undefined;
	const safe = call.method === 'GET' || keyed;

	for (let attempt = 1; ; attempt++) {
		if (timeLeft() <= 0) throw outOfTime(context.getNode(), api, itemIndex);
		options.timeout = Math.min(call.timeoutMs ?? REQUEST_TIMEOUT_MS, Math.ceil(timeLeft()));
		let response: ApiResponse<Body>;
		try {
			response = (await context.helpers.httpRequestWithAuthentication.call(
				context,
				api.credentialType,
				options,
			)) as ApiResponse<Body>;
		} catch (error) {
			if (timeLeft() <= 0) throw outOfTime(context.getNode(), api, itemIndex);
			const delay = retryDelayMs(undefined, attempt);
			if (keyed && attempt < MAX_ATTEMPTS && delay < timeLeft()) {
				await sleep(delay);
				continue;
			}
			const failure = timedOut(error)
				? outOfTime(context.getNode(), api, itemIndex)
				: unreachable(context.getNode(), api, error, itemIndex);
			if (!safe && mayHaveArrived(error)) warnMayHaveHappened(failure);
			throw failure;
		}
		const { statusCode } = response;
		if ((statusCode >= 200 && statusCode < 300) || call.returnStatuses?.includes(statusCode))
			return response;
		const retryable =
			statusCode === RATE_LIMITED ||
			(safe && RETRYABLE_WHEN_SAFE.has(statusCode)) ||
			(keyed && statusCode === KEY_IN_PROGRESS);
		const delay = retryDelayMs(response.headers, attempt);
		if (!retryable || attempt >= MAX_ATTEMPTS || delay >= timeLeft()) {
			const failure = apiError(context.getNode(), api, statusCode, response.body, {
				itemIndex,
				attempts: attempt,
			});
			if (!safe && statusCode >= 500) warnMayHaveHappened(failure);
			throw failure;
		}
		await sleep(delay);
	}
}

function idempotencyHeader(api: ProviderApi, call: ApiCall): IDataObject {
	if (call.idempotencyKey === undefined) return {};
	if (!api.idempotencyKeyHeader) throw new Error(`${api.providerName} takes no idempotency key`);
	return { [api.idempotencyKeyHeader]: call.idempotencyKey };
}

function timedOut(error: unknown): boolean {
	const code = (error as { code?: unknown })?.code;
	return code === 'ECONNABORTED' || code === 'ETIMEDOUT';
}

/** Whether a request that failed without an answer may still have been received. */
function mayHaveArrived(error: unknown): boolean {
	const code = (error as { code?: unknown })?.code;
	return typeof code !== 'string' || !NEVER_SENT.has(code);
}

/** A write without a key that failed after it may have been carried out: say so, and how to check. */
function warnMayHaveHappened(error: NodeApiError): void {
	error.description =
		`${error.description ?? ''} The request may have been carried out all the same: check before running it again. It was not repeated because it carries no idempotency key.`.trim();
}

/** GET one JSON record: `path` built with `apiPath`. */
export async function getRecord(
	context: ApiContext,
	api: ProviderApi,
	path: string,
	itemIndex?: number,
): Promise<IDataObject> {
	return (await callApi<IDataObject>(context, api, { method: 'GET', path }, itemIndex)).body;
}

/** Honours Retry-After (seconds or an HTTP date), else backs off 1 s, 2 s, 4 s… */
export function retryDelayMs(
	headers: IDataObject | undefined,
	attempt: number,
	now = Date.now(),
): number {
	const retryAfter = headers?.['retry-after'];
	if (typeof retryAfter === 'string' || typeof retryAfter === 'number') {
		const seconds = Number(retryAfter);
		const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(String(retryAfter)) - now;
		if (Number.isFinite(ms)) return Math.min(Math.max(ms, 0), MAX_RETRY_DELAY_MS);
	}
	return Math.min(1000 * 2 ** (attempt - 1), MAX_RETRY_DELAY_MS);
}
