import { labResults, resultsEnrichment } from '../shared/results';
import { credentialSharedSecret } from '../shared/webhook/sharedSecret';
import type { Enrichment, WebhookSource } from '../shared/webhook/source';
import {
	describeLmlEvent,
	identifyLmlEvent,
	lmlEventSchemas,
	resourceToFetch,
	type LmlFields,
} from './events';
import { withFhir } from '../shared/fhir/output';
import { lmlFhirRecord } from './fhir';
import { lmlResults } from './results';
import { getLabResults, getOrder, getTestRegistration } from './transport';
import { lml } from './provider';

/** LML retries for up to 8 days 5 h 45 min after the first attempt; nine days covers it. */
export const LML_DUPLICATE_WINDOW_HOURS = 216;

export const lmlWebhookSource: WebhookSource<typeof lmlEventSchemas, LmlFields> = {
	provider: lml,
	schemas: lmlEventSchemas,
	defaultDuplicateWindowHours: LML_DUPLICATE_WINDOW_HOURS,

	authenticate: credentialSharedSecret(lml.credentialType),

	eventName: (payload) => (typeof payload.event === 'string' ? payload.event : undefined),

	// No delivery id exists: a redelivery is the same event about the same data.
	fingerprint: (_delivery, payload, event) => [event, payload.data],

	identify: (_event, payload) => identifyLmlEvent(payload),

	describe: (parsed) => describeLmlEvent(parsed.data),

	async enrich(context, event): Promise<Enrichment | undefined> {
		const target = resourceToFetch(event.name, event.fields);
		if (!target) return undefined;
		if (target.resource === 'labResults') {
			const results = labResults(await getLabResults(context, target.id), lmlResults);
			return withFhir(resultsEnrichment(results), results, () => lmlFhirRecord(target.id));
		}
		if (target.resource === 'order') return { json: { order: await getOrder(context, target.id) } };
		return { json: { testRegistration: await getTestRegistration(context, target.id) } };
	},
};
