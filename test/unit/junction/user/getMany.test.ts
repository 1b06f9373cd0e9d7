import { jsonOf, runJunction, useJunctionFake } from '../writeSupport';

const holder = useJunctionFake();
const listRequests = () => holder.fake.requests.filter((request) => request.path === '/v2/user');

beforeAll(() => {
	// 1,203 users: three pages of at most 500.
	for (let index = 0; index < 1201; index++) {
		holder.fake.data.users.push({
			user_id: `f2000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
			client_user_id: `client-${index}`,
		});
	}
});

describe('User › Get Many', () => {
	it('pages through every user with offset and limit (500 a page)', async () => {
		const items = await runJunction(holder.fake, {
			resource: 'user',
			operation: 'getMany',
			returnAll: true,
		});
		expect(items).toHaveLength(holder.fake.data.users.length);
		expect(new Set(jsonOf(items).map((user) => user.user_id)).size).toBe(items.length);
		expect(listRequests().map((request) => request.query)).toEqual([
			{ offset: '0', limit: '500' },
			{ offset: '500', limit: '500' },
			{ offset: '1000', limit: '500' },
		]);
	});

	it('asks for no more than the limit', async () => {
		const items = await runJunction(holder.fake, {
			resource: 'user',
			operation: 'getMany',
			returnAll: false,
			limit: 7,
		});
		expect(items).toHaveLength(7);
		expect(listRequests().map((request) => request.query)).toEqual([{ offset: '0', limit: '7' }]);
	});
});
