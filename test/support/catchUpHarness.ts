import type {
	ExecutionError,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	INode,
	INodeExecutionData,
	INodeType,
	IRun,
	ITriggerFunctions,
	ITriggerResponse,
} from 'n8n-workflow';

import { lastRound } from '../../nodes/shared/catchUp/rounds';
import { authenticatedRequest } from './http';
import { deferred, SILENT_LOGGER, type Deferred } from './fakes';
import type { Credentials } from './contexts';

/**
 * A catch-up node run as n8n 2.41.1 runs it (what /work/notes/catch-up-design.md saw): `trigger()` at
 * activation with a copy of static data loaded then, which n8n saves (whole) once activation ends and
 * at every emit; each `emit` with a key already used creates no execution (its done promise resolves
 * undefined); otherwise the execution runs the node's `execute()` with the emitted items and a copy of
 * static data loaded at its creation, saved (whole) when it ends if it changed. HTTP is real (the fakes
 * on the loopback).
 */
export interface HarnessOptions {
	node: INodeType;
	parameters: IDataObject;
	credentials: Credentials;
	workflowId?: string;
	nodeName?: string;
	/** Keep each execution's items (tests); a benchmark only counts them. */
	keepExecutions?: boolean;
}

export interface HarnessExecution {
	key: string;
	input: INodeExecutionData[];
	output: INodeExecutionData[];
}

const clone = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

export class CatchUpHarness {
	/** The workflow's static data as the database holds it. */
	stored: IDataObject = {};
	readonly keys = new Set<string>();
	readonly executions: HarnessExecution[] = [];
	/** Executions created, kept or not. */
	executionCount = 0;
	/** Emits n8n turned down (a key already used). */
	duplicates = 0;
	readonly failures: ExecutionError[] = [];
	/** Set to make n8n fail to create executions (its database down). */
	failCreation = false;
	private tick?: () => void;
	private response?: ITriggerResponse;
	private readonly node: INode;
	private readonly pending = new Set<Promise<unknown>>();

	constructor(private readonly options: HarnessOptions) {
		this.node = {
			id: 'catch-up-node-id',
			name: options.nodeName ?? 'Catch-Up',
			type: 'n8n-nodes-lab-testing.catchUp',
			typeVersion: 1,
			position: [0, 0],
			parameters: options.parameters,
		} as INode;
	}

	get workflowId(): string {
		return this.options.workflowId ?? 'catch-up-workflow';
	}

	/** Publishes (or restarts): trigger() with a fresh copy of static data, saved when it returns. */
	async activate(): Promise<void> {
		const copy = clone(this.stored);
		this.response = await this.options.node.trigger!.call(this.triggerContext(copy));
		// n8n saves the activation's copy as soon as trigger() returns; the first round goes on after.
		this.stored = clone(copy);
		await lastRound(this.workflowId, this.node.id);
		await this.settled();
	}

	async deactivate(): Promise<void> {
		await this.response?.closeFunction?.();
		this.tick = undefined;
	}

	/** One scheduled tick, awaited with every execution it started. */
	async round(): Promise<void> {
		if (!this.tick) throw new Error('Not active');
		this.tick();
		await lastRound(this.workflowId, this.node.id);
		await this.settled();
	}

	/** The items every execution passed on, in order. */
	get passedOn(): IDataObject[] {
		return this.executions.flatMap((execution) => execution.output.map((item) => item.json));
	}

	private async settled(): Promise<void> {
		while (this.pending.size) await Promise.all([...this.pending]);
	}

	private parameter = (name: string, fallback?: unknown) => {
		const value = name
			.split('.')
			.reduce<unknown>(
				(scope, part) => (scope as IDataObject | undefined)?.[part],
				this.options.parameters,
			);
		return value === undefined ? fallback : value;
	};

	private common(staticData: IDataObject, mode: string) {
		return {
			getNode: () => this.node,
			getWorkflow: () => ({ id: this.workflowId, name: 'catch-up', active: true }),
			getMode: () => mode,
			getNodeParameter: this.parameter,
			getCredentials: async (type: string) => this.options.credentials[type],
			getWorkflowStaticData: (type: string) => {
				const key = type === 'global' ? 'global' : `node:${this.node.name}`;
				return (staticData[key] ??= {}) as IDataObject;
			},
			logger: SILENT_LOGGER,
		};
	}

	private helpers() {
		return {
			httpRequestWithAuthentication: async (type: string, options: IHttpRequestOptions) =>
				await authenticatedRequest(this.options.credentials, type, options),
			prepareBinaryData: async (data: Buffer, fileName?: string, mimeType?: string) => ({
				data: data.toString('base64'),
				fileName,
				mimeType: mimeType ?? 'application/octet-stream',
			}),
			returnJsonArray: (data: IDataObject[]) => data.map((json) => ({ json })),
		};
	}

	private triggerContext(copy: IDataObject): ITriggerFunctions {
		const context = {
			...this.common(copy, 'trigger'),
			getActivationMode: () => 'activate',
			emit: (
				data: INodeExecutionData[][],
				_response: unknown,
				done?: Deferred<IRun | undefined>,
				key?: string,
			) => {
				// n8n saves the trigger's copy of static data first, whole (last writer wins).
				this.stored = clone(copy);
				const run = this.execute(data[0] ?? [], key ?? '');
				this.pending.add(run);
				void run
					.then(
						(result) => done?.resolve(result),
						(error: Error) => done?.reject(error),
					)
					.finally(() => this.pending.delete(run));
			},
			saveFailedExecution: (error: ExecutionError) => this.failures.push(error),
			emitError: (error: Error) => this.failures.push(error as ExecutionError),
			helpers: {
				...this.helpers(),
				createDeferredPromise: deferred,
				registerCron: (_cron: unknown, onTick: () => void) => (this.tick = onTick),
			},
		};
		return context as unknown as ITriggerFunctions;
	}

	/** What n8n does with one emit: a key already used starts nothing; else an execution runs the node. */
	private async execute(input: INodeExecutionData[], key: string): Promise<IRun | undefined> {
		await Promise.resolve();
		if (this.failCreation) throw new Error('n8n could not create the execution');
		if (this.keys.has(key)) {
			this.duplicates++;
			return undefined;
		}
		this.keys.add(key);
		const copy = clone(this.stored);
		const context = {
			...this.common(copy, 'trigger'),
			getInputData: () => clone(input),
			helpers: this.helpers(),
		} as unknown as IExecuteFunctions;
		const before = JSON.stringify(copy);
		const output = ((await this.options.node.execute!.call(context)) as INodeExecutionData[][])[0];
		this.executionCount++;
		if (this.options.keepExecutions !== false) this.executions.push({ key, input, output });
		if (JSON.stringify(copy) !== before) this.stored = clone(copy);
		return { status: 'success' } as IRun;
	}

	/** The editor's test run: execute() in manual mode with one empty item. */
	async manualRun(): Promise<INodeExecutionData[]> {
		const copy = clone(this.stored);
		const context = {
			...this.common(copy, 'manual'),
			getInputData: () => [{ json: {} }],
			helpers: this.helpers(),
		} as unknown as IExecuteFunctions;
		return ((await this.options.node.execute!.call(context)) as INodeExecutionData[][])[0];
	}
}
