/**
 * How to drive a trigger over HTTP: builds realistic provider webhooks, signed as each provider signs
 * them (its descriptor's signer: a real Svix signature for Junction, the shared-secret header or
 * ?token= for LML and Hurdle), and sends them to a URL. Use it wherever the trigger runs inside a real
 * n8n: the e2e, editor and scale tests, the demo, the benchmarks and `npm run send-event`. A unit test
 * drives the trigger in process with the same deliveries instead (test/support/triggerHarness.ts). A
 * provider is a registered key, or a descriptor passed in.
 */
import {
	testProvider,
	type AnyTestProvider,
	type Delivery,
	type ProviderKey,
	type SampleOptions,
	type SignOptions,
} from './index';
import { fetchOnFreshConnection } from '../n8n/fetch';

export type { Delivery, ProviderKey, SampleOptions, SignOptions } from './index';

export type ProviderRef = ProviderKey | AnyTestProvider;

/** Adds the provider's proof of origin to a delivery. */
export function sign(provider: ProviderRef, delivery: Delivery, options: SignOptions): Delivery {
	return testProvider(provider).signer.sign(delivery, options);
}

export function buildDelivery(
	provider: ProviderRef,
	event: string,
	options: SampleOptions & SignOptions = {},
): Delivery {
	const { key, samples, signer } = testProvider(provider);
	if (!samples.events.includes(event)) {
		throw new Error(`Unknown ${key} event "${event}". Known: ${samples.events.join(', ')}`);
	}
	return signer.sign(samples.build(event, options), options);
}

export interface SendResult {
	status: number;
	body: unknown;
}

export async function deliver(url: string, delivery: Delivery): Promise<SendResult> {
	const target = new URL(url);
	for (const [key, value] of Object.entries(delivery.query)) target.searchParams.set(key, value);
	const response = await fetchOnFreshConnection(target, {
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
	provider: ProviderRef,
	event: string,
	url: string,
	options: SampleOptions & SignOptions = {},
): Promise<SendResult> {
	return await deliver(url, buildDelivery(provider, event, options));
}
