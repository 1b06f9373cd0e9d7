import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IHookFunctions,
	type IHttpRequestMethods,
	type JsonObject,
} from 'n8n-workflow';

import { apiPath, callApi, trimBaseUrl, type ProviderApi } from '../shared/transport/api';
import { providerDetails } from '../shared/transport/apiErrors';

/**
 * Junction's Management API for the webhook endpoints of one team and environment
 * (`/v1/org/{org_id}/team/{team_id}/{environment}/webhook`, `X-Management-Key`, Scale plan). Its spec
 * documents only 200 (204 for DELETE) and 422, so every other refusal is read for all it may mean:
 * 401 and 403 for a key that is not accepted as well as for a plan without the Management API, 404
 * for unknown ids as well as for an organisation without the API. Messages never carry a secret.
 */
export const JUNCTION_MANAGEMENT_BASE_URL = 'https://api.management.junction.com';

export type JunctionEnvironment = 'production' | 'sandbox';

/** An endpoint as the Management API returns it (`Webhook`); only the fields the trigger reads. */
export interface ManagedWebhook {
	id: string;
	url: string;
	description?: string | null;
	filter_types?: string[] | null;
	disabled?: boolean | null;
}

/** What the trigger sends when it creates or updates an endpoint (`CreateWebhookBody`, `PatchWebhookBody`). */
export type WebhookChanges = {
	url?: string;
	description?: string;
	filter_types?: string[] | null;
	disabled?: boolean;
};

export const junctionManagementApi: ProviderApi = {
	providerName: 'Junction Management API',
	credentialType: 'junctionManagementApi',
	baseUrl: (credentials) =>
		trimBaseUrl(String(credentials.baseUrl ?? '')) || JUNCTION_MANAGEMENT_BASE_URL,
	authenticationHint:
		'Check the Management Key in the Junction (Vital) Management API credential, or set Webhook Setup to Manual.',
};

/** The statuses the trigger explains itself; anything else goes through the shared error mapping. */
const REFUSALS = [401, 403, 404, 422];

/** One page of the list (the documented default); at most this many pages are read. */
const PAGE_SIZE = 50;
const MAX_PAGES = 40;

const SWITCH_TO_MANUAL =
	'Fix the Junction (Vital) Management API credential, or set Webhook Setup to Manual and add the URL in the Junction dashboard.';

async function teamPath(context: IHookFunctions, environment: JunctionEnvironment) {
	const credentials = await context.getCredentials(junctionManagementApi.credentialType);
	const orgId = String(credentials.orgId ?? '').trim();
	const teamId = String(credentials.teamId ?? '').trim();
	return {
		orgId,
		teamId,
		path: apiPath('/v1/org', orgId, 'team', teamId, environment, 'webhook'),
	};
}

/** The places a FastAPI 422 points at, e.g. `path` (an id in the URL) or `filter_types` (a body field). */
function refusedPlaces(body: unknown): string[] {
	const detail = (body as IDataObject | undefined)?.detail;
	if (!Array.isArray(detail)) return [];
	return detail.flatMap((entry) => {
		const location = (entry as IDataObject | undefined)?.loc;
		return Array.isArray(location) ? location.map(String) : [];
	});
}

/** A refusal explained for someone activating a workflow: what it may mean, and what to do. */
export function managementRefusal(
	context: IHookFunctions,
	statusCode: number,
	body: unknown,
	ids: { orgId: string; teamId: string },
	webhookUrl?: string,
): NodeApiError {
	const details = providerDetails(body);
	const said = details ? ` Junction said: ${details}` : '';
	let message: string;
	let description: string;
	if (statusCode === 401) {
		message =
			'Junction did not accept the Management Key (HTTP 401): it is wrong or revoked, or the plan has no Management API (Scale plan)';
		description = `Junction answers 401 for a key it does not know, and may answer so for an organisation whose plan lacks the Management API. ${SWITCH_TO_MANUAL}${said}`;
	} else if (statusCode === 403) {
		message =
			'Junction refused webhook management with this Management Key (HTTP 403): the plan has no Management API (Scale plan), or the key may not manage this team';
		description = `The key was read but not allowed to manage the webhooks of team ${ids.teamId}. ${SWITCH_TO_MANUAL}${said}`;
	} else if (statusCode === 404) {
		message = `Junction knows no team ${ids.teamId} in organisation ${ids.orgId} (HTTP 404): check Org ID and Team ID in the Management credential`;
		description = `The team must be the one of the API key in the Junction (Vital) API credential. Junction may also answer 404 when the Management API is not available to the organisation. ${SWITCH_TO_MANUAL}${said}`;
	} else if (refusedPlaces(body).includes('path')) {
		message = `Junction refused the Org ID or Team ID (HTTP ${statusCode}): both must be UUIDs`;
		description = `Copy them from the Junction dashboard into the Management credential.${said}`;
	} else if (refusedPlaces(body).includes('filter_types') && !refusedPlaces(body).includes('url')) {
		message = `Junction refused the selected event types (HTTP ${statusCode})`;
		description = `Select All Events, or only the events Junction offers for this team.${said}`;
	} else if (!webhookUrl) {
		message = `Junction refused the request (HTTP ${statusCode})`;
		description = `Check Org ID and Team ID in the Management credential.${said}`;
	} else {
		message = `Junction refused the webhook URL ${webhookUrl} (HTTP ${statusCode}): it must be a public https address. Set n8n's WEBHOOK_URL environment variable to the public URL of n8n.`;
		description = `Junction can only deliver to an address it can reach; n8n builds the URL from WEBHOOK_URL (or its host and port).${said}`;
	}
	return new NodeApiError(
		context.getNode(),
		{ httpCode: String(statusCode), provider: 'Junction Management API' } as JsonObject,
		{ message, description, httpCode: String(statusCode) },
	);
}

interface ManagementCall {
	method: IHttpRequestMethods;
	/** Below the team's webhook path. */
	segments?: string[];
	qs?: IDataObject;
	body?: IDataObject;
	/** Statuses the caller handles itself (404 of an endpoint that is gone). */
	expected?: number[];
	webhookUrl?: string;
}

async function manage<Body>(
	context: IHookFunctions,
	environment: JunctionEnvironment,
	call: ManagementCall,
): Promise<{ statusCode: number; body: Body }> {
	const { orgId, teamId, path } = await teamPath(context, environment);
	let response: { statusCode: number; body: Body };
	try {
		response = await callApi<Body>(context, junctionManagementApi, {
			method: call.method,
			path: apiPath(path, ...(call.segments ?? [])),
			qs: call.qs,
			body: call.body,
			returnStatuses: REFUSALS,
		});
	} catch (error) {
		throw unreachable(context, error);
	}
	const { statusCode, body } = response;
	if (statusCode < 300 || call.expected?.includes(statusCode)) return { statusCode, body };
	throw managementRefusal(context, statusCode, body, { orgId, teamId }, call.webhookUrl);
}

/**
 * An HTTP answer (a 5xx, a 429 after retries) stays as the shared transport explains it; no answer at
 * all becomes an error that names the Management API, which n8n's generic "refused the connection"
 * does not.
 */
function unreachable(context: IHookFunctions, error: unknown): NodeApiError | NodeOperationError {
	if (!(error instanceof NodeApiError))
		return new NodeOperationError(context.getNode(), error as Error);
	const code = error.httpCode;
	if (!code || /^\d{3}$/.test(code)) return error;
	// The code goes in the description: n8n rewrites a message naming it into a generic one.
	return new NodeOperationError(context.getNode(), "Could not reach Junction's Management API", {
		description: `${code ? `${code}. ` : ''}Check the Base URL in the Junction (Vital) Management API credential, and that n8n can reach it.`,
	});
}

function asWebhook(context: IHookFunctions, body: unknown): ManagedWebhook {
	const webhook = body as ManagedWebhook | undefined;
	if (typeof webhook?.id !== 'string' || typeof webhook.url !== 'string') {
		throw new NodeApiError(context.getNode(), {} as JsonObject, {
			message: 'Junction answered without the webhook endpoint it was asked for',
			description: 'The Management API response had no endpoint id or url.',
		});
	}
	return webhook;
}

/** The endpoint, or undefined when Junction no longer has it (404). */
export async function getWebhook(
	context: IHookFunctions,
	environment: JunctionEnvironment,
	webhookId: string,
): Promise<ManagedWebhook | undefined> {
	const { statusCode, body } = await manage<unknown>(context, environment, {
		method: 'GET',
		segments: [webhookId],
		expected: [404],
	});
	return statusCode === 404 ? undefined : asWebhook(context, body);
}

/** The team's endpoint whose url is exactly `url`, reading every page (bounded). */
export async function findWebhookByUrl(
	context: IHookFunctions,
	environment: JunctionEnvironment,
	url: string,
): Promise<ManagedWebhook | undefined> {
	let cursor: string | undefined;
	const seen = new Set<string>();
	for (let page = 0; page < MAX_PAGES; page++) {
		const { body } = await manage<{ data?: unknown[]; next_cursor?: string | null }>(
			context,
			environment,
			{ method: 'GET', qs: { limit: PAGE_SIZE, ...(cursor ? { next_cursor: cursor } : {}) } },
		);
		const match = (body?.data ?? []).find(
			(entry) => (entry as ManagedWebhook | undefined)?.url === url,
		);
		if (match) return asWebhook(context, match);
		const next = body?.next_cursor;
		if (!next || seen.has(next)) return undefined;
		seen.add(next);
		cursor = next;
	}
	context.logger.warn(
		`${context.getNode().name}: stopped looking for an existing Junction endpoint after ${MAX_PAGES} pages`,
	);
	return undefined;
}

export async function createWebhook(
	context: IHookFunctions,
	environment: JunctionEnvironment,
	changes: WebhookChanges & { url: string },
): Promise<ManagedWebhook> {
	const { body } = await manage<unknown>(context, environment, {
		method: 'POST',
		body: changes,
		webhookUrl: changes.url,
	});
	return asWebhook(context, body);
}

export async function updateWebhook(
	context: IHookFunctions,
	environment: JunctionEnvironment,
	webhookId: string,
	changes: WebhookChanges,
): Promise<ManagedWebhook> {
	const { body } = await manage<unknown>(context, environment, {
		method: 'PATCH',
		segments: [webhookId],
		body: changes,
		webhookUrl: changes.url,
	});
	return asWebhook(context, body);
}

/** Deletes the endpoint; one that is already gone (404) counts as deleted. */
export async function deleteWebhook(
	context: IHookFunctions,
	environment: JunctionEnvironment,
	webhookId: string,
): Promise<'deleted' | 'gone'> {
	const { statusCode } = await manage<unknown>(context, environment, {
		method: 'DELETE',
		segments: [webhookId],
		expected: [404],
	});
	return statusCode === 404 ? 'gone' : 'deleted';
}

/** The endpoint's current signing secret (`whsec_…`). */
export async function getWebhookSecret(
	context: IHookFunctions,
	environment: JunctionEnvironment,
	webhookId: string,
): Promise<string> {
	const { body } = await manage<{ key?: unknown }>(context, environment, {
		method: 'GET',
		segments: [webhookId, 'secret'],
	});
	if (typeof body?.key !== 'string' || body.key.length === 0) {
		throw new NodeApiError(context.getNode(), {} as JsonObject, {
			message: 'Junction answered without the signing secret of the webhook endpoint',
			description: 'The Management API response had no key.',
		});
	}
	return body.key;
}
