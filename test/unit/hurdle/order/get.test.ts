import { HURDLE_FAKE_API_KEY } from '../../../../dev/fakes/hurdle/api';
import { HURDLE_SAMPLE_IDS } from '../../../../dev/fakes/hurdle/samples';
import { hurdleActionRig } from '../actionRig';

const { fake, requestLines, operation } = hurdleActionRig();
const getOrder = operation('order', 'get');

describe('Order › Get', () => {
	it('gets an order by order number, sending the API key', async () => {
		const [item] = await getOrder({ orderNumber: ` ${HURDLE_SAMPLE_IDS.orderNumber} ` });
		expect(item.json).toMatchObject({
			orderNumber: HURDLE_SAMPLE_IDS.orderNumber,
			status: 'DISPATCHED',
		});
		expect(item.pairedItem).toEqual({ item: 0 });
		expect(requestLines()).toEqual([`GET /orders/v3/${HURDLE_SAMPLE_IDS.orderNumber}`]);
		expect(fake.requests[0].headers['x-api-key']).toBe(HURDLE_FAKE_API_KEY);
	});

	it('leaves patient details out of an order by default, and keeps them on request', async () => {
		const [withoutDetails] = await getOrder({ orderNumber: HURDLE_SAMPLE_IDS.orderNumber });
		expect(withoutDetails.json).not.toHaveProperty('delivery');
		expect(JSON.stringify(withoutDetails.json)).not.toContain('jane.smith@example.com');
		const [withDetails] = await getOrder({
			orderNumber: HURDLE_SAMPLE_IDS.orderNumber,
			patientData: 'include',
		});
		expect(withDetails.json).toMatchObject({ delivery: { email: 'jane.smith@example.com' } });
	});

	it('encodes the order number so it cannot change the path', async () => {
		await expect(getOrder({ orderNumber: '../products/v1' })).rejects.toThrow(
			'Hurdle has no such resource',
		);
		expect(fake.requests[0].path).toBe('/orders/v3/..%2Fproducts%2Fv1');
	});

	it('refuses an empty order number before calling Hurdle', async () => {
		await expect(getOrder({ orderNumber: '  ' })).rejects.toThrow('Order Number is empty');
		expect(fake.requests).toHaveLength(0);
	});
});
