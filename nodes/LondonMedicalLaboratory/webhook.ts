import { credentialSharedSecret } from '../shared/webhook/sharedSecret';
import type { WebhookSource } from '../shared/webhook/source';
import { lmlEventSource } from './eventSource';
import type { lmlEventSchemas } from './events';
import type { LmlFields } from './fields';
import { lml } from './provider';

/** LML retries for up to 8 days 5 h 45 min after the first attempt; nine days covers it. */
export const LML_DUPLICATE_WINDOW_HOURS = 216;

export const lmlWebhookSource: WebhookSource<typeof lmlEventSchemas, LmlFields> = {
	...lmlEventSource,
	defaultDuplicateWindowHours: LML_DUPLICATE_WINDOW_HOURS,

	authenticate: credentialSharedSecret(lml.credentialType),

	eventName: (payload) => (typeof payload.event === 'string' ? payload.event : undefined),

	// No delivery id exists: a redelivery is the same event about the same data.
	fingerprint: (_delivery, payload, event) => [event, payload.data],
};
