import type { IDataObject } from 'n8n-workflow';

import { callApi, type ApiContext } from '../shared/transport/api';
import { changeId } from '../shared/catchUp/keys';
import {
	snapshotBaseline,
	snapshotRound,
	type SnapshotList,
} from '../shared/catchUp/snapshotRound';
import type { CatchUpSource, Change } from '../shared/catchUp/source';
import { hurdleEventOptions, hurdleEventSchemas, type HurdleEventName } from './events';
import type { HurdleFields } from './fields';
import { HURDLE_MAX_PAGE_SIZE, hurdlePaging } from './transport';
import { hurdle } from './provider';
import { hurdleEventSource } from './eventSource';

/**
 * Hurdle's order list (GET /orders/v3, undocumented for partners, read as Order › Get Many reads it)
 * says nothing about what changed since: a round reads it page by page and compares each order with a
 * bounded snapshot. An order's milestones, each a webhook event Hurdle sends:
 *
 * | Letter | Event | Seen in the list as |
 * |---|---|---|
 * | C | order.created | the order is listed |
 * | P | order.dispatched | `status` DISPATCHED |
 *
 * The other order events (out for delivery, received, returns) are not order statuses, and Hurdle has no
 * list of tests, so TEST.* and PHLEBOTOMY.* events cannot be caught up: only Hurdle's own retries
 * (about 30 s) bring those.
 */
const EVENTS: Record<string, HurdleEventName> = { C: 'order.created', P: 'order.dispatched' };

const text = (value: unknown) =>
	typeof value === 'string' && value
		? value
		: typeof value === 'number'
			? String(value)
			: undefined;

function payloadOf(letter: string, order: IDataObject): IDataObject {
	const delivery = (order.delivery ?? {}) as IDataObject;
	const common = {
		eventType: EVENTS[letter].toUpperCase(),
		version: '1',
		orderNumber: order.orderNumber,
		productCode: order.productCode,
	};
	if (letter === 'C') return { ...common, email: delivery.email };
	return {
		...common,
		...(Array.isArray(order.kits) ? { kits: order.kits } : {}),
		...(text(order.dispatchedAt) ? { dispatchedAt: order.dispatchedAt } : {}),
	};
}

const orders: SnapshotList = {
	async page(context: ApiContext, cursor) {
		const request = { cursor, pageSize: HURDLE_MAX_PAGE_SIZE };
		const { body } = await callApi(context, hurdle, {
			method: 'GET',
			path: '/orders/v3',
			qs: hurdlePaging.query(request),
		});
		const page = hurdlePaging.read(body, request);
		return { records: page.items, next: page.next ?? undefined };
	},
	observe(order) {
		const orderNumber = text(order.orderNumber);
		if (!orderNumber) return undefined;
		const milestones = `C${order.status === 'DISPATCHED' ? 'P' : ''}`;
		return { key: orderNumber, createdAt: Date.parse(String(order.createdAt)), milestones };
	},
	changes(order, reached) {
		return [...reached].map(
			(letter): Change => ({
				record: String(order.orderNumber),
				event: EVENTS[letter],
				id: changeId(hurdle.key, [EVENTS[letter], String(order.orderNumber)]),
				payload: payloadOf(letter, order),
			}),
		);
	},
};

export const hurdleCatchUp: CatchUpSource<typeof hurdleEventSchemas, HurdleFields> = {
	eventSource: hurdleEventSource,
	events: Object.fromEntries(
		Object.values(EVENTS).map((event) => [event, hurdleEventOptions[event]]),
	),
	reads: 'of a Hurdle order (GET /orders/v3)',

	async baseline(context, request, startFrom) {
		return await snapshotRound(context, snapshotBaseline(request, startFrom), [orders], {
			from: startFrom,
		});
	},

	async round(context, request) {
		return await snapshotRound(context, request, [orders]);
	},

	async latest(context) {
		const page = await orders.page(context, undefined);
		const newest = [...page.records]
			.map((order) => ({ order, observed: orders.observe(order) }))
			.filter(({ observed }) => observed)
			.sort((a, b) => (b.observed!.createdAt || 0) - (a.observed!.createdAt || 0))[0];
		if (!newest) return undefined;
		return orders.changes(newest.order, newest.observed!.milestones).pop();
	},
};
