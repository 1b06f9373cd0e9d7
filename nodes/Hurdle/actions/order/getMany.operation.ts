import {
	updateDisplayOptions,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

import { requestedLimit, returnAllOrLimit } from '../../../shared/descriptions';
import { toItems } from '../../../shared/operations';
import { hurdleList } from '../../transport';

export const description = updateDisplayOptions(
	{ show: { resource: ['order'], operation: ['getMany'] } },
	returnAllOrLimit(),
);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const limit = requestedLimit(this, itemIndex);
	return toItems(await hurdleList(this, '/orders/v3', {}, limit));
}
