import {
	NodeOperationError,
	updateDisplayOptions,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { requireValue } from '../../../shared/api';
import { toItems } from '../../../shared/operations';
import { getOrder } from '../../transport';

const properties: INodeProperties[] = [
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

export const description = updateDisplayOptions(
	{ show: { resource: ['order'], operation: ['get'] } },
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const orderNumber = requireValue(
		this.getNode(),
		this.getNodeParameter('orderNumber', itemIndex) as string,
		'Order Number',
		itemIndex,
	);
	const order = await getOrder(this, orderNumber, itemIndex);
	if (!order.found)
		throw order.error ?? new NodeOperationError(this.getNode(), order.message, { itemIndex });
	return toItems(order.value);
}
