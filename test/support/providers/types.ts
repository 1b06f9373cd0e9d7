/** What every provider's sample module provides to the sender. */
export interface SampleOptions {
	/** Overrides for ids and fields in the sample (provider-specific keys). */
	overrides?: Record<string, unknown>;
	/** Hurdle: event name casing as sent. */
	casing?: 'lower' | 'upper';
	/** Hurdle: GET delivery with query parameters instead of a JSON body. */
	method?: 'GET' | 'POST';
}

export interface Delivery {
	method: 'GET' | 'POST';
	headers: Record<string, string>;
	query: Record<string, string>;
	/** Raw body bytes as sent (empty for GET). */
	body: string;
}

export interface SampleSource {
	events: readonly string[];
	/** How the provider proves itself: a shared secret, or a Svix signature. */
	authentication: 'sharedSecret' | 'svix';
	build(event: string, options: SampleOptions): Delivery;
}

export function jsonDelivery(payload: unknown): Delivery {
	return {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		query: {},
		body: JSON.stringify(payload),
	};
}
