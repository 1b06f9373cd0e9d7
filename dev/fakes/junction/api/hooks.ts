import type { CreateFailure } from './idempotency';
import type { RouteContext } from './state';

/**
 * Test hooks of the fake Junction API over HTTP (for the e2e suite and the demo, which run the fake
 * in another process), beside the FakeServer's own /__requests and /__reset:
 * - POST /__junction/fail-creates `{count, mode}`: the next `count` successful creates (orders, PSC
 *   bookings) answer 504 or drop the connection after they were made, as a timed-out gateway would;
 * - POST /__junction/processing `{ms}`: creates take this long (a repeat meets them in flight);
 * - POST /__junction/expire-keys: every idempotency key forgotten, as after Junction's 24 h pruning;
 * - GET /__junction/created-orders: the orders created so far (id, user, lab test, passthrough, time).
 */
export function registerHooks({ server, writes }: RouteContext): void {
	const body = (text: string) => JSON.parse(text || '{}') as Record<string, unknown>;
	server.route('POST', '/__junction/fail-creates', (request) => {
		const { count = 1, mode = 'gatewayTimeout' } = body(request.body);
		writes.keys.failNext(Number(count), mode as CreateFailure);
		return { status: 200, json: { count, mode } };
	});
	server.route('POST', '/__junction/processing', (request) => {
		writes.keys.processingMs = Number(body(request.body).ms ?? 0);
		return { status: 200, json: { ms: writes.keys.processingMs } };
	});
	server.route('POST', '/__junction/expire-keys', () => {
		writes.keys.expire();
		return { status: 200, json: { expired: true } };
	});
	server.route('GET', '/__junction/created-orders', () => ({
		status: 200,
		json: writes.createdOrders.map(createdOrderSummary),
	}));
}

export interface CreatedOrderSummary {
	id: string;
	user_id: string;
	lab_test_id: string;
	passthrough: string | null;
	activate_by: string | null;
	created_at: string;
}

function createdOrderSummary(order: Record<string, unknown>): CreatedOrderSummary {
	return {
		id: String(order.id),
		user_id: String(order.user_id),
		lab_test_id: String((order.lab_test as { id?: string }).id),
		passthrough: (order.passthrough as string | null) ?? null,
		activate_by: (order.activate_by as string | null) ?? null,
		created_at: String(order.created_at),
	};
}

async function post(baseUrl: string, path: string, payload: unknown = {}): Promise<void> {
	const response = await fetch(`${baseUrl}${path}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(payload),
	});
	if (!response.ok) throw new Error(`${path} answered ${response.status}`);
}

/** The next `count` creates at the fake at `baseUrl` fail after they were made. */
export async function failNextCreates(
	baseUrl: string,
	count = 1,
	mode: CreateFailure = 'gatewayTimeout',
): Promise<void> {
	await post(baseUrl, '/__junction/fail-creates', { count, mode });
}

export async function setCreateProcessing(baseUrl: string, ms: number): Promise<void> {
	await post(baseUrl, '/__junction/processing', { ms });
}

export async function expireIdempotencyKeys(baseUrl: string): Promise<void> {
	await post(baseUrl, '/__junction/expire-keys');
}

export async function createdOrders(baseUrl: string): Promise<CreatedOrderSummary[]> {
	const response = await fetch(`${baseUrl}/__junction/created-orders`);
	return (await response.json()) as CreatedOrderSummary[];
}
