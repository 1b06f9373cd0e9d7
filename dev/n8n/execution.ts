import type { IBinaryData, IDataObject } from 'n8n-workflow';

/** One execution as n8n's public API returns it with `includeData=true`. */
export interface ExecutionRecord {
	id: string;
	workflowId: string;
	status: string;
	mode: string;
	finished: boolean;
	startedAt: string;
	stoppedAt: string | null;
	data?: {
		resultData?: {
			runData?: Record<string, NodeRun[]>;
			error?: ExecutionError;
			lastNodeExecuted?: string;
		};
	};
}

interface NodeRun {
	executionStatus?: string;
	data?: { main?: Array<ExecutionItem[] | null> };
	error?: ExecutionError;
}

export interface ExecutionItem {
	json: IDataObject;
	/** Metadata only (mimeType, fileName, fileSize, id): n8n keeps the bytes in its binary data store. */
	binary?: Record<string, IBinaryData>;
}

export interface ExecutionError {
	message: string;
	description?: string;
	name?: string;
	node?: { name: string };
	httpCode?: string;
}

/** Statuses after which an execution will not change any more. */
export const FINAL_STATUSES = new Set(['success', 'error', 'crashed', 'canceled']);

/** Read access to what one n8n execution did, node by node. */
export class Execution {
	constructor(readonly record: ExecutionRecord) {}

	get id(): string {
		return this.record.id;
	}

	get status(): string {
		return this.record.status;
	}

	get finished(): boolean {
		return FINAL_STATUSES.has(this.record.status);
	}

	/** The error that stopped the execution, if one did. */
	get error(): ExecutionError | undefined {
		return this.record.data?.resultData?.error;
	}

	/** Names of the nodes that ran, in no particular order. */
	get nodesRun(): string[] {
		return Object.keys(this.record.data?.resultData?.runData ?? {});
	}

	/** The items a node emitted on its first output in its first run ([] when it did not run). */
	items(nodeName: string, output = 0): ExecutionItem[] {
		const run = this.record.data?.resultData?.runData?.[nodeName]?.[0];
		return run?.data?.main?.[output] ?? [];
	}

	/** The JSON of those items. */
	json(nodeName: string, output = 0): IDataObject[] {
		return this.items(nodeName, output).map((item) => item.json);
	}
}
