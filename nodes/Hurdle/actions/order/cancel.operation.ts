import { NodeApiError, NodeOperationError, type IDataObject } from 'n8n-workflow';

import { defineOperation, toItems } from '../../../shared/actions/actionNode';
import { idParameter } from '../../../shared/actions/parameters';
import { apiPath, callApi } from '../../../shared/transport/api';
import { hurdle } from '../../provider';
import { getOrder } from '../../transport';

const orderNumber = idParameter({
	displayName: 'Order Number',
	name: 'orderNumber',
	placeholder: 'e.g. HRD-100234',
	description:
		'The orderNumber Hurdle returned when the order was created, also sent in every ORDER event',
});

export default defineOperation({
	name: 'Cancel',
	value: 'cancel',
	action: 'Cancel an order',
	description:
		'Cancel an order before Hurdle processes or dispatches it. An order already cancelled is returned as it is.',
	properties: [orderNumber.property],
	async execute(itemIndex) {
		const number = orderNumber.at(this, itemIndex);
		try {
			const { body } = await callApi<IDataObject>(
				this,
				hurdle,
				{ method: 'PATCH', path: `${apiPath('/orders/v3', number)}/cancel` },
				itemIndex,
			);
			return toItems(body);
		} catch (error) {
			const failure =
				error instanceof NodeApiError
					? error
					: new NodeOperationError(this.getNode(), error as Error, { itemIndex });
			// Refused: perhaps because a run before this one cancelled it already.
			if (failure instanceof NodeApiError && String(failure.httpCode).startsWith('4')) {
				const order = await getOrder(this, number, itemIndex).catch(() => undefined);
				if (order?.found && order.value.status === 'CANCELLED') {
					return toItems({
						...order.value,
						alreadyCancelled: true,
						message: 'Not cancelled again: the order was already cancelled',
					});
				}
			}
			throw failure;
		}
	},
});
