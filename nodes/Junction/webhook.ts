import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { jsonBodyOf, type Delivery } from '../shared/webhook/delivery';
import type { WebhookSource } from '../shared/webhook/source';
import type { TriggerOptions } from '../shared/trigger/source';
import {
	DEFAULT_TOLERANCE_SECONDS,
	signingKeyFrom,
	splitSecrets,
	verifyStandardWebhook,
} from '../shared/webhook/standardWebhooks';
import { headerValue } from '../shared/webhook/verdict';
import { junctionEventSource } from './eventSource';
import { orderSchema, orderStatus, type junctionEventSchemas } from './events';
import { INFERRED_EVENT_TYPE, type JunctionFields } from './fields';
import { registeredSecrets, usesAutomaticSetup } from './webhookEndpoint';
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

/** Svix's message id: the same on every retry of one message (webhook-id in Standard Webhooks' naming). */
function messageIdOf(delivery: Delivery): string | undefined {
	return headerValue(delivery.headers, 'svix-id') ?? headerValue(delivery.headers, 'webhook-id');
}

export const junctionWebhookSource: WebhookSource<
	typeof junctionEventSchemas,
	JunctionFields,
	JunctionTriggerOptions
> = {
	...junctionEventSource,
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
};

/**
 * Wraps a bare `ClientFacingOrder` or `ClientFacingAppointment` in the documented envelope, or returns
 * undefined when the body is neither. A bare order still in `ordered` with a single event is the
 * created event; any other bare order is an update.
 */
export function envelopeForBarePayload(body: IDataObject): IDataObject | undefined {
	if (typeof body.event_type === 'string' || typeof body.id !== 'string') return undefined;
	const looksLikeOrder = ['lab_test', 'events', 'last_event', 'details'].some((key) => key in body);
	const looksLikeAppointment =
		typeof body.order_id === 'string' && ('event_status' in body || 'start_at' in body);
	let event: string;
	if (looksLikeAppointment) {
		event = 'labtest.appointment.updated';
	} else if (looksLikeOrder) {
		const parsed = orderSchema.safeParse(body);
		const events = Array.isArray(body.events) ? body.events : [];
		const created =
			parsed.success && orderStatus(parsed.data)?.status === 'ordered' && events.length <= 1;
		event = created ? 'labtest.order.created' : 'labtest.order.updated';
	} else {
		return undefined;
	}
	return { event_type: event, data: body, [INFERRED_EVENT_TYPE]: true };
}
