import { lmlActionRig } from '../actionRig';

const { data, run, listRequests } = lmlActionRig();

describe('Order › Get Many', () => {
	it('returns all orders over 3 pages', async () => {
		const items = await run({ resource: 'order', operation: 'getMany', returnAll: true });
		expect(items).toHaveLength(data.orders.length);
		expect(listRequests('/api/order/')).toHaveLength(3);
	});
});
