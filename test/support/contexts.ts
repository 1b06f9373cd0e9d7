/**
 * The n8n context of an action node in a unit test: use `executeContext` to run an action node's
 * execute() (see test/unit/<provider>/<resource>/<operation>.test.ts). To drive a trigger, use
 * triggerHarness.ts, which builds its contexts from the pieces exported at the end of this file.
 *
 * Parameters and credentials are plain objects; HTTP is real: requests go over the loopback to the fake
 * provider APIs, with the auth headers the credential class itself declares. The real n8n request stack
 * is covered by the e2e suite.
 */
import { mock } from 'jest-mock-extended';
import type {
	IBinaryData,
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	INode,
	INodeExecutionData,
	Logger,
} from 'n8n-workflow';

import type { FakeServer } from '../../dev/fakes/fakeServer';
import { SILENT_LOGGER } from './fakes';
import { authenticatedRequest } from './http';

export { performRequest } from './http';

export type Credentials = Record<string, ICredentialDataDecryptedObject>;

/** An action node: what runAction needs of it. */
export interface ActionNodeClass {
	execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]>;
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
	Object.assign(context, { helpers: requestHelpers(options.credentials), logger: SILENT_LOGGER });
	return context;
}

/** Runs an action node's execute() as n8n does for its input items; its first output, and the context. */
export async function runAction(node: ActionNodeClass, options: ExecuteContextOptions) {
	const context = executeContext(options);
	const [items] = await node.execute.call(context);
	return { items, context };
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
	Object.assign(context, { helpers: requestHelpers(options.credentials), logger: SILENT_LOGGER });
	return context;
}

export interface RunOptions<Overrides> {
	/** What the test changes in the file's credential (its key, say). */
	credentials?: Overrides;
	continueOnFail?: boolean;
}

/**
 * An action test file's runner over a provider's fake: `run(parameters)` runs the node with the
 * credential `credentialsFor` gives; `operation(resource, name)` runs one operation, given the rest of
 * its parameters. Both give the first output and the context.
 */
export function actionRunner<Overrides>(
	node: ActionNodeClass,
	credentialsFor: (overrides?: Overrides) => Credentials,
) {
	const run = async (
		parameters: IDataObject | IDataObject[],
		options: RunOptions<Overrides> = {},
	): Promise<{ items: INodeExecutionData[]; context: IExecuteFunctions }> =>
		await runAction(node, {
			parameters,
			credentials: credentialsFor(options.credentials),
			continueOnFail: options.continueOnFail,
		});
	const operation =
		(resource: string, name: string) =>
		async (parameters: IDataObject = {}, options: RunOptions<Overrides> = {}) =>
			await run({ resource, operation: name, ...parameters }, options);
	return { run, operation };
}

/** actionRunner, giving the items only. */
export function itemRunner<Overrides>(
	node: ActionNodeClass,
	credentialsFor: (overrides?: Overrides) => Credentials,
) {
	const runner = actionRunner(node, credentialsFor);
	return {
		run: async (parameters: IDataObject | IDataObject[], options: RunOptions<Overrides> = {}) =>
			(await runner.run(parameters, options)).items,
		operation:
			(resource: string, name: string) =>
			async (parameters: IDataObject = {}, options: RunOptions<Overrides> = {}) =>
				(await runner.operation(resource, name)(parameters, options)).items,
	};
}

/** Starts fake servers before a test file's tests, stops them after, and resets them before each test. */
export function fakesAroundTests(...servers: FakeServer[]): void {
	beforeAll(async () => {
		for (const server of servers) await server.start();
	});
	afterAll(async () => {
		for (const server of servers) await server.stop();
	});
	beforeEach(() => {
		for (const server of servers) server.reset();
	});
}

/* The building blocks of the contexts here and in the trigger harness. */

function getPath(source: unknown, path: string): unknown {
	return path
		.split('.')
		.reduce<unknown>((value, key) => (value as IDataObject | undefined)?.[key], source);
}

export function parameterGetter(parameters: IDataObject | IDataObject[]) {
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

export function credentialGetter(credentials: Credentials) {
	return async (type: string) => {
		const found = credentials[type];
		if (!found) throw new Error(`No credentials of type ${type} in this test`);
		return found;
	};
}

export function requestHelpers(credentials: Credentials) {
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

export function testNode(name: string, parameters: IDataObject): INode {
	return {
		id: `${name}-node-id`,
		name,
		type: `n8n-nodes-lab-testing.${name}`,
		typeVersion: 1,
		position: [0, 0],
		parameters,
	} as INode;
}

/** A logger that keeps the warnings, to check what a trigger writes to n8n's log. */
export function recordingLogger(warnings: string[]): Logger {
	const logger = mock<Logger>();
	logger.warn.mockImplementation((message: string) => void warnings.push(message));
	return logger;
}

/** n8n's static data namespaces: one shared by the workflow's nodes (`global`), one per node (`node:<name>`). */
export function staticDataGetter(staticData: IDataObject, node: INode) {
	return (type: string): IDataObject => {
		const key = type === 'global' ? 'global' : `node:${node.name}`;
		staticData[key] ??= {};
		return staticData[key] as IDataObject;
	};
}
