import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { callApi, type ApiContext } from '../shared/transport/api';
import { orderChangeId, type OrderEvent } from './changeId';
import type {
	CatchUpOptions,
	CatchUpSource,
	Change,
	RoundRequest,
	RoundResult,
} from '../shared/catchUp/source';
import { junctionEventOptions, junctionEventSchemas } from './events';
import { junctionEventSource } from './eventSource';
import type { JunctionFields } from './fields';
import { junction } from './provider';

/**
 * Junction's catch-up asks GET /v3/orders what changed: `updated_start_date` = the watermark minus an
 * overlap, in full ISO date-times, sorted by `created_at` ascending (there is no sort by `updated_at`),
 * 100 orders a page. Each event of an order newer than that is one change (its `events[]` entry, as the
 * order stood then). Junction documents neither whether the bounds are inclusive nor whether a status
 * change moves `updated_at` (its examples suggest it may not): the overlap, and the change ids, make an
 * inclusive or exclusive bound safe; Find Changes By › Recent Orders reads every order created in the
 * last days instead, for an account where `updated_at` stays put.
 */
export const JUNCTION_PAGE_SIZE = 100;
const DEFAULT_OVERLAP_MINUTES = 10;
const DEFAULT_RECENT_DAYS = 30;
const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;

const ORDER_EVENTS = ['labtest.order.created', 'labtest.order.updated'] as const;

export const junctionCatchUpOptions: INodeProperties[] = [
	{
		displayName: 'Find Changes By',
		name: 'findBy',
		type: 'options',
		options: [
			{
				name: 'Updated Time',
				value: 'updatedTime',
				description: 'Ask for the orders updated since the last round (updated_start_date)',
			},
			{
				name: 'Recent Orders',
				value: 'recentOrders',
				description:
					'Read every order created in the last days, each round: for an account where a status change does not move updated_at',
			},
		],
		default: 'updatedTime',
	},
	{
		displayName: 'Overlap (Minutes)',
		name: 'overlapMinutes',
		type: 'number',
		typeOptions: { minValue: 0 },
		default: DEFAULT_OVERLAP_MINUTES,
		description:
			'How far before the last round each round starts reading, for clocks that differ and updates Junction records late; changes read twice run once',
	},
	{
		displayName: 'Recent Orders (Days)',
		name: 'recentDays',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 365 },
		default: DEFAULT_RECENT_DAYS,
		description: 'With Find Changes By › Recent Orders: how far back orders are read',
		displayOptions: { show: { findBy: ['recentOrders'] } },
	},
];

interface Walk extends IDataObject {
	/** Events from here on are changes (epoch ms). */
	since: number;
	page: number;
	/** When the walk began: the watermark once it has read everything. */
	startedAt: number;
}

type JunctionEvent = OrderEvent;

const iso = (time: number) => new Date(time).toISOString();

function eventsOf(order: IDataObject): JunctionEvent[] {
	const events = Array.isArray(order.events) ? (order.events as JunctionEvent[]) : [];
	if (events.length) return events;
	return order.last_event ? [order.last_event as JunctionEvent] : [];
}

function lowLevel(status: string | undefined): string | undefined {
	return status?.split('.').pop();
}

/** Each event of the order from `since` on, as the webhook would have carried it then. */
export function orderChanges(order: IDataObject, since: number): Change[] {
	const orderId = String(order.id);
	const events = eventsOf(order);
	const changes: Change[] = [];
	events.forEach((event, index) => {
		const at = Date.parse(String(event.created_at));
		if (!(at >= since)) return;
		const asThen: IDataObject = {
			...order,
			events: events.slice(0, index + 1),
			last_event: event,
			status: String(event.status ?? '').split('.')[0] || order.status,
		};
		const created = index === 0 && lowLevel(event.status) === 'ordered';
		changes.push({
			record: orderId,
			event: created ? ORDER_EVENTS[0] : ORDER_EVENTS[1],
			id: orderChangeId(orderId, event),
			payload: {
				event_type: created ? ORDER_EVENTS[0] : ORDER_EVENTS[1],
				data: asThen,
				user_id: order.user_id,
				team_id: order.team_id,
			},
		});
	});
	return changes;
}

interface OrdersPage {
	orders?: IDataObject[];
	total?: number | null;
}

async function readPage(
	context: ApiContext,
	options: CatchUpOptions,
	walk: Walk,
	now: number,
): Promise<IDataObject[]> {
	const qs: IDataObject = {
		order_key: 'created_at',
		order_direction: 'asc',
		page: walk.page,
		size: JUNCTION_PAGE_SIZE,
	};
	if (options.findBy === 'recentOrders')
		qs.start_date = iso(now - (options.recentDays ?? DEFAULT_RECENT_DAYS) * DAY_MS);
	else qs.updated_start_date = iso(walk.since);
	const { body } = await callApi<OrdersPage>(context, junction, {
		method: 'GET',
		path: '/v3/orders',
		qs,
	});
	return Array.isArray(body?.orders) ? body.orders : [];
}

async function walkOrders(
	context: ApiContext,
	request: RoundRequest,
	walk: Walk,
): Promise<RoundResult> {
	const changes: Change[] = [];
	for (;;) {
		const orders = await readPage(context, request.options, walk, request.now);
		for (const order of orders) changes.push(...orderChanges(order, walk.since));
		walk = { ...walk, page: walk.page + 1 };
		if (orders.length < JUNCTION_PAGE_SIZE) {
			return { changes, state: { ...request.state, watermark: iso(walk.startedAt) } };
		}
		if (Date.now() >= request.deadline || changes.length >= request.maxChanges) {
			return { changes, state: request.state, walk };
		}
	}
}

function overlapMs(options: CatchUpOptions): number {
	return (options.overlapMinutes ?? DEFAULT_OVERLAP_MINUTES) * MINUTE_MS;
}

export const junctionCatchUp: CatchUpSource<typeof junctionEventSchemas, JunctionFields> = {
	eventSource: junctionEventSource,
	events: {
		[ORDER_EVENTS[0]]: junctionEventOptions[ORDER_EVENTS[0]],
		[ORDER_EVENTS[1]]: junctionEventOptions[ORDER_EVENTS[1]],
	},
	reads: "of a Junction order's status (GET /v3/orders)",

	async baseline(context, request, startFrom) {
		// One small read, so that a credential Junction refuses shows at once, not at the first change.
		await callApi(context, junction, {
			method: 'GET',
			path: '/v3/orders',
			qs: { updated_start_date: iso(request.now), size: 1 },
		});
		// Ahead by the overlap, so that the first round reads from the baseline (or Start From) exactly.
		const from = (startFrom ?? request.now) + overlapMs(request.options);
		return { changes: [], state: { watermark: iso(from) } };
	},

	async round(context, request) {
		const watermark = Date.parse(request.state.watermark ?? '') || request.now;
		const walk = (request.walk as Walk | undefined) ?? {
			since: watermark - overlapMs(request.options),
			page: 1,
			startedAt: request.now,
		};
		return await walkOrders(context, request, walk);
	},

	async latest(context, options) {
		const { body } = await callApi<OrdersPage>(context, junction, {
			method: 'GET',
			path: '/v3/orders',
			qs: {
				...(options.findBy === 'recentOrders'
					? { start_date: iso(Date.now() - (options.recentDays ?? DEFAULT_RECENT_DAYS) * DAY_MS) }
					: { updated_start_date: iso(Date.now() - DEFAULT_RECENT_DAYS * DAY_MS) }),
				order_key: 'created_at',
				order_direction: 'desc',
				size: JUNCTION_PAGE_SIZE,
			},
		});
		const latest = (body?.orders ?? [])
			.flatMap((order) => orderChanges(order, 0).slice(-1))
			.map((change) => ({
				change,
				at: Date.parse(
					String(((change.payload.data as IDataObject).last_event as JunctionEvent).created_at),
				),
			}))
			.sort((a, b) => b.at - a.at)[0];
		return latest?.change;
	},
};
