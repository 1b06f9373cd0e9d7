import type { IDataObject } from 'n8n-workflow';

import type { HurdleEventName } from '../../nodes/Hurdle/events';
import { describeHurdleEvent } from '../../nodes/Hurdle/fields';
import { requestsReceivedBy } from '../../dev/fakes/fakeServer';
import {
	HURDLE_FAKE_API_KEY,
	HURDLE_NO_LOOKUP_ORDER,
	HURDLE_PATIENT_DATA_PRODUCT,
	HURDLE_PENDING_TEST,
	HURDLE_RATE_LIMITED_TEST,
} from '../../dev/fakes/hurdle/api';
import { HURDLE_SAMPLE_IDS, hurdleDelivery, hurdleSample } from '../../dev/fakes/hurdle/samples';
import type { SampleOptions } from '../../dev/fakes/types';
import { deliver, sendEvent, type SignOptions } from '../../dev/fakes/sender';
import { e2e, n8nLogLines } from './environment';
import { requestLine, requestsDuring } from './fakeRequests';
import {
	HURDLE_WEBHOOK_HEADER,
	HURDLE_WEBHOOK_SECRET,
	RENAMED_FIELDS,
	hurdleActions,
	hurdleData,
	hurdleEvents,
	hurdleTriggers,
} from './fixtures/hurdle';
import { ACTION_NODE, TRIGGER_NODE, type E2eWorkflow } from '../../dev/n8n/workflows';

const { n8n, fakes } = e2e();

const ids = HURDLE_SAMPLE_IDS;
const signed: SignOptions = { secret: HURDLE_WEBHOOK_SECRET, headerName: HURDLE_WEBHOOK_HEADER };
/** Tracking links point at a fake host that must never be called: full data comes from the credential's host. */
const atPayloadHost = () => ({ trackingHost: fakes.payloadHost });

async function sendHurdle(
	workflow: E2eWorkflow,
	event: HurdleEventName,
	options: SignOptions & SampleOptions = signed,
) {
	return await sendEvent('hurdle', event, n8n.webhookUrl(workflow), {
		...options,
		overrides: { ...atPayloadHost(), ...options.overrides },
	});
}

/** A hand-built body, signed with the shared secret in its header. */
async function sendBody(
	workflow: E2eWorkflow,
	payload: Record<string, unknown>,
	method: 'GET' | 'POST' = 'POST',
) {
	const delivery = hurdleDelivery(payload, method);
	return await deliver(n8n.webhookUrl(workflow), {
		...delivery,
		headers: { ...delivery.headers, [HURDLE_WEBHOOK_HEADER]: HURDLE_WEBHOOK_SECRET },
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

/** The typed fields an item must carry for a sample: exactly what the trigger derives from it. */
function expectedTyped(
	event: HurdleEventName,
	casing: SampleOptions['casing'] = 'upper',
): IDataObject {
	return describeHurdleEvent(
		hurdleSample(event, { casing, overrides: atPayloadHost() }) as IDataObject,
	);
}

const TYPED_KEYS = [
	'eventType',
	'version',
	'userId',
	'productCode',
	'orderNumber',
	'testId',
	'kitIds',
	'barcode',
	'appointmentId',
	'carrier',
	'trackingCode',
	'trackingUrl',
	'timestamps',
];

function pick(item: IDataObject, keys: string[]): IDataObject {
	return Object.fromEntries(keys.filter((key) => key in item).map((key) => [key, item[key]]));
}

const PATIENT_FIELDS = [
	'email',
	'shippingAddress',
	'firstName',
	'lastName',
	'dateOfBirth',
	'mobileNumber',
	'delivery',
];
function patientFieldsIn(value: unknown): string[] {
	const found = new Set<string>();
	const walk = (entry: unknown) => {
		if (Array.isArray(entry)) entry.forEach(walk);
		else if (typeof entry === 'object' && entry !== null) {
			for (const [key, nested] of Object.entries(entry)) {
				if (PATIENT_FIELDS.includes(key)) found.add(key);
				walk(nested);
			}
		}
	};
	walk(value);
	return [...found];
}

const sampleTest = hurdleData.tests[ids.testId];
const expectedFlags = { LDL: 'high', HDL: 'normal', HBA1C: 'normal', FERR: 'low' };

describe('Hurdle Trigger in n8n', () => {
	describe('each event type, sent by POST in upper case, starts exactly one execution with its typed fields', () => {
		test.each(hurdleEvents)('%s', async (event) => {
			const workflow = hurdleTriggers.byEvent[event];
			expect(await sendHurdle(workflow, event)).toEqual(accepted);

			const executions = await n8n.waitForExecutions(workflow.id, 1);
			expect(executions).toHaveLength(1);
			expect(executions[0].status).toBe('success');
			const items = executions[0].json(TRIGGER_NODE);
			expect(items).toHaveLength(1);
			const [item] = items;
			expect(item).toMatchObject({
				provider: 'hurdle',
				event,
				eventType: event.toUpperCase(),
				validation: { valid: true, issues: [] },
			});
			expect(pick(item, TYPED_KEYS)).toEqual(expectedTyped(event));
			expect(Number.isNaN(Date.parse(String(item.receivedAt)))).toBe(false);
			expect(patientFieldsIn(item)).toEqual([]);
		});
	});

	test('every event sent by GET in lower case starts one execution each, typed like the POST ones', async () => {
		const workflow = hurdleTriggers.everyEventByGet;
		for (const event of hurdleEvents) {
			expect(
				await sendHurdle(workflow, event, { ...signed, method: 'GET', casing: 'lower' }),
			).toEqual(accepted);
		}
		const executions = await n8n.waitForExecutions(workflow.id, hurdleEvents.length);
		expect(executions).toHaveLength(hurdleEvents.length);
		const items = executions.flatMap((execution) => execution.json(TRIGGER_NODE));
		const byEvent = Object.fromEntries(items.map((item) => [item.event as string, item]));
		expect(Object.keys(byEvent).sort()).toEqual([...hurdleEvents].sort());
		for (const event of hurdleEvents) {
			expect(byEvent[event]).toMatchObject({
				eventType: event,
				validation: { valid: true, issues: [] },
			});
			expect(pick(byEvent[event], TYPED_KEYS)).toEqual(expectedTyped(event, 'lower'));
		}
	});

	test('renamed body properties are mapped back before the event is read', async () => {
		const workflow = hurdleTriggers.renamedFields;
		const { eventType, orderNumber, ...rest } = hurdleSample('order.dispatched', {
			overrides: atPayloadHost(),
		});
		const renamed = {
			...rest,
			[RENAMED_FIELDS.eventType]: eventType,
			[RENAMED_FIELDS.orderNumber]: orderNumber,
		};
		expect(await sendBody(workflow, renamed)).toEqual(accepted);
		expect(
			await sendBody(workflow, { ...renamed, dispatchedAt: '2022-03-09T09:00:00.000Z' }, 'GET'),
		).toEqual(accepted);
		const executions = await n8n.waitForExecutions(workflow.id, 2);
		expect(executions).toHaveLength(2);
		for (const execution of executions) {
			expect(execution.json(TRIGGER_NODE)[0]).toMatchObject({
				event: 'order.dispatched',
				orderNumber: ids.orderNumber,
				validation: { valid: true },
			});
		}
	});

	test('an event outside the Events filter is answered 200 "ignored" and starts nothing', async () => {
		const workflow = hurdleTriggers.onlyOrderDispatched;
		expect(await sendHurdle(workflow, 'order.created')).toMatchObject({
			status: 200,
			body: { status: 'ignored' },
		});
		expect(await n8n.waitForExecutions(workflow.id, 0)).toHaveLength(0);

		expect(await sendHurdle(workflow, 'order.dispatched', { ...signed, casing: 'lower' })).toEqual(
			accepted,
		);
		const executions = await n8n.waitForExecutions(workflow.id, 1);
		expect(executions.map((execution) => execution.json(TRIGGER_NODE)[0]?.event)).toEqual([
			'order.dispatched',
		]);
	});

	describe('authentication', () => {
		test('a delivery without the secret is refused with 401, by POST and by GET, and starts nothing', async () => {
			const workflow = hurdleTriggers.missingSecret;
			expect(await sendHurdle(workflow, 'order.created', {})).toEqual(rejected(401));
			expect(await sendHurdle(workflow, 'order.created', { method: 'GET' })).toEqual(rejected(401));
			expect(await n8n.waitForExecutions(workflow.id, 0)).toHaveLength(0);
		});

		test('a delivery with the wrong secret is refused with 401, without echoing the secret', async () => {
			const workflow = hurdleTriggers.wrongSecret;
			const response = await sendHurdle(workflow, 'order.created', {
				...signed,
				secret: 'not-the-secret',
			});
			expect(response).toEqual(rejected(401));
			expect(JSON.stringify(response.body)).not.toContain(HURDLE_WEBHOOK_SECRET);
			expect(await n8n.waitForExecutions(workflow.id, 0)).toHaveLength(0);
		});

		test('the secret in a header other than the credential names is refused with 401', async () => {
			const workflow = hurdleTriggers.secretInOtherHeader;
			expect(
				await sendHurdle(workflow, 'order.created', { ...signed, headerName: 'X-Webhook-Secret' }),
			).toEqual(rejected(401));
			expect(await n8n.waitForExecutions(workflow.id, 0)).toHaveLength(0);
		});

		test('the secret as ?token= on a GET is accepted and kept out of the execution', async () => {
			const workflow = hurdleTriggers.secretInQuery;
			expect(
				await sendHurdle(workflow, 'order.created', {
					...signed,
					method: 'GET',
					secretInQuery: true,
				}),
			).toEqual(accepted);
			const executions = await n8n.waitForExecutions(workflow.id, 1);
			expect(executions).toHaveLength(1);
			expect(JSON.stringify(executions[0].record)).not.toContain(HURDLE_WEBHOOK_SECRET);
		});
	});

	test('the same delivery sent twice starts one execution; a different event about the same order starts its own', async () => {
		const workflow = hurdleTriggers.duplicate;
		expect(await sendHurdle(workflow, 'order.dispatched')).toEqual(accepted);
		expect(await sendHurdle(workflow, 'order.dispatched')).toMatchObject({
			status: 200,
			body: { status: 'duplicate' },
		});
		expect(await n8n.waitForExecutions(workflow.id, 1)).toHaveLength(1);

		expect(await sendHurdle(workflow, 'order.out_for_delivery')).toEqual(accepted);
		expect(await n8n.waitForExecutions(workflow.id, 2)).toHaveLength(2);
	});

	test('a redelivery by GET in lower case of an event first sent by POST is a duplicate', async () => {
		const workflow = hurdleTriggers.duplicateAcrossMethods;
		expect(await sendHurdle(workflow, 'order.received')).toEqual(accepted);
		expect(
			await sendHurdle(workflow, 'order.received', { ...signed, method: 'GET', casing: 'lower' }),
		).toMatchObject({
			status: 200,
			body: { status: 'duplicate' },
		});
		expect(await n8n.waitForExecutions(workflow.id, 1)).toHaveLength(1);
	});

	describe('unusable deliveries get their designed answer, start nothing, and leave n8n working', () => {
		const cases = [
			// n8n parses application/json itself and answers before our node runs.
			{
				name: 'malformed JSON sent as application/json',
				workflow: hurdleTriggers.malformedJson,
				method: 'POST',
				contentType: 'application/json',
				body: '{"eventType": "ORDER.CREATED",',
				status: 422,
				answer: { message: 'Failed to parse request body' },
			},
			{
				name: 'malformed JSON sent as text/plain',
				workflow: hurdleTriggers.malformedText,
				method: 'POST',
				contentType: 'text/plain',
				body: '{"eventType": "ORDER.CREATED",',
				status: 422,
				answer: { status: 'rejected' },
			},
			{
				name: 'an empty body',
				workflow: hurdleTriggers.emptyBody,
				method: 'POST',
				contentType: 'application/json',
				body: '',
				status: 400,
				answer: { status: 'rejected' },
			},
			{
				name: 'a GET without parameters',
				workflow: hurdleTriggers.emptyQuery,
				method: 'GET',
				contentType: 'application/json',
				body: '',
				status: 400,
				answer: { status: 'rejected' },
			},
			{
				name: 'JSON that is not an object',
				workflow: hurdleTriggers.nonObjectJson,
				method: 'POST',
				contentType: 'application/json',
				body: '["ORDER.CREATED"]',
				status: 422,
				answer: { status: 'rejected' },
			},
			{
				name: 'an object without eventType',
				workflow: hurdleTriggers.noEventType,
				method: 'POST',
				contentType: 'application/json',
				body: JSON.stringify({ version: '1', orderNumber: ids.orderNumber }),
				status: 422,
				answer: { status: 'rejected' },
			},
		] as const;

		test.each(cases)(
			'$name → $status',
			async ({ workflow, method, contentType, body, status, answer }) => {
				const response = await deliver(n8n.webhookUrl(workflow), {
					method,
					headers: { 'content-type': contentType, [HURDLE_WEBHOOK_HEADER]: HURDLE_WEBHOOK_SECRET },
					query: {},
					body,
				});
				expect(response.status).toBe(status);
				expect(response.body).toMatchObject(answer);
				expect(await n8n.waitForExecutions(workflow.id, 0)).toHaveLength(0);

				expect(await n8n.healthy()).toBe(true);
				expect(await sendHurdle(workflow, 'order.created')).toEqual(accepted);
				expect(await n8n.waitForExecutions(workflow.id, 1)).toHaveLength(1);
			},
		);
	});

	describe('event types it does not know', () => {
		const payload = {
			eventType: 'PHLEBOTOMY.APPOINTMENT_COMPLETE',
			version: '1',
			orderNumber: ids.orderNumber,
		};

		test('under All Events, one starts one execution as "other", with its name and payload', async () => {
			const workflow = hurdleTriggers.unknownEvent;
			expect(await sendBody(workflow, payload)).toEqual(accepted);
			const executions = await n8n.waitForExecutions(workflow.id, 1);
			expect(executions).toHaveLength(1);
			expect(executions[0].json(TRIGGER_NODE)[0]).toMatchObject({
				event: 'other',
				eventName: 'phlebotomy.appointment_complete',
				payload,
			});
		});

		test('outside a narrower selection, one starts nothing and leaves one warning naming it in the log, without its values', async () => {
			const workflow = hurdleTriggers.unknownEventNotSelected;
			const unique = { ...payload, eventType: 'PHLEBOTOMY.SOMETHING_NEW_FOR_E2E' };
			expect(await sendBody(workflow, unique)).toEqual({
				status: 200,
				body: expect.objectContaining({ status: 'ignored' }),
			});
			expect(await n8n.waitForExecutions(workflow.id, 0)).toHaveLength(0);
			const lines = n8nLogLines('phlebotomy.something_new_for_e2e');
			expect(lines).toHaveLength(1);
			expect(lines[0]).toContain('Hurdle Trigger ignored an event type it does not know');
			expect(lines[0]).not.toContain(ids.orderNumber);
		});
	});

	describe('Fetch Full Data', () => {
		/** Sends the event, waits for its execution, and returns its items with the Hurdle API requests made meanwhile. */
		async function fetchThrough(
			workflow: E2eWorkflow,
			event: HurdleEventName,
			options: SignOptions & SampleOptions = {},
		) {
			const { result: executions, requests } = await requestsDuring(fakes.hurdle, async () => {
				const response = await sendHurdle(workflow, event, {
					...signed,
					...options,
					// Fields naming another host: none of them may be requested.
					overrides: {
						url: `${fakes.payloadHost}/tests/v2/${ids.testId}`,
						baseUrl: fakes.payloadHost,
						host: fakes.payloadHost.replace(/^https?:\/\//, ''),
						...options.overrides,
					},
				});
				expect(response).toEqual(accepted);
				return await n8n.waitForExecutions(workflow.id, 1);
			});
			expect(executions).toHaveLength(1);
			expect(executions[0].status).toBe('success');
			return { items: executions[0].json(TRIGGER_NODE), requests };
		}

		afterAll(async () => {
			// Every payload above named the payload host; none of it may have been requested.
			expect(await requestsReceivedBy(fakes.payloadHost)).toEqual([]);
		});

		test('test.processed: the test with its results, from the credential host', async () => {
			const { items, requests } = await fetchThrough(hurdleTriggers.fetchTest, 'test.processed');
			expect(requests.map(requestLine)).toEqual([`GET /tests/v2/${ids.testId}`]);
			expect(requests[0].headers['x-api-key']).toBe(HURDLE_FAKE_API_KEY);
			expect(await requestsReceivedBy(fakes.payloadHost)).toEqual([]);

			expect(items).toHaveLength(1);
			expect(items[0].fullData).toEqual({ fetched: true });
			expect(items[0].test).toMatchObject({ id: ids.testId, status: 'PROCESSED' });
			const results = items[0].results as IDataObject;
			expect(results).toMatchObject({ ready: true, raw: sampleTest.biomarkerResults });
			const rows = results.rows as IDataObject[];
			expect(Object.fromEntries(rows.map((row) => [row.code, row.flag]))).toEqual(expectedFlags);
			expect(results.summary).toMatchObject({
				total: 4,
				high: 1,
				low: 1,
				normal: 2,
				needingAttention: 2,
			});
			expect(patientFieldsIn(items[0])).toEqual([]);
		});

		test('test.lab_accessioned for a test without results: results.ready is false', async () => {
			const { items, requests } = await fetchThrough(
				hurdleTriggers.fetchPendingTest,
				'test.lab_accessioned',
				{
					overrides: { testId: HURDLE_PENDING_TEST },
				},
			);
			expect(requests.map(requestLine)).toEqual([`GET /tests/v2/${HURDLE_PENDING_TEST}`]);
			expect(items[0].results).toEqual({ ready: false, message: expect.any(String) });
		});

		test('test.registered has no test ID yet: nothing is fetched, and the item says why', async () => {
			const { items, requests } = await fetchThrough(
				hurdleTriggers.fetchBeforeAccession,
				'test.registered',
			);
			expect(requests).toEqual([]);
			expect(items[0].fullData).toEqual({
				fetched: false,
				message: expect.stringContaining('LAB_ACCESSIONED'),
			});
		});

		test('order.out_for_delivery: the order, without the customer’s details', async () => {
			const { items, requests } = await fetchThrough(
				hurdleTriggers.fetchOrder,
				'order.out_for_delivery',
			);
			expect(requests.map(requestLine)).toEqual([`GET /orders/v3/${ids.orderNumber}`]);
			expect(items[0].order).toMatchObject({ orderNumber: ids.orderNumber, status: 'DISPATCHED' });
			expect(patientFieldsIn(items[0])).toEqual([]);
		});

		test('an order lookup answering 405 gives order.available false, not a failed execution', async () => {
			const { items, requests } = await fetchThrough(
				hurdleTriggers.fetchOrderWithoutLookup,
				'order.created',
				{
					overrides: { orderNumber: HURDLE_NO_LOOKUP_ORDER },
				},
			);
			expect(requests.map(requestLine)).toEqual([`GET /orders/v3/${HURDLE_NO_LOOKUP_ORDER}`]);
			expect(items[0].order).toEqual({
				available: false,
				message: expect.stringContaining('HTTP 405'),
			});
		});

		test('Output "One Item per Biomarker": one item per fetched result', async () => {
			const { items } = await fetchThrough(hurdleTriggers.fetchBiomarkerRows, 'test.processed', {
				method: 'GET',
			});
			expect(items.map((item) => item.code)).toEqual(Object.keys(expectedFlags));
			for (const item of items) {
				expect(item).toMatchObject({
					event: 'test.processed',
					testId: ids.testId,
					codeSystem: 'Hurdle',
				});
				expect(item.payload).toBeUndefined();
			}
		});
	});
});

describe('Hurdle node in n8n', () => {
	/** Runs the action workflow once; returns the HTTP answer, the execution and the Hurdle API requests it made. */
	async function runAction(workflow: E2eWorkflow) {
		const { result: run, requests } = await requestsDuring(
			fakes.hurdle,
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
		return { json: execution.json(ACTION_NODE), requests };
	}

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
