/* eslint-disable @n8n/community-nodes/no-restricted-globals -- test support runs in Node, not inside n8n */
import type { FakeReply, FakeRequest } from '../../fakeServer';

/**
 * Junction's idempotency keys as its docs describe them (lab/overview/idempotency): the first
 * request's status and body are kept per key and replayed to every repeat, success or error, for at
 * least 24 hours; a 422 (validation, before anything ran) is not kept; a repeat that arrives while the
 * first is still running gets a conflict and is not kept either (409 here: Junction documents no
 * code). With `x-idempotency-error: no-cache` only successes are kept. Keys are kept per endpoint.
 *
 * Test hooks: `failNext` makes the next creates fail after they ran (kept, as Junction would have),
 * answering 504 or dropping the connection, so a retry must be answered by the key; `processingMs`
 * keeps a create running that long, so a concurrent repeat meets it in flight; `expire` forgets every
 * key, as pruning after 24 hours does.
 */
export const IDEMPOTENCY_RETENTION_MS = 24 * 60 * 60 * 1000;

export type CreateFailure = 'gatewayTimeout' | 'drop';

interface Kept {
	reply: FakeReply;
	keptAt: number;
}

export class IdempotencyKeys {
	private readonly kept = new Map<string, Kept>();
	private readonly running = new Set<string>();
	private failures: { count: number; mode: CreateFailure } = { count: 0, mode: 'gatewayTimeout' };
	processingMs = 0;
	/** Creates answered from a kept key, for tests. */
	replays = 0;

	failNext(count: number, mode: CreateFailure = 'gatewayTimeout'): void {
		this.failures = { count, mode };
	}

	expire(): void {
		this.kept.clear();
	}

	resetHooks(): void {
		this.failures = { count: 0, mode: 'gatewayTimeout' };
		this.processingMs = 0;
	}

	/** Runs a create under the request's key (if any); `create` answers as the endpoint would. */
	async run(
		endpoint: string,
		request: FakeRequest,
		create: () => FakeReply | Promise<FakeReply>,
	): Promise<FakeReply> {
		const header = request.headers['x-idempotency-key'];
		const key = typeof header === 'string' && header ? `${endpoint} ${header}` : undefined;
		if (!key) return this.afterward(await this.slowly(create));
		const kept = this.kept.get(key);
		if (kept && Date.now() - kept.keptAt < IDEMPOTENCY_RETENTION_MS) {
			this.replays++;
			return this.afterward(kept.reply);
		}
		if (this.running.has(key)) {
			return {
				status: 409,
				json: { detail: 'A request with this idempotency key is still being processed' },
			};
		}
		this.running.add(key);
		let reply: FakeReply;
		try {
			reply = await this.slowly(create);
		} finally {
			this.running.delete(key);
		}
		const success = reply.status >= 200 && reply.status < 300;
		const onlySuccesses = request.headers['x-idempotency-error'] === 'no-cache';
		if (reply.status !== 422 && (success || !onlySuccesses))
			this.kept.set(key, { reply, keptAt: Date.now() });
		return this.afterward(reply);
	}

	private async slowly(create: () => FakeReply | Promise<FakeReply>): Promise<FakeReply> {
		if (this.processingMs) await new Promise((resolve) => setTimeout(resolve, this.processingMs));
		return await create();
	}

	/** A create that ran may still fail to reach the caller, as the hook says. */
	private afterward(reply: FakeReply): FakeReply {
		const success = reply.status >= 200 && reply.status < 300;
		if (!success || this.failures.count <= 0) return reply;
		this.failures.count--;
		return this.failures.mode === 'drop'
			? { status: 0, drop: true }
			: { status: 504, json: { detail: 'Gateway Timeout' } };
	}
}
