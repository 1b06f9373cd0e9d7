import type { IDataObject } from 'n8n-workflow';

import { CLOSED_PORT_URL } from '../../../../dev/fakes';
import { LML_PENDING_REGISTRATION } from '../../../../dev/fakes/londonMedicalLaboratory/api';
import { LML_SAMPLE_IDS, lmlSample } from '../../../../dev/fakes/londonMedicalLaboratory/samples';
import { triggerRig } from '../../../support/triggerHarness';

const secret = 'lml-webhook-secret-for-tests';
const { harness: lml, fake, payloadHost } = triggerRig('londonMedicalLaboratory', { secret });

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
		const { json, items, response } = await lml.send(lml.post(lmlSample('lab_results.complete')));
		expect(response.status).toBe(200);
		expect(items).toHaveLength(1);
		expect(json).toMatchObject({
			event: 'lab_results.complete',
			testRegistrationId: LML_SAMPLE_IDS.testRegistrationId,
		});
		expect(json).not.toHaveProperty('results');
		expect(json).not.toHaveProperty('fullData');
		expect(fake.requests).toHaveLength(0);
	});
});
