/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- benchmarks run in Node, not inside n8n */
import { readFileSync } from 'node:fs';

import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHttpRequestOptions,
	INode,
	INodeExecutionData,
} from 'n8n-workflow';

import { authenticatedRequest } from '../test/support/http';
import { testProvider, type ProviderKey } from '../dev/fakes';

/**
 * One Get Many in a fresh process (started by getMany.ts with --expose-gc), so its peak RSS is its own:
 * the action node's `execute` on a minimal IExecuteFunctions whose HTTP goes to the fake API over the
 * loopback. Prints one JSON line: items returned, time, heap growth while the items are held, peak RSS.
 * With no node named, it only loads the same modules: the baseline RSS of such a process.
 */
export interface GetManyChildSpec {
	/** The provider whose action node runs. */
	node?: ProviderKey;
	parameters: IDataObject;
	credentialType: string;
	credentials: ICredentialDataDecryptedObject;
}

export interface GetManyChildResult {
	items: number;
	milliseconds: number;
	heapDeltaBytes: number;
	peakRssBytes: number;
	resourceUsageMaxRssBytes: number;
	rssBeforeBytes: number;
}

function executeStandIn(spec: GetManyChildSpec): IExecuteFunctions {
	const node: INode = {
		id: 'bench-action',
		name: 'Action',
		type: `bench.${spec.node}`,
		typeVersion: 1,
		position: [0, 0],
		parameters: spec.parameters as INode['parameters'],
	};
	const credentials = { [spec.credentialType]: spec.credentials };
	return {
		getInputData: () => [{ json: {} }],
		getNodeParameter: (name: string, _itemIndex: number, fallback?: unknown) =>
			spec.parameters[name] ?? fallback,
		getCredentials: async (type: string) => credentials[type],
		getNode: () => node,
		continueOnFail: () => false,
		logger: {
			warn: () => undefined,
			debug: () => undefined,
			info: () => undefined,
			error: () => undefined,
		},
		helpers: {
			httpRequestWithAuthentication: async (type: string, options: IHttpRequestOptions) =>
				await authenticatedRequest(credentials, type, options),
			constructExecutionMetaData: (
				items: INodeExecutionData[],
				{ itemData }: { itemData: { item: number } },
			) => items.map((item) => ({ ...item, pairedItem: itemData })),
			returnJsonArray: (data: IDataObject | IDataObject[]) =>
				(Array.isArray(data) ? data : [data]).map((json) => ({ json })),
		},
	} as unknown as IExecuteFunctions;
}

/**
 * This process's own peak RSS: VmHWM, the high-water mark of its memory map. `process.resourceUsage()
 * .maxRSS` is not used: on Linux a child started by fork + exec carries over the RSS its parent had at the
 * fork (the kernel keeps the larger of the two at exec), so it shows the benchmark process, not this one.
 */
function peakRssBytes(): number {
	const line = readFileSync('/proc/self/status', 'utf8')
		.split('\n')
		.find((entry) => entry.startsWith('VmHWM:'));
	if (!line) throw new Error('No VmHWM in /proc/self/status');
	return Number(line.replace(/\D+/g, '')) * 1024;
}

async function main(): Promise<void> {
	const spec = JSON.parse(process.argv[2] ?? '{}') as GetManyChildSpec;
	const gc = (globalThis as { gc?: () => void }).gc;
	if (!gc) throw new Error('Run with --expose-gc');
	gc();
	const heapBefore = process.memoryUsage().heapUsed;
	const rssBeforeBytes = process.memoryUsage().rss;
	let output: INodeExecutionData[][] = [[]];
	const started = process.hrtime.bigint();
	if (spec.node)
		output = (await new (testProvider(spec.node).Action)().execute!.call(
			executeStandIn(spec),
		)) as INodeExecutionData[][];
	const milliseconds = Number(process.hrtime.bigint() - started) / 1e6;
	gc();
	const heapDeltaBytes = process.memoryUsage().heapUsed - heapBefore;
	const result: GetManyChildResult = {
		items: output[0].length,
		milliseconds,
		heapDeltaBytes,
		peakRssBytes: peakRssBytes(),
		// Kilobytes on Linux; see peakRssBytes() for why it is not the figure reported.
		resourceUsageMaxRssBytes: process.resourceUsage().maxRSS * 1024,
		rssBeforeBytes,
	};
	process.stdout.write(`${JSON.stringify(result)}\n`);
}

main().catch((error: unknown) => {
	process.stderr.write(`${(error as Error).stack ?? String(error)}\n`);
	process.exitCode = 1;
});
