import type { IDataObject } from 'n8n-workflow';

import { LondonMedicalLaboratory } from '../../../nodes/LondonMedicalLaboratory/LondonMedicalLaboratory.node';
import { executeContext } from '../../support/contexts';
import {
	createLmlFake,
	LML_FAKE_TOKEN,
	LML_PENDING_REGISTRATION,
	lmlFakeData,
} from '../../../dev/fakes/londonMedicalLaboratory/api';
import { LML_SAMPLE_IDS } from '../../../dev/fakes/londonMedicalLaboratory/samples';

const node = new LondonMedicalLaboratory();
const data = lmlFakeData();
const fake = createLmlFake(data);

beforeAll(async () => await fake.start());
afterAll(async () => await fake.stop());
beforeEach(() => fake.reset());

function credentials(token = LML_FAKE_TOKEN) {
	return {
		londonMedicalLaboratoryApi: { environment: 'custom', baseUrl: fake.url, apiToken: token },
	};
}

async function run(
	parameters: IDataObject | IDataObject[],
	options: { token?: string; continueOnFail?: boolean } = {},
) {
	const context = executeContext({
		parameters,
		credentials: credentials(options.token),
		continueOnFail: options.continueOnFail,
	});
	const [items] = await node.execute.call(context);
	return items;
}

const registration = (value: string, mode = 'id') => ({ mode, value });
const listRequests = (path: string) => fake.requests.filter((request) => request.path === path);

describe('London Medical Laboratory: test registrations', () => {
	it.each([
		['id', LML_SAMPLE_IDS.testRegistrationId],
		['trfCode', 'LML-AB1000'],
		['foreignId', 'CLINIC-REF-0'],
	])('gets a registration by %s', async (mode, value) => {
		const [item] = await run({
			resource: 'testRegistration',
			operation: 'get',
			testRegistrationId: registration(value, mode),
			patientData: 'include',
		});
		expect(item.json).toMatchObject({
			id: LML_SAMPLE_IDS.testRegistrationId,
			trf_code: 'LML-AB1000',
			first_name: 'Jane',
		});
		expect(item.pairedItem).toEqual({ item: 0 });
	});

	it('leaves patient details out by default', async () => {
		const [item] = await run({
			resource: 'testRegistration',
			operation: 'get',
			testRegistrationId: registration(LML_SAMPLE_IDS.testRegistrationId),
		});
		expect(item.json).toMatchObject({ id: LML_SAMPLE_IDS.testRegistrationId, status: 'success' });
		for (const field of ['first_name', 'last_name', 'email', 'date_of_birth', 'uk_address'])
			expect(item.json).not.toHaveProperty(field);
	});

	it('returns all registrations over 3 pages of 100', async () => {
		const items = await run({
			resource: 'testRegistration',
			operation: 'getMany',
			returnAll: true,
		});
		expect(items).toHaveLength(data.testRegistrations.length);
		const requests = listRequests('/api/test_registration/');
		expect(requests).toHaveLength(Math.ceil(data.testRegistrations.length / 100));
		expect(requests.map((request) => request.query.page)).toEqual(['1', '2', '3']);
		expect(requests.every((request) => request.query.results_per_page === '100')).toBe(true);
	});

	it('stops at the limit with one request', async () => {
		const items = await run({
			resource: 'testRegistration',
			operation: 'getMany',
			returnAll: false,
			limit: 7,
		});
		expect(items).toHaveLength(7);
		expect(listRequests('/api/test_registration/')).toHaveLength(1);
	});

	it('passes the filters LML documents', async () => {
		await run({
			resource: 'testRegistration',
			operation: 'getMany',
			returnAll: false,
			limit: 5,
			filters: { order: 'order-9', customer: 'cust-1' },
		});
		expect(listRequests('/api/test_registration/')[0].query).toMatchObject({
			order: 'order-9',
			customer: 'cust-1',
		});
	});

	it('leaves empty filters out of the request', async () => {
		await run({
			resource: 'testRegistration',
			operation: 'getMany',
			returnAll: false,
			limit: 5,
			filters: { order: '', customer: 'cust-1' },
		});
		const { query } = listRequests('/api/test_registration/')[0];
		expect(query).toMatchObject({ customer: 'cust-1' });
		expect(query).not.toHaveProperty('order');
	});

	it('explains an empty id instead of calling the API', async () => {
		await expect(
			run({
				resource: 'testRegistration',
				operation: 'get',
				testRegistrationId: registration('  '),
			}),
		).rejects.toThrow('Test Registration is empty');
		expect(fake.requests).toHaveLength(0);
	});
});

describe('London Medical Laboratory: lab results', () => {
	it('returns a summary with normalised rows and the raw results', async () => {
		const [item] = await run({
			resource: 'labResults',
			operation: 'get',
			testRegistrationId: registration(LML_SAMPLE_IDS.testRegistrationId),
			output: 'summary',
		});
		expect(item.json).toMatchObject({
			testRegistrationId: LML_SAMPLE_IDS.testRegistrationId,
			ready: true,
			summary: { total: 4, needingAttention: 2 },
		});
		expect((item.json.summary as IDataObject).text).toContain(
			'TSH 6.8 mU/L (high, range 0.27–4.2)',
		);
		expect(item.json.raw).toEqual(data.labResults[LML_SAMPLE_IDS.testRegistrationId]);
	});

	it('returns one item per biomarker', async () => {
		const items = await run({
			resource: 'labResults',
			operation: 'get',
			testRegistrationId: registration(LML_SAMPLE_IDS.testRegistrationId),
			output: 'biomarkerRows',
		});
		expect(items.map((item) => [item.json.biomarker, item.json.flag])).toEqual([
			['TSH', 'high'],
			['Free T4', 'normal'],
			['Vitamin D', 'low'],
			['Ferritin', 'normal'],
		]);
		expect(
			items.every((item) => item.json.testRegistrationId === LML_SAMPLE_IDS.testRegistrationId),
		).toBe(true);
	});

	it('answers "not ready" for a 204, without failing', async () => {
		const [item] = await run({
			resource: 'labResults',
			operation: 'get',
			testRegistrationId: registration(LML_PENDING_REGISTRATION),
			output: 'summary',
		});
		expect(item.json).toEqual({
			testRegistrationId: LML_PENDING_REGISTRATION,
			ready: false,
			message: 'LML has not released these results yet',
		});
	});

	it('downloads the results PDF as binary data', async () => {
		const [item] = await run({
			resource: 'labResults',
			operation: 'downloadPdf',
			testRegistrationId: registration(LML_SAMPLE_IDS.testRegistrationId),
			binaryPropertyName: 'report',
		});
		expect(item.json).toMatchObject({
			ready: true,
			fileName: `lml-results-${LML_SAMPLE_IDS.testRegistrationId}.pdf`,
		});
		const file = item.binary?.report;
		expect(file?.mimeType).toBe('application/pdf');
		expect(Buffer.from(file!.data, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
	});

	it('has no PDF while results are pending', async () => {
		const [item] = await run({
			resource: 'labResults',
			operation: 'downloadPdf',
			testRegistrationId: registration(LML_PENDING_REGISTRATION),
			binaryPropertyName: 'data',
		});
		expect(item.json).toMatchObject({ ready: false });
		expect(item.binary).toBeUndefined();
	});
});

describe('London Medical Laboratory: orders and products', () => {
	it('gets an order', async () => {
		const [item] = await run({
			resource: 'order',
			operation: 'get',
			orderId: LML_SAMPLE_IDS.orderId,
		});
		expect(item.json).toMatchObject({ id: LML_SAMPLE_IDS.orderId, shipping_status: 'shipped' });
		expect(item.json).not.toHaveProperty('customer');
	});

	it('returns all orders over 3 pages', async () => {
		const items = await run({ resource: 'order', operation: 'getMany', returnAll: true });
		expect(items).toHaveLength(data.orders.length);
		expect(listRequests('/api/order/')).toHaveLength(3);
	});

	it('lists products with filters', async () => {
		const items = await run({
			resource: 'product',
			operation: 'getMany',
			returnAll: true,
			filters: { sku: 'LML-THY-ADV', shipping_type_in: ['home_kit'], all_products: true },
		});
		expect(items.map((item) => item.json.name)).toEqual(['Advanced Thyroid Function']);
		expect(listRequests('/api/product/')[0].query).toMatchObject({
			sku: 'LML-THY-ADV',
			'shipping_type_in[]': 'home_kit',
			all_products: '1',
		});
	});
});

describe('London Medical Laboratory: errors', () => {
	it('explains a rejected token', async () => {
		await expect(
			run(
				{ resource: 'order', operation: 'get', orderId: LML_SAMPLE_IDS.orderId },
				{ token: 'expired' },
			),
		).rejects.toThrow('London Medical Laboratory did not accept the credential');
	});

	it('says when a record does not exist', async () => {
		await expect(run({ resource: 'order', operation: 'get', orderId: 'missing' })).rejects.toThrow(
			'London Medical Laboratory has no such resource',
		);
	});

	it.each([
		['order get', { resource: 'order', operation: 'get', orderId: 'missing' }],
		[
			'test registration get',
			{
				resource: 'testRegistration',
				operation: 'get',
				testRegistrationId: registration('missing'),
			},
		],
		[
			'lab results get',
			{
				resource: 'labResults',
				operation: 'get',
				testRegistrationId: registration('missing'),
				output: 'summary',
			},
		],
		[
			'results PDF',
			{
				resource: 'labResults',
				operation: 'downloadPdf',
				testRegistrationId: registration('missing'),
				binaryPropertyName: 'data',
			},
		],
	])('names the input item an API error belongs to (%s)', async (_name, failing) => {
		const ok = { resource: 'order', operation: 'get', orderId: LML_SAMPLE_IDS.orderId };
		const error = await run([ok, failing]).catch((thrown: unknown) => thrown);
		expect(error).toMatchObject({
			message: 'London Medical Laboratory has no such resource',
			context: { itemIndex: 1 },
		});
	});

	it('continues on fail, one output per input item, each paired with its input', async () => {
		const items = await run(
			[
				{ resource: 'order', operation: 'get', orderId: 'missing' },
				{ resource: 'order', operation: 'get', orderId: LML_SAMPLE_IDS.orderId },
			],
			{ continueOnFail: true },
		);
		expect(items).toHaveLength(2);
		expect(items[0]).toEqual({
			json: { error: 'London Medical Laboratory has no such resource' },
			pairedItem: { item: 0 },
		});
		expect(items[1]).toMatchObject({
			json: { id: LML_SAMPLE_IDS.orderId },
			pairedItem: { item: 1 },
		});
	});
});
