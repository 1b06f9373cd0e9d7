import { defineGet } from '../../../shared/actions/operationKinds';
import { idParameter } from '../../../shared/actions/parameters';
import { getOrder } from '../../transport';

export default defineGet({
	action: 'Get an order',
	description: 'Get an order by ID',
	id: idParameter({
		displayName: 'Order ID',
		name: 'orderId',
		placeholder: 'e.g. e23e2d33-5ab4-4efc-8e94-7e914b5f99df',
	}),
	get: getOrder,
});
