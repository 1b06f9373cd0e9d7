import { defineGetMany } from '../../../shared/actions/operationKinds';
import { lmlPaging } from '../../transport';

export default defineGetMany({
	action: 'Get many orders',
	description: 'List orders',
	path: '/api/order/',
	paging: lmlPaging,
});
