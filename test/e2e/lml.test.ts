import type { IDataObject } from 'n8n-workflow';

import type { LmlEventName } from '../../nodes/LondonMedicalLaboratory/events';
import { requestsReceivedBy, samplePdf } from '../../dev/fakes/fakeServer';
import {
	LML_FAKE_TOKEN,
	LML_PENDING_REGISTRATION,
} from '../../dev/fakes/londonMedicalLaboratory/api';
import { LML_SAMPLE_IDS, lmlSample } from '../../dev/fakes/londonMedicalLaboratory/samples';
import { deliver, sendEvent, type SignOptions } from '../../dev/fakes/sender';
import { e2e, n8nLogLines } from './environment';
import { requestLine, requestsDuring } from './fakeRequests';
import {
	LML_WEBHOOK_HEADER,
	LML_WEBHOOK_SECRET,
	lmlActions,
	lmlData,
	lmlEvents,
	lmlTriggers,
} from './fixtures/lml';
import { ACTION_NODE, TRIGGER_NODE, type E2eWorkflow } from '../../dev/n8n/workflows';

const { n8n, fakes } = e2e();

const ids = LML_SAMPLE_IDS;
const signed: SignOptions = { secret: LML_WEBHOOK_SECRET, headerName: LML_WEBHOOK_HEADER };
/** Payload URLs point at a fake host that must never be called: full data comes from the credential's host. */
const samplePayload = (event: LmlEventName) => lmlSample(event, { payloadHost: fakes.payloadHost });

async function sendLml(workflow: E2eWorkflow, event: LmlEventName, options: SignOptions = signed) {
	return await sendEvent('londonMedicalLaboratory', event, n8n.webhookUrl(workflow), {
		...options,
		overrides: { payloadHost: fakes.payloadHost },
	});
}

/** A hand-built body, with the shared secret in its header. */
async function sendBody(workflow: E2eWorkflow, payload: Record<string, unknown>) {
	return await deliver(n8n.webhookUrl(workflow), {
		method: 'POST',
		headers: { 'content-type': 'application/json', [LML_WEBHOOK_HEADER]: LML_WEBHOOK_SECRET },
		query: {},
		body: JSON.stringify(payload),
	});
}

const accepted = {
	status: 200,
	body: { status: 'accepted', message: expect.any(String), deliveryId: expect.any(String) },
};
const rejected = (status: number) => ({
	status,
	body: { status: 'rejected', message: expect.any(String) },
});

/** What each event's item must carry besides the common fields; `url` is added from the payload where it has one. */
const TYPED_KEYS = [
	'testRegistrationId',
	'retestTestRegistrationId',
	'labId',
	'orderId',
	'sampleReceivedAt',
	'url',
];
const typedFields: Record<LmlEventName, IDataObject> = {
	'test_registration.complete': { testRegistrationId: ids.testRegistrationId },
	'lab_results.complete': { testRegistrationId: ids.testRegistrationId },
	'test_registration.lml_lab_id_created': {
		testRegistrationId: ids.testRegistrationId,
		labId: ids.labId,
	},
	// The sample says 2023-06-01T14:52:32+01:00.
	'test_registration.sample_received': {
		testRegistrationId: ids.testRegistrationId,
		sampleReceivedAt: '2023-06-01T13:52:32.000Z',
	},
	'test_registration.retest': {
		testRegistrationId: ids.testRegistrationId,
		retestTestRegistrationId: ids.retestTestRegistrationId,
	},
	'order.shipped': { orderId: ids.orderId },
	'order.delivered': { orderId: ids.orderId },
};

function pick(item: IDataObject, keys: string[]): IDataObject {
	return Object.fromEntries(keys.filter((key) => key in item).map((key) => [key, item[key]]));
}

const PATIENT_FIELDS = [
	'first_name',
	'last_name',
	'email',
	'date_of_birth',
	'uk_address',
	'customer',
];
const withoutPatientFields = (record: IDataObject) =>
	PATIENT_FIELDS.filter((field) => field in record);

/** The fake's results for the sample registration, and the flags their values and ranges call for. */
const sampleResults = lmlData.labResults[ids.testRegistrationId];
const expectedFlags = { TSH: 'high', 'Free T4': 'normal', 'Vitamin D': 'low', Ferritin: 'normal' };

describe('LML Trigger in n8n', () => {
	describe('each event type starts exactly one execution carrying its typed fields', () => {
		test.each(lmlEvents)('%s', async (event) => {
			const workflow = lmlTriggers.byEvent[event];
			expect(await sendLml(workflow, event)).toEqual(accepted);

			const executions = await n8n.waitForExecutions(workflow.id, 1);
			expect(executions).toHaveLength(1);
			expect(executions[0].status).toBe('success');
			const items = executions[0].json(TRIGGER_NODE);
			expect(items).toHaveLength(1);
			const [item] = items;
			const payload = samplePayload(event);
			const url = (payload.data as IDataObject).url;
			expect(item).toMatchObject({
				provider: 'londonMedicalLaboratory',
				event,
				validation: { valid: true, issues: [] },
			});
			expect(pick(item, TYPED_KEYS)).toEqual({ ...typedFields[event], ...(url ? { url } : {}) });
			expect(item.payload).toEqual(payload);
			expect(Number.isNaN(Date.parse(String(item.receivedAt)))).toBe(false);
		});
	});

	test('an event outside the Events filter is answered 200 "ignored" and starts nothing', async () => {
		const workflow = lmlTriggers.onlyOrderShipped;
		expect(await sendLml(workflow, 'lab_results.complete')).toMatchObject({
			status: 200,
			body: { status: 'ignored' },
		});
		expect(await n8n.waitForExecutions(workflow.id, 0)).toHaveLength(0);

		expect(await sendLml(workflow, 'order.shipped')).toEqual(accepted);
		const executions = await n8n.waitForExecutions(workflow.id, 1);
		expect(executions.map((execution) => execution.json(TRIGGER_NODE)[0]?.event)).toEqual([
			'order.shipped',
		]);
	});

	describe('authentication', () => {
		test('a delivery without the secret is refused with 401 and starts nothing', async () => {
			const workflow = lmlTriggers.missingSecret;
			expect(await sendLml(workflow, 'lab_results.complete', {})).toEqual(rejected(401));
			expect(await n8n.waitForExecutions(workflow.id, 0)).toHaveLength(0);
		});

		test('a delivery with the wrong secret is refused with 401, without echoing the secret', async () => {
			const workflow = lmlTriggers.wrongSecret;
			const response = await sendLml(workflow, 'lab_results.complete', {
				...signed,
				secret: 'not-the-secret',
			});
			expect(response).toEqual(rejected(401));
			expect(JSON.stringify(response.body)).not.toContain(LML_WEBHOOK_SECRET);
			expect(await n8n.waitForExecutions(workflow.id, 0)).toHaveLength(0);
		});

		test('the secret in a header other than the credential names is refused with 401', async () => {
			const workflow = lmlTriggers.secretInOtherHeader;
			const response = await sendLml(workflow, 'lab_results.complete', {
				...signed,
				headerName: 'X-Webhook-Secret',
			});
			expect(response).toEqual(rejected(401));
			expect(await n8n.waitForExecutions(workflow.id, 0)).toHaveLength(0);
		});

		test('the secret as ?token= in the URL is accepted', async () => {
			const workflow = lmlTriggers.secretInQuery;
			expect(
				await sendLml(workflow, 'lab_results.complete', { ...signed, secretInQuery: true }),
			).toEqual(accepted);
			expect(await n8n.waitForExecutions(workflow.id, 1)).toHaveLength(1);
		});
	});

	test('the same delivery sent twice starts one execution; a different one still starts its own', async () => {
		const workflow = lmlTriggers.duplicate;
		expect(await sendLml(workflow, 'lab_results.complete')).toEqual(accepted);
		expect(await sendLml(workflow, 'lab_results.complete')).toMatchObject({
			status: 200,
			body: { status: 'duplicate' },
		});
		expect(await n8n.waitForExecutions(workflow.id, 1)).toHaveLength(1);

		const other = await sendEvent(
			'londonMedicalLaboratory',
			'lab_results.complete',
			n8n.webhookUrl(workflow),
			{
				...signed,
				overrides: { testRegistrationId: LML_PENDING_REGISTRATION, payloadHost: fakes.payloadHost },
			},
		);
		expect(other).toEqual(accepted);
		expect(await n8n.waitForExecutions(workflow.id, 2)).toHaveLength(2);
	});

	describe('unusable bodies get their designed answer, start nothing, and leave n8n working', () => {
		const oversized = JSON.stringify({
			...lmlSample('lab_results.complete'),
			padding: 'x'.repeat(2 * 1024 * 1024),
		});
		const cases = [
			// n8n parses application/json itself and answers before our node runs.
			{
				name: 'malformed JSON sent as application/json',
				workflow: lmlTriggers.malformedJson,
				contentType: 'application/json',
				body: '{"event": "lab_results.complete",',
				status: 422,
				answer: { message: 'Failed to parse request body' },
			},
			{
				name: 'malformed JSON sent as text/plain',
				workflow: lmlTriggers.malformedText,
				contentType: 'text/plain',
				body: '{"event": "lab_results.complete",',
				status: 422,
				answer: { status: 'rejected' },
			},
			{
				name: 'an empty body',
				workflow: lmlTriggers.emptyBody,
				contentType: 'application/json',
				body: '',
				status: 400,
				answer: { status: 'rejected' },
			},
			{
				name: 'JSON that is not an object',
				workflow: lmlTriggers.nonObjectJson,
				contentType: 'application/json',
				body: '["lab_results.complete"]',
				status: 422,
				answer: { status: 'rejected' },
			},
			{
				name: 'an object naming no event',
				workflow: lmlTriggers.noEventName,
				contentType: 'application/json',
				body: '{"data": {}}',
				status: 422,
				answer: { status: 'rejected' },
			},
			{
				name: 'a 2 MiB body',
				workflow: lmlTriggers.oversizedBody,
				contentType: 'application/json',
				body: oversized,
				status: 413,
				answer: { status: 'rejected' },
			},
		];

		test.each(cases)('$name → $status', async ({ workflow, contentType, body, status, answer }) => {
			const response = await deliver(n8n.webhookUrl(workflow), {
				method: 'POST',
				headers: { 'content-type': contentType, [LML_WEBHOOK_HEADER]: LML_WEBHOOK_SECRET },
				query: {},
				body,
			});
			expect(response.status).toBe(status);
			expect(response.body).toMatchObject(answer);
			expect(await n8n.waitForExecutions(workflow.id, 0)).toHaveLength(0);

			expect(await n8n.healthy()).toBe(true);
			expect(await sendLml(workflow, 'lab_results.complete')).toEqual(accepted);
			expect(await n8n.waitForExecutions(workflow.id, 1)).toHaveLength(1);
		});
	});

	describe('event types it does not know', () => {
		const unknown = {
			event: 'test_registration.cancelled',
			data: { testregistration_id: ids.testRegistrationId },
		};

		test('under All Events, one starts one execution as "other", with its name and payload', async () => {
			const workflow = lmlTriggers.unknownEvent;
			expect(await sendBody(workflow, unknown)).toEqual(accepted);
			const executions = await n8n.waitForExecutions(workflow.id, 1);
			expect(executions).toHaveLength(1);
			expect(executions[0].json(TRIGGER_NODE)[0]).toMatchObject({
				event: 'other',
				eventName: 'test_registration.cancelled',
				payload: unknown,
			});
		});

		test('outside a narrower selection, one starts nothing and leaves one warning naming it in the log, without its values', async () => {
			const workflow = lmlTriggers.unknownEventNotSelected;
			const unique = { ...unknown, event: 'test_registration.something_new_for_e2e' };
			expect(await sendBody(workflow, unique)).toEqual({
				status: 200,
				body: expect.objectContaining({ status: 'ignored' }),
			});
			expect(await n8n.waitForExecutions(workflow.id, 0)).toHaveLength(0);
			const lines = n8nLogLines('test_registration.something_new_for_e2e');
			expect(lines).toHaveLength(1);
			expect(lines[0]).toContain('London Medical Laboratory Trigger ignored an event type');
			expect(lines[0]).not.toContain(ids.testRegistrationId);
		});
	});

	describe('Fetch Full Data', () => {
		/** Sends the event, waits for its execution, and returns the one item with the LML API requests made meanwhile. */
		async function fetchThrough(
			workflow: E2eWorkflow,
			event: LmlEventName,
			overrides: IDataObject = {},
		) {
			const { result: executions, requests } = await requestsDuring(
				fakes.londonMedicalLaboratory,
				async () => {
					const response = await sendEvent(
						'londonMedicalLaboratory',
						event,
						n8n.webhookUrl(workflow),
						{
							...signed,
							overrides: { payloadHost: fakes.payloadHost, ...overrides },
						},
					);
					expect(response).toEqual(accepted);
					return await n8n.waitForExecutions(workflow.id, 1);
				},
			);
			expect(executions).toHaveLength(1);
			expect(executions[0].status).toBe('success');
			return { items: executions[0].json(TRIGGER_NODE), requests };
		}

		afterAll(async () => {
			// Every payload above named the payload host; none of it may have been requested.
			expect(await requestsReceivedBy(fakes.payloadHost)).toEqual([]);
		});

		test('lab_results.complete: results from the credential host, as a summary and rows', async () => {
			const { items, requests } = await fetchThrough(
				lmlTriggers.fetchLabResults,
				'lab_results.complete',
			);
			expect(requests.map(requestLine)).toEqual([
				`GET /api/test_registration/${ids.testRegistrationId}/lab_results/`,
			]);
			expect(requests[0].headers.authorization).toBe(`Bearer ${LML_FAKE_TOKEN}`);
			expect(await requestsReceivedBy(fakes.payloadHost)).toEqual([]);

			expect(items).toHaveLength(1);
			const results = items[0].results as IDataObject;
			expect(items[0].fullData).toEqual({ fetched: true });
			expect(results.ready).toBe(true);
			expect(results.raw).toEqual(sampleResults);
			const rows = results.rows as IDataObject[];
			expect(Object.fromEntries(rows.map((row) => [row.biomarker, row.flag]))).toEqual(
				expectedFlags,
			);
			expect(rows.map((row) => row.value)).toEqual(
				sampleResults.map((result) => Number(result.value)),
			);
			expect(results.summary).toMatchObject({
				total: sampleResults.length,
				high: 1,
				low: 1,
				normal: 2,
				needingAttention: 2,
			});
		});

		test('lab_results.complete for results LML has not released (204): results.ready is false', async () => {
			const { items, requests } = await fetchThrough(
				lmlTriggers.fetchPendingLabResults,
				'lab_results.complete',
				{
					testRegistrationId: LML_PENDING_REGISTRATION,
				},
			);
			expect(requests.map(requestLine)).toEqual([
				`GET /api/test_registration/${LML_PENDING_REGISTRATION}/lab_results/`,
			]);
			expect(items).toHaveLength(1);
			expect(items[0].testRegistrationId).toBe(LML_PENDING_REGISTRATION);
			expect(items[0].results).toMatchObject({ ready: false });
		});

		test('order.shipped: the order, without the customer’s details', async () => {
			const { items, requests } = await fetchThrough(lmlTriggers.fetchOrder, 'order.shipped');
			expect(requests.map(requestLine)).toEqual([`GET /api/order/${ids.orderId}`]);
			const order = items[0].order as IDataObject;
			const fakeOrder = lmlData.orders.find((entry) => entry.id === ids.orderId)!;
			expect(order).toMatchObject({
				id: fakeOrder.id,
				order_number: fakeOrder.order_number,
				tracking_number: fakeOrder.tracking_number,
			});
			expect(withoutPatientFields(order)).toEqual([]);
		});

		test('test_registration.retest: the new registration', async () => {
			const { items, requests } = await fetchThrough(
				lmlTriggers.fetchRetest,
				'test_registration.retest',
			);
			expect(requests.map(requestLine)).toEqual([
				`GET /api/test_registration/${ids.retestTestRegistrationId}`,
			]);
			expect(items[0].testRegistration).toMatchObject({
				id: ids.retestTestRegistrationId,
				parent_id: ids.testRegistrationId,
			});
		});

		test('Output "One Item per Biomarker": one item per fetched result', async () => {
			const { items } = await fetchThrough(lmlTriggers.fetchBiomarkerRows, 'lab_results.complete');
			expect(items.map((item) => item.biomarker)).toEqual(
				sampleResults.map((result) => result.name),
			);
			for (const item of items) {
				expect(item).toMatchObject({
					event: 'lab_results.complete',
					testRegistrationId: ids.testRegistrationId,
				});
				expect(item.payload).toBeUndefined();
			}
		});
	});
});

describe('London Medical Laboratory node in n8n', () => {
	/** Runs the action workflow once; returns the HTTP answer, the execution and the LML API requests it made. */
	async function runAction(workflow: E2eWorkflow) {
		const { result: run, requests } = await requestsDuring(
			fakes.londonMedicalLaboratory,
			async () => await n8n.runWebhookWorkflow(workflow),
		);
		expect(run.execution).toBeDefined();
		return { run, execution: run.execution!, requests };
	}

	async function successfulItems(workflow: E2eWorkflow) {
		const { run, execution, requests } = await runAction(workflow);
		expect({ status: execution.status, error: execution.error?.message }).toEqual({
			status: 'success',
			error: undefined,
		});
		expect(run.status).toBe(200);
		return {
			items: execution.items(ACTION_NODE),
			json: execution.json(ACTION_NODE),
			requests,
			run,
		};
	}

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
