import type { IDataObject } from 'n8n-workflow';

import { HURDLE_FAKE_API_KEY, HURDLE_PATIENT_DATA_PRODUCT } from '../../../../dev/fakes/hurdle/api';
import { HURDLE_ORDER_DELIVERY } from '../../../../dev/fakes/hurdle/actionSamples';
import { HURDLE_SAMPLE_IDS } from '../../../../dev/fakes/hurdle/samples';
import { hurdleActionRig, orderParameters } from '../actionRig';

const { data, fake, run, requestLines } = hurdleActionRig();

describe('Order › Create', () => {
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
		expect(fake.requests[0].query).toEqual({ page: '1', limit: '100' });
		expect(JSON.parse(fake.requests[1].body)).toEqual({
			productCode: HURDLE_SAMPLE_IDS.productCode,
			quantity: 1,
			delivery: HURDLE_ORDER_DELIVERY,
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
		// The whole catalogue of the fake (230 products) in pages of 100, then the order.
		expect(requestLines()).toEqual([
			'GET /products/v1',
			'GET /products/v1',
			'GET /products/v1',
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
