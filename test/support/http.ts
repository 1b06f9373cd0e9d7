import type {
	IAuthenticateGeneric,
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	IHttpRequestOptions,
} from 'n8n-workflow';

import { HurdleApi } from '../../credentials/HurdleApi.credentials';
import { JunctionApi } from '../../credentials/JunctionApi.credentials';
import { JunctionManagementApi } from '../../credentials/JunctionManagementApi.credentials';
import { LondonMedicalLaboratoryApi } from '../../credentials/LondonMedicalLaboratoryApi.credentials';

/**
 * Enough of n8n's `httpRequestWithAuthentication` to run our transport over real HTTP outside n8n:
 * the auth headers each credential class declares, and the request options our code uses. No jest in
 * here, so the unit-test contexts and the benchmarks share it.
 */
const credentialTypes: ICredentialType[] = [
	new LondonMedicalLaboratoryApi(),
	new HurdleApi(),
	new JunctionApi(),
	new JunctionManagementApi(),
];

/** Resolves `={{$credentials.name}}` templates the way n8n does for these simple expressions. */
function resolveTemplate(template: unknown, credentials: ICredentialDataDecryptedObject): string {
	return String(template)
		.replace(/^=/, '')
		.replace(/\{\{\s*\$credentials\.(\w+)\s*\}\}/g, (_, key: string) =>
			String(credentials[key] ?? ''),
		);
}

/** The headers a credential type adds to every request (its `authenticate` block). */
export function authenticationFor(
	type: string,
	credentials: ICredentialDataDecryptedObject,
): IDataObject {
	const credentialType = credentialTypes.find((candidate) => candidate.name === type);
	const authenticate = credentialType?.authenticate as IAuthenticateGeneric | undefined;
	const headers: IDataObject = {};
	for (const [name, template] of Object.entries(authenticate?.properties.headers ?? {})) {
		headers[name] = resolveTemplate(template, credentials);
	}
	return headers;
}

function queryString(qs: IDataObject | undefined): string {
	const search = new URLSearchParams();
	for (const [key, value] of Object.entries(qs ?? {})) {
		if (value === undefined || value === null) continue;
		for (const entry of Array.isArray(value) ? value : [value]) search.append(key, String(entry));
	}
	const text = search.toString();
	return text ? `?${text}` : '';
}

/** Enough of n8n's httpRequest to exercise our transport over real HTTP. */
export async function performRequest(options: IHttpRequestOptions): Promise<unknown> {
	const url = `${options.baseURL ?? ''}${options.url}${queryString(options.qs)}`;
	const headers: Record<string, string> = {};
	for (const [name, value] of Object.entries(options.headers ?? {})) headers[name] = String(value);
	let body: string | undefined;
	if (options.body !== undefined && options.method !== 'GET') {
		body = typeof options.body === 'string' ? options.body : JSON.stringify(options.body);
		headers['content-type'] ??= 'application/json';
	}
	let response: Response;
	try {
		// Like n8n's axios: `timeout` bounds the whole request.
		const signal = options.timeout ? AbortSignal.timeout(options.timeout) : undefined;
		response = await fetch(url, { method: options.method ?? 'GET', headers, body, signal });
	} catch (error) {
		const timedOut = (error as Error).name === 'TimeoutError';
		throw Object.assign(new Error((error as Error).message), {
			code: timedOut ? 'ECONNABORTED' : (error as { cause?: { code?: string } }).cause?.code,
		});
	}
	const bytes = Buffer.from(await response.arrayBuffer());
	let parsed: unknown;
	if (options.encoding === 'arraybuffer') parsed = bytes;
	else if (bytes.length === 0) parsed = '';
	else {
		const text = bytes.toString('utf8');
		try {
			parsed = options.json ? JSON.parse(text) : text;
		} catch {
			parsed = text;
		}
	}
	if (!options.ignoreHttpStatusErrors && response.status >= 400) {
		throw Object.assign(new Error(`Request failed with status code ${response.status}`), {
			httpCode: response.status,
		});
	}
	if (!options.returnFullResponse) return parsed;
	return {
		statusCode: response.status,
		headers: Object.fromEntries(response.headers.entries()),
		body: parsed,
	};
}

/** `httpRequestWithAuthentication` over `performRequest`, for credentials given as plain objects. */
export async function authenticatedRequest(
	credentials: Record<string, ICredentialDataDecryptedObject>,
	type: string,
	options: IHttpRequestOptions,
): Promise<unknown> {
	const data = credentials[type];
	if (!data) throw new Error(`No credentials of type ${type} here`);
	return await performRequest({
		...options,
		headers: { ...options.headers, ...authenticationFor(type, data) },
	});
}
