import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { requestedLimit, returnAllOrLimit } from '../../../shared/descriptions';
import { toItems } from '../../../shared/operations';
import { lmlList } from '../../transport';

const properties: INodeProperties[] = [
	...returnAllOrLimit(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add filter',
		default: {},
		options: [
			{
				displayName: 'Customer ID',
				name: 'customer',
				type: 'string',
				default: '',
				description: 'Only registrations of this customer',
			},
			{
				displayName: 'Order ID',
				name: 'order',
				type: 'string',
				default: '',
				description: 'Only registrations created by this order',
			},
		],
	},
];

export const description = updateDisplayOptions(
	{ show: { resource: ['testRegistration'], operation: ['getMany'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const limit = requestedLimit(this, itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	return toItems(await lmlList(this, '/api/test_registration/', filters, limit));
}
