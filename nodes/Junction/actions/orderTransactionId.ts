import { idParameter } from '../../shared/actions/parameters';

export const orderTransactionId = idParameter({
	displayName: 'Order Transaction ID',
	name: 'orderTransactionId',
	placeholder: 'e.g. d2e3f4a5-b6c7-4d8e-9f01-a2b3c4d5e6f7',
	description:
		'The Junction order transaction ID (a UUID): an order and its redraw share one. As in the trigger output field orderTransactionId.',
});
