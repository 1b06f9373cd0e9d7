import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { Hurdle } from '../../../nodes/Hurdle/Hurdle.node';
import { HURDLE_MAX_PAGE_SIZE } from '../../../nodes/Hurdle/transport';
import { executeContext } from '../../support/contexts';
import {
	createHurdleFake,
	HURDLE_FAKE_API_KEY,
	HURDLE_PATIENT_DATA_PRODUCT,
	HURDLE_PENDING_TEST,
	HURDLE_RATE_LIMITED_TEST,
	hurdleFakeData,
} from '../../../dev/fakes/hurdle/api';
import { HURDLE_SAMPLE_IDS } from '../../../dev/fakes/hurdle/samples';

const data = hurdleFakeData();
const fake = createHurdleFake(data);
const node = new Hurdle();

beforeAll(async () => {
	await fake.start();
});
afterAll(async () => {
	await fake.stop();
});
beforeEach(() => {
	fake.reset();
	data.createdOrders.length = 0;
	data.registrations.length = 0;
});

function credentials(overrides: IDataObject = {}) {
	return {
		hurdleApi: {
			environment: 'custom',
			baseUrl: fake.url,
			apiKey: HURDLE_FAKE_API_KEY,
			...overrides,
		},
	};
}

interface RunOptions {
	credentials?: IDataObject;
	continueOnFail?: boolean;
}

async function run(
	parameters: IDataObject | IDataObject[],
	options: RunOptions = {},
): Promise<INodeExecutionData[]> {
	const context = executeContext({
		parameters,
		credentials: credentials(options.credentials),
		continueOnFail: options.continueOnFail,
	});
	const [output] = await node.execute.call(context);
	return output;
}

const orderParameters = {
	resource: 'order',
	operation: 'create',
	productCode: HURDLE_SAMPLE_IDS.productCode,
	quantity: 1,
	firstName: 'Bob',
	lastName: 'Jones',
	email: 'bob@example.com',
	mobileNumber: '447789123456',
	addressLine1: '130 Plumstead Road',
	city: 'London',
	postcode: 'SE18 7DW',
	countryCode: 'gb',
	additionalFields: { addressLine2: 'Plumstead', notes: 'Leave with neighbour' },
};

const registrationParameters = {
	resource: 'test',
	operation: 'registerKit',
	kitId: HURDLE_SAMPLE_IDS.kitId,
	firstName: 'Jane',
	lastName: 'Smith',
	dateOfBirth: '1990-05-12',
	sex: 'f',
	email: 'jane.smith@example.com',
	additionalFields: { barcode: HURDLE_SAMPLE_IDS.barcode },
};

const requestLines = () => fake.requests.map((request) => `${request.method} ${request.path}`);

describe('Order', () => {
	it('gets an order by order number, sending the API key', async () => {
		const [item] = await run({
			resource: 'order',
			operation: 'get',
			orderNumber: ` ${HURDLE_SAMPLE_IDS.orderNumber} `,
		});
		expect(item.json).toMatchObject({
			orderNumber: HURDLE_SAMPLE_IDS.orderNumber,
			status: 'DISPATCHED',
		});
		expect(item.pairedItem).toEqual({ item: 0 });
		expect(requestLines()).toEqual([`GET /orders/v3/${HURDLE_SAMPLE_IDS.orderNumber}`]);
		expect(fake.requests[0].headers['x-api-key']).toBe(HURDLE_FAKE_API_KEY);
	});

	it('leaves patient details out of an order by default, and keeps them on request', async () => {
		const [withoutDetails] = await run({
			resource: 'order',
			operation: 'get',
			orderNumber: HURDLE_SAMPLE_IDS.orderNumber,
		});
		expect(withoutDetails.json).not.toHaveProperty('delivery');
		expect(JSON.stringify(withoutDetails.json)).not.toContain('jane.smith@example.com');
		const [withDetails] = await run({
			resource: 'order',
			operation: 'get',
			orderNumber: HURDLE_SAMPLE_IDS.orderNumber,
			patientData: 'include',
		});
		expect(withDetails.json).toMatchObject({ delivery: { email: 'jane.smith@example.com' } });
	});

	it('encodes the order number so it cannot change the path', async () => {
		await expect(
			run({ resource: 'order', operation: 'get', orderNumber: '../products/v1' }),
		).rejects.toThrow('Hurdle has no such resource');
		expect(fake.requests[0].path).toBe('/orders/v3/..%2Fproducts%2Fv1');
	});

	it('refuses an empty order number before calling Hurdle', async () => {
		await expect(run({ resource: 'order', operation: 'get', orderNumber: '  ' })).rejects.toThrow(
			'Order Number is empty',
		);
		expect(fake.requests).toHaveLength(0);
	});

	it('gets all orders across pages, one request per page of the largest size', async () => {
		const items = await run({ resource: 'order', operation: 'getMany', returnAll: true });
		expect(items).toHaveLength(data.orders.length);
		expect(new Set(items.map((item) => item.json.orderNumber)).size).toBe(data.orders.length);
		expect(fake.requests).toHaveLength(Math.ceil(data.orders.length / HURDLE_MAX_PAGE_SIZE));
		expect(fake.requests.map((request) => request.query.cursor)).toEqual([
			undefined,
			'c_100',
			'c_200',
		]);
		expect(
			fake.requests.every((request) => request.query.limit === String(HURDLE_MAX_PAGE_SIZE)),
		).toBe(true);
	});

	it('stops at the limit', async () => {
		const items = await run({
			resource: 'order',
			operation: 'getMany',
			returnAll: false,
			limit: 30,
		});
		expect(items).toHaveLength(30);
		expect(fake.requests).toHaveLength(1);
		expect(fake.requests[0].query.limit).toBe('30');
	});

	it('creates an order with the nested v3 body', async () => {
		const [item] = await run(orderParameters);
		expect(item.json).toEqual({
			orderNumber: 'HRD-900001',
			status: 'CREATED',
			productCode: HURDLE_SAMPLE_IDS.productCode,
			quantity: 1,
		});
		// The product is looked up first: does it need the patient in the order?
		expect(requestLines()).toEqual(['GET /products/v1', 'POST /orders/v3']);
		expect(fake.requests[0].query).toEqual({ page: '1', limit: String(HURDLE_MAX_PAGE_SIZE) });
		expect(JSON.parse(fake.requests[1].body)).toEqual({
			productCode: HURDLE_SAMPLE_IDS.productCode,
			quantity: 1,
			delivery: {
				address: {
					addressLine1: '130 Plumstead Road',
					addressLine2: 'Plumstead',
					city: 'London',
					postcode: 'SE18 7DW',
					countryCode: 'GB',
				},
				firstName: 'Bob',
				lastName: 'Jones',
				email: 'bob@example.com',
				mobileNumber: '447789123456',
			},
			notes: 'Leave with neighbour',
		});
	});

	it('adds the appointment slot for phlebotomy products', async () => {
		await run({ ...orderParameters, additionalFields: { appointmentSlotId: 'slot_42' } });
		expect(data.createdOrders[0]).toMatchObject({ appointmentSlotId: 'slot_42' });
		expect(data.createdOrders[0]).not.toHaveProperty('notes');
		expect(data.createdOrders[0].delivery).not.toHaveProperty('address.addressLine2');
	});

	it("sends an order for a product the list does not hold, and explains Hurdle's 400 without echoing what was sent", async () => {
		const error = await run({ ...orderParameters, productCode: 'NOT-A-PRODUCT' }).catch(
			(caught: Error) => caught,
		);
		expect(error).toMatchObject({
			message: 'Hurdle rejected the request (HTTP 400)',
			description: expect.stringContaining('productCode is not available to this account'),
		});
		expect(JSON.stringify(error)).not.toContain('bob@example.com');
		const pages = Math.ceil(data.products.length / HURDLE_MAX_PAGE_SIZE);
		expect(requestLines()).toEqual([
			...Array.from({ length: pages }, () => 'GET /products/v1'),
			'POST /orders/v3',
		]);
	});

	describe('patient data, US orders', () => {
		const patient = { firstName: 'Ana', lastName: 'Lopez', dateOfBirth: '1988-02-29', sex: 'f' };
		const physicianDetails = { firstName: 'Gregory', lastName: 'House', npi: '1234567893' };
		const usOrder = {
			...orderParameters,
			postcode: '94103',
			city: 'San Francisco',
			countryCode: 'US',
			additionalFields: { state: 'CA' },
			physicianDetails,
		};
		const failure = async (parameters: IDataObject) =>
			(await run(parameters).catch((caught: Error) => caught)) as Error & {
				description?: string;
				context?: IDataObject;
			};

		it('puts the patient in the order of a product that requires it', async () => {
			const [item] = await run({
				...orderParameters,
				productCode: HURDLE_PATIENT_DATA_PRODUCT,
				patient,
			});
			expect(item.json).toMatchObject({
				status: 'CREATED',
				productCode: HURDLE_PATIENT_DATA_PRODUCT,
			});
			expect(data.createdOrders[0]).toMatchObject({
				productCode: HURDLE_PATIENT_DATA_PRODUCT,
				patient,
			});
			expect(data.createdOrders[0]).not.toHaveProperty('physicianDetails');
		});

		it('names exactly what a product that requires the patient is missing, and sends no order', async () => {
			const error = await failure({
				...orderParameters,
				productCode: HURDLE_PATIENT_DATA_PRODUCT,
				patient: { firstName: 'Ana', lastName: ' ' },
			});
			expect(error.message).toBe(
				`The order is incomplete: Patient › Last Name, Patient › Date of Birth and Patient › Sex missing: product ${HURDLE_PATIENT_DATA_PRODUCT} needs the patient's name, date of birth and sex with the order`,
			);
			expect(error.description).toContain('The order was not sent to Hurdle');
			expect(error.context).toMatchObject({ itemIndex: 0 });
			expect(requestLines()).toEqual(['GET /products/v1']);
			expect(data.createdOrders).toHaveLength(0);
		});

		it('sends the patient when given for a product that does not require it', async () => {
			await run({ ...orderParameters, patient: { firstName: 'Ana', sex: 'f' } });
			expect(data.createdOrders[0].patient).toEqual({ firstName: 'Ana', sex: 'f' });
		});

		it('sends a US order with its state and physician', async () => {
			const [item] = await run(usOrder);
			expect(item.json).toMatchObject({ status: 'CREATED' });
			expect(data.createdOrders[0]).toMatchObject({
				quantity: 1,
				delivery: { address: { countryCode: 'US', state: 'CA', postcode: '94103' } },
				physicianDetails,
			});
			expect(data.createdOrders[0].delivery).not.toHaveProperty('address.county');
		});

		it('names everything a US order lacks, all at once, before sending it', async () => {
			const error = await failure({
				...usOrder,
				quantity: 2,
				additionalFields: { county: 'Marin' },
				physicianDetails: { firstName: 'Gregory' },
			});
			expect(error.message).toBe(
				'The order is incomplete: State, Physician Details › Last Name and Physician Details › NPI missing: US orders need them; Quantity must be 1 for US orders; County is only for orders outside the US',
			);
			expect(data.createdOrders).toHaveLength(0);
			expect(requestLines()).not.toContain('POST /orders/v3');
		});

		it('refuses a state outside the US, and a malformed date of birth or NPI, without their values', async () => {
			const error = await failure({
				...orderParameters,
				additionalFields: { state: 'Kent' },
				patient: { dateOfBirth: '29/02/1988', sex: 'female' },
				physicianDetails: { npi: '12345' },
			});
			expect(error.message).toBe(
				'The order is incomplete: Patient › Date of Birth must be a date written as YYYY-MM-DD; Patient › Sex must be f or m; State is only for US orders; Physician Details › NPI must be 10 digits',
			);
			expect(`${error.message} ${error.description}`).not.toMatch(/Kent|29\/02|12345|female/);
		});

		it('sends the county of an order outside the US', async () => {
			await run({ ...orderParameters, additionalFields: { county: 'Greater London' } });
			expect(data.createdOrders[0].delivery).toMatchObject({
				address: { county: 'Greater London', countryCode: 'GB' },
			});
		});

		it('looks a product up once per execution, however many items order it', async () => {
			const items = await run([
				{ ...orderParameters, productCode: HURDLE_PATIENT_DATA_PRODUCT, patient },
				{ ...orderParameters, productCode: HURDLE_PATIENT_DATA_PRODUCT, patient },
				orderParameters,
			]);
			expect(items).toHaveLength(3);
			expect(requestLines()).toEqual([
				'GET /products/v1',
				'POST /orders/v3',
				'POST /orders/v3',
				'GET /products/v1',
				'POST /orders/v3',
			]);
		});

		it('with Continue On Fail, gives the incomplete order an error item and sends the others', async () => {
			const items = await run(
				[orderParameters, { ...orderParameters, productCode: HURDLE_PATIENT_DATA_PRODUCT }],
				{ continueOnFail: true },
			);
			expect(items[0]).toMatchObject({ json: { status: 'CREATED' }, pairedItem: { item: 0 } });
			expect(items[1]).toEqual({
				json: { error: expect.stringMatching(/^The order is incomplete: Patient › First Name/) },
				pairedItem: { item: 1 },
			});
			expect(data.createdOrders).toHaveLength(1);
		});

		describe('the fake enforces the same rules, answering 400 with every problem', () => {
			const post = async (body: IDataObject) => {
				const response = await fetch(`${fake.url}/orders/v3`, {
					method: 'POST',
					headers: { 'content-type': 'application/json', 'x-api-key': HURDLE_FAKE_API_KEY },
					body: JSON.stringify(body),
				});
				return { status: response.status, body: (await response.json()) as IDataObject };
			};
			const delivery = (address: IDataObject = {}) => ({
				firstName: 'Bob',
				lastName: 'Jones',
				email: 'bob@example.com',
				mobileNumber: '447789123456',
				address: {
					addressLine1: '1 Example Street',
					city: 'Example',
					postcode: '94103',
					countryCode: 'US',
					...address,
				},
			});

			it('for patient data and for US orders', async () => {
				const { status, body } = await post({
					productCode: HURDLE_PATIENT_DATA_PRODUCT,
					quantity: 2,
					delivery: delivery({ county: 'Marin' }),
					patient: { firstName: 'Ana', sex: 'x' },
				});
				expect(status).toBe(400);
				expect(body.message).toEqual([
					`patient.lastName is required for product ${HURDLE_PATIENT_DATA_PRODUCT}`,
					`patient.dateOfBirth is required for product ${HURDLE_PATIENT_DATA_PRODUCT}`,
					'patient.sex must be m or f',
					'delivery.address.state is required for US orders',
					'physicianDetails.firstName is required for US orders',
					'physicianDetails.lastName is required for US orders',
					'physicianDetails.npi is required for US orders',
					'quantity must be 1 for US orders',
					'delivery.address.county is not allowed for US orders',
				]);
			});

			it('for a state outside the US', async () => {
				const { status, body } = await post({
					productCode: HURDLE_SAMPLE_IDS.productCode,
					quantity: 1,
					delivery: delivery({ countryCode: 'GB', state: 'Kent' }),
				});
				expect(status).toBe(400);
				expect(body.message).toEqual(['delivery.address.state is only allowed for US orders']);
			});

			it('and its 400 reaches the user through the node', async () => {
				const error = await failure({ ...orderParameters, productCode: 'NOT-A-PRODUCT' });
				expect(error.message).toBe('Hurdle rejected the request (HTTP 400)');
			});
		});
	});

	it('checks the country code before sending anything', async () => {
		await expect(run({ ...orderParameters, countryCode: 'United Kingdom' })).rejects.toThrow(
			'two-letter ISO code',
		);
		expect(fake.requests).toHaveLength(0);
	});
});

describe('Test', () => {
	it('gets a test with a summary and normalised rows', async () => {
		const [item] = await run({
			resource: 'test',
			operation: 'get',
			testId: HURDLE_SAMPLE_IDS.testId,
			output: 'summary',
		});
		expect(item.json).toMatchObject({
			id: HURDLE_SAMPLE_IDS.testId,
			status: 'PROCESSED',
			results: { ready: true, summary: { total: 4, high: 1, low: 1 } },
		});
		expect((item.json.results as IDataObject).rows).toHaveLength(4);
		expect((item.json.results as IDataObject).raw).toHaveLength(4);
		expect(item.json.metadata).toEqual({ gender: 'f' });
		expect(requestLines()).toEqual([`GET /tests/v2/${HURDLE_SAMPLE_IDS.testId}`]);
	});

	it('gives one item per biomarker', async () => {
		const items = await run({
			resource: 'test',
			operation: 'get',
			testId: HURDLE_SAMPLE_IDS.testId,
			output: 'biomarkerRows',
		});
		expect(items.map((item) => [item.json.code, item.json.flag])).toEqual([
			['LDL', 'high'],
			['HDL', 'normal'],
			['HBA1C', 'normal'],
			['FERR', 'low'],
		]);
		expect(items[0].json).toMatchObject({
			testId: HURDLE_SAMPLE_IDS.testId,
			kitId: HURDLE_SAMPLE_IDS.kitId,
			status: 'PROCESSED',
		});
		expect(items.every((item) => item.pairedItem !== undefined)).toBe(true);
	});

	it('gives the test as returned', async () => {
		const [item] = await run({
			resource: 'test',
			operation: 'get',
			testId: HURDLE_SAMPLE_IDS.testId,
			output: 'raw',
		});
		expect(item.json).toHaveProperty('biomarkerResults');
		expect(item.json).not.toHaveProperty('results');
	});

	it('says when a test has no results yet, in the summary output', async () => {
		const [item] = await run({
			resource: 'test',
			operation: 'get',
			testId: HURDLE_PENDING_TEST,
			output: 'summary',
		});
		expect(item.json).toMatchObject({
			status: 'LAB_ACCESSIONED',
			results: { ready: false, message: expect.stringContaining('no results') },
		});
	});

	it('says when a test has no results yet instead of giving no items', async () => {
		const items = await run({
			resource: 'test',
			operation: 'get',
			testId: HURDLE_PENDING_TEST,
			output: 'biomarkerRows',
		});
		expect(items.map((item) => item.json)).toEqual([
			{
				testId: HURDLE_PENDING_TEST,
				ready: false,
				message: 'Hurdle has no results for this test yet',
			},
		]);
	});

	it('retries after a 429 and succeeds', async () => {
		const [item] = await run({
			resource: 'test',
			operation: 'get',
			testId: HURDLE_RATE_LIMITED_TEST,
			output: 'raw',
		});
		expect(item.json).toMatchObject({ id: HURDLE_RATE_LIMITED_TEST });
		expect(requestLines()).toEqual([
			`GET /tests/v2/${HURDLE_RATE_LIMITED_TEST}`,
			`GET /tests/v2/${HURDLE_RATE_LIMITED_TEST}`,
		]);
	});

	it('registers a kit and reports that Hurdle accepted it', async () => {
		const [item] = await run(registrationParameters);
		expect(item.json).toEqual({
			kitId: HURDLE_SAMPLE_IDS.kitId,
			barcode: HURDLE_SAMPLE_IDS.barcode,
			accepted: true,
			statusCode: 202,
			message: expect.stringContaining('TEST.REGISTERED'),
			response: { message: 'Registration accepted' },
		});
		expect(data.registrations).toEqual([
			{
				kitId: HURDLE_SAMPLE_IDS.kitId,
				barcode: HURDLE_SAMPLE_IDS.barcode,
				user: {
					firstName: 'Jane',
					lastName: 'Smith',
					dateOfBirth: '1990-05-12',
					sex: 'f',
					email: 'jane.smith@example.com',
				},
			},
		]);
	});

	it('leaves the barcode out when it is not given', async () => {
		await run({ ...registrationParameters, additionalFields: { mobileNumber: '447700900123' } });
		expect(data.registrations[0]).not.toHaveProperty('barcode');
		expect(data.registrations[0].user).toMatchObject({ mobileNumber: '447700900123' });
	});

	it('refuses a date of birth that is not YYYY-MM-DD before sending anything', async () => {
		await expect(run({ ...registrationParameters, dateOfBirth: '12/05/1990' })).rejects.toThrow(
			'YYYY-MM-DD',
		);
		expect(fake.requests).toHaveLength(0);
	});

	it('reports an unknown kit as a readable 404', async () => {
		await expect(run({ ...registrationParameters, kitId: 'NOPE0000' })).rejects.toThrow(
			'Hurdle has no such resource',
		);
	});
});

describe('Product', () => {
	it('gets all products across pages numbered by page', async () => {
		const items = await run({ resource: 'product', operation: 'getMany', returnAll: true });
		expect(items).toHaveLength(data.products.length);
		expect(items[0].json).toMatchObject({
			productCode: HURDLE_SAMPLE_IDS.productCode,
			phlebotomyType: 'MOBILE',
		});
		expect(fake.requests).toHaveLength(Math.ceil(data.products.length / HURDLE_MAX_PAGE_SIZE));
		expect(fake.requests.map((request) => request.query.page)).toEqual(['1', '2', '3']);
	});

	it('asks for no more than the limit needs', async () => {
		const items = await run({
			resource: 'product',
			operation: 'getMany',
			returnAll: false,
			limit: 150,
		});
		expect(items).toHaveLength(150);
		expect(fake.requests).toHaveLength(2);
	});
});

describe('errors', () => {
	it('explains a refused API key with the sandbox hint', async () => {
		const error = await run(
			{ resource: 'product', operation: 'getMany', returnAll: false, limit: 5 },
			{ credentials: { apiKey: 'wrong' } },
		).catch((caught: Error & { description?: string }) => caught);
		expect(error).toMatchObject({ message: 'Hurdle did not accept the credential' });
		expect((error as { description?: string }).description).toContain(
			'sandbox keys only work on the sandbox',
		);
	});

	it('continues on fail with an error item paired to its input', async () => {
		const items = await run(
			[
				{ resource: 'order', operation: 'get', orderNumber: 'HRD-000404' },
				{ resource: 'order', operation: 'get', orderNumber: HURDLE_SAMPLE_IDS.orderNumber },
			],
			{ continueOnFail: true },
		);
		expect(items).toEqual([
			{ json: { error: 'Hurdle has no such resource' }, pairedItem: { item: 0 } },
			expect.objectContaining({
				json: expect.objectContaining({ orderNumber: HURDLE_SAMPLE_IDS.orderNumber }),
				pairedItem: { item: 1 },
			}),
		]);
	});

	it('reports an unreachable API without leaking the key', async () => {
		const error = await run(
			{ resource: 'product', operation: 'getMany', returnAll: false, limit: 5 },
			{ credentials: { baseUrl: 'http://127.0.0.1:1' } },
		).catch((caught: Error) => caught);
		expect(error).toMatchObject({ message: 'Could not reach Hurdle' });
		expect(JSON.stringify(error)).not.toContain(HURDLE_FAKE_API_KEY);
	});
});

describe('description', () => {
	it('is usable as an AI tool; the trigger is not', async () => {
		const { HurdleTrigger } = await import('../../../nodes/Hurdle/HurdleTrigger.node');
		expect(node.description.usableAsTool).toBe(true);
		expect(new HurdleTrigger().description.usableAsTool).toBeUndefined();
	});

	it('gives every operation an action', () => {
		const operations = node.description.properties.filter(
			(property) => property.name === 'operation',
		);
		const values = operations.flatMap((property) =>
			(property.options ?? []).map((option) => option as { value: string; action?: string }),
		);
		expect(values.map((option) => option.value).sort()).toEqual([
			'cancel',
			'create',
			'get',
			'get',
			'getMany',
			'getMany',
			'registerKit',
		]);
		expect(values.every((option) => option.action)).toBe(true);
	});
});
