import type { IDataObject } from 'n8n-workflow';

import { defineOperation, toItems } from '../../../shared/actions/actionNode';
import { menuParameter } from '../../../shared/actions/parameters';
import { RESEND_MAX_WINDOW_DAYS, resendOrderEvents } from '../../transport';
import { listOf } from '../orderFields';

const show = (resendBy: string) => ({ displayOptions: { show: { resendBy: [resendBy] } } });

export default defineOperation({
	name: 'Resend Events',
	value: 'resendEvents',
	action: 'Resend order events',
	description: `Ask Junction to send the latest webhook event of some orders again: by order ID, or every order in a window of up to ${RESEND_MAX_WINDOW_DAYS} days (to catch up after downtime)`,
	properties: [
		menuParameter({ displayName: 'Resend For', name: 'resendBy', default: 'orders' }, [
			['Orders', 'orders', 'The orders whose IDs you give'],
			[
				'Time Window',
				'window',
				`Orders with events in a window of up to ${RESEND_MAX_WINDOW_DAYS} days`,
			],
		]),
		{
			displayName: 'Order IDs',
			name: 'orderIds',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. e1c380c1-…, 5d2c…',
			description: 'Order IDs separated by commas, or a list from an expression',
			...show('orders'),
		},
		{
			displayName: 'Start',
			name: 'startAt',
			type: 'dateTime',
			default: '',
			required: true,
			description: 'Start of the window',
			...show('window'),
		},
		{
			displayName: 'End',
			name: 'endAt',
			type: 'dateTime',
			default: '',
			description: 'End of the window; empty means now',
			...show('window'),
		},
	],
	async execute(itemIndex) {
		const by = this.getNodeParameter('resendBy', itemIndex) as string;
		const request =
			by === 'orders'
				? { orderIds: listOf(this.getNodeParameter('orderIds', itemIndex, '')) }
				: {
						startAt: String(this.getNodeParameter('startAt', itemIndex, '') || '') || undefined,
						endAt: String(this.getNodeParameter('endAt', itemIndex, '') || '') || undefined,
					};
		const orderIds = await resendOrderEvents(this, request, itemIndex);
		return toItems({ resent: orderIds.length, orderIds } as IDataObject);
	},
});
