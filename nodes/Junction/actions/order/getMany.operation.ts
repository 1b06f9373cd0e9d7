import type { IDataObject } from 'n8n-workflow';

import { defineGetMany } from '../../../shared/actions/operationKinds';
import { menuParameter } from '../../../shared/actions/parameters';
import type { Paging } from '../../../shared/transport/pagination';
import { modalityOptions, orderStatusOptions } from '../../events';
import { junction } from '../../provider';

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
	api: junction,
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

/** Order IDs typed as a comma- or space-separated list, or given as a list by an expression. */
export function idList(value: unknown): string[] {
	const entries = Array.isArray(value) ? value.map(String) : String(value ?? '').split(/[\s,]+/);
	return entries.map((entry) => entry.trim()).filter(Boolean);
}

/** `is_critical` as Junction reads it: saved workflows hold `true`/`false`; Any, or anything else, sends nothing. */
function criticalFilter(value: unknown): IDataObject {
	if (value === true || value === 'true') return { is_critical: true };
	if (value === false || value === 'false') return { is_critical: false };
	return {};
}

/** The query of GET /v3/orders: lists go as repeated keys (`order_ids=a&order_ids=b`). */
export function ordersQuery({ is_critical, order_ids, ...set }: IDataObject): IDataObject {
	const ids = idList(order_ids);
	return { ...set, ...criticalFilter(is_critical), ...(ids.length ? { order_ids: ids } : {}) };
}

export default defineGetMany({
	action: 'Get many orders',
	description: 'List orders, filtered by status, dates, user or interpretation',
	path: '/v3/orders',
	paging: ordersPaging,
	query: ordersQuery,
	filters: [
		menuParameter(
			{
				displayName: 'Activation Types',
				name: 'order_activation_types',
				default: [],
				description: 'Only orders of these activation types',
			},
			[
				['Current', 'current', 'Orders active now'],
				['Scheduled', 'scheduled', 'Orders waiting for their activation date'],
			],
		),
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
		// Saved workflows hold true or false here (it used to be a boolean): those values stay.
		menuParameter(
			{
				displayName: 'Critical',
				name: 'is_critical',
				default: 'any',
				description: 'Whether the orders must, or must not, have critical results',
			},
			[
				['Any', 'any', 'Do not filter on critical results'],
				['Critical Only', true, 'Only orders with critical results'],
				['Non-Critical Only', false, 'Only orders without critical results'],
			],
		),
		menuParameter(
			{
				displayName: 'Interpretation',
				name: 'interpretation',
				default: 'abnormal',
				description: 'Only orders whose results have this overall interpretation',
			},
			[
				['Abnormal', 'abnormal'],
				['Critical', 'critical'],
				['Normal', 'normal'],
				['Unknown', 'unknown'],
			],
		),
		{
			displayName: 'Modalities',
			name: 'order_type',
			type: 'multiOptions',
			options: modalityOptions,
			default: [],
			description: 'Only orders of these collection methods',
		},
		{
			displayName: 'Order IDs',
			name: 'order_ids',
			type: 'string',
			default: '',
			placeholder:
				'e.g. e1c380c1-7df4-487f-869e-f1be0193ca25, e1c380c1-7df4-487f-869e-f1be0193ca26',
			description: 'Only these orders: Junction order IDs separated by commas',
		},
		{
			displayName: 'Order Transaction ID',
			name: 'order_transaction_id',
			type: 'string',
			default: '',
			placeholder: 'e.g. d2e3f4a5-b6c7-4d8e-9f01-a2b3c4d5e6f7',
			description:
				'Only the orders of this order transaction (an order and its redraw), as in the trigger output field orderTransactionId',
		},
		{
			displayName: 'Patient Name',
			name: 'patient_name',
			type: 'string',
			default: '',
			description: "Only orders whose patient's name matches",
		},
		{
			displayName: 'Search',
			name: 'search_input',
			type: 'string',
			default: '',
			description: 'An order ID, user ID, patient name or date of birth to search for',
		},
		{
			displayName: 'Shipping Recipient Name',
			name: 'shipping_recipient_name',
			type: 'string',
			default: '',
			description: 'Only orders shipped to a recipient of this name',
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
	sort: [
		menuParameter(
			{
				displayName: 'Sort By',
				name: 'order_key',
				default: 'created_at',
				description: "What to sort the orders by; without it, Junction's own order applies",
			},
			[
				['Created At', 'created_at'],
				['Last Status', 'last_status'],
				['Patient Name', 'patient_name'],
			],
		),
		menuParameter(
			{
				displayName: 'Sort Direction',
				name: 'order_direction',
				default: 'desc',
			},
			[
				['Ascending', 'asc'],
				['Descending', 'desc'],
			],
		),
	],
});
