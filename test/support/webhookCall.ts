import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { webhookContext, type CapturedResponse, type WebhookContextOptions } from './contexts';
import { FakeResponse } from './fakeResponse';

/**
 * n8n's part around a trigger's webhook(), as n8n 2.41 plays it (webhooks/live-webhooks.js and
 * webhook-helpers.js), for unit tests:
 *
 * - static data: each call works on a fresh copy of what is stored (the `staticData` object passed in,
 *   standing for the workflow's database row), and saves its whole copy back, last writer wins, only
 *   if the call changed it, and only once the execution exists (or no execution was to start);
 * - creating the execution resets that "changed" flag when the workflow had static data
 *   (WorkflowRunner.establishContextForPersistence re-wraps the same object), then n8n reads the
 *   node's webhookResponse, then decides whether to save;
 * - the answer: a node that answered itself keeps its answer; otherwise n8n answers once it has
 *   created the execution: with the node's webhookResponse (the triggers use responseData ''), or with
 *   500 when it could not create it. Then the response closes.
 *
 * `start` runs webhook() and stops before n8n's part, so tests can interleave calls as concurrent
 * requests do; `finish` plays n8n's part.
 */
export interface WebhookCall {
	result: IWebhookResponseData;
	/** What the sender received. */
	response: CapturedResponse;
	/** The items the execution starts with; empty when none starts. */
	items: INodeExecutionData[];
	json: IDataObject;
	/** What the trigger wrote to n8n's log as warnings. */
	warnings: string[];
}

export interface FinishOptions {
	/** n8n could not create or enqueue the execution (a database or Redis failure). */
	executionFails?: boolean;
}

export interface StartedWebhookCall {
	result: IWebhookResponseData;
	/** The sender gives up before n8n answers (a provider timeout). */
	abortSender(): void;
	finish(options?: FinishOptions): WebhookCall;
}

/** Tracks writes to a static-data copy, as n8n's ObservableObject does with `__dataChanged`. */
function observed(target: IDataObject, onChange: () => void): IDataObject {
	return new Proxy(target, {
		get(object, key) {
			const value = Reflect.get(object, key) as unknown;
			return typeof value === 'object' && value !== null && !Array.isArray(value)
				? observed(value as IDataObject, onChange)
				: value;
		},
		set(object, key, value) {
			onChange();
			return Reflect.set(object, key, value);
		},
		deleteProperty(object, key) {
			onChange();
			return Reflect.deleteProperty(object, key);
		},
	});
}

function replaceContents(target: IDataObject, source: IDataObject): void {
	for (const key of Object.keys(target)) delete target[key];
	Object.assign(target, source);
}

export async function startWebhookCall(
	node: INodeType,
	options: WebhookContextOptions,
): Promise<StartedWebhookCall> {
	const stored = options.staticData ?? {};
	const working = JSON.parse(JSON.stringify(stored)) as IDataObject;
	const hadStaticData = Object.keys(stored).length > 0;
	let changed = false;
	const staticData = observed(working, () => (changed = true));
	const response = new FakeResponse();
	const { context, warnings } = webhookContext({ ...options, staticData, response });
	const save = () => {
		// n8n's save serialises the whole object with JSON.stringify (toJSON included).
		if (changed) replaceContents(stored, JSON.parse(JSON.stringify(working)) as IDataObject);
	};
	const result = await node.webhook!.call(context as IWebhookFunctions);
	return {
		result,
		abortSender: () => response.close(),
		finish({ executionFails = false } = {}) {
			const items = (result.workflowData?.[0] ?? []) as INodeExecutionData[];
			if (result.noWebhookResponse === true && !result.workflowData) {
				save();
			} else if (result.workflowData) {
				if (executionFails) {
					response
						.status(500)
						.json({ code: 0, message: 'There was a problem executing the workflow' });
					return { result, response: captured(response), items: [], json: {}, warnings };
				}
				if (hadStaticData) changed = false;
				const answer = result.webhookResponse as IDataObject | undefined;
				save();
				response.status(200).json(answer ?? { message: 'Workflow was started' });
			} else {
				save();
				response
					.status(200)
					.json((result.webhookResponse as IDataObject) ?? { message: 'Webhook call received' });
			}
			return { result, response: captured(response), items, json: items[0]?.json ?? {}, warnings };
		},
	};
}

function captured(response: FakeResponse): CapturedResponse {
	const answered: CapturedResponse = { status: response.statusCode, body: response.body };
	if (Object.keys(response.headers).length) answered.headers = response.headers;
	return answered;
}

/** One whole call: webhook(), then n8n's part. */
export async function callWebhook(
	node: INodeType,
	options: WebhookContextOptions,
	finish: FinishOptions = {},
): Promise<WebhookCall> {
	return (await startWebhookCall(node, options)).finish(finish);
}
