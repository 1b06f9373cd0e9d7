import type { IDataObject } from 'n8n-workflow';

import { samplePdf } from '../../../dev/fakes/fakeServer';
import { LML_PENDING_REGISTRATION } from '../../../dev/fakes/londonMedicalLaboratory/api';
import { actionRuns } from '../expectations';
import { requestLine } from '../fakeRequests';
import { lmlActions, lmlData } from '../fixtures/lml';
import { expectedFlags, ids, sampleResults, withoutPatientFields } from './deliveries';

const { runAction, successfulItems } = actionRuns('londonMedicalLaboratory');

describe('London Medical Laboratory node in n8n', () => {
	describe('Test Registration', () => {
		test('Get by ID, leaving patient details out', async () => {
			const { json, requests } = await successfulItems(lmlActions.getRegistration);
			expect(requests.map(requestLine)).toEqual([
				`GET /api/test_registration/${ids.testRegistrationId}`,
			]);
			const fake = lmlData.testRegistrations.find((entry) => entry.id === ids.testRegistrationId)!;
			expect(json).toHaveLength(1);
			expect(json[0]).toMatchObject({ id: fake.id, trf_code: fake.trf_code, status: fake.status });
			expect(withoutPatientFields(json[0])).toEqual([]);
		});

		test('Get by TRF code, including patient details', async () => {
			const [fake] = lmlData.testRegistrations;
			const { json, requests } = await successfulItems(lmlActions.getRegistrationByTrfCode);
			expect(requests.map(requestLine)).toEqual([
				`GET /api/test_registration/${String(fake.trf_code)}`,
			]);
			expect(json).toEqual([
				expect.objectContaining({ id: fake.id, first_name: fake.first_name, email: fake.email }),
			]);
		});

		test('Get Many with a limit: one request for that many', async () => {
			const { json, requests } = await successfulItems(lmlActions.getManyRegistrations);
			expect(requests.map(requestLine)).toEqual([
				'GET /api/test_registration/?page=1&results_per_page=5',
			]);
			expect(json.map((registration) => registration.id)).toEqual(
				lmlData.testRegistrations.slice(0, 5).map((entry) => entry.id),
			);
		});
	});

	describe('Lab Result', () => {
		test('Get, as a summary with rows', async () => {
			const { json, requests } = await successfulItems(lmlActions.getLabResults);
			expect(requests.map(requestLine)).toEqual([
				`GET /api/test_registration/${ids.testRegistrationId}/lab_results/`,
			]);
			expect(json).toHaveLength(1);
			expect(json[0]).toMatchObject({
				testRegistrationId: ids.testRegistrationId,
				ready: true,
				raw: sampleResults,
			});
			const rows = json[0].rows as IDataObject[];
			expect(Object.fromEntries(rows.map((row) => [row.biomarker, row.flag]))).toEqual(
				expectedFlags,
			);
			expect(json[0].summary).toMatchObject({ total: sampleResults.length, needingAttention: 2 });
		});

		test('Get, one item per biomarker', async () => {
			const { json } = await successfulItems(lmlActions.getLabResultRows);
			expect(json.map((row) => [row.testRegistrationId, row.biomarker, row.unit])).toEqual(
				sampleResults.map((result) => [ids.testRegistrationId, result.name, result.unit_type]),
			);
		});

		test('Get, for results not released yet (204): ready is false', async () => {
			const { json } = await successfulItems(lmlActions.getPendingLabResults);
			expect(json).toEqual([
				expect.objectContaining({ testRegistrationId: LML_PENDING_REGISTRATION, ready: false }),
			]);
		});

		test('Download PDF: the report arrives as binary data', async () => {
			const fake = lmlData.testRegistrations.find((entry) => entry.id === ids.testRegistrationId)!;
			const expectedPdf = samplePdf(`LML results ${String(fake.trf_code)}`);
			const { items, requests, run } = await successfulItems(lmlActions.downloadPdf);
			expect(requests.map(requestLine)).toEqual([
				`GET /api/test_registration/${ids.testRegistrationId}/download_pdf`,
			]);
			expect(items).toHaveLength(1);
			expect(items[0].json).toMatchObject({
				testRegistrationId: ids.testRegistrationId,
				ready: true,
			});
			expect(items[0].binary?.data).toMatchObject({
				mimeType: 'application/pdf',
				fileExtension: 'pdf',
				fileName: items[0].json.fileName,
				bytes: expectedPdf.length,
			});
			// The workflow answers with the stored file itself, so these are the bytes n8n kept.
			expect(run.contentType).toContain('application/pdf');
			expect(run.body.equals(expectedPdf)).toBe(true);
		});
	});

	describe('Order', () => {
		test('Get, without the customer’s details', async () => {
			const fake = lmlData.orders.find((entry) => entry.id === ids.orderId)!;
			const { json, requests } = await successfulItems(lmlActions.getOrder);
			expect(requests.map(requestLine)).toEqual([`GET /api/order/${ids.orderId}`]);
			expect(json).toEqual([
				expect.objectContaining({ id: fake.id, order_number: fake.order_number }),
			]);
			expect(withoutPatientFields(json[0])).toEqual([]);
		});

		test('Get Many, Return All: every order, over three pages of 100', async () => {
			const { json, requests } = await successfulItems(lmlActions.getAllOrders);
			expect(requests.map(requestLine)).toEqual(
				[1, 2, 3].map((page) => `GET /api/order/?page=${page}&results_per_page=100`),
			);
			expect(json.map((order) => order.id)).toEqual(lmlData.orders.map((order) => order.id));
		});

		test('Get of an unknown order fails the execution with the API’s 404', async () => {
			const { run, execution } = await runAction(lmlActions.getUnknownOrder);
			expect(execution.status).toBe('error');
			expect(execution.error).toMatchObject({
				message: expect.stringMatching(/has no such resource/),
				httpCode: '404',
			});
			expect(run.status).toBe(500);
		});
	});

	test('Product Get Many, filtered by SKU', async () => {
		const { json, requests } = await successfulItems(lmlActions.getProductsBySku);
		expect(requests.map(requestLine)).toEqual([
			'GET /api/product/?sku=LML-THY-ADV&page=1&results_per_page=100',
		]);
		const expected = lmlData.products.filter((product) => product.sku === 'LML-THY-ADV');
		expect(json.map((product) => product.id)).toEqual(expected.map((product) => product.id));
	});

	test('a token the API refuses fails the execution with a credential error', async () => {
		const { execution, requests } = await runAction(lmlActions.withRevokedToken);
		expect(requests.map((request) => request.headers.authorization)).toEqual([
			'Bearer revoked-token',
		]);
		expect(execution.status).toBe('error');
		expect(execution.error).toMatchObject({
			message: expect.stringMatching(/did not accept the credential/),
			httpCode: '401',
		});
	});
});
