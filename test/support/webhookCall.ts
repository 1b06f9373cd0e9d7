/**
 * Internal to the trigger harness (triggerHarness.ts), which is how tests drive a trigger in process:
 * import that, not this. This file plays n8n's part around a trigger's webhook(): the webhook context
 * (parameters, credentials, headers, the raw body as n8n hands it over, static data) and what n8n 2.41
 * does around the call (webhooks/live-webhooks.js and webhook-helpers.js):
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
 * `startWebhookCall` runs webhook() and stops before n8n's part, so tests can interleave calls as
 * concurrent requests do; `finish` plays n8n's part. (test/unit/shared/claims.test.ts imports it from
 * here; the harness re-exports it as `startTriggerCall` for a trigger that is no provider's.)
 */
import { mock } from 'jest-mock-extended';
import type {
	IDataObject,
	INodeExecutionData,
	INodeType,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { ObservableObject } from 'n8n-workflow';

import {
	credentialGetter,
	parameterGetter,
	recordingLogger,
	requestHelpers,
	staticDataGetter,
	testNode,
	type Credentials,
} from './contexts';
import { FakeResponse } from './fakeResponse';

export interface WebhookRequest {
	method?: string;
	headers?: Record<string, string>;
	query?: IDataObject;
	/** An object is sent as JSON; a string or Buffer as is. */
	body?: unknown;
}

export interface WebhookContextOptions {
	parameters: IDataObject;
	credentials: Credentials;
	request: WebhookRequest;
	/**
	 * The workflow's static data, with n8n's namespaces (`global`, `node:<name>`). Through callWebhook
	 * it stands for what n8n stores: pass the same object to several calls to share it between them.
	 */
	staticData?: IDataObject;
	mode?: 'webhook' | 'manual';
	workflowId?: string;
	/** Several triggers in one workflow: each has its own id and name. */
	nodeId?: string;
	response?: FakeResponse;
	/** The sender gave up before n8n handed the call to the node (startWebhookCall only). */
	senderLeftEarly?: boolean;
	/** A parameter n8n cannot resolve (an expression that fails): getNodeParameter throws for it. */
	failingParameter?: string;
}

export interface CapturedResponse {
	status?: number;
	body?: IDataObject;
	headers?: Record<string, string>;
}

function rawBodyOf(body: unknown): Buffer {
	if (body === undefined) return Buffer.alloc(0);
	if (Buffer.isBuffer(body)) return body;
	return Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
}

/** n8n parses an application/json body before the node runs (and answers 422 itself when it cannot). */
function jsonAsN8nParsesIt(rawBody: Buffer): unknown {
	try {
		return JSON.parse(rawBody.toString('utf8').replace(/^\uFEFF/, ''));
	} catch {
		return undefined;
	}
}

export function webhookContext(options: WebhookContextOptions): {
	context: IWebhookFunctions;
	response: CapturedResponse;
	warnings: string[];
} {
	const response: CapturedResponse = {};
	const warnings: string[] = [];
	const staticData = options.staticData ?? {};
	const headers = Object.fromEntries(
		Object.entries(options.request.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]),
	);
	const method = options.request.method ?? 'POST';
	const rawBody = rawBodyOf(options.request.body);
	const contentType = headers['content-type']?.split(';')[0].trim().toLowerCase();
	const request = {
		method,
		rawBody: method === 'GET' ? undefined : rawBody,
		readRawBody: jest.fn(),
		contentType,
		body: contentType === 'application/json' ? jsonAsN8nParsesIt(rawBody) : {},
	};
	const res = options.response ?? new FakeResponse();
	res.on('close', () => {
		response.status = res.statusCode;
		response.body = res.body;
		if (Object.keys(res.headers).length) response.headers = res.headers;
	});
	const context = mock<IWebhookFunctions>();
	context.getNodeParameter.mockImplementation(((name: string, fallback?: unknown) => {
		if (name === options.failingParameter)
			throw new Error(`Could not resolve the expression of parameter "${name}"`);
		return parameterGetter(options.parameters)(name, 0, fallback);
	}) as IWebhookFunctions['getNodeParameter']);
	context.getCredentials.mockImplementation(
		credentialGetter(options.credentials) as IWebhookFunctions['getCredentials'],
	);
	context.getRequestObject.mockReturnValue(request as never);
	context.getResponseObject.mockReturnValue(res as never);
	context.getHeaderData.mockReturnValue(headers);
	context.getQueryData.mockReturnValue(options.request.query ?? {});
	const node = testNode(options.nodeId ?? 'trigger', options.parameters);
	context.getWorkflowStaticData.mockImplementation(staticDataGetter(staticData, node));
	context.getMode.mockReturnValue(options.mode ?? 'webhook');
	context.getWorkflow.mockReturnValue({
		id: options.workflowId ?? 'workflow-under-test',
		name: 'test',
		active: true,
	});
	context.getNode.mockReturnValue(node);
	Object.assign(context, {
		helpers: requestHelpers(options.credentials),
		logger: recordingLogger(warnings),
	});
	return { context, response, warnings };
}

export interface WebhookCall {
	result: IWebhookResponseData;
	/** What the sender received. */
	response: CapturedResponse;
	/** The items the execution starts with; empty when none starts. */
	items: INodeExecutionData[];
	json: IDataObject;
	/** What the trigger wrote to n8n's log as warnings. */
	warnings: string[];
	/** With `saveWrittenLater`: the database writes the save now, then n8n answers the sender. */
	writeSave?: () => void;
}

export interface FinishOptions {
	/** n8n could not create or enqueue the execution (a database or Redis failure). */
	executionFails?: boolean;
	/**
	 * The save of a call that started an execution is serialised now but written only at `writeSave()`
	 * (a database connection that sends it late); n8n answers the sender after the write.
	 */
	saveWrittenLater?: boolean;
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
	if (options.senderLeftEarly) response.close();
	// The stricter case: a Workflow built on the same object (n8n 2.41.1 reloads static data for the
	// execution instead, but nothing promises it) wraps every object in it, the triggers' values too, in
	// ObservableObject proxies, and the save serialises through them.
	const serialise = () => (changed ? JSON.stringify(ObservableObject.create(working)) : undefined);
	const write = (serialised: string | undefined) => {
		if (serialised !== undefined) replaceContents(stored, JSON.parse(serialised) as IDataObject);
	};
	// n8n's save serialises the whole object with JSON.stringify (toJSON included).
	const save = () => write(serialise());
	const result = await node.webhook!.call(context as IWebhookFunctions);
	return {
		result,
		abortSender: () => response.close(),
		finish({ executionFails = false, saveWrittenLater = false } = {}) {
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
				const serialised = serialise();
				const writeSave = () => {
					write(serialised);
					response.status(200).json(answer ?? { message: 'Workflow was started' });
				};
				if (saveWrittenLater) {
					return { result, response: {}, items, json: items[0]?.json ?? {}, warnings, writeSave };
				}
				writeSave();
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
