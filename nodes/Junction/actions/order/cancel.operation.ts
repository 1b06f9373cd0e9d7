import {
	updateDisplayOptions,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

import { showFor, toItems, type OperationOption } from '../../../shared/operations';
import { cancelOrder } from '../../transport';
import { orderIdAt, orderIdProperty } from '../common';

export const option: OperationOption = {
	name: 'Cancel',
	value: 'cancel',
	action: 'Cancel an order',
	description: 'Cancel an order that has not been shipped or drawn yet',
};

export const properties = updateDisplayOptions(showFor('order', option), [
	{
		...orderIdProperty,
		description:
			'The order to cancel. Possible while ordered or requisition created (walk-in and phlebotomy orders also during appointment statuses); shipped kits cannot be cancelled.',
	},
]);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	return toItems(await cancelOrder(this, orderIdAt(this, itemIndex), itemIndex));
}
