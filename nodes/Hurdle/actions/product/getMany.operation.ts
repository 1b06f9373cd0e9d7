import { defineGetMany } from '../../../shared/actions/operationKinds';
import { hurdlePaging } from '../../transport';

export default defineGetMany({
	action: 'Get many products',
	description: 'List the products available to you',
	path: '/products/v1',
	paging: hurdlePaging,
});
