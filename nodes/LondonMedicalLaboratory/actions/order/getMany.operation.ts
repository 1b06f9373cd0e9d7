import {
	updateDisplayOptions,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

import { requestedLimit, returnAllOrLimit } from '../../../shared/descriptions';
import { showFor, toItems, type OperationOption } from '../../../shared/operations';
import { lmlList } from '../../transport';

export const option: OperationOption = {
	name: 'Get Many',
	value: 'getMany',
	action: 'Get many orders',
	description: 'List orders',
};

export const properties = updateDisplayOptions(showFor('order', option), returnAllOrLimit());

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const limit = requestedLimit(this, itemIndex);
	return toItems(await lmlList(this, '/api/order/', {}, limit, itemIndex));
}
