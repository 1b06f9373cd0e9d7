import type { IDataObject } from 'n8n-workflow';

import {
	HURDLE_FAKE_API_KEY,
	HURDLE_NO_LOOKUP_ORDER,
	HURDLE_PENDING_TEST,
} from '../../../../dev/fakes/hurdle/api';
import {
	HURDLE_SAMPLE_IDS,
	hurdleDelivery,
	hurdleSample,
} from '../../../../dev/fakes/hurdle/samples';
import { hurdleTriggerRig } from '../triggerRig';

const { hurdle, fake, payloadHost } = hurdleTriggerRig();

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
