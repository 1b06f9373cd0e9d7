import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

import { apiPath, callApi } from '../../../shared/api';
import { showFor, toItems, type OperationOption } from '../../../shared/operations';
import { junctionApi } from '../../transport';
import { orderIdAt, orderIdProperty } from '../orderId';

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
	const { body } = await callApi<IDataObject>(
		this,
		junctionApi,
		{ method: 'GET', path: apiPath('/v3/order', orderIdAt(this, itemIndex)) },
		itemIndex,
	);
	return toItems(body);
}
