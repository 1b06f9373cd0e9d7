import type { ICredentialDataDecryptedObject, IWebhookFunctions } from 'n8n-workflow';

import { labResults, resultsEnrichment } from '../shared/results';
import { jsonBodyOf } from '../shared/webhook/delivery';
import type {
	EventItem,
	Enrichment,
	TriggerOptions,
	WebhookSource,
} from '../shared/webhook/receiveWebhook';
import {
	DEFAULT_TOLERANCE_SECONDS,
	signingKeyFrom,
	splitSecrets,
	verifyStandardWebhook,
} from '../shared/webhook/standardWebhooks';
import { headerValue } from '../shared/webhook/verdict';
import {
	APPOINTMENT_EVENTS,
	CRITICAL_RESULT_EVENT,
	describeJunctionEvent,
	envelopeForBarePayload,
	junctionEventSchemas,
	ORDER_EVENTS,
	STATUSES_WITH_RESULTS,
} from './events';
import { junctionResults } from './results';
import { downloadOrderPdf, getLabResults, junctionApi } from './transport';

/** Junction (Svix) retries for about 27.5 hours after the first attempt; 48 hours covers it with room. */
export const JUNCTION_DUPLICATE_WINDOW_HOURS = 48;

export const RESULTS_PDF_PROPERTY = 'resultsPdf';

export interface JunctionTriggerOptions extends TriggerOptions {
	attachResultsPdf?: boolean;
	signatureToleranceSeconds?: number;
}

/** Why the credential's signing secrets cannot verify deliveries, or undefined when they can. */
export function missingSigningSecret(
	credentials: ICredentialDataDecryptedObject,
): string | undefined {
	const secrets = splitSecrets(credentials.webhookSigningSecrets as string | undefined);
	if (secrets.length === 0) {
		return 'The credential has no webhook signing secret, so every delivery would be refused. Copy the Signing Secret of the endpoint (whsec_…) from the Junction dashboard › Webhooks.';
	}
	const malformed = secrets.findIndex((secret) => !signingKeyFrom(secret));
	return malformed === -1
		? undefined
		: `Webhook signing secret number ${malformed + 1} in the credential is not a valid whsec_… secret`;
}

/** Order events are filtered by status and modality, appointment events by modality; others pass. */
function matchesFilters(context: IWebhookFunctions, item: EventItem): boolean {
	// An event that failed validation has no typed fields to filter on; it is emitted with its issues.
	if (!item.validation.valid) return true;
	const statuses = context.getNodeParameter('statuses', []) as string[];
	const modalities = context.getNodeParameter('modalities', []) as string[];
	const isOrder = ORDER_EVENTS.includes(item.event);
	if (statuses.length > 0 && isOrder && !statuses.includes(String(item.status))) return false;
	const hasModality = isOrder || APPOINTMENT_EVENTS.includes(item.event);
	if (modalities.length > 0 && hasModality && !modalities.includes(String(item.modality)))
		return false;
	return true;
}

function hasResultsToFetch(item: EventItem): boolean {
	if (item.event === CRITICAL_RESULT_EVENT) return true;
	return ORDER_EVENTS.includes(item.event) && STATUSES_WITH_RESULTS.includes(String(item.status));
}

export const junctionWebhookSource: WebhookSource<typeof junctionEventSchemas> = {
	providerId: 'junction',
	providerName: 'Junction',
	schemas: junctionEventSchemas,
	defaultDuplicateWindowHours: JUNCTION_DUPLICATE_WINDOW_HOURS,

	async authenticate(context, delivery, options: JunctionTriggerOptions) {
		const credentials = await context.getCredentials(junctionApi.credentialType);
		return verifyStandardWebhook({
			rawBody: delivery.rawBody,
			headers: delivery.headers,
			secrets: splitSecrets(credentials.webhookSigningSecrets as string | undefined),
			toleranceSeconds: options.signatureToleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS,
		});
	},

	readPayload(delivery) {
		const body = jsonBodyOf(delivery);
		if (!body.ok) return body;
		const wrapped = envelopeForBarePayload(body.body);
		return wrapped ? { ok: true, body: wrapped } : body;
	},

	eventName: (payload) => (typeof payload.event_type === 'string' ? payload.event_type : undefined),

	// The svix-id stays the same on every retry of a message; without it (verification off) the body decides.
	deliveryId: (delivery) =>
		headerValue(delivery.headers, 'svix-id') ?? headerValue(delivery.headers, 'webhook-id'),

	fingerprint(delivery, payload, event) {
		const messageId =
			headerValue(delivery.headers, 'svix-id') ?? headerValue(delivery.headers, 'webhook-id');
		return messageId ? ['svix-id', messageId] : [event, payload];
	},

	describe: (parsed) => describeJunctionEvent(parsed.data),

	accepts: matchesFilters,

	async enrich(context, item, options): Promise<Enrichment | undefined> {
		const orderId = typeof item.orderId === 'string' ? item.orderId : undefined;
		if (!orderId || !hasResultsToFetch(item)) return undefined;
		const results = labResults(await getLabResults(context, orderId), junctionResults);
		const enrichment: Enrichment = resultsEnrichment(results);
		if (!results.ready) return enrichment;
		if ((options as JunctionTriggerOptions).attachResultsPdf) {
			const pdf = await downloadOrderPdf(context, orderId, 'results');
			if (pdf.found) {
				const fileName = `junction-results-${orderId}.pdf`;
				const file = await context.helpers.prepareBinaryData(
					pdf.value,
					fileName,
					'application/pdf',
				);
				enrichment.binary = { [RESULTS_PDF_PROPERTY]: file };
				results.pdf = { attached: true, binaryProperty: RESULTS_PDF_PROPERTY, fileName };
			} else {
				results.pdf = { attached: false, message: pdf.message };
			}
		}
		return enrichment;
	},
};
