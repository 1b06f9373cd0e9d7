import { defineGetMany } from '../../../shared/actions/operationKinds';
import { hurdlePaging } from '../../transport';

export default defineGetMany({
	action: 'Get many orders',
	description: 'List orders',
	path: '/orders/v3',
	paging: hurdlePaging,
});
