import { defineGetMany } from '../../../shared/actions/operationKinds';
import { lmlPaging } from '../../transport';

export default defineGetMany({
	action: 'Get many test registrations',
	description: 'List test registrations',
	path: '/api/test_registration/',
	paging: lmlPaging,
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
});
