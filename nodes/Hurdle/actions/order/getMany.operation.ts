import { defineGetMany } from '../../../shared/commonOperations';
import { hurdleList } from '../../transport';

export default defineGetMany({
	action: 'Get many orders',
	description: 'List orders',
	list: (context, { limit, itemIndex }) => hurdleList(context, '/orders/v3', {}, limit, itemIndex),
});
