import type { IDataObject } from 'n8n-workflow';

import { defineOperation, toItems } from '../../../shared/actions/actionNode';
import { apiPath, callApi } from '../../../shared/transport/api';
import { junction } from '../../provider';
import { userLocator } from '../locators';

export default defineOperation({
	name: 'Delete',
	value: 'delete',
	action: 'Delete a user',
	description:
		"Delete a Junction user: its connections end now, its data is erased after 7 days (Junction's grace period, during which it can be undone)",
	properties: [userLocator.property],
	async execute(itemIndex) {
		const userId = userLocator.at(this, itemIndex);
		const { body } = await callApi<IDataObject>(
			this,
			junction,
			{ method: 'DELETE', path: apiPath('/v2/user', userId) },
			itemIndex,
		);
		return toItems({ userId, deleted: body?.success === true });
	},
});
