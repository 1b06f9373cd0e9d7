import { randomUUID } from 'node:crypto';

import type { OutgoingWebhook, WebhookOutbox } from '../catchUp/webhookOutbox';
import { jsonDelivery } from '../types';
import type { JunctionFakeData } from './api/data';
import { JUNCTION_SAMPLE_IDS, junctionOrder, type Modality } from './samples';
import { svixSigner } from './signer';

/**
 * Junction's side of a downtime story: orders move through statuses over time, each move is a
 * `labtest.order.updated` webhook sent through the outbox (Svix's retry schedule, compressed), and
 * GET /v3/orders answers what a catch-up round asks (updated_start_date / updated_end_date, see
 * `updatedRangeFilter`). An order `POST /v3/order/resend_events` names has its latest event sent again,
 * as a new Svix message.
 *
 * Whether Junction moves `updated_at` on a status change is unconfirmed (docs examples suggest it may
 * not): `updatedAtMoves: false` keeps it at the order's creation, so the catch-up can be tested both ways.
 */
export interface JunctionTimelineOptions {
	/** The signing secret the trigger's credential holds (whsec_…). */
	secret: string;
	updatedAtMoves?: boolean;
}

const iso = (time: number) => new Date(time).toISOString().replace('Z', '+00:00');

export class JunctionStatusTimeline {
	private nextEventId = 900_000;
	/** The latest webhook body of each order, for resend_events. */
	private readonly latest = new Map<string, Record<string, unknown>>();

	constructor(
		private readonly data: JunctionFakeData,
		private readonly outbox: WebhookOutbox,
		private readonly options: JunctionTimelineOptions,
	) {}

	/** A new order, `ordered` now, announced with labtest.order.created. */
	createOrder(modality: Modality = 'testkit', orderId: string = randomUUID()): string {
		const now = Date.now();
		const order = junctionOrder({ orderId, modality, status: 'ordered' });
		const event = {
			id: this.nextEventId++,
			created_at: iso(now),
			status: this.fullStatus(modality, 'ordered'),
		};
		Object.assign(order, {
			created_at: iso(now),
			updated_at: iso(now),
			events: [event],
			last_event: event,
			status: 'received',
		});
		this.data.orders.push(order);
		this.announce('labtest.order.created', order);
		return orderId;
	}

	/** The order reaches `status` now (a low-level status), announced with labtest.order.updated. */
	move(orderId: string, status: string): void {
		const order = this.data.orders.find((each) => each.id === orderId);
		if (!order) throw new Error(`The fake Junction has no order ${orderId}`);
		const modality = String((order.details as { type: string }).type) as Modality;
		const now = Date.now();
		const full = this.fullStatus(modality, status);
		const event = { id: this.nextEventId++, created_at: iso(now), status: full };
		order.events = [...((order.events as unknown[]) ?? []), event];
		order.last_event = event;
		order.status = full.split('.')[0];
		if (this.options.updatedAtMoves !== false) order.updated_at = iso(now);
		this.announce('labtest.order.updated', order);
	}

	/**
	 * POST /v3/order/resend_events answered these orders (the fake API checks the request and picks
	 * them: `writes.onResend`): the latest event of each, as a new Svix message.
	 */
	resendOrders(orderIds: string[]): void {
		for (const orderId of orderIds) {
			const payload = this.latest.get(orderId);
			if (payload) this.outbox.send(this.webhook(`resend ${orderId}`, payload));
		}
	}

	private fullStatus(modality: Modality, status: string): string {
		const sample = junctionOrder({ modality, status });
		return String((sample.last_event as { status: string }).status);
	}

	private announce(event: string, order: Record<string, unknown>): void {
		const payload = {
			event_type: event,
			data: structuredClone(order),
			user_id: order.user_id,
			client_user_id: JUNCTION_SAMPLE_IDS.clientUserId,
			team_id: order.team_id,
		};
		this.latest.set(String(order.id), payload);
		const last = order.last_event as { status: string };
		this.outbox.send(this.webhook(`order ${String(order.id)}: ${last.status}`, payload));
	}

	/** One Svix message: the same svix-id on every attempt, signed anew each time. */
	private webhook(label: string, payload: Record<string, unknown>): OutgoingWebhook {
		const messageId = `msg_${randomUUID().replace(/-/g, '')}`;
		const body = jsonDelivery(payload);
		return {
			label,
			build: () => svixSigner.sign(body, { secret: this.options.secret, messageId }),
		};
	}
}
