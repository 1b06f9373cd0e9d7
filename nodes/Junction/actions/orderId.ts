import { idParameter } from '../../shared/actions/parameters';

export const orderId = idParameter({
	displayName: 'Order ID',
	name: 'orderId',
	placeholder: 'e.g. e1c380c1-7df4-487f-869e-f1be0193ca25',
	description: 'The Junction order ID (a UUID), as in the trigger output field orderId',
});
