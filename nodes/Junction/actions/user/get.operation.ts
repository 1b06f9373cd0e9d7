import { apiPath, getRecord } from '../../../shared/transport/api';
import { defineGet } from '../../../shared/actions/operationKinds';
import { idParameter } from '../../../shared/actions/parameters';
import { junction } from '../../provider';

export default defineGet({
	action: 'Get a user',
	description: 'Get a user by Junction user ID',
	id: idParameter({
		displayName: 'User ID',
		name: 'userId',
		placeholder: 'e.g. f6cdf185-6815-4b2b-9482-798b75168689',
		description: "Junction's ID for the user (user_id), not your client user ID",
	}),
	get: (context, userId, itemIndex) =>
		getRecord(context, junction, apiPath('/v2/user', userId), itemIndex),
});
