import {
	NodeOperationError,
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
	description: 'Get an order by its order number',
};

const parameters: INodeProperties[] = [
	{
		displayName: 'Order Number',
		name: 'orderNumber',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. HRD-100234',
		description:
			'The orderNumber Hurdle returned when the order was created, also sent in every ORDER event',
	},
];

export const properties = updateDisplayOptions(showFor('order', option), parameters);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const orderNumber = requiredText(this, 'orderNumber', 'Order Number', itemIndex);
	const order = await getOrder(this, orderNumber, itemIndex);
	if (!order.found)
		throw order.error ?? new NodeOperationError(this.getNode(), order.message, { itemIndex });
	return toItems(order.value);
}
