import { JUNCTION_SAMPLE_IDS } from '../../../../dev/fakes/junction/samples';
import { junctionActionRig } from '../actionRig';

const { fake, operation } = junctionActionRig();
const getUser = operation('user', 'get');

describe('User › Get', () => {
	it('gets a user', async () => {
		const { items } = await getUser({ userId: JUNCTION_SAMPLE_IDS.userId });
		expect(items[0].json).toMatchObject({
			user_id: JUNCTION_SAMPLE_IDS.userId,
			client_user_id: JUNCTION_SAMPLE_IDS.clientUserId,
		});
	});

	it('refuses an empty ID before sending anything', async () => {
		await expect(getUser({ userId: '  ' })).rejects.toThrow('User ID is empty');
		expect(fake.requests).toHaveLength(0);
	});
});
