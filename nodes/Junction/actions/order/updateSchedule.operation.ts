import type { IDataObject } from 'n8n-workflow';

import { defineOperation, toItems } from '../../../shared/actions/actionNode';
import { menuParameter } from '../../../shared/actions/parameters';
import { apiPath, callApi } from '../../../shared/transport/api';
import { junction } from '../../provider';
import { orderId } from '../orderId';
import { dateOnly } from '../patient';

export default defineOperation({
	name: 'Update Schedule',
	value: 'updateSchedule',
	action: 'Update the schedule of an order',
	description:
		'Move the date a scheduled order activates on, or activate it now. Only for orders created with Activate By that are still ordered.',
	properties: [
		orderId.property,
		menuParameter({ displayName: 'Activate', name: 'activation', default: 'date' }, [
			['On a Date', 'date', 'Move the activation date'],
			['Now', 'now', 'Clear the date: the order is processed right away'],
		]),
		{
			displayName: 'Activate By',
			name: 'activateBy',
			type: 'dateTime',
			default: '',
			required: true,
			description: 'Today or later; only the date counts',
			displayOptions: { show: { activation: ['date'] } },
		},
	],
	async execute(itemIndex) {
		const id = orderId.at(this, itemIndex);
		const now = this.getNodeParameter('activation', itemIndex) === 'now';
		const activateBy = now
			? null
			: dateOnly(
					this,
					String(this.getNodeParameter('activateBy', itemIndex, '')),
					'Activate By',
					itemIndex,
				);
		// The key is required; null clears the schedule.
		const { body } = await callApi<IDataObject>(
			this,
			junction,
			{ method: 'PATCH', path: apiPath('/v3/order', id), body: { activate_by: activateBy } },
			itemIndex,
		);
		return toItems(body);
	},
});
