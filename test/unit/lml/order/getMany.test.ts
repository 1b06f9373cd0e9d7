import { lmlActionRig } from '../actionRig';

const { data, listRequests, operation } = lmlActionRig();
const getOrders = operation('order', 'getMany');

describe('Order › Get Many', () => {
	it('returns all orders over 3 pages', async () => {
		const items = await getOrders({ returnAll: true });
		expect(items).toHaveLength(data.orders.length);
		expect(listRequests('/api/order/')).toHaveLength(3);
	});
});
