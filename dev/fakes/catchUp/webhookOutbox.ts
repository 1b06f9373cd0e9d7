/* eslint-disable @n8n/community-nodes/no-restricted-globals -- test support runs in Node, not inside n8n */
import type { Delivery } from '../types';
import { compressedOffsets } from './retrySchedules';

/** One webhook the fake provider sends: built again for each attempt (Svix signs every attempt anew). */
const ANSWER_TIMEOUT_MS = 15_000;

export interface OutgoingWebhook {
	/** What the provider sends it about, for the attempt log: e.g. `order 3f…: transit_lab`. */
	label: string;
	build(attempt: number): Delivery;
}

export interface AttemptRecord {
	label: string;
	/** 1 for the first attempt. */
	attempt: number;
	at: number;
	outcome: 'delivered' | 'failed';
	/** The answer's status, when n8n answered at all. */
	status?: number;
	/** The `status` field of a JSON answer: accepted, duplicate, ignored… */
	answer?: string;
}

export interface OutboxOptions {
	/** The provider's gaps between attempts (retrySchedules.ts). */
	gapsMs: readonly number[];
	/** The whole schedule, compressed: the last attempt comes this long after the event. */
	spanMs: number;
	/** Where the webhooks go (n8n's production URL); asked at each attempt. */
	url(): string | undefined;
}

/**
 * A provider's webhook sender: every webhook is attempted on the provider's retry schedule, compressed
 * in time, until n8n answers 2xx or the attempts run out. `failing` is the hook that makes attempts fail
 * on purpose (n8n unreachable), whatever n8n would answer; an n8n that is really down fails them too.
 */
export class WebhookOutbox {
	failing = false;
	/** While true, webhooks wait unsent: `release()` sends them (to time them against something). */
	holding = false;
	readonly attempts: AttemptRecord[] = [];
	private held: OutgoingWebhook[] = [];
	/** Webhooks whose every attempt failed: lost, as far as the provider is concerned. */
	readonly exhausted: string[] = [];
	private readonly offsets: number[];
	private readonly timers = new Set<NodeJS.Timeout>();
	private open = 0;
	private readonly idleWaiters: Array<() => void> = [];

	constructor(private readonly options: OutboxOptions) {
		this.offsets = compressedOffsets(options.gapsMs, options.spanMs);
	}

	/** The webhooks still being attempted. */
	get pending(): number {
		return this.open;
	}

	send(webhook: OutgoingWebhook): void {
		if (this.holding) {
			this.held.push(webhook);
			return;
		}
		this.open++;
		const sentAt = Date.now();
		const attempt = (index: number) => {
			const timer = setTimeout(
				() => {
					this.timers.delete(timer);
					void this.attempt(webhook, index + 1).then((delivered) => {
						if (delivered) return this.close();
						if (index + 1 < this.offsets.length) return attempt(index + 1);
						this.exhausted.push(webhook.label);
						this.close();
					});
				},
				Math.max(0, sentAt + this.offsets[index] - Date.now()),
			);
			this.timers.add(timer);
		};
		attempt(0);
	}

	/** Sends the webhooks held back, all at once. */
	release(): void {
		this.holding = false;
		for (const webhook of this.held.splice(0)) this.send(webhook);
	}

	/** Resolves once no webhook is being attempted any more (bounded). */
	async idle(timeoutMs = 60_000): Promise<void> {
		if (this.open === 0) return;
		await new Promise<void>((resolve, reject) => {
			const timer = setTimeout(
				() => reject(new Error(`The outbox still had ${this.open} webhooks after ${timeoutMs} ms`)),
				timeoutMs,
			);
			this.idleWaiters.push(() => {
				clearTimeout(timer);
				resolve();
			});
		});
	}

	stop(): void {
		for (const timer of this.timers) clearTimeout(timer);
		this.timers.clear();
		this.open = 0;
		this.wake();
	}

	private async attempt(webhook: OutgoingWebhook, attempt: number): Promise<boolean> {
		const record: AttemptRecord = {
			label: webhook.label,
			attempt,
			at: Date.now(),
			outcome: 'failed',
		};
		this.attempts.push(record);
		const url = this.options.url();
		if (this.failing || !url) return false;
		try {
			const delivery = webhook.build(attempt);
			const target = new URL(url);
			for (const [key, value] of Object.entries(delivery.query))
				target.searchParams.set(key, value);
			const response = await fetch(target, {
				method: delivery.method,
				headers: delivery.headers,
				body: delivery.method === 'GET' ? undefined : delivery.body,
				// Providers give up on an answer after about 15 s (Svix); so does the fake.
				signal: AbortSignal.timeout(ANSWER_TIMEOUT_MS),
			});
			const text = await response.text();
			const status = response.status;
			record.status = status;
			try {
				const answer = (JSON.parse(text) as { status?: unknown }).status;
				if (typeof answer === 'string') record.answer = answer;
			} catch {
				// Not JSON: only the status tells.
			}
			if (status >= 200 && status < 300) record.outcome = 'delivered';
		} catch {
			// n8n did not answer at all: the attempt failed, as a provider sees it.
		}
		return record.outcome === 'delivered';
	}

	private close(): void {
		this.open = Math.max(0, this.open - 1);
		if (this.open === 0) this.wake();
	}

	private wake(): void {
		for (const waiter of this.idleWaiters.splice(0)) waiter();
	}
}
