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
	/** The provider's own id of the delivery, when it sends one; the fingerprint stands in otherwise. */
	deliveryId?(delivery: Delivery): string | undefined;
}
