import type { FakeHandler, FakeReply, FakeRequest, FakeServer } from '../../fakeServer';
import type { JunctionFakeData } from './data';
import { IdempotencyKeys } from './idempotency';

/** What the write endpoints of the fake Junction API keep beside the data it serves. */
export interface JunctionWrites {
	keys: IdempotencyKeys;
	/** Orders created through POST /v3/order and /v3/order/testkit, in order. */
	createdOrders: Array<Record<string, unknown>>;
	/** Appointments by `<type> <order id>` (type: phlebotomy | psc). */
	appointments: Map<string, Record<string, unknown>>;
	/** The order IDs of each POST /v3/order/resend_events answered. */
	resent: string[][];
}

export function junctionWrites(): JunctionWrites {
	return { keys: new IdempotencyKeys(), createdOrders: [], appointments: new Map(), resent: [] };
}

/** What each group of routes is registered with. */
export interface RouteContext {
	server: FakeServer;
	data: JunctionFakeData;
	writes: JunctionWrites;
	/** The API key check in front of a handler. */
	guard: (handler: (request: FakeRequest) => FakeReply | Promise<FakeReply>) => FakeHandler;
}

/** Junction's plain error body (`{"detail": "…"}`), as its 400s and 404s send it. */
export const refusal = (status: number, detail: string): FakeReply => ({
	status,
	json: { detail },
});

export const nowIso = (): string => new Date().toISOString().replace('Z', '+00:00');

export const today = (): string => new Date().toISOString().slice(0, 10);
