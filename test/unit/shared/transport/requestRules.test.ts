import type { IExecuteFunctions, IHttpRequestOptions, NodeApiError } from 'n8n-workflow';

import {
	callApi,
	environmentBaseUrl,
	trimBaseUrl,
	withinDeadline,
	type ApiCall,
	type ProviderApi,
} from '../../../../nodes/shared/transport/api';
import { FakeServer } from '../../../../dev/fakes/fakeServer';
import { executeContext } from '../../../support/contexts';
import { TEST_LAB_API } from './testLabApi';

/**
 * The rules of `callApi` at their edges: deadlines to the millisecond, attempt bounds, which failures
 * carry the "may have happened" warning, and what each request asks of n8n. n8n's request helper is
 * replaced by a script (answers or thrown errors) and the clock is jest's, so every boundary is exact.
 */
const api = TEST_LAB_API;
const NOW = Date.parse('2026-12-07T12:00:00Z');
const MAY_HAVE_HAPPENED =
	'The request may have been carried out all the same: check before running it again. It was not repeated because it carries no idempotency key.';

type Step = { status: number; headers?: Record<string, string> } | { throws: unknown };

/** A context whose request helper plays `steps` in order (the last one repeats); `before` runs first. */
function scripted(steps: Step[], before?: () => void) {
	const context = executeContext({
		parameters: {},
		credentials: { junctionApi: { baseUrl: 'https://lab.example', apiKey: 'sk_us_test' } },
	});
	const sent: IHttpRequestOptions[] = [];
	const request = context.helpers.httpRequestWithAuthentication as unknown as jest.Mock;
	request.mockImplementation(async (_type: string, options: IHttpRequestOptions) => {
		sent.push({ ...options, headers: { ...options.headers } });
		before?.();
		const step = steps[Math.min(sent.length, steps.length) - 1];
		if ('throws' in step) throw step.throws;
		return { statusCode: step.status, headers: step.headers ?? {}, body: { status: step.status } };
	});
	return { context, sent };
}

/** The answer, or the error thrown, from NOW, with jest's clock run forward through any back-off. */
async function settle(
	context: IExecuteFunctions,
	call: Partial<ApiCall>,
	deadline?: number,
): Promise<unknown> {
	jest.setSystemTime(NOW);
	const request: ApiCall = { method: 'POST', path: '/orders', body: {}, ...call };
	const work = () => callApi(context, api, request);
	const outcome = (deadline === undefined ? work() : withinDeadline(context, deadline, work)).catch(
		(error: unknown) => error,
	);
	await jest.advanceTimersByTimeAsync(60_000);
	return await outcome;
}

beforeEach(() => {
	jest.useFakeTimers();
	jest.setSystemTime(NOW);
});
afterEach(() => jest.useRealTimers());

describe('a deadline set by withinDeadline', () => {
	it('sends nothing once it has come, to the millisecond', async () => {
		const { context, sent } = scripted([{ status: 200 }]);
		const error = (await settle(context, { method: 'GET' }, NOW)) as NodeApiError;
		expect(error.message).toBe('Test Lab did not answer in time');
		expect(sent).toHaveLength(0);
	});

	it('limits the request to the time left, and ends with the context', async () => {
		const { context, sent } = scripted([{ status: 200 }]);
		expect(await settle(context, { method: 'GET' }, NOW + 1_500)).toMatchObject({
			statusCode: 200,
		});
		expect(await settle(context, { method: 'GET' })).toMatchObject({ statusCode: 200 });
		expect(sent.map((options) => options.timeout)).toEqual([1_500, 60_000]);
	});

	it('turns a failure that ends exactly at the deadline into "did not answer in time"', async () => {
		const { context } = scripted([{ throws: { code: 'ECONNRESET' } }], () =>
			jest.setSystemTime(NOW + 1_000),
		);
		const error = (await settle(context, {}, NOW + 1_000)) as NodeApiError;
		expect(error.message).toBe('Test Lab did not answer in time');
	});

	it('never waits to retry when the wait would reach it', async () => {
		// A keyed write after a network error waits 1 s; a GET answered 503 waits its Retry-After.
		const network = scripted([{ throws: { code: 'ECONNRESET' } }]);
		const dropped = (await settle(
			network.context,
			{ idempotencyKey: 'k' },
			NOW + 1_000,
		)) as NodeApiError;
		expect(dropped.description).toMatch(/^ECONNRESET\. Check the environment/);
		expect(network.sent).toHaveLength(1);

		const busy = scripted([{ status: 503, headers: { 'retry-after': '1' } }, { status: 200 }]);
		const refused = (await settle(busy.context, { method: 'GET' }, NOW + 1_000)) as NodeApiError;
		expect(refused.message).toBe('Test Lab could not handle the request (HTTP 503)');
		expect(busy.sent).toHaveLength(1);

		const later = scripted([{ status: 503, headers: { 'retry-after': '1' } }, { status: 200 }]);
		expect(await settle(later.context, { method: 'GET' }, NOW + 1_001)).toMatchObject({
			statusCode: 200,
		});
		expect(later.sent).toHaveLength(2);
	});
});

describe('attempts', () => {
	it('a keyed write that never reaches the provider is sent 3 times, not more', async () => {
		const { context, sent } = scripted([{ throws: { code: 'ECONNRESET' } }]);
		const error = (await settle(context, { idempotencyKey: 'k' })) as NodeApiError;
		expect(error.description).toMatch(/^ECONNRESET\. Check the environment/);
		expect(sent).toHaveLength(3);
		expect(sent.map((options) => options.headers?.['X-Test-Idempotency-Key'])).toEqual([
			'k',
			'k',
			'k',
		]);
	});

	it('a 300 is not a success', async () => {
		const { context, sent } = scripted([{ status: 300 }]);
		const error = (await settle(context, { method: 'GET' })) as NodeApiError;
		expect(error.message).toBe('Test Lab rejected the request (HTTP 300)');
		expect(sent).toHaveLength(1);
	});
});

describe('the warning on a write without a key', () => {
	it('is given after a 500 and not after a 4xx, which the provider refused', async () => {
		const failed = (await settle(scripted([{ status: 500 }]).context, {})) as NodeApiError;
		expect(failed.description).toContain(MAY_HAVE_HAPPENED);
		for (const status of [400, 404, 499]) {
			const refused = (await settle(scripted([{ status }]).context, {})) as NodeApiError;
			expect(refused.description).not.toContain('may have been carried out');
		}
	});

	it.each(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH'])(
		'is not given after %s: the request never left',
		async (code) => {
			const error = (await settle(scripted([{ throws: { code } }]).context, {})) as NodeApiError;
			expect(error.description).toBe(
				`${code}. Check the environment or base URL in the credential, and that n8n can reach it.`,
			);
		},
	);

	it('is given after a reset connection, and after a thrown value that is not an error', async () => {
		for (const thrown of [{ code: 'ECONNRESET' }, undefined, null]) {
			const error = (await settle(scripted([{ throws: thrown }]).context, {})) as NodeApiError;
			expect(error.description).toMatch(/^(ECONNRESET\. )?Check the environment or base URL/);
			expect(error.description).toContain(MAY_HAVE_HAPPENED);
		}
	});

	it('stands alone, trimmed, after a timeout (ETIMEDOUT or ECONNABORTED)', async () => {
		for (const code of ['ETIMEDOUT', 'ECONNABORTED']) {
			const error = (await settle(scripted([{ throws: { code } }]).context, {})) as NodeApiError;
			expect(error.message).toBe('Test Lab did not answer in time');
			expect(error.description).toBe(MAY_HAVE_HAPPENED);
		}
	});
});

describe('what a request asks of n8n', () => {
	it('never sends the credential to another origin a redirect points at', async () => {
		const { context, sent } = scripted([{ status: 200 }]);
		await settle(context, { method: 'GET' });
		expect(sent[0]).toMatchObject({
			url: 'https://lab.example/orders',
			sendCredentialsOnCrossOriginRedirect: false,
			returnFullResponse: true,
			ignoreHttpStatusErrors: true,
		});
	});

	it('refuses, before sending, an idempotency key for a provider that takes none', async () => {
		const { context, sent } = scripted([{ status: 200 }]);
		const keyless: ProviderApi = { ...api, idempotencyKeyHeader: undefined };
		await expect(
			callApi(context, keyless, { method: 'POST', path: '/orders', idempotencyKey: 'k' }),
		).rejects.toThrow('Test Lab takes no idempotency key');
		expect(sent).toHaveLength(0);
	});
});

describe('Accept, on the wire', () => {
	const server = new FakeServer();
	beforeAll(async () => {
		jest.useRealTimers();
		server
			.route('GET', '/record', () => ({ status: 200, json: {} }))
			.route('GET', '/report.pdf', () => ({ status: 200, body: Buffer.from('%PDF-1.7') }));
		await server.start();
	});
	afterAll(async () => await server.stop());
	beforeEach(() => jest.useRealTimers());

	it('asks for JSON, or for a PDF when the body is a file', async () => {
		const context = executeContext({
			parameters: {},
			credentials: { junctionApi: { baseUrl: server.url, apiKey: 'sk_us_test' } },
		});
		await callApi(context, api, { method: 'GET', path: '/record' });
		await callApi(context, api, { method: 'GET', path: '/report.pdf', binary: true });
		expect(server.requests.map((request) => request.headers.accept)).toEqual([
			'application/json',
			'application/pdf, application/octet-stream',
		]);
	});
});

describe('the base URL', () => {
	const pick = environmentBaseUrl(
		{ production: 'https://api.lab.example', sandbox: 'https://sandbox.lab.example' },
		'production',
	);

	it('is the environment’s, the fallback for one it does not know, or the custom one', () => {
		expect(pick({ environment: 'sandbox' })).toBe('https://sandbox.lab.example');
		expect(pick({ environment: 'staging' })).toBe('https://api.lab.example');
		expect(pick({})).toBe('https://api.lab.example');
		expect(pick({ environment: 'custom', baseUrl: 'https://mine.example' })).toBe(
			'https://mine.example',
		);
		expect(pick({ environment: 'custom' })).toBe('');
		expect(pick({ environment: 'sandbox', baseUrl: 'https://mine.example' })).toBe(
			'https://sandbox.lab.example',
		);
	});

	it('loses surrounding spaces and every trailing slash', () => {
		expect(trimBaseUrl('  https://lab.example/api///  ')).toBe('https://lab.example/api');
		expect(trimBaseUrl('https://lab.example')).toBe('https://lab.example');
	});
});
