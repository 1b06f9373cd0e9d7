import type { ICredentialDataDecryptedObject, IWebhookFunctions } from 'n8n-workflow';

import { jsonBodyOf, type Delivery } from '../shared/webhook/delivery';
import type { ReceivedEvent, TriggerOptions, WebhookSource } from '../shared/webhook/source';
import {
	DEFAULT_TOLERANCE_SECONDS,
	signingKeyFrom,
	splitSecrets,
	verifyStandardWebhook,
} from '../shared/webhook/standardWebhooks';
import { headerValue } from '../shared/webhook/verdict';
import {
	describeJunctionEvent,
	envelopeForBarePayload,
	familyOf,
	identifyJunctionEvent,
	junctionEventSchemas,
	type JunctionFields,
} from './events';
import { registeredSecrets, usesAutomaticSetup } from './webhookEndpoint';
import { fetchFullData } from './fullData';
import { junction } from './provider';

/** Junction (Svix) retries for about 27.5 hours after the first attempt; 48 hours covers it with room. */
export const JUNCTION_DUPLICATE_WINDOW_HOURS = 48;

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
		return 'The credential has no webhook signing secret, so every delivery would be refused. Copy the Signing Secret of the endpoint (whsec_…) from the Junction dashboard › Webhooks, or set Webhook Setup to Automatic.';
	}
	return malformedSigningSecret(credentials);
}

/**
 * Why a signing secret in the credential would stop every delivery (it is not a whsec_ secret), or
 * undefined. With the automatic setup the credential needs none: the endpoint's own secret is stored.
 */
export function malformedSigningSecret(
	credentials: ICredentialDataDecryptedObject,
): string | undefined {
	const secrets = splitSecrets(credentials.webhookSigningSecrets as string | undefined);
	const malformed = secrets.findIndex((secret) => !signingKeyFrom(secret));
	return malformed === -1
		? undefined
		: `Webhook signing secret number ${malformed + 1} in the credential is not a valid whsec_… secret`;
}

/** A filter passes when nothing is chosen, or when the value is one of those chosen. */
/** Svix's message id: the same on every retry of one message (webhook-id in Standard Webhooks' naming). */
function messageIdOf(delivery: Delivery): string | undefined {
	return headerValue(delivery.headers, 'svix-id') ?? headerValue(delivery.headers, 'webhook-id');
}

function chosen(context: IWebhookFunctions, parameter: string, value: unknown): boolean {
	const values = context.getNodeParameter(parameter, []) as string[];
	return values.length === 0 || values.includes(String(value));
}

/**
 * Order events are filtered by status and modality, appointment events by appointment status and
 * modality; other events pass. An event that failed validation is emitted with its issues, unfiltered.
 */
function matchesFilters(context: IWebhookFunctions, event: ReceivedEvent<JunctionFields>): boolean {
	if (!event.valid) return true;
	const family = familyOf(event.name);
	const { status, modality, appointmentStatus } = event.fields;
	if (family === 'order')
		return chosen(context, 'statuses', status) && chosen(context, 'modalities', modality);
	if (family === 'appointment') {
		return (
			chosen(context, 'appointmentStatuses', appointmentStatus) &&
			chosen(context, 'modalities', modality)
		);
	}
	return true;
}

export const junctionWebhookSource: WebhookSource<
	typeof junctionEventSchemas,
	JunctionFields,
	JunctionTriggerOptions
> = {
	provider: junction,
	schemas: junctionEventSchemas,
	defaultDuplicateWindowHours: JUNCTION_DUPLICATE_WINDOW_HOURS,

	async authenticate(context, delivery, options) {
		const credentials = await context.getCredentials(junction.credentialType);
		const secrets = splitSecrets(credentials.webhookSigningSecrets as string | undefined);
		// The automatic setup keeps the endpoint's secret (and the one before a rotation) in static data.
		if (usesAutomaticSetup(context))
			secrets.unshift(...registeredSecrets(context.getWorkflowStaticData('node')));
		return verifyStandardWebhook({
			rawBody: delivery.rawBody,
			headers: delivery.headers,
			secrets,
			toleranceSeconds: options.signatureToleranceSeconds ?? DEFAULT_TOLERANCE_SECONDS,
		});
	},

	readPayload(delivery) {
		const body = jsonBodyOf(delivery);
		if (!body.ok) return body;
		const wrapped = envelopeForBarePayload(body.body);
		return wrapped ? { ok: true, body: wrapped } : body;
	},

	// Svix's own notices (message.attempt.exhausted) name themselves in `type`, not `event_type`.
	eventName: (payload) =>
		typeof payload.event_type === 'string'
			? payload.event_type
			: typeof payload.type === 'string'
				? payload.type
				: undefined,

	deliveryId: messageIdOf,

	// The svix-id stays the same on every retry of a message; without it (verification off) the body decides.
	fingerprint(delivery, payload, event) {
		const messageId = messageIdOf(delivery);
		return messageId ? ['svix-id', messageId] : [event, payload];
	},

	identify: identifyJunctionEvent,

	describe: (parsed) => describeJunctionEvent(parsed.data),

	accepts: matchesFilters,

	enrich: fetchFullData,
};
