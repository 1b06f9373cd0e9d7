import { defineGetMany } from '../../../shared/commonOperations';
import { hurdleList } from '../../transport';

export default defineGetMany({
	action: 'Get many products',
	description: 'List the products available to you',
	list: (context, { limit, itemIndex }) =>
		hurdleList(context, '/products/v1', {}, limit, itemIndex),
});
