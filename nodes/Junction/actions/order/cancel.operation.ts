import {
	updateDisplayOptions,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

import { toItems } from '../../../shared/operations';
import { cancelOrder } from '../../transport';
import { orderIdAt, orderIdProperty } from '../common';

export const description = updateDisplayOptions(
	{ show: { resource: ['order'], operation: ['cancel'] } },
	[
		{
			...orderIdProperty,
			description:
				'The order to cancel. Possible while ordered or requisition created (walk-in and phlebotomy orders also during appointment statuses); shipped kits cannot be cancelled.',
		},
	],
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	return toItems(await cancelOrder(this, orderIdAt(this, itemIndex), itemIndex));
}
