import type { IDataObject } from 'n8n-workflow';

import { apiPath, getRecord } from '../../../shared/transport/api';
import { defineGet } from '../../../shared/actions/operationKinds';
import { junction } from '../../provider';
import { orderTransactionId } from '../orderTransactionId';

/**
 * The two names of an order's status in a transaction: the spec's `OrderSummary` says `last_status`
 * (and `…_created_at`), the docs' example of this endpoint and the transaction inside an order say
 * `low_level_status`. Whichever Junction sends, both are filled, so either expression works.
 */
const STATUS_NAMES: Array<[string, string]> = [
	['last_status', 'low_level_status'],
	['last_status_created_at', 'low_level_status_created_at'],
];

export function withBothStatusNames(order: IDataObject): IDataObject {
	const filled = { ...order };
	for (const [spec, docs] of STATUS_NAMES) {
		filled[spec] ??= order[docs] ?? null;
		filled[docs] ??= order[spec] ?? null;
	}
	return filled;
}

export default defineGet({
	action: 'Get an order transaction',
	description: 'Get an order transaction: its status and its orders (an order and its redraw)',
	id: orderTransactionId,
	async get(context, id, itemIndex) {
		const transaction = await getRecord(
			context,
			junction,
			apiPath('/v3/order_transaction', id),
			itemIndex,
		);
		const { orders } = transaction;
		if (!Array.isArray(orders)) return transaction;
		return {
			...transaction,
			orders: (orders as unknown[]).map((order) =>
				typeof order === 'object' && order !== null
					? withBothStatusNames(order as IDataObject)
					: order,
			) as IDataObject[],
		};
	},
});
