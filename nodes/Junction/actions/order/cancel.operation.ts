import {
	NodeApiError,
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

import { apiPath, callApi, providerDetails } from '../../../shared/api';
import { showFor, toItems, type OperationOption } from '../../../shared/operations';
import { junctionApi } from '../../transport';
import { orderIdAt, orderIdProperty } from '../orderId';

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

/** POST /v3/order/{id}/cancel; a 400 means the order is past cancelling, and Junction says why. */
async function cancelOrder(
	context: IExecuteFunctions,
	orderId: string,
	itemIndex?: number,
): Promise<IDataObject> {
	const { statusCode, body } = await callApi<IDataObject>(
		context,
		junctionApi,
		{ method: 'POST', path: `${apiPath('/v3/order', orderId)}/cancel`, returnStatuses: [400] },
		itemIndex,
	);
	if (statusCode === 400) {
		const details = providerDetails(body);
		throw new NodeApiError(
			context.getNode(),
			{ httpCode: '400', provider: junctionApi.providerName },
			{
				message: `Junction cannot cancel this order in its current status${details ? `: ${details}` : ''}`,
				description:
					'Orders can be cancelled while ordered, requisition_created, requisition_bypassed or awaiting_registration (walk-in and phlebotomy orders also during their appointment statuses). Shipped test kits and finished orders cannot be cancelled.',
				httpCode: '400',
				itemIndex,
			},
		);
	}
	return body;
}

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	return toItems(await cancelOrder(this, orderIdAt(this, itemIndex), itemIndex));
}
