import {
	NodeApiError,
	NodeOperationError,
	sleep,
	type ICredentialDataDecryptedObject,
	type IDataObject,
	type IExecuteFunctions,
	type IHttpRequestMethods,
	type IHttpRequestOptions,
	type ILoadOptionsFunctions,
	type INode,
	type IWebhookFunctions,
	type JsonObject,
} from 'n8n-workflow';

/** What the shared transport needs to know about a provider's REST API. */
export interface ProviderApi {
	providerName: string;
	credentialType: string;
	/** The API root, always rebuilt from the credential: never from a URL found in a payload. */
	baseUrl(credentials: ICredentialDataDecryptedObject): string;
	/** Shown when the API answers 401. */
	authenticationHint: string;
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
}

export interface ApiResponse<Body = unknown> {
	statusCode: number;
	body: Body;
	headers: IDataObject;
}

export type ApiContext = IExecuteFunctions | IWebhookFunctions | ILoadOptionsFunctions;

const MAX_ATTEMPTS = 3;
const MAX_RETRY_DELAY_MS = 30_000;
const REQUEST_TIMEOUT_MS = 60_000;
const RETRYABLE = new Set([429, 502, 503, 504]);

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

	for (let attempt = 1; ; attempt++) {
		if (timeLeft() <= 0) throw outOfTime(context.getNode(), api, itemIndex);
		options.timeout = Math.min(REQUEST_TIMEOUT_MS, Math.ceil(timeLeft()));
		let response: ApiResponse<Body>;
		try {
			response = (await context.helpers.httpRequestWithAuthentication.call(
				context,
				api.credentialType,
				options,
			)) as ApiResponse<Body>;
		} catch (error) {
			if (timeLeft() <= 0) throw outOfTime(context.getNode(), api, itemIndex);
			throw unreachable(context.getNode(), api, error, itemIndex);
		}
		const { statusCode } = response;
		if ((statusCode >= 200 && statusCode < 300) || call.returnStatuses?.includes(statusCode))
			return response;
		const retryable = RETRYABLE.has(statusCode) && (call.method === 'GET' || statusCode === 429);
		const delay = retryDelayMs(response.headers, attempt);
		if (!retryable || attempt >= MAX_ATTEMPTS || delay >= timeLeft()) {
			throw apiError(context.getNode(), api, statusCode, response.body, {
				itemIndex,
				attempts: attempt,
			});
		}
		await sleep(delay);
	}
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

function bodyText(body: unknown): unknown {
	if (Buffer.isBuffer(body)) {
		try {
			return JSON.parse(body.toString('utf8'));
		} catch {
			return undefined;
		}
	}
	return body;
}

const MAX_DETAIL_LENGTH = 300;

/**
 * The provider's own explanation, reduced to its message strings and field paths. Echoed input values
 * (FastAPI's `input`, `ctx`) are left out: they may be patient data.
 */
export function providerDetails(body: unknown): string | undefined {
	const parsed = bodyText(body);
	if (typeof parsed === 'string') return parsed.trim().slice(0, MAX_DETAIL_LENGTH) || undefined;
	if (typeof parsed !== 'object' || parsed === null) return undefined;
	const record = parsed as IDataObject;
	const parts: string[] = [];
	const detail = record.detail;
	if (Array.isArray(detail)) {
		for (const entry of detail as IDataObject[]) {
			const location = Array.isArray(entry?.loc) ? (entry.loc as unknown[]).join('.') : undefined;
			const message = typeof entry?.msg === 'string' ? entry.msg : undefined;
			if (message) parts.push(location ? `${location}: ${message}` : message);
		}
	} else if (typeof detail === 'string') {
		parts.push(detail);
	} else if (typeof detail === 'object' && detail !== null) {
		const nested = detail as IDataObject;
		for (const key of ['error_message', 'error_type', 'message']) {
			if (typeof nested[key] === 'string') parts.push(nested[key] as string);
		}
	}
	for (const key of ['message', 'error', 'title']) {
		// Some APIs send one message, others a list of them.
		const values = Array.isArray(record[key]) ? (record[key] as unknown[]) : [record[key]];
		for (const value of values)
			if (typeof value === 'string' && !parts.includes(value)) parts.push(value);
	}
	const text = parts.join('; ').slice(0, MAX_DETAIL_LENGTH);
	return text || undefined;
}

interface ErrorContext {
	itemIndex?: number;
	attempts?: number;
}

export function apiError(
	node: INode,
	api: ProviderApi,
	statusCode: number,
	body: unknown,
	{ itemIndex, attempts = 1 }: ErrorContext = {},
): NodeApiError {
	const details = providerDetails(body);
	const provider = api.providerName;
	const withDetails = (text: string) => (details ? `${text} ${provider} said: ${details}` : text);
	let message: string;
	let description: string;
	switch (true) {
		case statusCode === 401:
			message = `${provider} did not accept the credential`;
			description = api.authenticationHint;
			break;
		case statusCode === 403:
			message = `${provider} refused access to this resource`;
			description = withDetails('The credential is valid but not allowed to do this.');
			break;
		case statusCode === 404:
			message = `${provider} has no such resource`;
			description = withDetails(
				'Check the ID, and that it belongs to the environment the credential points at.',
			);
			break;
		case statusCode === 429:
			message = `${provider} is limiting the request rate`;
			description = `Still refused after ${attempts} attempt(s) with back-off. Try again later, or slow the workflow down.`;
			break;
		case statusCode >= 500:
			message = `${provider} could not handle the request (HTTP ${statusCode})`;
			description = withDetails(`This is on ${provider}'s side; tried ${attempts} time(s).`);
			break;
		default:
			message = `${provider} rejected the request (HTTP ${statusCode})`;
			description = withDetails('Check the parameters of this operation.');
	}
	return new NodeApiError(node, { httpCode: String(statusCode), provider } as JsonObject, {
		message,
		description,
		httpCode: String(statusCode),
		itemIndex,
	});
}

function outOfTime(node: INode, api: ProviderApi, itemIndex?: number): NodeApiError {
	return new NodeApiError(node, { code: 'DEADLINE' } as JsonObject, {
		message: `${api.providerName} did not answer in time`,
		itemIndex,
	});
}

function unreachable(
	node: INode,
	api: ProviderApi,
	error: unknown,
	itemIndex?: number,
): NodeApiError {
	// Only the error code travels on: the underlying error holds request headers, including credentials.
	const code = (error as { code?: unknown })?.code;
	return new NodeApiError(
		node,
		{ code: typeof code === 'string' ? code : 'UNKNOWN' } as JsonObject,
		{
			message: `Could not reach ${api.providerName}`,
			description: `${typeof code === 'string' ? `${code}. ` : ''}Check the environment or base URL in the credential, and that n8n can reach it.`,
			itemIndex,
		},
	);
}

export function requireValue(
	node: INode,
	value: string,
	label: string,
	itemIndex?: number,
): string {
	const trimmed = value.trim();
	if (!trimmed) {
		throw new NodeOperationError(node, `${label} is empty`, {
			description: `Enter the ${label} to look up.`,
			itemIndex,
		});
	}
	return trimmed;
}
