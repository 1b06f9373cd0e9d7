import { defineGetMany } from '../../../shared/commonOperations';
import { lmlList } from '../../transport';

export default defineGetMany({
	action: 'Get many orders',
	description: 'List orders',
	list: (context, { limit, itemIndex }) => lmlList(context, '/api/order/', {}, limit, itemIndex),
});
