import { lmlActionRig } from '../actionRig';

const { data, listRequests, operation } = lmlActionRig();
const getRegistrations = operation('testRegistration', 'getMany');

describe('Test Registration › Get Many', () => {
	it('returns all registrations over 3 pages of 100', async () => {
		const items = await getRegistrations({ returnAll: true });
		expect(items).toHaveLength(data.testRegistrations.length);
		const requests = listRequests('/api/test_registration/');
		expect(requests).toHaveLength(Math.ceil(data.testRegistrations.length / 100));
		expect(requests.map((request) => request.query.page)).toEqual(['1', '2', '3']);
		expect(requests.every((request) => request.query.results_per_page === '100')).toBe(true);
	});

	it('stops at the limit with one request', async () => {
		const items = await getRegistrations({ returnAll: false, limit: 7 });
		expect(items).toHaveLength(7);
		expect(listRequests('/api/test_registration/')).toHaveLength(1);
	});

	it('passes the filters LML documents', async () => {
		await getRegistrations({
			returnAll: false,
			limit: 5,
			filters: { order: 'order-9', customer: 'cust-1' },
		});
		expect(listRequests('/api/test_registration/')[0].query).toMatchObject({
			order: 'order-9',
			customer: 'cust-1',
		});
	});

	it('leaves empty filters out of the request', async () => {
		await getRegistrations({
			returnAll: false,
			limit: 5,
			filters: { order: '', customer: 'cust-1' },
		});
		const { query } = listRequests('/api/test_registration/')[0];
		expect(query).toMatchObject({ customer: 'cust-1' });
		expect(query).not.toHaveProperty('order');
	});
});
