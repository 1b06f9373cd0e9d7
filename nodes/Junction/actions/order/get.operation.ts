import { apiPath, getRecord } from '../../../shared/transport/api';
import { defineGet } from '../../../shared/actions/operationKinds';
import { junction } from '../../provider';
import { orderId } from '../orderId';

export default defineGet({
	action: 'Get an order',
	description: 'Get an order by ID',
	id: orderId,
	get: (context, id, itemIndex) =>
		getRecord(context, junction, apiPath('/v3/order', id), itemIndex),
});
