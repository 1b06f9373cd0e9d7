import { NodeApiError, type IDataObject, type INode, type JsonObject } from 'n8n-workflow';

import type { ProviderApi } from './api';

// Errors that say what a provider answered in plain language, with the provider's own words but never
// what was sent (echoed input may be patient data) nor a request header (it holds the credential).

/** A body read as bytes (a PDF request) parsed as JSON where it is JSON. */
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

export function outOfTime(node: INode, api: ProviderApi, itemIndex?: number): NodeApiError {
	return new NodeApiError(node, { code: 'DEADLINE' } as JsonObject, {
		message: `${api.providerName} did not answer in time`,
		itemIndex,
	});
}

export function unreachable(
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
