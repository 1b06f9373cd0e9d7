import type { IHookFunctions, IWebhookFunctions } from 'n8n-workflow';

/**
 * How long after asking Junction to resend events (resendMissed.ts) a copy of an order event the
 * trigger already ran is answered as a duplicate: Svix delivers them within minutes, and retries a
 * failed one for about a day. Kept in the trigger's static data, which the activation saves and every
 * webhook call (in any process) loads.
 */
const COPIES_WINDOW_MS = 28 * 3_600_000;
const KEY = 'resendCopiesUntil';

export function expectResendCopies(context: IHookFunctions, now = Date.now()): void {
	context.getWorkflowStaticData('node')[KEY] = new Date(now + COPIES_WINDOW_MS).toISOString();
}

export function resendCopiesExpected(context: IWebhookFunctions): boolean {
	const until = context.getWorkflowStaticData('node')[KEY];
	return typeof until === 'string' && Date.parse(until) > Date.now();
}
