import { apiPath, getRecord } from '../../../shared/api';
import { defineGet } from '../../../shared/commonOperations';
import { junctionApi } from '../../transport';
import { orderId } from '../orderId';

export default defineGet({
	action: 'Get an order',
	description: 'Get an order by ID',
	id: orderId,
	get: (context, id, itemIndex) =>
		getRecord(context, junctionApi, apiPath('/v3/order', id), itemIndex),
});
