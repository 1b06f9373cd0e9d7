import { failureOf, ids, requestsTo, runJunction, useJunctionFake } from '../writeSupport';

const holder = useJunctionFake();

describe('User › Get by Client User ID', () => {
	it('resolves a client user ID to the Junction user', async () => {
		const [item] = await runJunction(holder.fake, {
			resource: 'user',
			operation: 'getByClientUserId',
			clientUserId: ` ${ids.clientUserId} `,
		});
		expect(requestsTo(holder.fake, 'GET', `/v2/user/resolve/${ids.clientUserId}`)).toHaveLength(1);
		expect(item.json).toMatchObject({ user_id: ids.userId, client_user_id: ids.clientUserId });
	});

	it('says plainly when there is no such user, and encodes the ID into its path segment', async () => {
		const error = await failureOf(holder.fake, {
			resource: 'user',
			operation: 'getByClientUserId',
			clientUserId: 'nobody/../v2/user',
		});
		expect(error.message).toBe('Junction has no user with this client user ID');
		expect(holder.fake.requests.at(-1)?.path).toBe('/v2/user/resolve/nobody%2F..%2Fv2%2Fuser');
	});
});
