import { JUNCTION_FAKE_KEY, JUNCTION_FAKE_ORDERS } from '../../../../dev/fakes/junction/api';
import {
	JUNCTION_SAMPLE_IDS,
	JUNCTION_SAMPLE_PATIENT,
} from '../../../../dev/fakes/junction/samples';
import { junctionActionRig } from '../actionRig';

const { fake, run, requestsTo, operation } = junctionActionRig();
const getOrder = operation('order', 'get');

describe('Order › Get', () => {
	it('gets an order, leaving patient details out by default', async () => {
		const { items } = await getOrder({ orderId: JUNCTION_SAMPLE_IDS.orderId });
		expect(items).toHaveLength(1);
		expect(items[0]).toMatchObject({
			json: { id: JUNCTION_SAMPLE_IDS.orderId, sample_id: JUNCTION_SAMPLE_IDS.sampleId },
			pairedItem: { item: 0 },
		});
		expect(JSON.stringify(items[0].json)).not.toContain(JUNCTION_SAMPLE_PATIENT.last_name);
		expect(
			requestsTo(`/v3/order/${JUNCTION_SAMPLE_IDS.orderId}`)[0].headers['x-vital-api-key'],
		).toBe(JUNCTION_FAKE_KEY);
	});

	it('includes patient details when asked to', async () => {
		const { items } = await getOrder({
			orderId: JUNCTION_SAMPLE_IDS.orderId,
			patientData: 'include',
		});
		expect(items[0].json).toMatchObject({ patient_details: JUNCTION_SAMPLE_PATIENT });
	});

	it('never requests the requisition_form_url from the payload', async () => {
		const { items } = await getOrder({ orderId: JUNCTION_SAMPLE_IDS.orderId });
		expect(String(items[0].json.requisition_form_url)).toContain('storage.googleapis.com');
		expect(fake.requests).toHaveLength(1);
	});

	it('retries after a 429, honouring Retry-After, then succeeds', async () => {
		const { items } = await getOrder({ orderId: JUNCTION_FAKE_ORDERS.rateLimited });
		expect(items[0].json.id).toBe(JUNCTION_FAKE_ORDERS.rateLimited);
		expect(requestsTo(`/v3/order/${JUNCTION_FAKE_ORDERS.rateLimited}`)).toHaveLength(2);
	});

	it('explains a 404 and a 401 readably', async () => {
		await expect(getOrder({ orderId: 'a0000000-0000-4000-8000-000000000000' })).rejects.toThrow(
			'Junction has no such resource',
		);
		await expect(
			run(
				{ resource: 'order', operation: 'get', orderId: JUNCTION_SAMPLE_IDS.orderId },
				{ credentials: { apiKey: 'sk_us_wrong' } },
			),
		).rejects.toThrow('Junction did not accept the credential');
	});
});
