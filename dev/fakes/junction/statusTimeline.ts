import { randomUUID } from 'node:crypto';

import type { FakeReply, FakeRequest } from '../fakeServer';
import type { OutgoingWebhook, WebhookOutbox } from '../catchUp/webhookOutbox';
import { jsonDelivery } from '../types';
import type { JunctionFakeData } from './api/data';
import { validationError } from './api/lists';
import { JUNCTION_SAMPLE_IDS, junctionOrder, type Modality } from './samples';
import { svixSigner } from './signer';

/**
 * Junction's side of a downtime story: orders move through statuses over time, each move is a
 * `labtest.order.updated` webhook sent through the outbox (Svix's retry schedule, compressed), and
 * GET /v3/orders answers what a catch-up round asks (updated_start_date / updated_end_date, see
 * `updatedRangeFilter`). `POST /v3/order/resend_events` sends the latest event of each order again, as a
 * new Svix message.
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

	/** POST /v3/order/resend_events: the latest event of each order asked for, as new Svix messages. */
	resend(request: FakeRequest): FakeReply {
		let body: Record<string, unknown>;
		try {
			body = JSON.parse(request.body || '{}') as Record<string, unknown>;
		} catch {
			return validationError(['body'], 'JSON decode error', 'json_invalid', request.body);
		}
		const ids = Array.isArray(body.order_ids) ? body.order_ids.map(String) : undefined;
		const start = typeof body.start_at === 'string' ? Date.parse(body.start_at) : undefined;
		const end = typeof body.end_at === 'string' ? Date.parse(body.end_at) : Date.now();
		if (!ids?.length && start === undefined) {
			return validationError(
				['body'],
				'Either order_ids or start_at is required',
				'value_error',
				body,
			);
		}
		if (start !== undefined && (Number.isNaN(start) || Number.isNaN(end))) {
			return validationError(
				['body', 'start_at'],
				'Input should be a valid datetime',
				'datetime_parsing',
				body,
			);
		}
		if (start !== undefined && end - start > 60 * 86_400_000) {
			return validationError(
				['body'],
				'The time window must not exceed 60 days',
				'value_error',
				body,
			);
		}
		const resent: string[] = [];
		for (const [orderId, payload] of this.latest) {
			const order = payload.data as Record<string, unknown>;
			const at = Date.parse(
				String((order.last_event as { created_at?: string } | undefined)?.created_at),
			);
			const inWindow = start === undefined || (at >= start && at <= end);
			if ((ids === undefined || ids.includes(orderId)) && inWindow) {
				this.outbox.send(this.webhook(`resend ${orderId}`, payload));
				resent.push(orderId);
			}
		}
		return { status: 200, json: { order_ids: resent } };
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
