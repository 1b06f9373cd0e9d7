import type { INodePropertyOptions } from 'n8n-workflow';

import { ownEntry } from '../../shared/values';
import { valueOptions } from './common';
import type { Order } from './orders';

/** `OrderLowLevelStatus`: the values GET /v3/orders filters on (non-exhaustive). */
export const ORDER_STATUSES = [
	'ordered',
	'awaiting_registration',
	'registered',
	'requisition_created',
	'requisition_bypassed',
	'transit_customer',
	'out_for_delivery',
	'with_customer',
	'problem_in_transit_customer',
	'transit_lab',
	'problem_in_transit_lab',
	'delivered_to_lab',
	'appointment_pending',
	'appointment_scheduled',
	'appointment_cancelled',
	'draw_completed',
	'redraw_available',
	'lab_processing_blocked',
	'partial_results',
	'completed',
	'corrected',
	'sample_error',
	'failure_to_deliver_to_customer',
	'failure_to_deliver_to_lab',
	'lost',
	'cancelled',
	'do_not_process',
] as const;

export const MODALITIES = {
	testkit: 'Test Kit',
	walk_in_test: 'Walk-In Test',
	at_home_phlebotomy: 'At-Home Phlebotomy',
	on_site_collection: 'On-Site Collection',
} as const;

export const orderStatusOptions: INodePropertyOptions[] = valueOptions(ORDER_STATUSES);

export const modalityOptions: INodePropertyOptions[] = Object.entries(MODALITIES)
	.map(([value, name]) => ({ name, value }))
	.sort((a, b) => a.name.localeCompare(b.name));

/**
 * Statuses at which the order has results to fetch. At `redraw_available` the initial order's results
 * are final: the missing markers come with the redraw order, in the same order transaction.
 */
export const STATUSES_WITH_RESULTS: readonly string[] = [
	'partial_results',
	'completed',
	'corrected',
	'redraw_available',
];

/** The docs spell it `testkit_registered`, the API spec `registered`: both are the same status. */
const LOW_LEVEL_ALIASES: Record<string, string> = { testkit_registered: 'registered' };

export interface OrderStatus {
	/** The low-level status (`completed`), or null when only the deprecated high-level one is known. */
	status: string | null;
	/** As sent: `completed.testkit.completed`. */
	statusFull: string;
	statusHighLevel: string | null;
	modality: string | null;
	statusDetail: string | null;
	statusAt: string | null;
}

/** Splits `high.modality.low`; a single word from the event list is a low-level status. */
export function splitStatus(
	full: string,
): Pick<OrderStatus, 'status' | 'statusHighLevel' | 'modality'> {
	const parts = full.split('.');
	const lowLevel = (value: string) => ownEntry(LOW_LEVEL_ALIASES, value) ?? value;
	if (parts.length >= 3) {
		return {
			statusHighLevel: parts[0],
			modality: parts.slice(1, -1).join('.'),
			status: lowLevel(parts[parts.length - 1]),
		};
	}
	if (parts.length === 2)
		return { statusHighLevel: parts[0], modality: null, status: lowLevel(parts[1]) };
	return { statusHighLevel: null, modality: null, status: lowLevel(full) };
}

/**
 * The order's current status: `last_event` (added March 2026), else the last of `events`, else the
 * deprecated high-level `status`. Modality falls back to the order's details type, then the test's method.
 */
export function orderStatus(order: Order): OrderStatus | undefined {
	const latest = order.last_event ?? order.events?.[order.events.length - 1];
	const fallbackModality = order.details?.type ?? order.lab_test?.method ?? null;
	if (latest) {
		const parts = splitStatus(latest.status);
		return {
			...parts,
			modality: parts.modality ?? fallbackModality,
			statusFull: latest.status,
			statusDetail: typeof latest.status_detail === 'string' ? latest.status_detail : null,
			statusAt: latest.created_at ?? null,
		};
	}
	if (!order.status) return undefined;
	const parts = order.status.includes('.')
		? splitStatus(order.status)
		: { status: null, statusHighLevel: order.status, modality: null };
	return {
		...parts,
		modality: parts.modality ?? fallbackModality,
		statusFull: order.status,
		statusDetail: null,
		statusAt: null,
	};
}
