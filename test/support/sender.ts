import { randomUUID } from 'node:crypto';

import { Webhook } from 'svix';

import { hurdleSampleSource } from './providers/hurdle/samples';
import { junctionSampleSource } from './providers/junction/samples';
import { lmlSampleSource } from './providers/londonMedicalLaboratory/samples';
import type { Delivery, SampleOptions, SampleSource } from './providers/types';

export type { Delivery, SampleOptions } from './providers/types';

/**
 * Builds and sends realistic provider webhooks: signed with a real Svix signature for Junction, with the
 * shared-secret header (or ?token=) for LML and Hurdle. Used by `npm run send-event`, the tests, the demo
 * and the benchmarks, so all of them send exactly what a provider would.
 */
export type ProviderKey = 'lml' | 'hurdle' | 'junction';

export const sampleSources: Record<ProviderKey, SampleSource> = {
	lml: lmlSampleSource,
	hurdle: hurdleSampleSource,
	junction: junctionSampleSource,
};

export interface SignOptions {
	/** LML/Hurdle: the shared secret. Junction: one `whsec_…` signing secret. */
	secret?: string;
	/** LML/Hurdle: header carrying the secret (default X-Webhook-Secret). */
	headerName?: string;
	/** LML/Hurdle: put the secret in ?token= instead of a header. */
	secretInQuery?: boolean;
	/** Junction: the svix-id (stable across redeliveries); a new one by default. */
	messageId?: string;
	/** Junction: when the message was signed, in Unix seconds; now by default. */
	timestamp?: number;
}

/** Adds the provider's proof of origin to a delivery. */
export function sign(provider: ProviderKey, delivery: Delivery, options: SignOptions): Delivery {
	const source = sourceFor(provider);
	if (!options.secret) return delivery;
	if (source.authentication === 'svix') {
		const messageId = options.messageId ?? `msg_${randomUUID().replace(/-/g, '')}`;
		const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
		const signature = new Webhook(options.secret).sign(
			messageId,
			new Date(timestamp * 1000),
			delivery.body,
		);
		return {
			...delivery,
			headers: {
				...delivery.headers,
				'svix-id': messageId,
				'svix-timestamp': String(timestamp),
				'svix-signature': signature,
			},
		};
	}
	if (options.secretInQuery)
		return { ...delivery, query: { ...delivery.query, token: options.secret } };
	return {
		...delivery,
		headers: { ...delivery.headers, [options.headerName ?? 'X-Webhook-Secret']: options.secret },
	};
}

export function sourceFor(provider: ProviderKey): SampleSource {
	const source = sampleSources[provider];
	if (!source || source.events.length === 0)
		throw new Error(`No sample events for provider "${provider}"`);
	return source;
}

export function buildDelivery(
	provider: ProviderKey,
	event: string,
	options: SampleOptions & SignOptions = {},
): Delivery {
	const source = sourceFor(provider);
	if (!source.events.includes(event)) {
		throw new Error(`Unknown ${provider} event "${event}". Known: ${source.events.join(', ')}`);
	}
	return sign(provider, source.build(event, options), options);
}

export interface SendResult {
	status: number;
	body: unknown;
}

export async function deliver(url: string, delivery: Delivery): Promise<SendResult> {
	const target = new URL(url);
	for (const [key, value] of Object.entries(delivery.query)) target.searchParams.set(key, value);
	const response = await fetch(target, {
		method: delivery.method,
		headers: delivery.headers,
		body: delivery.method === 'GET' ? undefined : delivery.body,
	});
	const text = await response.text();
	let body: unknown = text;
	try {
		body = JSON.parse(text);
	} catch {
		// Not JSON: keep the text.
	}
	return { status: response.status, body };
}

export async function sendEvent(
	provider: ProviderKey,
	event: string,
	url: string,
	options: SampleOptions & SignOptions = {},
): Promise<SendResult> {
	return await deliver(url, buildDelivery(provider, event, options));
}
