import {
	HURDLE_PATIENT_DATA_PRODUCT,
	HURDLE_PENDING_TEST,
	HURDLE_RATE_LIMITED_TEST,
} from '../../../dev/fakes/hurdle/api';
import { HURDLE_ORDER_DELIVERY } from '../../../dev/fakes/hurdle/actionSamples';
import { actionRuns } from '../expectations';
import { requestLine } from '../fakeRequests';
import { hurdleActions, hurdleData } from '../fixtures/hurdle';
import { expectedFlags, ids, patientFieldsIn, sampleTest } from './deliveries';

const { runAction, successfulItems } = actionRuns('hurdle');

describe('Hurdle node in n8n', () => {
	describe('Order', () => {
		test('Get, without the customer’s details', async () => {
			const { json, requests } = await successfulItems(hurdleActions.getOrder);
			expect(requests.map(requestLine)).toEqual([`GET /orders/v3/${ids.orderNumber}`]);
			expect(json).toEqual([
				expect.objectContaining({ orderNumber: ids.orderNumber, status: 'DISPATCHED' }),
			]);
			expect(patientFieldsIn(json)).toEqual([]);
		});

		test('Get Many, Return All: every order, over three cursor pages of 100', async () => {
			const { json, requests } = await successfulItems(hurdleActions.getAllOrders);
			expect(requests.map(requestLine)).toEqual([
				'GET /orders/v3?page=1&limit=100',
				'GET /orders/v3?cursor=c_100&limit=100',
				'GET /orders/v3?cursor=c_200&limit=100',
			]);
			expect(json.map((order) => order.orderNumber)).toEqual(
				hurdleData.orders.map((order) => order.orderNumber),
			);
		});

		test('Get Many with a limit: one request for that many', async () => {
			const { json, requests } = await successfulItems(hurdleActions.getSomeOrders);
			expect(requests.map(requestLine)).toEqual(['GET /orders/v3?page=1&limit=30']);
			expect(json).toHaveLength(30);
		});

		test('Create, with the nested v3 body', async () => {
			const { json, requests } = await successfulItems(hurdleActions.createOrder);
			expect(requests.map(requestLine)).toEqual([
				'GET /products/v1?page=1&limit=100',
				'POST /orders/v3',
			]);
			expect(JSON.parse(requests[1].body)).toEqual({
				productCode: ids.productCode,
				quantity: 1,
				delivery: HURDLE_ORDER_DELIVERY,
			});
			expect(json).toEqual([
				expect.objectContaining({
					orderNumber: expect.stringMatching(/^HRD-9/),
					status: 'CREATED',
				}),
			]);
		});

		test('Create that Hurdle rejects (400) fails the execution with its reason', async () => {
			const { execution, requests } = await runAction(hurdleActions.createOrderRejected);
			expect(execution.status).toBe('error');
			expect(execution.error).toMatchObject({
				message: 'Hurdle rejected the request (HTTP 400)',
				httpCode: '400',
			});
			expect(execution.error?.description).toContain('productCode is not available');
			// Not in the product list: looked for on every page, then left to Hurdle to judge.
			expect(requests.map(requestLine)).toEqual([
				...[1, 2, 3].map((page) => `GET /products/v1?page=${page}&limit=100`),
				'POST /orders/v3',
			]);
		});

		test('Create for a product that needs the patient sends the patient in the order', async () => {
			const { json, requests } = await successfulItems(hurdleActions.createOrderWithPatient);
			expect(requests.map(requestLine)).toEqual([
				'GET /products/v1?page=1&limit=100',
				'POST /orders/v3',
			]);
			expect(JSON.parse(requests[1].body)).toMatchObject({
				productCode: HURDLE_PATIENT_DATA_PRODUCT,
				patient: { firstName: 'Ana', lastName: 'Lopez', dateOfBirth: '1988-02-29', sex: 'f' },
			});
			expect(json).toEqual([expect.objectContaining({ status: 'CREATED' })]);
			expect(patientFieldsIn(json)).toEqual([]);
		});

		test('Create without the patient a product needs fails before sending, naming what is missing', async () => {
			const { execution, requests } = await runAction(hurdleActions.createOrderWithoutPatient);
			expect(execution.status).toBe('error');
			expect(execution.error?.message).toBe(
				`The order is incomplete: Patient › Last Name, Patient › Date of Birth and Patient › Sex missing: product ${HURDLE_PATIENT_DATA_PRODUCT} needs the patient's name, date of birth and sex with the order`,
			);
			expect(requests.map(requestLine)).toEqual(['GET /products/v1?page=1&limit=100']);
		});

		test('Create for the US sends the state and the physician, and refuses an incomplete one before sending', async () => {
			const { requests } = await successfulItems(hurdleActions.createUsOrder);
			expect(JSON.parse(requests[1].body)).toMatchObject({
				quantity: 1,
				delivery: { address: { countryCode: 'US', state: 'CA' } },
				physicianDetails: { firstName: 'Gregory', lastName: 'House', npi: '1234567893' },
			});
			const incomplete = await runAction(hurdleActions.createUsOrderIncomplete);
			expect(incomplete.execution.status).toBe('error');
			expect(incomplete.execution.error?.message).toBe(
				'The order is incomplete: State, Physician Details › First Name, Physician Details › Last Name and Physician Details › NPI missing: US orders need them; Quantity must be 1 for US orders',
			);
			expect(incomplete.requests.map(requestLine)).not.toContain('POST /orders/v3');
		});

		test('Get of an unknown order fails the execution with the API’s 404', async () => {
			const { execution } = await runAction(hurdleActions.getUnknownOrder);
			expect(execution.status).toBe('error');
			expect(execution.error).toMatchObject({
				message: expect.stringMatching(/has no such resource/),
				httpCode: '404',
			});
		});
	});

	describe('Test', () => {
		test('Get, with a summary and normalised rows', async () => {
			const { json, requests } = await successfulItems(hurdleActions.getTestSummary);
			expect(requests.map(requestLine)).toEqual([`GET /tests/v2/${ids.testId}`]);
			expect(json).toHaveLength(1);
			expect(json[0]).toMatchObject({
				id: ids.testId,
				results: { ready: true, summary: { total: 4, needingAttention: 2 } },
			});
			expect(json[0].metadata).toEqual({ gender: 'f' });
		});

		test('Get, one item per biomarker', async () => {
			const { json } = await successfulItems(hurdleActions.getTestRows);
			expect(json.map((row) => [row.testId, row.code, row.flag])).toEqual(
				Object.entries(expectedFlags).map(([code, flag]) => [ids.testId, code, flag]),
			);
		});

		test('Get, as returned', async () => {
			const { json } = await successfulItems(hurdleActions.getTestRaw);
			expect(json).toEqual([
				expect.objectContaining({ id: ids.testId, biomarkerResults: sampleTest.biomarkerResults }),
			]);
		});

		test('Get, before results exist: ready is false', async () => {
			const { json } = await successfulItems(hurdleActions.getPendingTest);
			expect(json).toEqual([
				{ testId: HURDLE_PENDING_TEST, ready: false, message: expect.any(String) },
			]);
		});

		test('Get retries after a 429 and succeeds', async () => {
			const { json, requests } = await successfulItems(hurdleActions.getRateLimitedTest);
			expect(requests.map(requestLine)).toEqual([
				`GET /tests/v2/${HURDLE_RATE_LIMITED_TEST}`,
				`GET /tests/v2/${HURDLE_RATE_LIMITED_TEST}`,
			]);
			expect(json).toEqual([expect.objectContaining({ id: HURDLE_RATE_LIMITED_TEST })]);
		});

		test('Register Kit: Hurdle answers 202, and the person’s details stay out of the output', async () => {
			const { json, requests } = await successfulItems(hurdleActions.registerKit);
			expect(requests.map(requestLine)).toEqual(['POST /tests/v2']);
			expect(JSON.parse(requests[0].body)).toEqual({
				kitId: ids.kitId,
				barcode: ids.barcode,
				user: {
					firstName: 'Jane',
					lastName: 'Smith',
					dateOfBirth: '1990-05-12',
					sex: 'f',
					email: 'jane.smith@example.com',
				},
			});
			expect(json).toEqual([
				expect.objectContaining({
					kitId: ids.kitId,
					barcode: ids.barcode,
					accepted: true,
					statusCode: 202,
				}),
			]);
			expect(patientFieldsIn(json)).toEqual([]);
		});
	});

	test('Product Get Many, Return All: every product, over three pages of 100', async () => {
		const { json, requests } = await successfulItems(hurdleActions.getAllProducts);
		expect(requests.map(requestLine)).toEqual(
			[1, 2, 3].map((page) => `GET /products/v1?page=${page}&limit=100`),
		);
		expect(json.map((product) => product.productCode)).toEqual(
			hurdleData.products.map((product) => product.productCode),
		);
	});

	test('a key the API refuses fails the execution with a credential error', async () => {
		const { execution, requests } = await runAction(hurdleActions.withRevokedKey);
		expect(requests.map((request) => request.headers['x-api-key'])).toEqual(['revoked-key']);
		expect(execution.status).toBe('error');
		expect(execution.error).toMatchObject({
			message: expect.stringMatching(/did not accept the credential/),
			httpCode: '401',
		});
	});
});
