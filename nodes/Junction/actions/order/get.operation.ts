import {
	updateDisplayOptions,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

import { toItems } from '../../../shared/operations';
import { getOrder } from '../../transport';
import { orderIdAt, orderIdProperty } from '../common';

export const description = updateDisplayOptions(
	{ show: { resource: ['order'], operation: ['get'] } },
	[orderIdProperty],
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	return toItems(await getOrder(this, orderIdAt(this, itemIndex), itemIndex));
}
