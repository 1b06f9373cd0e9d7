import { mock } from 'jest-mock-extended';
import type {
	IBinaryData,
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	INode,
	INodeExecutionData,
	IWebhookFunctions,
	Logger,
} from 'n8n-workflow';

import { FakeResponse } from './fakeResponse';
import { authenticatedRequest } from './http';

export { performRequest } from './http';

/**
 * n8n function contexts for unit tests. Parameters, credentials and static data are plain objects;
 * HTTP is real: requests go over the loopback to the fake provider APIs, with the auth headers the
 * credential class itself declares. The real n8n request stack is covered by the e2e suite.
 */
export type Credentials = Record<string, ICredentialDataDecryptedObject>;

function getPath(source: unknown, path: string): unknown {
	return path
		.split('.')
		.reduce<unknown>((value, key) => (value as IDataObject | undefined)?.[key], source);
}

function parameterGetter(parameters: IDataObject | IDataObject[]) {
	return (
		name: string,
		itemIndex = 0,
		fallback?: unknown,
		options?: { extractValue?: boolean },
	) => {
		const scope = Array.isArray(parameters) ? parameters[itemIndex] : parameters;
		const value = getPath(scope, name);
		if (value === undefined) {
			if (fallback !== undefined) return fallback;
			throw new Error(`Could not get parameter "${name}"`);
		}
		if (
			options?.extractValue &&
			typeof value === 'object' &&
			value !== null &&
			'__rl' in value === false &&
			'mode' in value
		) {
			return (value as IDataObject).value;
		}
		return value;
	};
}

function credentialGetter(credentials: Credentials) {
	return async (type: string) => {
		const found = credentials[type];
		if (!found) throw new Error(`No credentials of type ${type} in this test`);
		return found;
	};
}

function requestHelpers(credentials: Credentials) {
	return {
		httpRequestWithAuthentication: jest.fn(
			async (type: string, options: IHttpRequestOptions) =>
				await authenticatedRequest(credentials, type, options),
		),
		returnJsonArray: (data: IDataObject | IDataObject[]) =>
			(Array.isArray(data) ? data : [data]).map((json) => ({ json })),
		prepareBinaryData: jest.fn(
			async (data: Buffer, fileName?: string, mimeType?: string): Promise<IBinaryData> => ({
				data: data.toString('base64'),
				fileName,
				mimeType: mimeType ?? 'application/octet-stream',
				fileSize: String(data.length),
			}),
		),
		constructExecutionMetaData: (
			items: INodeExecutionData[],
			{ itemData }: { itemData: { item: number } },
		) => items.map((item) => ({ ...item, pairedItem: itemData })),
	};
}

function testNode(name: string, parameters: IDataObject): INode {
	return {
		id: `${name}-node-id`,
		name,
		type: `n8n-nodes-lab-testing.${name}`,
		typeVersion: 1,
		position: [0, 0],
		parameters,
	} as INode;
}

function silentLogger(): Logger {
	return mock<Logger>();
}

/** A logger that keeps the warnings, to check what a trigger writes to n8n's log. */
function recordingLogger(warnings: string[]): Logger {
	const logger = mock<Logger>();
	logger.warn.mockImplementation((message: string) => void warnings.push(message));
	return logger;
}

export interface ExecuteContextOptions {
	/** One parameter set for all items, or one per item. */
	parameters: IDataObject | IDataObject[];
	credentials: Credentials;
	items?: number;
	/** The input items' JSON (default `{index}` per item). */
	inputItems?: IDataObject[];
	continueOnFail?: boolean;
	/** What getWorkflow() answers: the workflow's id. */
	workflowId?: string;
}

export function executeContext(options: ExecuteContextOptions): IExecuteFunctions {
	const itemCount =
		options.items ??
		options.inputItems?.length ??
		(Array.isArray(options.parameters) ? options.parameters.length : 1);
	const context = mock<IExecuteFunctions>();
	context.getInputData.mockReturnValue(
		Array.from({ length: itemCount }, (_, index) => ({
			json: options.inputItems?.[index] ?? { index },
		})),
	);
	context.getWorkflow.mockReturnValue({
		id: options.workflowId ?? 'workflow-under-test',
		name: 'test',
		active: true,
	});
	context.getNodeParameter.mockImplementation(
		parameterGetter(options.parameters) as IExecuteFunctions['getNodeParameter'],
	);
	context.getCredentials.mockImplementation(
		credentialGetter(options.credentials) as IExecuteFunctions['getCredentials'],
	);
	context.getNode.mockReturnValue(
		testNode(
			'action',
			Array.isArray(options.parameters) ? options.parameters[0] : options.parameters,
		),
	);
	context.continueOnFail.mockReturnValue(options.continueOnFail ?? false);
	Object.assign(context, { helpers: requestHelpers(options.credentials), logger: silentLogger() });
	return context;
}

export interface LoadOptionsContextOptions {
	/** The node's current parameters, as the editor sends them with a list search. */
	parameters?: IDataObject;
	credentials: Credentials;
}

/** The context of a `listSearch` or `loadOptions` method: what the editor's searchable lists call. */
export function loadOptionsContext(options: LoadOptionsContextOptions): ILoadOptionsFunctions {
	const parameters = options.parameters ?? {};
	const context = mock<ILoadOptionsFunctions>();
	context.getNodeParameter.mockImplementation(
		parameterGetter(parameters) as unknown as ILoadOptionsFunctions['getNodeParameter'],
	);
	context.getCurrentNodeParameter.mockImplementation(
		(name: string) =>
			getPath(parameters, name) as ReturnType<ILoadOptionsFunctions['getCurrentNodeParameter']>,
	);
	context.getCredentials.mockImplementation(
		credentialGetter(options.credentials) as ILoadOptionsFunctions['getCredentials'],
	);
	context.getNode.mockReturnValue(testNode('action', parameters));
	Object.assign(context, { helpers: requestHelpers(options.credentials), logger: silentLogger() });
	return context;
}

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
}

export interface CapturedResponse {
	status?: number;
	body?: IDataObject;
	headers?: Record<string, string>;
}

export function rawBodyOf(body: unknown): Buffer {
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
	context.getNodeParameter.mockImplementation(((name: string, fallback?: unknown) =>
		parameterGetter(options.parameters)(
			name,
			0,
			fallback,
		)) as IWebhookFunctions['getNodeParameter']);
	context.getCredentials.mockImplementation(
		credentialGetter(options.credentials) as IWebhookFunctions['getCredentials'],
	);
	context.getRequestObject.mockReturnValue(request as never);
	context.getResponseObject.mockReturnValue(res as never);
	context.getHeaderData.mockReturnValue(headers);
	context.getQueryData.mockReturnValue(options.request.query ?? {});
	const node = testNode(options.nodeId ?? 'trigger', options.parameters);
	// n8n's namespaces: one shared by the workflow's nodes, one per node.
	context.getWorkflowStaticData.mockImplementation((type: string) => {
		const key = type === 'global' ? 'global' : `node:${node.name}`;
		staticData[key] ??= {};
		return staticData[key] as IDataObject;
	});
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

export interface HookContextOptions {
	/**
	 * The workflow's static data, with n8n's namespaces (`global`, `node:<name>`). n8n's hook context
	 * works on it directly and saves it after activation; pass the same object to callWebhook.
	 */
	staticData?: IDataObject;
	/** What getNodeWebhookUrl('default') answers. */
	webhookUrl?: string;
	workflow?: { id: string; name: string };
	/** Receives what the webhook lifecycle logs as warnings. */
	warnings?: string[];
}

export function hookContext(
	parameters: IDataObject,
	credentials: Credentials,
	options: HookContextOptions = {},
): IHookFunctions {
	const context = mock<IHookFunctions>();
	context.getNodeParameter.mockImplementation(((name: string, fallback?: unknown) =>
		parameterGetter(parameters)(name, 0, fallback)) as IHookFunctions['getNodeParameter']);
	context.getCredentials.mockImplementation(
		credentialGetter(credentials) as IHookFunctions['getCredentials'],
	);
	const node = testNode('trigger', parameters);
	context.getNode.mockReturnValue(node);
	const staticData = options.staticData ?? {};
	context.getWorkflowStaticData.mockImplementation((type: string) => {
		const key = type === 'global' ? 'global' : `node:${node.name}`;
		staticData[key] ??= {};
		return staticData[key] as IDataObject;
	});
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
		logger: options.warnings ? recordingLogger(options.warnings) : silentLogger(),
	});
	return context;
}
