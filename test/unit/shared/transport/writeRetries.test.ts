/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test support runs in Node, not inside n8n */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

import type { NodeApiError } from 'n8n-workflow';

import { callApi, type ApiCall } from '../../../../nodes/shared/transport/api';
import { executeContext } from '../../../support/contexts';
import { TEST_LAB_API } from './testLabApi';

/**
 * The write-retry rule over real HTTP: a write (any method but GET) is repeated after a timeout, a
 * network error or a 5xx only when it carries an idempotency key; a 429 is repeated for every call.
 * The server answers each path with a script of failures, then 200.
 */
type Failure = 'timeout' | 'drop' | number;

interface Seen {
	method: string;
	path: string;
	key?: string;
}

const seen: Seen[] = [];
const scripts = new Map<string, Failure[]>();

function handle(request: IncomingMessage, response: ServerResponse): void {
	const path = request.url ?? '/';
	request.resume();
	request.on('end', () => {
		const header = request.headers['x-test-idempotency-key'];
		seen.push({
			method: request.method ?? '',
			path,
			key: typeof header === 'string' ? header : undefined,
		});
		const failure = scripts.get(path)?.shift();
		if (failure === 'drop') return void request.socket.destroy();
		if (failure === 'timeout') return; // never answered: the caller's time limit ends it
		const status = failure ?? 200;
		response.writeHead(status, {
			'content-type': 'application/json',
			...(status === 200 ? {} : { 'retry-after': '0' }),
		});
		response.end(JSON.stringify(status === 200 ? { done: path } : { detail: `HTTP ${status}` }));
	});
}

let server: Server;
let baseUrl = '';

beforeAll(async () => {
	server = createServer(handle);
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
	server.closeAllConnections();
	await new Promise<void>((resolve) => server.close(() => resolve()));
});
beforeEach(() => {
	seen.length = 0;
	scripts.clear();
});

const api = TEST_LAB_API;

function context(url = baseUrl) {
	return executeContext({
		parameters: {},
		credentials: { junctionApi: { baseUrl: url, apiKey: 'sk_us_test', environment: 'custom' } },
	});
}

/** Calls `path` after scripting its failures; the answer, or the error thrown. */
async function call(path: string, failures: Failure[], request: Partial<ApiCall> = {}) {
	scripts.set(path, [...failures]);
	try {
		return await callApi<{ done: string }>(context(), api, {
			method: 'POST',
			path,
			body: {},
			// Only a request the server leaves unanswered needs a short limit; loaded machines are slow.
			...(failures.includes('timeout') ? { timeoutMs: 1000 } : {}),
			...request,
		});
	} catch (error) {
		return error as NodeApiError;
	}
}

const MAY_HAVE_HAPPENED = 'may have been carried out all the same';

describe('a write without an idempotency key', () => {
	it.each([
		['a 503', 503, 'Test Lab could not handle the request (HTTP 503)'],
		['a 502', 502, 'Test Lab could not handle the request (HTTP 502)'],
		['a timeout', 'timeout' as const, 'Test Lab did not answer in time'],
		['a dropped connection', 'drop' as const, 'Could not reach Test Lab'],
	])(
		'is sent once after %s, and the error says it may have happened',
		async (_, failure, message) => {
			const error = await call('/orders', [failure]);
			expect((error as NodeApiError).message).toBe(message);
			expect((error as NodeApiError).description).toContain(MAY_HAVE_HAPPENED);
			expect(seen).toEqual([{ method: 'POST', path: '/orders', key: undefined }]);
		},
	);

	it('is repeated after a 429, which the provider did not start', async () => {
		const answer = await call('/orders', [429, 429]);
		expect(answer).toMatchObject({ statusCode: 200, body: { done: '/orders' } });
		expect(seen).toHaveLength(3);
	});

	it('is not said to have maybe happened when it never left (connection refused)', async () => {
		const closed = createServer();
		await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
		const { port } = closed.address() as AddressInfo;
		await new Promise<void>((resolve) => closed.close(() => resolve()));
		const error = (await callApi(context(`http://127.0.0.1:${port}`), api, {
			method: 'PATCH',
			path: '/orders/1',
			body: {},
		}).catch((caught: unknown) => caught)) as NodeApiError;
		expect(error.message).toBe('The service refused the connection - perhaps it is offline');
		expect(error.description).not.toContain(MAY_HAVE_HAPPENED);
	});
});

describe('a write with an idempotency key', () => {
	it.each([
		['a 503', 503],
		['a 504', 504],
		['a timeout', 'timeout' as const],
		['a dropped connection', 'drop' as const],
		['a 409 while the key is in progress', 409],
	])('is repeated with the same key after %s', async (_, failure) => {
		const answer = await call('/orders', [failure], { idempotencyKey: 'key-1' });
		expect(answer).toMatchObject({ statusCode: 200, body: { done: '/orders' } });
		expect(seen).toEqual([
			{ method: 'POST', path: '/orders', key: 'key-1' },
			{ method: 'POST', path: '/orders', key: 'key-1' },
		]);
	});

	it('gives up after 3 attempts, without the warning (a repeat cannot do it twice)', async () => {
		const error = (await call('/orders', [503, 503, 503, 503], {
			idempotencyKey: 'key-2',
		})) as NodeApiError;
		expect(error.message).toBe('Test Lab could not handle the request (HTTP 503)');
		expect(error.description).toContain('tried 3 time(s)');
		expect(error.description).not.toContain(MAY_HAVE_HAPPENED);
		expect(seen).toHaveLength(3);
	});

	it('is not repeated after an answer the provider stores for the key (500, 400)', async () => {
		for (const status of [500, 400]) {
			seen.length = 0;
			const error = (await call(`/orders/${status}`, [status], {
				idempotencyKey: 'key-3',
			})) as NodeApiError;
			expect(error.message).toContain(`HTTP ${status}`);
			expect(seen).toHaveLength(1);
		}
	});
});

describe('a GET', () => {
	it('is repeated after a 503 as before, and carries no key header', async () => {
		const answer = await call('/orders/1', [503], { method: 'GET', body: undefined });
		expect(answer).toMatchObject({ statusCode: 200 });
		expect(seen).toEqual([
			{ method: 'GET', path: '/orders/1', key: undefined },
			{ method: 'GET', path: '/orders/1', key: undefined },
		]);
	});
});
