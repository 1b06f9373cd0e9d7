import type { IDataObject } from 'n8n-workflow';

import type { Credentials, WebhookRequest } from './contexts';
import {
	testProvider,
	type Delivery,
	type SampleOptions,
	type SignOptions,
	type TestCredentialSettings,
} from '../../dev/fakes';
import { buildDelivery, type ProviderRef } from '../../dev/fakes/sender';
import {
	callWebhook,
	startWebhookCall,
	type FinishOptions,
	type StartedWebhookCall,
	type WebhookCall,
} from './webhookCall';

/**
 * Any provider's trigger in a unit test: its credential, its signed deliveries, and calls to its
 * webhook() through n8n's part (callWebhook). One harness for every provider, built from its descriptor.
 */
export interface HarnessSettings {
	/** What the credential verifies with and the deliveries are signed with; none by default. */
	secret?: string;
	/** Shared secret: the header the credential names and the deliveries carry. */
	headerName?: string;
	/**
	 * Where the trigger's API calls go; a closed port by default. A function for a fake's URL, which is
	 * known only once the fake has started.
	 */
	baseUrl?: string | (() => string);
	/** Parameters of every call, over the defaults (verify, all events, no options). */
	parameters?: IDataObject;
}

export interface SendOptions {
	/** Over the harness's parameters, key by key (an `options` given replaces the whole collection). */
	parameters?: IDataObject;
	/** The harness's credential by default. */
	credentials?: Credentials;
	/** Pass one object to several calls to share it, as the workflow's stored static data. */
	staticData?: IDataObject;
	finish?: FinishOptions;
}

export const DEFAULT_TRIGGER_PARAMETERS: IDataObject = {
	authentication: 'verify',
	events: ['*'],
	options: {},
};

export type TriggerHarness = ReturnType<typeof triggerHarness>;

export function triggerHarness(provider: ProviderRef, settings: HarnessSettings = {}) {
	const test = testProvider(provider);
	const trigger = new test.Trigger();
	const { secret, headerName } = settings;
	const baseUrl = () =>
		typeof settings.baseUrl === 'function' ? settings.baseUrl() : settings.baseUrl;

	const credentials = (overrides: TestCredentialSettings = {}): Credentials => ({
		[test.provider.credentialType]: test.credentials({
			secret,
			headerName,
			baseUrl: baseUrl(),
			...overrides,
		}),
	});
	const sign = (delivery: Delivery, options: SignOptions = {}): Delivery =>
		test.signer.sign(delivery, { secret, headerName, ...options });
	const callOptions = (input: Delivery | WebhookRequest, options: SendOptions) => ({
		parameters: { ...DEFAULT_TRIGGER_PARAMETERS, ...settings.parameters, ...options.parameters },
		credentials: options.credentials ?? credentials(),
		// n8n hands a GET request to the node without a body.
		request: { ...input, body: input.method === 'GET' ? undefined : input.body },
		staticData: options.staticData,
	});

	return {
		test,
		trigger,
		credentials,
		sign,
		/** The provider's sample of `event`, signed with the harness's secret unless `secret` says otherwise. */
		sample: (event: string, options: SampleOptions & SignOptions = {}): Delivery =>
			buildDelivery(test, event, { secret, headerName, ...options }),
		/** A signed JSON POST of any body: a string is sent as it is, anything else as JSON. */
		post: (body: unknown, options: SignOptions = {}): Delivery =>
			sign(
				{
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					query: {},
					body: typeof body === 'string' ? body : JSON.stringify(body),
				},
				options,
			),
		/** A delivery (or a raw request) through webhook() and n8n's part. */
		send: async (
			input: Delivery | WebhookRequest,
			options: SendOptions = {},
		): Promise<WebhookCall> =>
			await callWebhook(trigger, callOptions(input, options), options.finish),
		/** webhook() only: `finish()` plays n8n's part later, for interleaved calls. */
		start: async (
			input: Delivery | WebhookRequest,
			options: SendOptions = {},
		): Promise<StartedWebhookCall> => await startWebhookCall(trigger, callOptions(input, options)),
	};
}

/** The one item of a call that started one execution, after checking that it did. */
export function onlyItem(call: WebhookCall): IDataObject {
	expect(call.response.status).toBe(200);
	expect(call.items).toHaveLength(1);
	return call.items[0].json;
}
