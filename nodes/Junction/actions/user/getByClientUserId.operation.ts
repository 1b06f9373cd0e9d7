import { NodeApiError, type IDataObject } from 'n8n-workflow';

import { defineOperation, toItems } from '../../../shared/actions/actionNode';
import { requiredText } from '../../../shared/actions/parameters';
import { apiPath, callApi } from '../../../shared/transport/api';
import { junction } from '../../provider';

export default defineOperation({
	name: 'Get by Client User ID',
	value: 'getByClientUserId',
	action: 'Get a user by client user ID',
	description: 'Find the Junction user (and its user_id) for one of your own client user IDs',
	properties: [
		{
			displayName: 'Client User ID',
			name: 'clientUserId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. customer-8841',
			description: 'Your own ID for the person, as given when the user was created',
		},
	],
	async execute(itemIndex) {
		const clientUserId = requiredText(this, 'clientUserId', 'Client User ID', itemIndex);
		// Not found is not in the spec; a 404 is what Junction's other lookups answer.
		const { statusCode, body } = await callApi<IDataObject>(
			this,
			junction,
			{ method: 'GET', path: apiPath('/v2/user/resolve', clientUserId), returnStatuses: [404] },
			itemIndex,
		);
		if (statusCode === 404) {
			throw new NodeApiError(
				this.getNode(),
				{ httpCode: '404', provider: junction.providerName },
				{
					message: 'Junction has no user with this client user ID',
					description:
						'Check the ID, and that the credential points at the environment the user was created in. User › Create makes one.',
					httpCode: '404',
					itemIndex,
				},
			);
		}
		return toItems(body);
	},
});
