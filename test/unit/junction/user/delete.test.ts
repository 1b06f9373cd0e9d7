import { failureOf, fromList, requestsTo, runJunction, useJunctionFake } from '../writeSupport';

const holder = useJunctionFake();
const doomed = 'f3000000-0000-4000-8000-00000000dead';

describe('User › Delete', () => {
	it('deletes the user (DELETE /v2/user/{id})', async () => {
		holder.fake.data.users.push({ user_id: doomed, client_user_id: 'to-delete' });
		const [item] = await runJunction(holder.fake, {
			resource: 'user',
			operation: 'delete',
			user: fromList(doomed),
		});
		expect(requestsTo(holder.fake, 'DELETE', `/v2/user/${doomed}`)).toHaveLength(1);
		expect(item.json).toEqual({ userId: doomed, deleted: true });
		expect(holder.fake.data.users.some((user) => user.user_id === doomed)).toBe(false);
	});

	it('says when there is no such user, and is not repeated (a write without a key)', async () => {
		const error = await failureOf(holder.fake, {
			resource: 'user',
			operation: 'delete',
			user: fromList('f3000000-0000-4000-8000-00000000beef'),
		});
		expect(error.message).toBe('Junction has no such resource');
		expect(holder.fake.requests.filter((request) => request.method === 'DELETE')).toHaveLength(1);
	});
});
