import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { identifier, looseObject, objectAt, optionalText } from './common';
import { text, withoutEmpty } from '../../shared/values';
import { eventFamily } from './family';
import { orderStatus } from './orderStatus';

/** `labtest.order.created` / `.updated`: `data` is a `ClientFacingOrder`. */
const statusEvent = z
	.object({
		id: z.union([z.number(), z.string()]).nullish(),
		created_at: optionalText,
		/** The full `high_level.modality.low_level` form, e.g. `received.testkit.requisition_created`. */
		status: z.string().min(1),
		status_detail: z.unknown().optional(),
	})
	.passthrough();

const shipment = z
	.object({
		outbound_tracking_number: optionalText,
		outbound_tracking_url: optionalText,
		outbound_courier: optionalText,
		inbound_tracking_number: optionalText,
		inbound_tracking_url: optionalText,
		inbound_courier: optionalText,
	})
	.passthrough();

/** The orders of one order transaction: the initial order, and its redraw or recreation if any. */
const transactionOrder = z
	.object({
		id: identifier,
		origin: optionalText,
		parent_id: optionalText,
		low_level_status: optionalText,
		/** The name GET /v3/order_transaction/{id} uses for the same field. */
		last_status: optionalText,
	})
	.passthrough();

const orderTransaction = z
	.object({ id: identifier, status: optionalText, orders: z.array(transactionOrder).nullish() })
	.passthrough();

export const orderSchema = z
	.object({
		id: identifier,
		user_id: optionalText,
		team_id: optionalText,
		last_event: statusEvent.nullish(),
		events: z.array(statusEvent).nullish(),
		/** Deprecated high-level status. */
		status: optionalText,
		sample_id: optionalText,
		interpretation: optionalText,
		has_missing_results: z.boolean().nullish(),
		origin: optionalText,
		order_transaction: orderTransaction.nullish(),
		lab_test: z
			.object({ id: optionalText, name: optionalText, slug: optionalText, method: optionalText })
			.passthrough()
			.nullish(),
		details: z
			.object({
				type: optionalText,
				data: z
					.object({ appointment_id: optionalText, shipment: shipment.nullish() })
					.passthrough()
					.nullish(),
			})
			.passthrough()
			.nullish(),
		patient_details: looseObject,
		patient_address: looseObject,
	})
	.passthrough()
	.superRefine((order, context) => {
		if (!order.last_event && !order.events?.length && !order.status) {
			context.addIssue({
				code: z.ZodIssueCode.custom,
				path: ['last_event'],
				message: 'The order has no status: no last_event, no events and no status',
			});
		}
	});

export type Order = z.infer<typeof orderSchema>;

/** The order transaction an order belongs to, read from any order payload (redraws, recreations). */
export interface TransactionFields extends IDataObject {
	orderTransactionId?: string;
	orderTransactionStatus?: string;
	/** The order this one was drawn again for (redraw) or recreated from. */
	parentOrderId?: string;
	/** The transaction's redraw order, seen from another order of the transaction. */
	redrawOrderId?: string;
	/** How many orders the transaction has; more than one means its results are combined across them. */
	transactionOrderCount?: number;
}

export function transactionFields(order: IDataObject): TransactionFields {
	const transaction = objectAt(order.order_transaction);
	const orders = Array.isArray(transaction.orders) ? transaction.orders.map(objectAt) : [];
	const self = orders.find((entry) => entry.id === order.id);
	const redraw = orders.find((entry) => entry.origin === 'redraw' && entry.id !== order.id);
	return withoutEmpty({
		orderTransactionId: text(transaction.id),
		orderTransactionStatus: text(transaction.status),
		parentOrderId: text(self?.parent_id),
		redrawOrderId: text(redraw?.id),
		transactionOrderCount: orders.length || undefined,
	});
}

export interface OrderFields extends TransactionFields {
	orderId?: string;
	status?: string | null;
	statusFull?: string | null;
	statusHighLevel?: string | null;
	modality?: string | null;
	statusDetail?: string;
	statusAt?: string;
	sampleId?: string | null;
	labTestName?: string | null;
	labTestSlug?: string;
	interpretation?: string | null;
	hasMissingResults?: boolean;
	/** initial | redraw | recreation */
	origin?: string;
	appointmentId?: string;
	outboundTrackingNumber?: string;
	outboundTrackingUrl?: string;
	outboundCourier?: string;
	inboundTrackingNumber?: string;
	inboundTrackingUrl?: string;
	inboundCourier?: string;
}

/** The ids an order event is about, from any payload. */
export function identifyOrder(data: IDataObject): OrderFields {
	return withoutEmpty({ orderId: text(data.id), ...transactionFields(data) });
}

export function describeOrder(order: Order): OrderFields {
	const status = orderStatus(order);
	const tracking = order.details?.data?.shipment;
	return {
		orderId: order.id,
		status: status?.status ?? null,
		statusFull: status?.statusFull ?? null,
		statusHighLevel: status?.statusHighLevel ?? null,
		modality: status?.modality ?? null,
		sampleId: order.sample_id ?? null,
		labTestName: order.lab_test?.name ?? null,
		interpretation: order.interpretation ?? null,
		...withoutEmpty({
			statusDetail: status?.statusDetail ?? undefined,
			statusAt: status?.statusAt ?? undefined,
			labTestSlug: order.lab_test?.slug ?? undefined,
			hasMissingResults: order.has_missing_results ?? undefined,
			origin: order.origin ?? undefined,
			appointmentId: order.details?.data?.appointment_id ?? undefined,
			outboundTrackingNumber: tracking?.outbound_tracking_number ?? undefined,
			outboundTrackingUrl: tracking?.outbound_tracking_url ?? undefined,
			outboundCourier: tracking?.outbound_courier ?? undefined,
			inboundTrackingNumber: tracking?.inbound_tracking_number ?? undefined,
			inboundTrackingUrl: tracking?.inbound_tracking_url ?? undefined,
			inboundCourier: tracking?.inbound_courier ?? undefined,
		}),
		...transactionFields(order as IDataObject),
	};
}

export const orderEvents = eventFamily({
	kind: 'order',
	data: orderSchema,
	identify: identifyOrder,
	describe: describeOrder,
	events: {
		'labtest.order.created': {
			displayName: 'Order Created',
			description: 'An order was placed (status ordered); also sent for redraw orders',
		},
		'labtest.order.updated': {
			displayName: 'Order Updated',
			description:
				'The order changed status: shipped, sample with lab, partial results, completed, redraw available, failed…',
		},
	},
});
