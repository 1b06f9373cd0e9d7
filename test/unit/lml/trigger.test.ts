import type { IDataObject } from 'n8n-workflow';

import { lmlEventSchemas, type LmlEventName } from '../../../nodes/LondonMedicalLaboratory/events';
import { forgetProcessMemory } from '../../../nodes/shared/webhook/claims';
import { FakeServer } from '../../../dev/fakes/fakeServer';
import { CLOSED_PORT_URL } from '../../../dev/fakes';
import {
	createLmlFake,
	LML_PENDING_REGISTRATION,
} from '../../../dev/fakes/londonMedicalLaboratory/api';
import { LML_SAMPLE_IDS, lmlSample } from '../../../dev/fakes/londonMedicalLaboratory/samples';
import { triggerHarness } from '../../support/triggerHarness';
import { lmlSeedPayloads } from './seedPayloads';

const secret = 'lml-webhook-secret-for-tests';
const fake = createLmlFake();
const lml = triggerHarness('londonMedicalLaboratory', { secret, baseUrl: () => fake.url });
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
	forgetProcessMemory();
	fake.reset();
	payloadHost.reset();
});

describe('London Medical Laboratory Trigger: parsing', () => {
	it.each(lmlSeedPayloads.map((payload) => [payload.event, payload]))(
		'emits the seed payload of %s as a valid typed item',
		async (_event, payload) => {
			const { response, json, result } = await lml.send(lml.post(payload));
			expect(response).toEqual({
				status: 200,
				body: { status: 'accepted', message: 'Event received', deliveryId: json.deliveryId },
			});
			// n8n answers, once the execution exists.
			expect(result.noWebhookResponse).toBeUndefined();
			expect(json.deliveryId).toMatch(/^[A-Za-z0-9_-]{22}$/);
			expect(json).toMatchObject({
				provider: 'londonMedicalLaboratory',
				event: payload.event,
				validation: { valid: true, issues: [] },
			});
			expect(json?.payload).toEqual(payload);
		},
	);

	it('gives each event its typed fields', async () => {
		const fields = async (event: LmlEventName) => (await lml.send(lml.post(lmlSample(event)))).json;
		expect(await fields('test_registration.retest')).toMatchObject({
			testRegistrationId: LML_SAMPLE_IDS.testRegistrationId,
			retestTestRegistrationId: LML_SAMPLE_IDS.retestTestRegistrationId,
		});
		expect(await fields('test_registration.sample_received')).toMatchObject({
			testRegistrationId: LML_SAMPLE_IDS.testRegistrationId,
			sampleReceivedAt: '2023-06-01T13:52:32.000Z',
		});
		expect(await fields('test_registration.lml_lab_id_created')).toMatchObject({
			labId: '123-456',
		});
		const shipped = await fields('order.shipped');
		expect(shipped).toMatchObject({
			orderId: LML_SAMPLE_IDS.orderId,
			url: expect.stringContaining('/api/order/'),
		});
		expect(shipped).not.toHaveProperty('testRegistrationId');
	});

	it('covers every documented event with a schema', () => {
		expect(Object.keys(lmlEventSchemas).sort()).toEqual(
			[...new Set(lmlSeedPayloads.map((payload) => payload.event))].sort(),
		);
	});

	it('still emits a genuine event whose payload does not match, with its issues and its ids', async () => {
		const { json, response } = await lml.send(
			lml.post({
				event: 'test_registration.sample_received',
				data: { testregistration_id: 'tr-1', sample_received_at: 'yesterday' },
			}),
		);
		expect(response.status).toBe(200);
		expect(json).toMatchObject({
			event: 'test_registration.sample_received',
			testRegistrationId: 'tr-1',
			validation: { valid: false },
		});
		expect((json?.validation as IDataObject).issues).toEqual([
			{
				path: 'data.sample_received_at',
				code: 'custom',
				message: 'Expected an ISO 8601 date and time, with or without a UTC offset',
			},
		]);
	});

	it('reads a time without a UTC offset as UK time, summer time included', async () => {
		const at = async (sampleReceivedAt: string) =>
			(
				await lml.send(
					lml.post({
						event: 'test_registration.sample_received',
						data: { testregistration_id: 'tr-1', sample_received_at: sampleReceivedAt },
					}),
				)
			).json;
		expect(await at('2023-06-01T14:52:32')).toMatchObject({
			sampleReceivedAt: '2023-06-01T13:52:32.000Z',
			validation: { valid: true },
		});
		forgetProcessMemory();
		expect(await at('2023-12-01T14:52:32')).toMatchObject({
			sampleReceivedAt: '2023-12-01T14:52:32.000Z',
		});
	});

	it('keeps the ids of a lab-id event whose lab_id is null, so Fetch Full Data still finds the registration', async () => {
		const { json } = await lml.send(
			lml.post({
				event: 'test_registration.lml_lab_id_created',
				data: { testregistration_id: LML_SAMPLE_IDS.testRegistrationId, lab_id: null },
			}),
			{ parameters: { options: { fetchFullData: true } } },
		);
		expect(json).toMatchObject({
			testRegistrationId: LML_SAMPLE_IDS.testRegistrationId,
			validation: { valid: false },
			fullData: { fetched: true },
			testRegistration: { id: LML_SAMPLE_IDS.testRegistrationId },
		});
		expect(json).not.toHaveProperty('labId');
	});

	it('rejects such a payload with 422 when the user chose to', async () => {
		const { result, response } = await lml.send(lml.post({ event: 'order.shipped', data: {} }), {
			parameters: { options: { onInvalidPayload: 'reject' } },
		});
		expect(result.workflowData).toBeUndefined();
		expect(response.status).toBe(422);
		expect(response.body?.message).toContain('data.order_id: Required');
	});
});

describe('London Medical Laboratory Trigger: filters and unknown events', () => {
	it('answers 200 without a run for an event not selected', async () => {
		const { result, response } = await lml.send(lml.post(lmlSample('order.shipped')), {
			parameters: { events: ['lab_results.complete'] },
		});
		expect(result.workflowData).toBeUndefined();
		expect(response).toEqual({
			status: 200,
			body: { status: 'ignored', message: 'Event type not selected in the trigger' },
		});
	});

	it('runs for a selected event', async () => {
		const { items } = await lml.send(lml.post(lmlSample('order.shipped')), {
			parameters: { events: ['order.shipped'] },
		});
		expect(items).toHaveLength(1);
	});

	it('emits an unknown event as "other" under All Events, and drops it with a warning when the selection leaves it out', async () => {
		const unknown = { event: 'order.returned', data: { order_id: 'o-1' } };
		const { json, warnings } = await lml.send(lml.post(unknown));
		expect(json).toMatchObject({
			event: 'other',
			eventName: 'order.returned',
			validation: { valid: false },
			payload: unknown,
		});
		expect(warnings).toEqual([]);
		const filtered = await lml.send(lml.post(unknown), {
			parameters: { events: ['order.shipped'] },
		});
		expect(filtered.result.workflowData).toBeUndefined();
		expect(filtered.warnings).toEqual([expect.stringContaining('does not know, "order.returned"')]);
		expect(filtered.warnings[0]).not.toContain('o-1');
	});

	it.each([
		['malformed JSON', '{"event":', 422],
		['an empty body', '', 400],
		['an array', '[1]', 422],
		['no event name', '{"data":{}}', 422],
	])('answers %s with %i and no run', async (_case, body, status) => {
		const { result, response } = await lml.send(lml.post(body));
		expect(result.workflowData).toBeUndefined();
		expect(response).toMatchObject({ status, body: { status: 'rejected' } });
	});
});

describe('London Medical Laboratory Trigger: authentication', () => {
	it('refuses a delivery without the secret, with the reason', async () => {
		const { result, response } = await lml.send({
			headers: { 'content-type': 'application/json' },
			body: lmlSample('order.shipped'),
		});
		expect(result.workflowData).toBeUndefined();
		expect(response.status).toBe(401);
		expect(response.body?.message).toContain('carries no secret');
	});

	it('refuses a wrong secret', async () => {
		const { response } = await lml.send({
			headers: { 'X-Webhook-Secret': 'nope' },
			body: lmlSample('order.shipped'),
		});
		expect(response).toMatchObject({ status: 401, body: { status: 'rejected' } });
	});

	it('accepts the secret as ?token=', async () => {
		const { items } = await lml.send({
			headers: {},
			query: { token: secret },
			body: lmlSample('order.shipped'),
		});
		expect(items).toHaveLength(1);
	});

	it('accepts anything when verification is explicitly turned off', async () => {
		const { items } = await lml.send(
			{ headers: {}, body: lmlSample('order.shipped') },
			{ parameters: { authentication: 'none' } },
		);
		expect(items).toHaveLength(1);
	});

	it('refuses to activate without a secret, unless verification is off', async () => {
		const withoutSecret = lml.credentials({ secret: '' });
		const activate = async (authentication: string, credentials = lml.credentials()) =>
			await lml.lifecycle({ authentication }, { credentials }).create();
		await expect(activate('verify', withoutSecret)).rejects.toThrow('no webhook secret');
		await expect(activate('none', withoutSecret)).resolves.toBe(true);
		await expect(activate('verify')).resolves.toBe(true);
	});
});

describe('London Medical Laboratory Trigger: duplicates', () => {
	it('runs once for the same payload delivered twice, and again for a different one', async () => {
		const staticData: IDataObject = {};
		expect(
			(await lml.send(lml.post(lmlSample('order.shipped')), { staticData })).items,
		).toHaveLength(1);
		const second = await lml.send(lml.post(lmlSample('order.shipped')), { staticData });
		expect(second.result.workflowData).toBeUndefined();
		expect(second.response.body).toEqual({
			status: 'duplicate',
			message: 'Duplicate delivery ignored',
			deliveryId: expect.any(String),
		});
		expect(
			(await lml.send(lml.post(lmlSample('order.delivered')), { staticData })).items,
		).toHaveLength(1);
	});

	it('stores hashes only: nothing from the payload lands in static data', async () => {
		const staticData: IDataObject = {};
		await lml.send(lml.post(lmlSample('lab_results.complete')), { staticData });
		const stored = JSON.stringify(staticData);
		expect(stored).not.toContain(LML_SAMPLE_IDS.testRegistrationId);
		expect(stored).not.toContain('lab_results');
	});

	it('runs every time when deduplication is turned off', async () => {
		const staticData: IDataObject = {};
		const parameters = { options: { deduplicate: false } };
		await lml.send(lml.post(lmlSample('order.shipped')), { parameters, staticData });
		expect(
			(await lml.send(lml.post(lmlSample('order.shipped')), { parameters, staticData })).items,
		).toHaveLength(1);
	});
});

describe('London Medical Laboratory Trigger: Fetch Full Data', () => {
	const fetchFull = { options: { fetchFullData: true } };

	it('fetches results from the credential host, never from the payload url', async () => {
		const { json, response } = await lml.send(
			lml.post(lmlSample('lab_results.complete', { payloadHost: payloadHost.url })),
			{ parameters: fetchFull },
		);
		expect(response.status).toBe(200);
		expect(payloadHost.requests).toHaveLength(0);
		expect(fake.requests.map((request) => request.path)).toEqual([
			`/api/test_registration/${LML_SAMPLE_IDS.testRegistrationId}/lab_results/`,
		]);
		const results = json?.results as IDataObject;
		expect(results).toMatchObject({
			ready: true,
			summary: { total: 4, high: 1, low: 1, needingAttention: 2 },
		});
		expect((results.rows as IDataObject[])[0]).toMatchObject({
			biomarker: 'TSH',
			value: 6.8,
			flag: 'high',
			flagSource: 'provider',
		});
		expect(json?.fullData).toEqual({ fetched: true });
	});

	it('says results are not ready when LML answers 204', async () => {
		const { json } = await lml.send(
			lml.post(lmlSample('lab_results.complete', { testRegistrationId: LML_PENDING_REGISTRATION })),
			{ parameters: fetchFull },
		);
		expect(json?.results).toEqual({
			ready: false,
			message: 'LML has not released these results yet',
		});
	});

	it('fetches the new registration of a retest, and leaves patient details out by default', async () => {
		const { json } = await lml.send(lml.post(lmlSample('test_registration.retest')), {
			parameters: fetchFull,
		});
		expect(fake.requests[0].path).toBe(
			`/api/test_registration/${LML_SAMPLE_IDS.retestTestRegistrationId}`,
		);
		expect(json?.testRegistration).toMatchObject({
			id: LML_SAMPLE_IDS.retestTestRegistrationId,
			parent_id: LML_SAMPLE_IDS.testRegistrationId,
		});
		expect(JSON.stringify(json)).not.toContain('Jane');
		const included = await lml.send(lml.post(lmlSample('test_registration.retest')), {
			parameters: { options: { fetchFullData: true, deduplicate: false }, patientData: 'include' },
		});
		expect(included.json?.testRegistration).toMatchObject({
			first_name: 'Jane',
			email: 'jane.smith@example.com',
		});
	});

	it('fetches the order for order events', async () => {
		const { json } = await lml.send(
			lml.post(lmlSample('order.delivered', { payloadHost: payloadHost.url })),
			{ parameters: fetchFull },
		);
		expect(json?.order).toMatchObject({
			id: LML_SAMPLE_IDS.orderId,
			tracking_number: expect.any(String),
		});
		expect(payloadHost.requests).toHaveLength(0);
	});

	it('emits one item per biomarker when asked', async () => {
		const { items } = await lml.send(lml.post(lmlSample('lab_results.complete')), {
			parameters: { options: { fetchFullData: true, output: 'biomarkerRows' } },
		});
		expect(items.map((item) => item.json.biomarker)).toEqual([
			'TSH',
			'Free T4',
			'Vitamin D',
			'Ferritin',
		]);
		expect(items[0].json).toMatchObject({
			event: 'lab_results.complete',
			testRegistrationId: LML_SAMPLE_IDS.testRegistrationId,
		});
		expect(items[0].json).not.toHaveProperty('payload');
	});

	it('still emits the event when the API cannot be reached, saying why', async () => {
		const { result } = await lml.send(
			{ headers: { 'X-Webhook-Secret': secret }, body: lmlSample('order.shipped') },
			{
				parameters: { options: { fetchFullData: true } },
				credentials: lml.credentials({ baseUrl: CLOSED_PORT_URL }),
			},
		);
		expect(result.workflowData?.[0][0].json).toMatchObject({
			event: 'order.shipped',
			fullData: { fetched: false, message: 'Could not reach London Medical Laboratory' },
		});
	});

	it('does not fetch anything unless asked', async () => {
		await lml.send(lml.post(lmlSample('lab_results.complete')));
		expect(fake.requests).toHaveLength(0);
	});
});
