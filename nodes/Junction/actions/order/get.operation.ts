import type { IDataObject } from 'n8n-workflow';

import { apiPath, callApi } from '../../../shared/api';
import { defineGet } from '../../../shared/commonOperations';
import { junctionApi } from '../../transport';
import { orderId } from '../orderId';

export default defineGet({
	action: 'Get an order',
	description: 'Get an order by ID',
	id: orderId,
	async get(context, id, itemIndex) {
		const path = apiPath('/v3/order', id);
		return (await callApi<IDataObject>(context, junctionApi, { method: 'GET', path }, itemIndex))
			.body;
	},
});
