import type { IDataObject } from 'n8n-workflow';

import { defineGetMany } from '../../../shared/commonOperations';
import type { Paging } from '../../../shared/pagination';
import { modalityOptions, orderStatusOptions } from '../../events';
import { junctionApi } from '../../transport';

/** Junction's documented maximum `size` for GET /v3/orders. */
export const ORDERS_MAX_PAGE_SIZE = 100;

interface OrdersPage {
	orders?: IDataObject[];
	total?: number;
	page?: number;
	size?: number;
}

/** GET /v3/orders, page by page, until `page × size` reaches `total` or a page comes back short. */
const ordersPaging: Paging<OrdersPage | undefined> = {
	api: junctionApi,
	maxPageSize: ORDERS_MAX_PAGE_SIZE,
	query: ({ cursor, pageSize }) => ({ page: Number(cursor ?? 1), size: pageSize }),
	read(body, { cursor, pageSize }) {
		const page = Number(cursor ?? 1);
		const orders = body?.orders ?? [];
		const total = typeof body?.total === 'number' ? body.total : undefined;
		const last = orders.length < pageSize || (total !== undefined && page * pageSize >= total);
		return { items: orders, next: last ? null : page + 1 };
	},
};

export default defineGetMany({
	action: 'Get many orders',
	description: 'List orders, filtered by status, dates, user or interpretation',
	path: '/v3/orders',
	paging: ordersPaging,
	filters: [
		{
			displayName: 'Created After',
			name: 'start_date',
			type: 'dateTime',
			default: '',
			description: 'Only orders created at or after this time',
		},
		{
			displayName: 'Created Before',
			name: 'end_date',
			type: 'dateTime',
			default: '',
			description: 'Only orders created at or before this time',
		},
		{
			displayName: 'Critical Only',
			name: 'is_critical',
			type: 'boolean',
			default: true,
			description: 'Whether to return only orders with critical results',
		},
		{
			displayName: 'Interpretation',
			name: 'interpretation',
			type: 'options',
			options: [
				{ name: 'Abnormal', value: 'abnormal' },
				{ name: 'Critical', value: 'critical' },
				{ name: 'Normal', value: 'normal' },
			],
			default: 'abnormal',
			description: 'Only orders whose results have this overall interpretation',
		},
		{
			displayName: 'Modalities',
			name: 'order_type',
			type: 'multiOptions',
			options: modalityOptions,
			default: [],
			description: 'Only orders of these collection methods',
		},
		{
			displayName: 'Search',
			name: 'search_input',
			type: 'string',
			default: '',
			description: 'An order ID, user ID, patient name or date of birth to search for',
		},
		{
			displayName: 'Statuses',
			name: 'status',
			type: 'multiOptions',
			options: orderStatusOptions,
			default: [],
			description: 'Only orders whose current low-level status is one of these',
		},
		{
			displayName: 'Updated After',
			name: 'updated_start_date',
			type: 'dateTime',
			default: '',
			description: 'Only orders updated at or after this time',
		},
		{
			displayName: 'Updated Before',
			name: 'updated_end_date',
			type: 'dateTime',
			default: '',
			description: 'Only orders updated at or before this time',
		},
		{
			displayName: 'User ID',
			name: 'user_id',
			type: 'string',
			default: '',
			description: 'Only orders of this Junction user',
		},
	],
});
