import { defineGetMany } from '../../../shared/commonOperations';
import { lmlList } from '../../transport';

export default defineGetMany({
	action: 'Get many test registrations',
	description: 'List test registrations',
	filters: [
		{
			displayName: 'Customer ID',
			name: 'customer',
			type: 'string',
			default: '',
			description: 'Only registrations of this customer',
		},
		{
			displayName: 'Order ID',
			name: 'order',
			type: 'string',
			default: '',
			description: 'Only registrations created by this order',
		},
	],
	list: (context, { filters, limit, itemIndex }) =>
		lmlList(context, '/api/test_registration/', filters, limit, itemIndex),
});
