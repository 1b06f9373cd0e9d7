/**
 * How a unit test drives a trigger in process: use this for every trigger test that does not need a real
 * n8n (for one, see dev/fakes/sender.ts, which sends the same deliveries over HTTP). It runs the
 * trigger's webhook() with n8n's part around it (webhookCall.ts: static data copied and saved as n8n
 * does, the answer n8n gives), and its webhook lifecycle (checkExists, create, delete) with n8n's hook
 * context.
 *
 * - `triggerHarness(provider)`: any registered provider's trigger (or a toy descriptor's), its
 *   credential, its signed samples, `send` (one whole call), `sampleItem` (a sample's one item),
 *   `start` (webhook() only, for interleaved calls) and `lifecycle` (activation).
 * - `triggerRig(provider)`: the harness with the provider's fake API and a host standing for any URL a
 *   payload names, started around the file's tests and reset before each; for a trigger test file.
 * - `callTrigger` / `startTriggerCall`: a bare INodeType that is no provider's trigger.
 */
import { mock } from 'jest-mock-extended';
import type { IDataObject, IHookFunctions } from 'n8n-workflow';

import { forgetProcessMemory } from '../../nodes/shared/webhook/claims';
import {
	testProvider,
	type Delivery,
	type SampleOptions,
	type SignOptions,
	type TestCredentialSettings,
} from '../../dev/fakes';
import { FakeServer } from '../../dev/fakes/fakeServer';
import { buildDelivery, type ProviderRef } from '../../dev/fakes/sender';
import {
	credentialGetter,
	fakesAroundTests,
	parameterGetter,
	recordingLogger,
	requestHelpers,
	staticDataGetter,
	testNode,
	type Credentials,
} from './contexts';
import { SILENT_LOGGER } from './fakes';
import {
	callWebhook,
	startWebhookCall,
	type FinishOptions,
	type StartedWebhookCall,
	type WebhookCall,
	type WebhookRequest,
} from './webhookCall';

export type { FinishOptions, StartedWebhookCall, WebhookCall, WebhookRequest } from './webhookCall';
export { callWebhook as callTrigger, startWebhookCall as startTriggerCall } from './webhookCall';

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
	/** A parameter whose expression n8n cannot resolve in this call. */
	failingParameter?: string;
}

export interface LifecycleOptions {
	/** The harness's credential by default. */
	credentials?: Credentials;
	/**
	 * The workflow's static data, with n8n's namespaces (`global`, `node:<name>`). n8n's hook context
	 * works on it directly and saves it after activation; pass the same object to `send`.
	 */
	staticData?: IDataObject;
	/** What getNodeWebhookUrl('default') answers. */
	webhookUrl?: string;
	workflow?: { id: string; name: string };
	/** Receives what the webhook lifecycle logs as warnings. */
	warnings?: string[];
}

export const DEFAULT_TRIGGER_PARAMETERS: IDataObject = {
	authentication: 'verify',
	events: ['*'],
	options: {},
};

/** n8n's context for a trigger's webhookMethods (activation and deactivation). */
export function hookContext(
	parameters: IDataObject,
	credentials: Credentials,
	options: LifecycleOptions = {},
): IHookFunctions {
	const context = mock<IHookFunctions>();
	context.getNodeParameter.mockImplementation(((name: string, fallback?: unknown) =>
		parameterGetter(parameters)(name, 0, fallback)) as IHookFunctions['getNodeParameter']);
	context.getCredentials.mockImplementation(
		credentialGetter(credentials) as IHookFunctions['getCredentials'],
	);
	const node = testNode('trigger', parameters);
	context.getNode.mockReturnValue(node);
	context.getWorkflowStaticData.mockImplementation(
		staticDataGetter(options.staticData ?? {}, node),
	);
	context.getNodeWebhookUrl.mockReturnValue(
		options.webhookUrl ?? 'https://n8n.example.com/webhook/trigger-webhook-id/webhook',
	);
	context.getWorkflow.mockReturnValue({
		id: options.workflow?.id ?? 'workflow-under-test',
		name: options.workflow?.name ?? 'test',
		active: true,
	});
	Object.assign(context, {
		helpers: requestHelpers(credentials),
		logger: options.warnings ? recordingLogger(options.warnings) : SILENT_LOGGER,
	});
	return context;
}

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
	const parameters = (given: IDataObject = {}): IDataObject => ({
		...DEFAULT_TRIGGER_PARAMETERS,
		...settings.parameters,
		...given,
	});
	const sign = (delivery: Delivery, options: SignOptions = {}): Delivery =>
		test.signer.sign(delivery, { secret, headerName, ...options });
	const callOptions = (input: Delivery | WebhookRequest, options: SendOptions) => ({
		parameters: parameters(options.parameters),
		credentials: options.credentials ?? credentials(),
		// n8n hands a GET request to the node without a body.
		request: { ...input, body: input.method === 'GET' ? undefined : input.body },
		staticData: options.staticData,
		failingParameter: options.failingParameter,
	});

	/** The provider's sample of `event`, signed with the harness's secret unless `secret` says otherwise. */
	const sample = (event: string, options: SampleOptions & SignOptions = {}): Delivery =>
		buildDelivery(test, event, { secret, headerName, ...options });
	/** A delivery (or a raw request) through webhook() and n8n's part. */
	const send = async (
		input: Delivery | WebhookRequest,
		options: SendOptions = {},
	): Promise<WebhookCall> =>
		await callWebhook(trigger, callOptions(input, options), options.finish);

	return {
		test,
		trigger,
		credentials,
		sign,
		sample,
		send,
		/** The one item a sample of `event` starts, after checking that it started one execution. */
		sampleItem: async (
			event: string,
			options: SampleOptions & SignOptions = {},
			sendOptions: SendOptions = {},
		): Promise<IDataObject> => onlyItem(await send(sample(event, options), sendOptions)),
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
		/** webhook() only: `finish()` plays n8n's part later, for interleaved calls. */
		start: async (
			input: Delivery | WebhookRequest,
			options: SendOptions = {},
		): Promise<StartedWebhookCall> => await startWebhookCall(trigger, callOptions(input, options)),
		/**
		 * The trigger's webhook lifecycle as n8n runs it, on one hook context: `parameters` over the
		 * harness's, the harness's credential unless `credentials` says otherwise.
		 */
		lifecycle: (given: IDataObject = {}, options: LifecycleOptions = {}) => {
			const context = hookContext(parameters(given), options.credentials ?? credentials(), options);
			const methods = trigger.webhookMethods?.default;
			if (!methods) throw new Error(`${test.key}'s trigger has no webhook lifecycle`);
			return {
				context,
				checkExists: async () => await methods.checkExists.call(context),
				create: async () => await methods.create.call(context),
				delete: async () => await methods.delete.call(context),
			};
		},
	};
}

export interface TriggerRig {
	harness: TriggerHarness;
	/** The provider's fake API; the harness's credential points at it. */
	fake: FakeServer;
	/** Stands in for any host a payload names: the triggers must never call it. */
	payloadHost: FakeServer;
}

/**
 * A trigger test file's setting: the provider's harness with its credential pointing at the provider's
 * fake API, and a payload host. Both are started before the file's tests and stopped after them; before
 * each test both are reset and this process's memory of deliveries is forgotten, so each test starts
 * as a fresh n8n process would.
 */
export function triggerRig(
	provider: ProviderRef,
	settings: Omit<HarnessSettings, 'baseUrl'> = {},
): TriggerRig {
	const fake = testProvider(provider).createFake();
	const payloadHost = new FakeServer();
	const harness = triggerHarness(provider, { ...settings, baseUrl: () => fake.url });
	fakesAroundTests(fake, payloadHost);
	beforeEach(() => forgetProcessMemory());
	return { harness, fake, payloadHost };
}

/** The one item of a call that started one execution, after checking that it did. */
export function onlyItem(call: WebhookCall): IDataObject {
	expect(call.response.status).toBe(200);
	expect(call.items).toHaveLength(1);
	return call.items[0].json;
}
