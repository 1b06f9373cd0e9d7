import type { ICredentialDataDecryptedObject, IHttpRequestOptions } from 'n8n-workflow';

import {
	JUNCTION_MANAGEMENT_BASE_URL,
	JunctionManagementApi,
} from '../../../credentials/JunctionManagementApi.credentials';
import {
	JUNCTION_MANAGEMENT_BASE_URL as NODE_BASE_URL,
	junctionManagementApi,
} from '../../../nodes/Junction/managementApi';
import { evaluateCredentialExpression } from '../../support/expressions';
import {
	JUNCTION_MANAGEMENT_FAKE_KEY,
	JUNCTION_MANAGEMENT_NO_PLAN_KEY,
	JUNCTION_MANAGEMENT_ORG_ID,
	JUNCTION_MANAGEMENT_TEAM_ID,
	JunctionManagementFake,
} from '../../../dev/fakes/junction/managementApi';
import { authenticationFor, performRequest } from '../../support/http';

/** The Management credential: its fields, its header, and its test request against the fake over HTTP. */
const credential = new JunctionManagementApi();
const management = new JunctionManagementFake();

beforeAll(async () => {
	await management.start();
});

afterAll(async () => {
	await management.stop();
});

/** Resolves each `{{ … }}` of a credential template as n8n would for these expressions. */
function resolve(template: string, credentials: ICredentialDataDecryptedObject): string {
	return template
		.replace(/^=/, '')
		.replace(/\{\{(.+?)\}\}/g, (_, expression: string) =>
			String(evaluateCredentialExpression(`={{${expression}}}`, credentials)),
		);
}

async function runCredentialTest(
	fields: Partial<ICredentialDataDecryptedObject>,
): Promise<{ status: number; message?: string }> {
	const credentials = {
		managementApiKey: JUNCTION_MANAGEMENT_FAKE_KEY,
		orgId: JUNCTION_MANAGEMENT_ORG_ID,
		teamId: JUNCTION_MANAGEMENT_TEAM_ID,
		baseUrl: `${management.url}/`,
		...fields,
	} as ICredentialDataDecryptedObject;
	const { request, rules } = credential.test;
	const response = (await performRequest({
		method: 'GET',
		baseURL: resolve(String(request.baseURL), credentials),
		url: resolve(String(request.url), credentials),
		qs: request.qs,
		headers: authenticationFor(credential.name, credentials),
		json: true,
		returnFullResponse: true,
		ignoreHttpStatusErrors: true,
	} as IHttpRequestOptions)) as { statusCode: number };
	const rule = rules?.find(
		(candidate) =>
			candidate.type === 'responseCode' && candidate.properties.value === response.statusCode,
	);
	return {
		status: response.statusCode,
		message: rule?.type === 'responseCode' ? rule.properties.message : undefined,
	};
}

describe('Junction (Vital) Management API credential', () => {
	it('keeps only the Management Key in a password field', () => {
		const passwords = credential.properties.filter((property) => property.typeOptions?.password);
		expect(passwords.map((property) => property.name)).toEqual(['managementApiKey']);
	});

	it('defaults to the production Management API, the same host the node falls back to', () => {
		// The host Junction documents for the Management API (reference/junction.md).
		expect(JUNCTION_MANAGEMENT_BASE_URL).toBe('https://api.management.junction.com');
		expect(credential.properties.find((property) => property.name === 'baseUrl')?.default).toBe(
			JUNCTION_MANAGEMENT_BASE_URL,
		);
		expect(NODE_BASE_URL).toBe(JUNCTION_MANAGEMENT_BASE_URL);
		expect(junctionManagementApi.baseUrl({ baseUrl: '' })).toBe(JUNCTION_MANAGEMENT_BASE_URL);
		expect(junctionManagementApi.baseUrl({ baseUrl: ' http://127.0.0.1:8/ ' })).toBe(
			'http://127.0.0.1:8',
		);
	});

	it('sends the key as X-Management-Key', () => {
		expect(authenticationFor(credential.name, { managementApiKey: 'mg_x' })).toEqual({
			'X-Management-Key': 'mg_x',
		});
	});

	it("tests by listing one of the team's production webhook endpoints", async () => {
		management.requests.length = 0;
		await expect(runCredentialTest({})).resolves.toEqual({ status: 200, message: undefined });
		expect(management.requests[0]).toMatchObject({
			method: 'GET',
			path: `/v1/org/${JUNCTION_MANAGEMENT_ORG_ID}/team/${JUNCTION_MANAGEMENT_TEAM_ID}/production/webhook`,
			query: { limit: '1' },
		});
	});

	it.each([
		[{ managementApiKey: 'mg_wrong' }, 401, 'did not accept the Management Key'],
		[{ managementApiKey: JUNCTION_MANAGEMENT_NO_PLAN_KEY }, 403, 'Scale plan'],
		[{ teamId: '11111111-2222-4333-8444-555555555555' }, 404, 'check Org ID and Team ID'],
		[{ orgId: 'not-a-uuid' }, 422, 'must be UUIDs'],
	])('explains a refusal: %o answers %i', async (fields, status, message) => {
		const result = await runCredentialTest(fields);
		expect(result.status).toBe(status);
		expect(result.message).toContain(message);
	});
});
