import {
	updateDisplayOptions,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

import { requestedLimit, returnAllOrLimit } from '../../../shared/descriptions';
import { showFor, toItems, type OperationOption } from '../../../shared/operations';
import { hurdleList } from '../../transport';

export const option: OperationOption = {
	name: 'Get Many',
	value: 'getMany',
	action: 'Get many products',
	description: 'List the products available to you',
};

export const properties = updateDisplayOptions(showFor('product', option), returnAllOrLimit());

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const limit = requestedLimit(this, itemIndex);
	return toItems(await hurdleList(this, '/products/v1', {}, limit));
}
