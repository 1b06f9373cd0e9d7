import { NodeApiError, type IDataObject } from 'n8n-workflow';

import { apiPath, callApi } from '../../../shared/transport/api';
import { providerDetails } from '../../../shared/transport/apiErrors';
import { defineOperation, toItems } from '../../../shared/actions/actionNode';
import { junction } from '../../provider';
import { orderId } from '../orderId';

export default defineOperation({
	name: 'Cancel',
	value: 'cancel',
	action: 'Cancel an order',
	description: 'Cancel an order that has not been shipped or drawn yet',
	properties: [
		{
			...orderId.property,
			description:
				'The order to cancel. Possible while ordered or requisition created (walk-in and phlebotomy orders also during appointment statuses); shipped kits cannot be cancelled.',
		},
	],
	async execute(itemIndex) {
		// A 400 means the order is past cancelling, and Junction says why.
		const { statusCode, body } = await callApi<IDataObject>(
			this,
			junction,
			{
				method: 'POST',
				path: `${apiPath('/v3/order', orderId.at(this, itemIndex))}/cancel`,
				returnStatuses: [400],
			},
			itemIndex,
		);
		if (statusCode !== 400) return toItems(body);
		const details = providerDetails(body);
		throw new NodeApiError(
			this.getNode(),
			{ httpCode: '400', provider: junction.providerName },
			{
				message: `Junction cannot cancel this order in its current status${details ? `: ${details}` : ''}`,
				description:
					'Orders can be cancelled while ordered, requisition_created, requisition_bypassed or awaiting_registration (walk-in and phlebotomy orders also during their appointment statuses). Shipped test kits and finished orders cannot be cancelled.',
				httpCode: '400',
				itemIndex,
			},
		);
	},
});
