/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- benchmarks run in Node, not inside n8n */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

import type { IDataObject } from 'n8n-workflow';

import { HURDLE_MAX_PAGE_SIZE } from '../nodes/Hurdle/transport';
import { LAB_TESTS_MAX_PAGE_SIZE } from '../nodes/Junction/actions/labTest/getMany.operation';
import { ORDERS_MAX_PAGE_SIZE } from '../nodes/Junction/actions/order/getMany.operation';
import { LML_MAX_PAGE_SIZE } from '../nodes/LondonMedicalLaboratory/transport';
import { TEST_PROVIDERS, testProvider, type ProviderKey } from '../dev/fakes';
import type { FakeServer } from '../dev/fakes/fakeServer';
import type { GetManyChildResult, GetManyChildSpec } from './getManyChild';
import { formatNumber, table } from './stats';

/**
 * Measure 4, Get Many with Return All: requests issued and memory, for 1k / 10k / 50k records in the
 * fake APIs. The fakes run here; each Get Many runs in a child process of its own (getManyChild.ts),
 * so its peak RSS (VmHWM) is its own. Requests must equal ceil(records / largest page the API allows).
 */
const execFileAsync = promisify(execFile);
const MiB = 2 ** 20;

interface Case {
	name: string;
	/** Whose action node runs, against whose fake. */
	provider: ProviderKey;
	parameters: IDataObject;
	/** The list endpoint whose requests are counted. */
	path: string;
	maxPageSize: number;
}

const CASES: Case[] = [
	{
		name: 'LML test registrations',
		provider: 'londonMedicalLaboratory',
		parameters: {
			resource: 'testRegistration',
			operation: 'getMany',
			returnAll: true,
			filters: {},
		},
		path: '/api/test_registration/',
		maxPageSize: LML_MAX_PAGE_SIZE,
	},
	{
		name: 'LML orders',
		provider: 'londonMedicalLaboratory',
		parameters: { resource: 'order', operation: 'getMany', returnAll: true },
		path: '/api/order/',
		maxPageSize: LML_MAX_PAGE_SIZE,
	},
	{
		name: 'Hurdle orders (cursor)',
		provider: 'hurdle',
		parameters: { resource: 'order', operation: 'getMany', returnAll: true },
		path: '/orders/v3',
		maxPageSize: HURDLE_MAX_PAGE_SIZE,
	},
	{
		name: 'Hurdle products (page number)',
		provider: 'hurdle',
		parameters: { resource: 'product', operation: 'getMany', returnAll: true },
		path: '/products/v1',
		maxPageSize: HURDLE_MAX_PAGE_SIZE,
	},
	{
		name: 'Junction orders (page number)',
		provider: 'junction',
		parameters: { resource: 'order', operation: 'getMany', returnAll: true, filters: {} },
		path: '/v3/orders',
		maxPageSize: ORDERS_MAX_PAGE_SIZE,
	},
	{
		name: 'Junction lab tests (cursor)',
		provider: 'junction',
		parameters: { resource: 'labTest', operation: 'getMany', returnAll: true, filters: {} },
		path: '/v3/lab_test',
		maxPageSize: LAB_TESTS_MAX_PAGE_SIZE,
	},
];

export interface GetManyRow {
	name: string;
	records: number;
	items: number;
	requests: number;
	expectedRequests: number;
	requestsMatch: boolean;
	milliseconds: number;
	peakRssMiB: number;
	/** Peak RSS above that of a child that loaded the same modules and fetched nothing. */
	peakRssOverBaselineMiB: number;
	heapDeltaMiB: number;
}

export interface GetManyResult {
	baselineRssMiB: number;
	rows: GetManyRow[];
}

async function runChild(spec: GetManyChildSpec): Promise<GetManyChildResult> {
	const child = join(__dirname, 'getManyChild.js');
	const { stdout } = await execFileAsync(
		process.execPath,
		['--expose-gc', child, JSON.stringify(spec)],
		{
			timeout: 300_000,
			maxBuffer: 1024 * 1024,
		},
	);
	return JSON.parse(stdout.trim().split('\n').pop()!) as GetManyChildResult;
}

/** Each provider's fake, every list the cases page through holding `records` records. */
function fakesFor(records: number): Record<ProviderKey, FakeServer> {
	return Object.fromEntries(
		TEST_PROVIDERS.map(({ key, createFake }) => [key, createFake(records)]),
	) as Record<ProviderKey, FakeServer>;
}

export async function benchmarkGetMany({
	sizes,
	progress,
}: {
	sizes: number[];
	progress(step: string): void;
}): Promise<GetManyResult> {
	const baseline = await runChild({ parameters: {}, credentialType: 'none', credentials: {} });
	const baselineRssMiB = baseline.peakRssBytes / MiB;
	const rows: GetManyRow[] = [];
	for (const records of sizes) {
		const fakes = fakesFor(records);
		try {
			for (const fake of Object.values(fakes)) await fake.start();
			for (const testCase of CASES) {
				const fake = fakes[testCase.provider];
				fake.reset();
				const { provider, credentials } = testProvider(testCase.provider);
				const result = await runChild({
					node: testCase.provider,
					parameters: testCase.parameters,
					credentialType: provider.credentialType,
					credentials: credentials({ baseUrl: fake.url }),
				});
				const requests = fake.requests.filter((request) => request.path === testCase.path).length;
				const expectedRequests = Math.ceil(records / testCase.maxPageSize);
				if (result.items !== records)
					throw new Error(`${testCase.name}: ${result.items} items for ${records} records`);
				rows.push({
					name: testCase.name,
					records,
					items: result.items,
					requests,
					expectedRequests,
					requestsMatch: requests === expectedRequests && fake.requests.length === requests,
					milliseconds: result.milliseconds,
					peakRssMiB: result.peakRssBytes / MiB,
					peakRssOverBaselineMiB: (result.peakRssBytes - baseline.peakRssBytes) / MiB,
					heapDeltaMiB: result.heapDeltaBytes / MiB,
				});
				progress(
					`Get Many ${testCase.name}, ${records} records: ${requests} requests (expected ${expectedRequests}), ${formatNumber(result.milliseconds)} ms, peak RSS ${formatNumber(result.peakRssBytes / MiB)} MiB`,
				);
			}
		} finally {
			await Promise.all(Object.values(fakes).map(async (fake) => await fake.stop()));
		}
	}
	return { baselineRssMiB, rows };
}

export function printGetMany(result: GetManyResult): string {
	return table(
		[
			`Get Many, Return All (child process; baseline RSS ${formatNumber(result.baselineRssMiB)} MiB)`,
			'records',
			'requests',
			'ceil(n/page)',
			'ms',
			'peak RSS MiB',
			'over baseline MiB',
			'heap held MiB',
		],
		result.rows.map((row) => [
			row.name,
			formatNumber(row.records),
			`${formatNumber(row.requests)} ${row.requestsMatch ? '✓' : '✗'}`,
			formatNumber(row.expectedRequests),
			formatNumber(row.milliseconds),
			formatNumber(row.peakRssMiB),
			formatNumber(row.peakRssOverBaselineMiB),
			formatNumber(row.heapDeltaMiB, 1),
		]),
	);
}
