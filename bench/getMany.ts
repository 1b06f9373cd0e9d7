/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- benchmarks run in Node, not inside n8n */
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import { HURDLE_MAX_PAGE_SIZE } from '../nodes/Hurdle/transport';
import { LAB_TESTS_MAX_PAGE_SIZE } from '../nodes/Junction/actions/labTest/getMany.operation';
import { ORDERS_MAX_PAGE_SIZE } from '../nodes/Junction/actions/order/getMany.operation';
import { LML_MAX_PAGE_SIZE } from '../nodes/LondonMedicalLaboratory/transport';
import {
	createHurdleFake,
	hurdleFakeData,
	HURDLE_FAKE_API_KEY,
} from '../test/support/providers/hurdle/fake';
import {
	createJunctionFake,
	junctionFakeData,
	JUNCTION_FAKE_KEY,
} from '../test/support/providers/junction/fake';
import {
	createLmlFake,
	lmlFakeData,
	LML_FAKE_TOKEN,
} from '../test/support/providers/londonMedicalLaboratory/fake';
import type { FakeServer } from '../test/support/fakeServer';
import type { GetManyChildResult, GetManyChildSpec } from './getManyChild';
import { formatNumber, table } from './stats';

/**
 * Measure 4, Get Many with Return All: requests issued and memory, for 1k / 10k / 50k records in the
 * fake APIs. The fakes run here; each Get Many runs in a child process of its own (getManyChild.ts),
 * so its peak RSS (VmHWM) is its own. Requests must equal ceil(records / largest page the API allows).
 */
const execFileAsync = promisify(execFile);
const MiB = 2 ** 20;

type Provider = 'lml' | 'hurdle' | 'junction';

interface Case {
	name: string;
	provider: Provider;
	node: NonNullable<GetManyChildSpec['node']>;
	parameters: IDataObject;
	/** The list endpoint whose requests are counted. */
	path: string;
	maxPageSize: number;
}

const CASES: Case[] = [
	{
		name: 'LML test registrations',
		provider: 'lml',
		node: 'londonMedicalLaboratory',
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
		provider: 'lml',
		node: 'londonMedicalLaboratory',
		parameters: { resource: 'order', operation: 'getMany', returnAll: true },
		path: '/api/order/',
		maxPageSize: LML_MAX_PAGE_SIZE,
	},
	{
		name: 'Hurdle orders (cursor)',
		provider: 'hurdle',
		node: 'hurdle',
		parameters: { resource: 'order', operation: 'getMany', returnAll: true },
		path: '/orders/v3',
		maxPageSize: HURDLE_MAX_PAGE_SIZE,
	},
	{
		name: 'Hurdle products (page number)',
		provider: 'hurdle',
		node: 'hurdle',
		parameters: { resource: 'product', operation: 'getMany', returnAll: true },
		path: '/products/v1',
		maxPageSize: HURDLE_MAX_PAGE_SIZE,
	},
	{
		name: 'Junction orders (page number)',
		provider: 'junction',
		node: 'junction',
		parameters: { resource: 'order', operation: 'getMany', returnAll: true, filters: {} },
		path: '/v3/orders',
		maxPageSize: ORDERS_MAX_PAGE_SIZE,
	},
	{
		name: 'Junction lab tests (cursor)',
		provider: 'junction',
		node: 'junction',
		parameters: { resource: 'labTest', operation: 'getMany', returnAll: true, filters: {} },
		path: '/v3/lab_test',
		maxPageSize: LAB_TESTS_MAX_PAGE_SIZE,
	},
];

const CREDENTIAL_TYPES: Record<Provider, string> = {
	lml: 'londonMedicalLaboratoryApi',
	hurdle: 'hurdleApi',
	junction: 'junctionApi',
};

function credentialsFor(provider: Provider, url: string): ICredentialDataDecryptedObject {
	if (provider === 'lml') return { environment: 'custom', baseUrl: url, apiToken: LML_FAKE_TOKEN };
	if (provider === 'hurdle')
		return { environment: 'custom', baseUrl: url, apiKey: HURDLE_FAKE_API_KEY };
	return {
		environment: 'custom',
		baseUrl: url,
		apiKey: JUNCTION_FAKE_KEY,
		region: 'auto',
		domain: 'junction',
	};
}

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

function fakesFor(records: number): Record<Provider, FakeServer> {
	return {
		lml: createLmlFake(lmlFakeData({ registrations: records, orders: records, products: 40 })),
		hurdle: createHurdleFake(hurdleFakeData({ products: records, orders: records })),
		junction: createJunctionFake(junctionFakeData({ orders: records, labTests: records })),
	};
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
				const result = await runChild({
					node: testCase.node,
					parameters: testCase.parameters,
					credentialType: CREDENTIAL_TYPES[testCase.provider],
					credentials: credentialsFor(testCase.provider, fake.url),
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
