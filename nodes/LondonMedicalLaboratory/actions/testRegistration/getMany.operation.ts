import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import {
	filtersProperty,
	nonEmptyFields,
	requestedLimit,
	returnAllOrLimit,
} from '../../../shared/descriptions';
import { showFor, toItems, type OperationOption } from '../../../shared/operations';
import { lmlList } from '../../transport';

export const option: OperationOption = {
	name: 'Get Many',
	value: 'getMany',
	action: 'Get many test registrations',
	description: 'List test registrations',
};

const parameters: INodeProperties[] = [
	...returnAllOrLimit(),
	filtersProperty([
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
	]),
];

export const properties = updateDisplayOptions(showFor('testRegistration', option), parameters);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const limit = requestedLimit(this, itemIndex);
	const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
	return toItems(
		await lmlList(this, '/api/test_registration/', nonEmptyFields(filters), limit, itemIndex),
	);
}
