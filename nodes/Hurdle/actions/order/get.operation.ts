import { NodeOperationError } from 'n8n-workflow';

import { defineGet } from '../../../shared/actions/operationKinds';
import { idParameter } from '../../../shared/actions/parameters';
import { getOrder } from '../../transport';

export default defineGet({
	action: 'Get an order',
	description: 'Get an order by its order number',
	id: idParameter({
		displayName: 'Order Number',
		name: 'orderNumber',
		placeholder: 'e.g. HRD-100234',
		description:
			'The orderNumber Hurdle returned when the order was created, also sent in every ORDER event',
	}),
	async get(context, orderNumber, itemIndex) {
		const order = await getOrder(context, orderNumber, itemIndex);
		if (order.found) return order.value;
		throw order.error ?? new NodeOperationError(context.getNode(), order.message, { itemIndex });
	},
});
