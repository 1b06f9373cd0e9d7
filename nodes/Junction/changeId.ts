import type { IDataObject } from 'n8n-workflow';

import { changeId } from '../shared/catchUp/keys';
import type { ReceivedEvent } from '../shared/trigger/source';
import { junction } from './provider';

/** An order status event: `events[]` entries and `last_event` have this shape. */
export interface OrderEvent extends IDataObject {
	id?: number;
	created_at?: string;
	status?: string;
}

/** The change id of one order event, the same whether a webhook carries it or a catch-up round finds it. */
export function orderChangeId(orderId: string, event: OrderEvent): string {
	return changeId(junction.key, [
		'order',
		orderId,
		event.id ?? `${event.status}@${event.created_at}`,
	]);
}

/** An order webhook's change: the order's latest event. Other events have none. */
export function junctionChangeId(event: ReceivedEvent<IDataObject>): string | undefined {
	if (!event.name.startsWith('labtest.order.')) return undefined;
	const order = event.payload.data as IDataObject | undefined;
	const events = Array.isArray(order?.events) ? (order.events as OrderEvent[]) : [];
	const latest = (order?.last_event as OrderEvent | undefined) ?? events[events.length - 1];
	return typeof order?.id === 'string' && latest ? orderChangeId(order.id, latest) : undefined;
}
