import type { IDataObject } from 'n8n-workflow';

import { defineOperation, toItems } from '../../../shared/actions/actionNode';
import { apiPath, callApi } from '../../../shared/transport/api';
import { junction } from '../../provider';
import { userLocator } from '../locators';
import { addressProperty, personProperty, readAddress, readPatient } from '../patient';

export default defineOperation({
	name: 'Update Demographics',
	value: 'updateDemographics',
	action: "Update a user's demographics",
	description:
		"Set a user's name, date of birth, sex, contact details and address (replacing what Junction holds)",
	properties: [
		userLocator.property,
		personProperty('Person', "The user's name, date of birth, sex and contact details"),
		addressProperty('user', 'userAddress', 'Address', "The user's home address"),
	],
	async execute(itemIndex) {
		const userId = userLocator.at(this, itemIndex);
		const body: IDataObject = {
			...readPatient(this, itemIndex, 'Person'),
			address: readAddress(this, itemIndex, 'user', 'userAddress', 'Address'),
		};
		const { body: info } = await callApi<IDataObject>(
			this,
			junction,
			{ method: 'PATCH', path: `${apiPath('/v2/user', userId)}/info`, body },
			itemIndex,
		);
		// The answer repeats the demographics: Patient Details decides whether they stay in the output.
		return toItems({ userId, updated: true, ...info });
	},
});
