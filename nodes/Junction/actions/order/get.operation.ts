import {
	updateDisplayOptions,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

import { showFor, toItems, type OperationOption } from '../../../shared/operations';
import { getOrder } from '../../transport';
import { orderIdAt, orderIdProperty } from '../common';

export const option: OperationOption = {
	name: 'Get',
	value: 'get',
	action: 'Get an order',
	description: 'Get an order by ID',
};

export const properties = updateDisplayOptions(showFor('order', option), [orderIdProperty]);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	return toItems(await getOrder(this, orderIdAt(this, itemIndex), itemIndex));
}
