import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import type { EventSchemas } from '../trigger/parseEvent';
import type { EventSource, TriggerOptions } from '../trigger/source';
import type { BodyOutcome, Delivery } from './delivery';
import type { Verdict } from './verdict';

/** Everything provider-specific about receiving a webhook; receiveWebhook does the rest. */
export interface WebhookSource<
	Schemas extends EventSchemas,
	Fields extends IDataObject,
	Options extends TriggerOptions = TriggerOptions,
> extends EventSource<Schemas, Fields, Options> {
	/** Covers the provider's retry horizon, so a redelivery is still recognised. */
	defaultDuplicateWindowHours: number;
	authenticate(
		context: IWebhookFunctions,
		delivery: Delivery,
		options: Options,
	): Promise<Verdict<string>>;
	/** Defaults to the JSON object in the body. */
	readPayload?(delivery: Delivery, options: Options): BodyOutcome;
	/** The event's canonical name, or undefined when the payload names none. */
	eventName(payload: IDataObject): string | undefined;
	/** What makes two deliveries the same delivery; hashed before it is stored. */
	fingerprint(delivery: Delivery, payload: IDataObject, event: string): unknown[];
	/**
	 * Whether two deliveries of one status change (its changeId) are one delivery now: for a provider
	 * whose change id is the event's own id and which resends events as new messages (Junction, while
	 * the copies the trigger asked for may arrive). Otherwise only a catch-up run makes one a duplicate.
	 */
	duplicateByChange?(context: IWebhookFunctions): boolean;
	/** Keep when the trigger last ran a delivery in its ledger (lastDelivery.ts): Junction's resend needs it. */
	recordsLastDelivery?: boolean;
	/** The provider's own id of the delivery, when it sends one; the fingerprint stands in otherwise. */
	deliveryId?(delivery: Delivery): string | undefined;
}
