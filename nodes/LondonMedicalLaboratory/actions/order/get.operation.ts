import {
	updateDisplayOptions,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { requiredText } from '../../../shared/descriptions';
import { showFor, toItems, type OperationOption } from '../../../shared/operations';
import { getOrder } from '../../transport';

export const option: OperationOption = {
	name: 'Get',
	value: 'get',
	action: 'Get an order',
	description: 'Get an order by ID',
};

const parameters: INodeProperties[] = [
	{
		displayName: 'Order ID',
		name: 'orderId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. e23e2d33-5ab4-4efc-8e94-7e914b5f99df',
	},
];

export const properties = updateDisplayOptions(showFor('order', option), parameters);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const orderId = requiredText(this, 'orderId', 'Order ID', itemIndex);
	return toItems(await getOrder(this, orderId, itemIndex));
}
