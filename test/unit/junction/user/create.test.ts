import {
	JUNCTION_EXISTING_CLIENT_USER_ID,
	JUNCTION_EXISTING_USER_ID,
} from '../../../../dev/fakes/junction/api';
import { junctionActionRig } from '../actionRig';

const { requestsTo, operation } = junctionActionRig();
const createUser = operation('user', 'create');

describe('User › Create', () => {
	it('creates a user', async () => {
		const { items } = await createUser({
			clientUserId: 'new-client-user-7',
			additionalFields: { fallback_time_zone: 'Europe/London' },
		});
		expect(items[0].json).toMatchObject({
			client_user_id: 'new-client-user-7',
			fallback_time_zone: 'Europe/London',
		});
		expect(JSON.parse(requestsTo('/v2/user')[0].body)).toEqual({
			client_user_id: 'new-client-user-7',
			fallback_time_zone: 'Europe/London',
		});
	});

	it('says the user already exists and gives its user_id', async () => {
		await expect(
			createUser({ clientUserId: JUNCTION_EXISTING_CLIENT_USER_ID, additionalFields: {} }),
		).rejects.toThrow(
			`A Junction user with this client user ID already exists (user_id ${JUNCTION_EXISTING_USER_ID})`,
		);
	});
});
