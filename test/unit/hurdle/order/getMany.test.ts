import { hurdleActionRig } from '../actionRig';

const { data, fake, operation } = hurdleActionRig();
const getOrders = operation('order', 'getMany');

describe('Order › Get Many', () => {
	it('gets all orders across pages, one request per page of the largest size', async () => {
		const items = await getOrders({ returnAll: true });
		expect(items).toHaveLength(data.orders.length);
		expect(new Set(items.map((item) => item.json.orderNumber)).size).toBe(data.orders.length);
		expect(fake.requests.map((request) => request.query.cursor)).toEqual([
			undefined,
			'c_100',
			'c_200',
		]);
		expect(fake.requests.map((request) => request.query.limit)).toEqual(['100', '100', '100']);
	});

	it('stops at the limit', async () => {
		const items = await getOrders({ returnAll: false, limit: 30 });
		expect(items).toHaveLength(30);
		expect(fake.requests).toHaveLength(1);
		expect(fake.requests[0].query.limit).toBe('30');
	});
});
