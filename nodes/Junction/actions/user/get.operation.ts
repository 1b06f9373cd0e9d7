import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

import { apiPath, callApi } from '../../../shared/api';
import { requiredText } from '../../../shared/descriptions';
import { showFor, toItems, type OperationOption } from '../../../shared/operations';
import { junctionApi } from '../../transport';

export const option: OperationOption = {
	name: 'Get',
	value: 'get',
	action: 'Get a user',
	description: 'Get a user by Junction user ID',
};

export const properties = updateDisplayOptions(showFor('user', option), [
	{
		displayName: 'User ID',
		name: 'userId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. f6cdf185-6815-4b2b-9482-798b75168689',
		description: "Junction's ID for the user (user_id), not your client user ID",
	},
]);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const userId = requiredText(this, 'userId', 'User ID', itemIndex);
	const { body } = await callApi<IDataObject>(
		this,
		junctionApi,
		{ method: 'GET', path: apiPath('/v2/user', userId) },
		itemIndex,
	);
	return toItems(body);
}
