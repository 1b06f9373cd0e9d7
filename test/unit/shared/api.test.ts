import { NodeApiError } from 'n8n-workflow';

import {
	apiPath,
	callApi,
	retryDelayMs,
	type ProviderApi,
} from '../../../nodes/shared/transport/api';
import { apiError, providerDetails } from '../../../nodes/shared/transport/apiErrors';
import { executeContext } from '../../support/contexts';
import { FakeServer } from '../../../dev/fakes/fakeServer';

describe('apiPath', () => {
	it('encodes ids so they cannot change the path', () => {
		expect(apiPath('/api/order', '../admin?x=1')).toBe('/api/order/..%2Fadmin%3Fx%3D1');
		expect(apiPath('/v3/order', ' id-1 ', 'result')).toBe('/v3/order/id-1/result');
	});
});

describe('retryDelayMs', () => {
	it('honours Retry-After in seconds or as a date, capped at 30 s', () => {
		expect(retryDelayMs({ 'retry-after': '2' }, 1)).toBe(2000);
		expect(retryDelayMs({ 'retry-after': '3600' }, 1)).toBe(30000);
		expect(retryDelayMs({ 'retry-after': new Date(10_000).toUTCString() }, 1, 5_000)).toBe(5000);
	});

	it('honours a number, and backs off as without it for a value it cannot read or a list', () => {
		expect(retryDelayMs({ 'retry-after': 3 }, 1)).toBe(3000);
		expect(retryDelayMs({ 'retry-after': 'soon' }, 2)).toBe(2000);
		expect(retryDelayMs({ 'retry-after': ['5'] }, 3)).toBe(4000);
	});

	it('backs off exponentially without it', () => {
		expect([1, 2, 3].map((attempt) => retryDelayMs({}, attempt))).toEqual([1000, 2000, 4000]);
	});
});

describe('providerDetails', () => {
	it('keeps field paths and messages of a FastAPI 422, never the echoed input', () => {
		const details = providerDetails({
			detail: [
				{
					loc: ['body', 'patient_details', 'first_name'],
					msg: 'String should match pattern',
					type: 'string_pattern_mismatch',
					input: 'José',
					ctx: { pattern: 'x' },
				},
			],
		});
		expect(details).toBe('body.patient_details.first_name: String should match pattern');
	});

	it('reads the common message shapes, from JSON bodies and from bytes', () => {
		expect(providerDetails({ message: 'Token is not valid.' })).toBe('Token is not valid.');
		expect(
			providerDetails({
				detail: { error_type: 'conflict', error_message: 'Client user id already exists' },
			}),
		).toBe('Client user id already exists; conflict');
		expect(
			providerDetails(Buffer.from('{"error":"Bad Request","message":"Transition not allowed"}')),
		).toBe('Transition not allowed; Bad Request');
		expect(
			providerDetails({
				message: ['quantity must be at least 1', 'countryCode must be 2 letters'],
			}),
		).toBe('quantity must be at least 1; countryCode must be 2 letters');
		expect(providerDetails(undefined)).toBeUndefined();
		expect(providerDetails('x'.repeat(1000))).toHaveLength(300);
	});
});

describe('callApi', () => {
	const server = new FakeServer();
	let attempts = 0;
	const api: ProviderApi = {
		providerName: 'Test Lab',
		credentialType: 'londonMedicalLaboratoryApi',
		baseUrl: (credentials) => String(credentials.baseUrl),
		authenticationHint: 'Check the token.',
	};

	beforeAll(async () => {
		server
			.route('GET', '/ok', (request) => ({
				status: 200,
				json: { auth: request.headers.authorization },
			}))
			.route('GET', '/busy', () =>
				++attempts < 3
					? { status: 429, headers: { 'retry-after': '0' }, json: {} }
					: { status: 200, json: { attempts } },
			)
			.route('POST', '/busy', () => ({ status: 503, json: { message: 'down' } }))
			.route('GET', '/denied', () => ({ status: 401, json: { message: 'Token is not valid.' } }))
			.route('GET', '/invalid', () => ({
				status: 422,
				json: {
					detail: [
						{ loc: ['body', 'email'], msg: 'value is not a valid email', input: 'jane@@example' },
					],
				},
			}));
		await server.start();
	});
	afterAll(async () => await server.stop());
	beforeEach(() => {
		attempts = 0;
		server.reset();
	});

	const context = () =>
		executeContext({
			parameters: {},
			credentials: {
				londonMedicalLaboratoryApi: { baseUrl: `${server.url}/`, apiToken: 'secret-token' },
			},
		});

	it('sends the credential’s auth header to the base URL from the credential', async () => {
		const response = await callApi<{ auth: string }>(context(), api, {
			method: 'GET',
			path: '/ok',
		});
		expect(response.statusCode).toBe(200);
		expect(response.body.auth).toBe('Bearer secret-token');
	});

	it('retries a 429 and succeeds', async () => {
		const response = await callApi<{ attempts: number }>(context(), api, {
			method: 'GET',
			path: '/busy',
		});
		expect(response.body.attempts).toBe(3);
		expect(server.requests).toHaveLength(3);
	});

	it('does not retry a POST that the server may have processed', async () => {
		await expect(
			callApi(context(), api, { method: 'POST', path: '/busy', body: {} }),
		).rejects.toThrow('Test Lab could not handle the request (HTTP 503)');
		expect(server.requests).toHaveLength(1);
	});

	it('turns 401 into credential guidance', async () => {
		const error = await callApi(context(), api, { method: 'GET', path: '/denied' }).catch(
			(caught: unknown) => caught,
		);
		expect(error).toBeInstanceOf(NodeApiError);
		expect((error as NodeApiError).message).toBe('Test Lab did not accept the credential');
		expect((error as NodeApiError).description).toBe('Check the token.');
	});

	it('explains a 422 without repeating the values sent', async () => {
		const error = (await callApi(context(), api, { method: 'GET', path: '/invalid' }).catch(
			(caught: unknown) => caught,
		)) as NodeApiError;
		expect(error.description).toContain('body.email: value is not a valid email');
		expect(
			JSON.stringify({ message: error.message, description: error.description }),
		).not.toContain('jane@@example');
	});

	it('returns, instead of throwing, the error statuses the caller says it handles', async () => {
		const response = await callApi(context(), api, {
			method: 'GET',
			path: '/invalid',
			returnStatuses: [404, 422],
		});
		expect(response.statusCode).toBe(422);
		await expect(
			callApi(context(), api, { method: 'GET', path: '/invalid', returnStatuses: [404] }),
		).rejects.toThrow('HTTP 422');
	});

	it('says the provider could not be reached, without leaking the request', async () => {
		const unreachable = executeContext({
			parameters: {},
			credentials: {
				londonMedicalLaboratoryApi: { baseUrl: 'http://127.0.0.1:9', apiToken: 'secret-token' },
			},
		});
		const error = (await callApi(unreachable, api, { method: 'GET', path: '/ok' }).catch(
			(caught: unknown) => caught,
		)) as NodeApiError;
		expect(error.message).toBe('Could not reach Test Lab');
		expect(JSON.stringify(error)).not.toContain('secret-token');
	});
});

describe('apiError', () => {
	it('maps each status family to a message that says what to do', () => {
		const node = executeContext({ parameters: {}, credentials: {} }).getNode();
		const api = {
			providerName: 'Lab',
			credentialType: 'x',
			baseUrl: () => '',
			authenticationHint: 'hint',
		};
		expect(apiError(node, api, 404, {}).message).toBe('Lab has no such resource');
		expect(apiError(node, api, 403, {}).message).toBe('Lab refused access to this resource');
		expect(apiError(node, api, 429, {}, { attempts: 3 }).description).toContain('3 attempt(s)');
		expect(apiError(node, api, 500, {}).message).toBe(
			'Lab could not handle the request (HTTP 500)',
		);
		expect(apiError(node, api, 400, { message: 'bad sku' }).description).toContain(
			'Lab said: bad sku',
		);
	});
});
