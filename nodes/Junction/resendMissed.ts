import type { IHookFunctions, INodeProperties } from 'n8n-workflow';

import { EXPIRY_UNIT_SECONDS, isLedger, latestExpiry } from '../shared/trigger/ledger';
import { STORED_LEDGERS_KEY, storedLedgersIn } from '../shared/trigger/storedLedgers';
import { lastDeliveryIn } from '../shared/webhook/lastDelivery';
import { expectResendCopies } from './resendCopies';
import { RESEND_MAX_WINDOW_DAYS, resendOrderEvents } from './transport';
import { JUNCTION_DUPLICATE_WINDOW_HOURS, type JunctionTriggerOptions } from './webhook';

/**
 * Junction Trigger › Options › Resend Missed Events: each time the workflow is published (n8n 2.41.1
 * calls the webhook's checkExists then, not when it restarts with the webhook still registered), the
 * trigger asks Junction (`POST /v3/order/resend_events` with `start_at`) to send again the latest
 * event of every order that changed since the last delivery it ran. The copies are new Svix messages;
 * the trigger recognises those of events it already ran by their change id (Junction's event id) and
 * answers them as duplicates. The request is Order › Resend Events' (transport.ts).
 */
/** Reach back before the last delivery, for events Junction stamped a little earlier than it sent them. */
const RESEND_OVERLAP_MS = 5 * 60_000;
const DAY_MS = 86_400_000;

export const resendMissedOption: INodeProperties = {
	displayName: 'Resend Missed Events',
	name: 'resendMissedEvents',
	type: 'boolean',
	default: false,
	description: `Whether to ask Junction, each time the workflow is published, to send again the latest event of every order that changed since the last delivery this trigger ran (at most ${RESEND_MAX_WINDOW_DAYS} days back). Events already run are answered as duplicates.`,
};

interface ResendOptions extends JunctionTriggerOptions {
	resendMissedEvents?: boolean;
}

/**
 * When the trigger last ran a delivery: its ledger's marker (lastDelivery.ts); for a ledger written
 * before the marker existed, its latest record's expiry minus the Duplicate Window.
 */
export function lastDeliveryAt(ledger: unknown, windowSeconds: number): number | undefined {
	const marked = lastDeliveryIn(ledger);
	if (marked !== undefined) return marked;
	const latest = isLedger(ledger) ? latestExpiry(ledger) : undefined;
	if (latest === undefined) return undefined;
	return (latest - windowSeconds - EXPIRY_UNIT_SECONDS) * 1000;
}

/** Asks Junction to resend what the trigger missed while inactive; a failure is logged, not thrown. */
export async function resendMissedEvents(context: IHookFunctions): Promise<void> {
	if (context.getMode() === 'manual') return;
	const options = context.getNodeParameter('options', {}) as ResendOptions;
	if (!options.resendMissedEvents) return;
	const node = context.getNode();
	const ledgers = storedLedgersIn(context.getWorkflowStaticData('global')[STORED_LEDGERS_KEY]);
	const windowSeconds = (options.duplicateWindowHours ?? JUNCTION_DUPLICATE_WINDOW_HOURS) * 3600;
	const last = lastDeliveryAt(ledgers[node.id ?? node.name], windowSeconds);
	// Nothing ran yet: nothing can have been missed since.
	if (last === undefined) return;
	const now = Date.now();
	const startAt = Math.max(
		last - RESEND_OVERLAP_MS,
		now - RESEND_MAX_WINDOW_DAYS * DAY_MS + 60_000,
	);
	try {
		const orderIds = await resendOrderEvents(context, { startAt: new Date(startAt).toISOString() });
		expectResendCopies(context, now);
		context.logger.info(
			`${node.name}: asked Junction to resend the events of ${orderIds.length} orders since ${new Date(startAt).toISOString()}`,
		);
	} catch (error) {
		context.logger.warn(
			`${node.name}: could not ask Junction to resend missed events: ${(error as Error).message}`,
		);
	}
}
