import type { IDataObject } from 'n8n-workflow';

import { HurdleTrigger } from '../../../../nodes/Hurdle/HurdleTrigger.node';
import { forgetProcessMemory } from '../../../../nodes/shared/webhook/claims';
import {
	HURDLE_SAMPLE_IDS,
	hurdleDelivery,
	hurdleSample,
} from '../../../../dev/fakes/hurdle/samples';
import { EVENTS, HEADER, hurdleTriggerRig, SECRET, typed } from '../triggerRig';

const { hurdle } = hurdleTriggerRig();

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
