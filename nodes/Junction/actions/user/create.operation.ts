import { NodeApiError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { callApi } from '../../../shared/transport/api';
import { apiError } from '../../../shared/transport/apiErrors';
import {
	additionalFieldsProperty,
	nonEmptyFields,
	requiredText,
} from '../../../shared/actions/parameters';
import { defineOperation, toItems } from '../../../shared/actions/actionNode';
import { junction } from '../../provider';

export default defineOperation({
	name: 'Create',
	value: 'create',
	action: 'Create a user',
	description: 'Create a Junction user for one of your client user IDs',
	properties: [
		{
			displayName: 'Client User ID',
			name: 'clientUserId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. customer-8841',
			description:
				'Your own ID for this person. Use a pseudonymous ID, not a name or email address.',
		},
		additionalFieldsProperty([
			{
				displayName: 'Fallback Time Zone',
				name: 'fallback_time_zone',
				type: 'string',
				default: '',
				placeholder: 'e.g. Europe/London',
				description: 'IANA time zone used when a data source gives none',
			},
		]),
	],
	async execute(itemIndex) {
		const clientUserId = requiredText(this, 'clientUserId', 'Client User ID', itemIndex);
		const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
		const body = { client_user_id: clientUserId, ...nonEmptyFields(additional) };
		return toItems(await createUser(this, body, itemIndex));
	},
});

/**
 * POST /v2/user. When the client user ID is taken Junction answers 400 with the existing user's id; the
 * error names it (a Junction user id is pseudonymous, not patient data).
 */
async function createUser(
	context: IExecuteFunctions,
	body: IDataObject,
	itemIndex?: number,
): Promise<IDataObject> {
	const response = await callApi<IDataObject>(
		context,
		junction,
		{ method: 'POST', path: '/v2/user', body, returnStatuses: [400] },
		itemIndex,
	);
	if (response.statusCode !== 400) return response.body;
	const detail = (response.body as IDataObject | undefined)?.detail as IDataObject | undefined;
	const existingUserId = typeof detail?.user_id === 'string' ? detail.user_id : undefined;
	if (!existingUserId) {
		throw apiError(context.getNode(), junction, 400, response.body, { itemIndex });
	}
	throw new NodeApiError(
		context.getNode(),
		{ httpCode: '400', provider: junction.providerName },
		{
			message: `A Junction user with this client user ID already exists (user_id ${existingUserId})`,
			description: 'Use User › Get with this user_id instead of creating the user again.',
			httpCode: '400',
			itemIndex,
		},
	);
}
