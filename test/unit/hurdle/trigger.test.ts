import type { IDataObject } from 'n8n-workflow';

import { hurdleEventSchemas, type HurdleEventName } from '../../../nodes/Hurdle/events';
import { HurdleTrigger } from '../../../nodes/Hurdle/HurdleTrigger.node';
import { HURDLE_DUPLICATE_WINDOW_HOURS } from '../../../nodes/Hurdle/webhook';
import { forgetProcessMemory } from '../../../nodes/shared/webhook/claims';
import { FakeServer } from '../../../dev/fakes/fakeServer';
import {
	createHurdleFake,
	HURDLE_FAKE_API_KEY,
	HURDLE_NO_LOOKUP_ORDER,
	HURDLE_PENDING_TEST,
} from '../../../dev/fakes/hurdle/api';
import { HURDLE_SAMPLE_IDS, hurdleDelivery, hurdleSample } from '../../../dev/fakes/hurdle/samples';
import { triggerHarness } from '../../support/triggerHarness';

const SECRET = 'hurdle-webhook-secret-for-tests';
const HEADER = 'X-Hurdle-Secret';
const EVENTS = Object.keys(hurdleEventSchemas) as HurdleEventName[];

const fake = createHurdleFake();
const hurdle = triggerHarness('hurdle', {
	secret: SECRET,
	headerName: HEADER,
	baseUrl: () => fake.url,
});
/** Stands in for any host a payload names: it must never be called. */
const payloadHost = new FakeServer();

beforeAll(async () => {
	await fake.start();
	await payloadHost.start();
});
afterAll(async () => {
	await fake.stop();
	await payloadHost.stop();
});
beforeEach(() => {
	fake.reset();
	payloadHost.reset();
	forgetProcessMemory();
});

/** The typed part of an item: what describe() and the pipeline add, without the raw payload and arrival time. */
function typed(json: IDataObject): IDataObject {
	const rest = { ...json };
	for (const key of ['payload', 'receivedAt', 'eventType']) delete rest[key];
	return rest;
}

describe('every event, in both casings', () => {
	const cases = EVENTS.flatMap((event) =>
		(['upper', 'lower'] as const).map((casing) => [event, casing] as const),
	);

	it.each(cases)(
		'%s sent as %s case starts one execution with the typed item',
		async (event, casing) => {
			const { response, items, json } = await hurdle.send(hurdle.sample(event, { casing }));
			expect(response.status).toBe(200);
			expect(response.body).toMatchObject({ status: 'accepted' });
			expect(items).toHaveLength(1);
			expect(json).toMatchObject({
				provider: 'hurdle',
				event,
				eventType: casing === 'upper' ? event.toUpperCase() : event,
				version: '1',
				orderNumber: HURDLE_SAMPLE_IDS.orderNumber,
				productCode: HURDLE_SAMPLE_IDS.productCode,
				validation: { valid: true, issues: [] },
			});
			expect(typeof json.receivedAt).toBe('string');
			// ORDER.CREATED is the one documented event without a time of its own.
			if (event === 'order.created') expect(json.timestamps).toBeUndefined();
			else
				expect(Object.values(json.timestamps as IDataObject)).toEqual(
					expect.arrayContaining([expect.stringMatching(/^\d{4}-\d\d-\d\dT[\d:.]+Z$/)]),
				);
		},
	);

	it('carries the ids each kind of event has', async () => {
		const dispatched = (await hurdle.send(hurdle.sample('order.dispatched'))).json;
		expect(dispatched).toMatchObject({
			kitIds: [HURDLE_SAMPLE_IDS.kitId],
			trackingUrl: expect.stringContaining('RM123456785GB'),
			timestamps: { dispatchedAt: '2022-03-07T16:13:42.345Z' },
		});
		const received = (await hurdle.send(hurdle.sample('order.received'))).json;
		expect(received).toMatchObject({
			carrier: 'ROYAL_MAIL',
			trackingCode: 'RM123456785GB',
			timestamps: { receivedAt: '2022-03-08T12:41:09.000Z' },
		});
		// The pipeline's receivedAt is when n8n got the webhook; Hurdle's own receivedAt stays under timestamps.
		expect(received.receivedAt).not.toBe('2022-03-08T12:41:09.000Z');
		const registered = (await hurdle.send(hurdle.sample('test.registered'))).json;
		expect(registered).toMatchObject({
			userId: HURDLE_SAMPLE_IDS.userId,
			kitIds: [HURDLE_SAMPLE_IDS.kitId],
			barcode: HURDLE_SAMPLE_IDS.barcode,
		});
		expect(registered.testId).toBeUndefined();
		const processed = (await hurdle.send(hurdle.sample('test.processed'))).json;
		expect(processed).toMatchObject({
			testId: HURDLE_SAMPLE_IDS.testId,
			timestamps: { processedAt: '2022-11-23T14:20:00.000Z' },
		});
		const scheduled = (await hurdle.send(hurdle.sample('phlebotomy.appointment_scheduled'))).json;
		expect(scheduled).toMatchObject({ appointmentId: HURDLE_SAMPLE_IDS.appointmentId });
	});

	it('passes undocumented fields through in the payload', async () => {
		const { json } = await hurdle.send(
			hurdle.sign(hurdleDelivery(hurdleSample('test.validation_fail'))),
		);
		expect(json.payload).toMatchObject({
			reason: 'INSUFFICIENT_SAMPLE',
			testId: HURDLE_SAMPLE_IDS.testId,
		});
	});

	it('accepts the Chronomics example notification exactly as published', async () => {
		const seed = {
			eventType: 'ORDER.CREATED',
			version: 'v1',
			userId: 'a86dr8yl',
			productCode: 'AS92731331',
		};
		const { json } = await hurdle.send(hurdle.sign(hurdleDelivery(seed)));
		expect(json).toMatchObject({
			event: 'order.created',
			version: 'v1',
			userId: 'a86dr8yl',
			productCode: 'AS92731331',
			validation: { valid: true },
		});
	});
});

describe('GET and POST delivery', () => {
	it.each(EVENTS)('%s by GET gives the same typed item as by POST', async (event) => {
		const byPost = await hurdle.send(hurdle.sample(event));
		forgetProcessMemory();
		const byGet = await hurdle.send(hurdle.sample(event, { method: 'GET' }));
		expect(byGet.response.status).toBe(200);
		expect(byGet.items).toHaveLength(1);
		expect(typed(byGet.json)).toEqual(typed(byPost.json));
	});

	it('reads a GET delivery in both casings', async () => {
		const { json } = await hurdle.send(
			hurdle.sample('order.out_for_delivery', { method: 'GET', casing: 'lower' }),
		);
		expect(json).toMatchObject({
			event: 'order.out_for_delivery',
			eventType: 'order.out_for_delivery',
			kitIds: [HURDLE_SAMPLE_IDS.kitId],
		});
	});

	it('reads kits as the extended query parser hands them over', async () => {
		const query = {
			...hurdleSample('order.dispatched'),
			kits: [{ kitId: 'A1' }, { kitId: 'B2' }],
		} as unknown as Record<string, string>;
		const { json } = await hurdle.send({
			method: 'GET',
			headers: { [HEADER]: SECRET },
			query,
			body: '',
		});
		expect(json).toMatchObject({ kitIds: ['A1', 'B2'], validation: { valid: true } });
	});

	it('accepts the secret as ?token= on a GET and keeps it out of the output', async () => {
		const delivery = hurdle.sample('order.created', { method: 'GET', secretInQuery: true });
		expect(delivery.query.token).toBe(SECRET);
		const { json, response } = await hurdle.send(delivery, {
			parameters: { patientData: 'include' },
		});
		expect(response.status).toBe(200);
		expect(json.payload).not.toHaveProperty('token');
		expect(JSON.stringify(json)).not.toContain(SECRET);
	});

	it('refuses a GET with no event parameters with 400 and no execution', async () => {
		const { response, result } = await hurdle.send({
			method: 'GET',
			headers: { [HEADER]: SECRET },
			query: {},
			body: '',
		});
		expect(response.status).toBe(400);
		expect(result.workflowData).toBeUndefined();
	});

	it('declares both methods on the same path', () => {
		const webhooks = new HurdleTrigger().description.webhooks ?? [];
		expect(
			webhooks.map((webhook) => [
				webhook.name,
				webhook.httpMethod,
				webhook.path,
				webhook.responseMode,
			]),
		).toEqual([
			['default', 'POST', 'webhook', 'onReceived'],
			['default', 'GET', 'webhook', 'onReceived'],
		]);
	});
});

describe('field renaming', () => {
	const renamedBody = () => {
		const { eventType, orderNumber, ...rest } = hurdleSample('order.dispatched');
		return { ...rest, type: eventType, order_ref: orderNumber };
	};
	const fieldNames = {
		mappings: [
			{ from: 'type', to: 'eventType' },
			{ from: 'order_ref', to: 'orderNumber' },
		],
	};

	it('maps renamed properties back before the event is recognised and parsed', async () => {
		const { json } = await hurdle.send(hurdle.sign(hurdleDelivery(renamedBody())), {
			parameters: { options: { fieldNames } },
		});
		expect(json).toMatchObject({
			event: 'order.dispatched',
			orderNumber: HURDLE_SAMPLE_IDS.orderNumber,
			validation: { valid: true },
		});
		expect(json.payload).toMatchObject({
			eventType: 'ORDER.DISPATCHED',
			orderNumber: HURDLE_SAMPLE_IDS.orderNumber,
		});
		expect(json.payload).not.toHaveProperty('type');
	});

	it('applies to GET deliveries too', async () => {
		const { json } = await hurdle.send(hurdle.sign(hurdleDelivery(renamedBody(), 'GET')), {
			parameters: { options: { fieldNames } },
		});
		expect(json).toMatchObject({
			event: 'order.dispatched',
			orderNumber: HURDLE_SAMPLE_IDS.orderNumber,
		});
	});

	it('without the mapping, a renamed eventType names no event: 422, no execution', async () => {
		const { response, result } = await hurdle.send(hurdle.sign(hurdleDelivery(renamedBody())));
		expect(response.status).toBe(422);
		expect(result.workflowData).toBeUndefined();
	});
});

describe('event filter', () => {
	it('starts the workflow for a selected event whatever its casing', async () => {
		for (const casing of ['upper', 'lower'] as const) {
			const { items } = await hurdle.send(hurdle.sample('order.dispatched', { casing }), {
				parameters: { events: ['order.dispatched'], options: { deduplicate: false } },
			});
			expect(items).toHaveLength(1);
		}
	});

	it('answers 200 without an execution for an event not selected', async () => {
		const { response, result } = await hurdle.send(hurdle.sample('order.created'), {
			parameters: { events: ['order.dispatched'] },
		});
		expect(response).toEqual({ status: 200, body: expect.objectContaining({ status: 'ignored' }) });
		expect(result.workflowData).toBeUndefined();
	});

	it('emits an unknown event under All Events as "other"; drops it with one warning when the selection leaves it out', async () => {
		const unknown = hurdle.sign(
			hurdleDelivery({
				...hurdleSample('phlebotomy.nurse_assigned'),
				eventType: 'PHLEBOTOMY.APPOINTMENT_COMPLETE',
			}),
		);
		const emitted = await hurdle.send(unknown);
		expect(emitted.json).toMatchObject({
			event: 'other',
			eventName: 'phlebotomy.appointment_complete',
			provider: 'hurdle',
			validation: { valid: false, issues: [] },
		});
		expect(emitted.warnings).toEqual([]);

		forgetProcessMemory();
		const notSelected = await hurdle.send(unknown, {
			parameters: { events: ['phlebotomy.nurse_assigned'] },
		});
		expect(notSelected.response).toEqual({
			status: 200,
			body: expect.objectContaining({ status: 'ignored' }),
		});
		expect(notSelected.result.workflowData).toBeUndefined();
		expect(notSelected.warnings).toHaveLength(1);
		expect(notSelected.warnings[0]).toContain('"phlebotomy.appointment_complete"');
		expect(notSelected.warnings[0]).not.toContain(HURDLE_SAMPLE_IDS.orderNumber);
	});
});

describe('authentication', () => {
	it('accepts the secret in the header named in the credential', async () => {
		expect((await hurdle.send(hurdle.sample('order.created'))).response.status).toBe(200);
	});

	it('answers 401 without an execution when the secret is missing', async () => {
		const { response, result } = await hurdle.send(hurdleDelivery(hurdleSample('order.created')));
		expect(response).toEqual({
			status: 401,
			body: { status: 'rejected', message: expect.stringContaining(HEADER) },
		});
		expect(result.workflowData).toBeUndefined();
	});

	it('answers 401 for a wrong secret, without echoing it', async () => {
		const { response, result } = await hurdle.send(
			hurdle.sample('order.created', { secret: 'not-the-secret' }),
		);
		expect(response.status).toBe(401);
		expect(JSON.stringify(response.body)).not.toContain('not-the-secret');
		expect(result.workflowData).toBeUndefined();
	});

	it('does not take the secret from the default header when another one is configured', async () => {
		const { response } = await hurdle.send(
			hurdle.sample('order.created', { headerName: 'X-Webhook-Secret' }),
		);
		expect(response.status).toBe(401);
	});

	it('accepts the secret as ?token= on a POST', async () => {
		expect(
			(await hurdle.send(hurdle.sample('order.created', { secretInQuery: true }))).response.status,
		).toBe(200);
	});

	it('fails closed when the credential has no secret', async () => {
		const { response } = await hurdle.send(hurdle.sample('order.created'), {
			credentials: hurdle.credentials({ secret: '' }),
		});
		expect(response.status).toBe(401);
		expect(response.body?.message).toContain('No webhook secret');
	});

	it('accepts anything with Authentication "None"', async () => {
		const { items } = await hurdle.send(hurdleDelivery(hurdleSample('order.created')), {
			parameters: { authentication: 'none' },
			credentials: hurdle.credentials({ secret: '' }),
		});
		expect(items).toHaveLength(1);
	});

	it('defaults to verifying, and warns when set to None', () => {
		const properties = new HurdleTrigger().description.properties;
		expect(properties.find((property) => property.name === 'authentication')?.default).toBe(
			'verify',
		);
		expect(
			properties.find((property) => property.name === 'insecureNotice')?.displayOptions,
		).toEqual({ show: { authentication: ['none'] } });
	});
});

describe('activation', () => {
	const create = (parameters: IDataObject, webhookSecret: string) =>
		hurdle
			.lifecycle(parameters, { credentials: hurdle.credentials({ secret: webhookSecret }) })
			.create();

	it('fails clearly when verification is on and the credential has no secret', async () => {
		await expect(create({ authentication: 'verify' }, '')).rejects.toThrow('no webhook secret');
	});

	it('succeeds with a secret, or with verification off', async () => {
		await expect(create({ authentication: 'verify' }, SECRET)).resolves.toBe(true);
		await expect(create({ authentication: 'none' }, '')).resolves.toBe(true);
	});
});

describe('deduplication', () => {
	it('runs once for the same delivery sent twice', async () => {
		const staticData: IDataObject = {};
		const first = await hurdle.send(hurdle.sample('order.dispatched'), { staticData });
		const second = await hurdle.send(hurdle.sample('order.dispatched'), { staticData });
		expect(first.items).toHaveLength(1);
		expect(second.response).toEqual({
			status: 200,
			body: expect.objectContaining({ status: 'duplicate' }),
		});
		expect(second.result.workflowData).toBeUndefined();
	});

	it('remembers across restarts through static data', async () => {
		const staticData: IDataObject = {};
		await hurdle.send(hurdle.sample('test.processed'), { staticData });
		forgetProcessMemory();
		expect(
			(await hurdle.send(hurdle.sample('test.processed'), { staticData })).response.body?.status,
		).toBe('duplicate');
		expect(JSON.stringify(staticData)).not.toContain(HURDLE_SAMPLE_IDS.testId);
	});

	it('treats a redelivery by GET of a POST event, in the other casing, as the same delivery', async () => {
		const staticData: IDataObject = {};
		await hurdle.send(hurdle.sample('order.received'), { staticData });
		const again = await hurdle.send(
			hurdle.sample('order.received', { method: 'GET', casing: 'lower' }),
			{ staticData },
		);
		expect(again.response.body?.status).toBe('duplicate');
	});

	it('does not drop a different event about the same order', async () => {
		const staticData: IDataObject = {};
		await hurdle.send(hurdle.sample('order.dispatched'), { staticData });
		expect(
			(await hurdle.send(hurdle.sample('order.out_for_delivery'), { staticData })).items,
		).toHaveLength(1);
	});

	it('does not drop the same event at a later time', async () => {
		const staticData: IDataObject = {};
		await hurdle.send(hurdle.sample('order.dispatched'), { staticData });
		const later = hurdle.sign(
			hurdleDelivery(
				hurdleSample('order.dispatched', {
					overrides: { dispatchedAt: '2022-03-09T08:00:00.000Z' },
				}),
			),
		);
		expect((await hurdle.send(later, { staticData })).items).toHaveLength(1);
	});

	it('hashes the whole body when an event carries no ids', async () => {
		const staticData: IDataObject = {};
		const seed = {
			eventType: 'ORDER.CREATED',
			version: 'v1',
			userId: 'a86dr8yl',
			productCode: 'AS92731331',
		};
		await hurdle.send(hurdle.sign(hurdleDelivery(seed)), { staticData });
		expect(
			(await hurdle.send(hurdle.sign(hurdleDelivery(seed)), { staticData })).response.body?.status,
		).toBe('duplicate');
		expect(
			(await hurdle.send(hurdle.sign(hurdleDelivery({ ...seed, userId: 'b12' })), { staticData }))
				.items,
		).toHaveLength(1);
	});

	it('runs every time when deduplication is off', async () => {
		const staticData: IDataObject = {};
		await hurdle.send(hurdle.sample('order.dispatched'), {
			parameters: { options: { deduplicate: false } },
			staticData,
		});
		expect(
			(
				await hurdle.send(hurdle.sample('order.dispatched'), {
					parameters: { options: { deduplicate: false } },
					staticData,
				})
			).items,
		).toHaveLength(1);
	});

	it('remembers deliveries for two hours by default, covering both documented retry schedules', () => {
		expect(HURDLE_DUPLICATE_WINDOW_HOURS).toBe(2);
		const options = new HurdleTrigger().description.properties.find(
			(property) => property.name === 'options',
		);
		expect(options?.options).toContainEqual(
			expect.objectContaining({ name: 'duplicateWindowHours', default: 2 }),
		);
		expect(options?.options).toContainEqual(
			expect.objectContaining({ name: 'deduplicate', default: true }),
		);
	});
});

describe('invalid and malformed deliveries', () => {
	const badDispatch = () =>
		hurdle.sign(
			hurdleDelivery({ ...hurdleSample('order.dispatched'), dispatchedAt: 'last Tuesday' }),
		);

	it('emits a genuine event that fails validation, with its issues', async () => {
		const { items, json } = await hurdle.send(badDispatch());
		expect(items).toHaveLength(1);
		expect(json).toMatchObject({
			event: 'order.dispatched',
			validation: { valid: false, issues: [expect.objectContaining({ path: 'dispatchedAt' })] },
		});
		expect(JSON.stringify(json.validation)).not.toContain('last Tuesday');
	});

	it('answers 422 instead when set to reject', async () => {
		const { response, result } = await hurdle.send(badDispatch(), {
			parameters: { options: { onInvalidPayload: 'reject' } },
		});
		expect(response.status).toBe(422);
		expect(response.body?.message).toContain('dispatchedAt');
		expect(result.workflowData).toBeUndefined();
	});

	it.each([
		['malformed JSON', '{"eventType": "ORDER.CREATED",', 422],
		['an empty body', '', 400],
		['a JSON array', '[{"eventType":"ORDER.CREATED"}]', 422],
		['a JSON string', '"ORDER.CREATED"', 422],
		['an object without eventType', '{"version":"1","orderNumber":"HRD-1"}', 422],
	])('refuses %s with %i and no execution', async (_what, body, status) => {
		const { response, result } = await hurdle.send({
			method: 'POST',
			headers: { 'content-type': 'application/json', [HEADER]: SECRET },
			query: {},
			body,
		});
		expect(response.status).toBe(status);
		expect(result.workflowData).toBeUndefined();
	});
});

describe('Fetch Full Data', () => {
	const fetchFullData = { fetchFullData: true };

	it("fetches a test event's test with results from the credential's host, after answering", async () => {
		const { json, response } = await hurdle.send(hurdle.sample('test.processed'), {
			parameters: { options: fetchFullData },
		});
		expect(response.status).toBe(200);
		expect(json.fullData).toEqual({ fetched: true });
		expect(json.test).toMatchObject({ id: HURDLE_SAMPLE_IDS.testId, status: 'PROCESSED' });
		expect(json.results).toMatchObject({ ready: true, summary: { total: 4, needingAttention: 2 } });
		expect((json.results as IDataObject).rows).toHaveLength(4);
		expect((json.results as IDataObject).raw).toEqual((json.test as IDataObject).biomarkerResults);
		expect(fake.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
			`GET /tests/v2/${HURDLE_SAMPLE_IDS.testId}`,
		]);
		expect(fake.requests[0].headers['x-api-key']).toBe(HURDLE_FAKE_API_KEY);
	});

	it('splits results into one item per biomarker on request', async () => {
		const { items } = await hurdle.send(hurdle.sample('test.processed'), {
			parameters: { options: { ...fetchFullData, output: 'biomarkerRows' } },
		});
		expect(items.map((item) => item.json.code)).toEqual(['LDL', 'HDL', 'HBA1C', 'FERR']);
		expect(items[0].json).toMatchObject({
			event: 'test.processed',
			testId: HURDLE_SAMPLE_IDS.testId,
			flag: 'high',
		});
		expect(items[0].json).not.toHaveProperty('payload');
	});

	it('says so when a test has no results yet', async () => {
		const delivery = hurdle.sample('test.lab_accessioned', {
			overrides: { testId: HURDLE_PENDING_TEST },
		});
		const { json } = await hurdle.send(delivery, { parameters: { options: fetchFullData } });
		expect(json.results).toEqual({
			ready: false,
			message: 'Hurdle has no results for this test yet',
		});
		expect(json.test).toMatchObject({ id: HURDLE_PENDING_TEST, status: 'LAB_ACCESSIONED' });
	});

	it('fetches nothing for a test event before the lab has a test ID, and says why', async () => {
		const { json, items } = await hurdle.send(hurdle.sample('test.registered'), {
			parameters: { options: fetchFullData },
		});
		expect(items).toHaveLength(1);
		expect(json.fullData).toEqual({
			fetched: false,
			message: expect.stringContaining('LAB_ACCESSIONED'),
		});
		expect(fake.requests).toHaveLength(0);
	});

	it('fetches the order for an order event', async () => {
		const { json } = await hurdle.send(hurdle.sample('order.dispatched'), {
			parameters: { options: fetchFullData },
		});
		expect(json.order).toMatchObject({
			orderNumber: HURDLE_SAMPLE_IDS.orderNumber,
			status: 'DISPATCHED',
		});
		expect(fake.requests.map((request) => request.path)).toEqual([
			`/orders/v3/${HURDLE_SAMPLE_IDS.orderNumber}`,
		]);
	});

	it.each([
		['404', 'HRD-000404'],
		['405', HURDLE_NO_LOOKUP_ORDER],
	])('reports the order as unavailable, not as an error, on %s', async (status, orderNumber) => {
		const { json, items } = await hurdle.send(
			hurdle.sample('order.created', { overrides: { orderNumber } }),
			{ parameters: { options: fetchFullData } },
		);
		expect(items).toHaveLength(1);
		expect(json.order).toEqual({
			available: false,
			message: expect.stringContaining(`HTTP ${status}`),
		});
		expect(json.fullData).toMatchObject({ fetched: false });
	});

	it('still emits the event when the API refuses, with the reason', async () => {
		const { json, items } = await hurdle.send(hurdle.sample('test.processed'), {
			parameters: { options: fetchFullData },
			credentials: hurdle.credentials({ apiKey: 'revoked' }),
		});
		expect(items).toHaveLength(1);
		expect(json.fullData).toEqual({
			fetched: false,
			message: 'Hurdle did not accept the credential',
		});
		expect(JSON.stringify(json)).not.toContain('revoked');
	});

	it('enriches an event that failed validation from its payload ids', async () => {
		const invalid = hurdle.sign(
			hurdleDelivery({
				...hurdleSample('order.dispatched'),
				dispatchedAt: 'later',
				kits: 5,
			}),
		);
		const enriched = await hurdle.send(invalid, { parameters: { options: fetchFullData } });
		expect(enriched.json.validation).toMatchObject({ valid: false });
		expect(enriched.json.order).toMatchObject({ orderNumber: HURDLE_SAMPLE_IDS.orderNumber });
	});

	it('fetches nothing for phlebotomy events, and says why', async () => {
		const { json } = await hurdle.send(hurdle.sample('phlebotomy.nurse_assigned'), {
			parameters: { options: fetchFullData },
		});
		expect(json.fullData).toMatchObject({ fetched: false });
		expect(fake.requests).toHaveLength(0);
	});

	it('never requests a host named in the payload: URLs come from the credential', async () => {
		const hostile = {
			trackingHost: payloadHost.url,
			url: `${payloadHost.url}/tests/v2/${HURDLE_SAMPLE_IDS.testId}`,
			baseUrl: payloadHost.url,
			host: payloadHost.url.replace('http://', ''),
		};
		for (const event of ['test.processed', 'order.out_for_delivery'] as const) {
			const { json } = await hurdle.send(hurdle.sample(event, { overrides: hostile }), {
				parameters: { options: fetchFullData },
			});
			expect(json.fullData).toEqual({ fetched: true });
		}
		expect(payloadHost.requests).toHaveLength(0);
		expect(fake.requests).toHaveLength(2);
	});

	it('does not fetch unless asked', async () => {
		const { json } = await hurdle.send(hurdle.sample('test.processed'));
		expect(json).not.toHaveProperty('test');
		expect(fake.requests).toHaveLength(0);
	});
});

describe('patient details', () => {
	it('are left out by default, from the payload and from fetched data', async () => {
		const { json } = await hurdle.send(hurdle.sample('order.created'));
		expect(json.payload).not.toHaveProperty('email');
		expect(json.payload).not.toHaveProperty('shippingAddress');
		expect(json.payload).toMatchObject({ orderNumber: HURDLE_SAMPLE_IDS.orderNumber });

		forgetProcessMemory();
		const enriched = await hurdle.send(hurdle.sample('test.processed'), {
			parameters: { options: { fetchFullData: true } },
		});
		expect((enriched.json.test as IDataObject).metadata).toEqual({ gender: 'f' });
		expect(JSON.stringify(enriched.json)).not.toContain('1990-05-12');
	});

	it('are kept when the user chooses to include them', async () => {
		const { json } = await hurdle.send(hurdle.sample('order.created'), {
			parameters: { patientData: 'include' },
		});
		expect(json.payload).toMatchObject({
			email: 'jane.smith@example.com',
			shippingAddress: expect.stringContaining('Plumstead'),
		});
	});
});
