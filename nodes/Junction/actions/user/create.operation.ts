import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { requireValue } from '../../../shared/api';
import { showFor, toItems, type OperationOption } from '../../../shared/operations';
import { createUser } from '../../transport';

export const option: OperationOption = {
	name: 'Create',
	value: 'create',
	action: 'Create a user',
	description: 'Create a Junction user for one of your client user IDs',
};

const parameters: INodeProperties[] = [
	{
		displayName: 'Client User ID',
		name: 'clientUserId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. customer-8841',
		description: 'Your own ID for this person. Use a pseudonymous ID, not a name or email address.',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add field',
		default: {},
		options: [
			{
				displayName: 'Fallback Time Zone',
				name: 'fallback_time_zone',
				type: 'string',
				default: '',
				placeholder: 'e.g. Europe/London',
				description: 'IANA time zone used when a data source gives none',
			},
		],
	},
];

export const properties = updateDisplayOptions(showFor('user', option), parameters);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const clientUserId = requireValue(
		this.getNode(),
		this.getNodeParameter('clientUserId', itemIndex) as string,
		'Client User ID',
		itemIndex,
	);
	const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const extra = Object.fromEntries(Object.entries(additional).filter(([, value]) => value !== ''));
	return toItems(await createUser(this, { client_user_id: clientUserId, ...extra }, itemIndex));
}
