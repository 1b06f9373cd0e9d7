import type { IHookFunctions, IWebhookFunctions } from 'n8n-workflow';

/**
 * How long after asking Junction to resend events (resendMissed.ts) a copy of an order event the
 * trigger already ran is answered as a duplicate: Svix delivers them within minutes, and retries a
 * failed one for about a day. Kept in this process at once (the copies may arrive before publishing
 * ends), and in the trigger's static data, which publishing saves and every webhook call loads (the
 * webhook processes in queue mode: a copy that reaches one before that save is run as a new message).
 */
const COPIES_WINDOW_MS = 28 * 3_600_000;
const KEY = 'resendCopiesUntil';
const expectedHere = new Map<string, number>();

function keyOf(context: IHookFunctions | IWebhookFunctions): string {
	const node = context.getNode();
	return `${context.getWorkflow().id ?? ''}\u0000${node.id ?? node.name}`;
}

export function expectResendCopies(context: IHookFunctions, now = Date.now()): void {
	const until = now + COPIES_WINDOW_MS;
	expectedHere.set(keyOf(context), until);
	context.getWorkflowStaticData('node')[KEY] = new Date(until).toISOString();
}

export function resendCopiesExpected(context: IWebhookFunctions): boolean {
	const here = expectedHere.get(keyOf(context));
	if (here !== undefined && here > Date.now()) return true;
	const stored = context.getWorkflowStaticData('node')[KEY];
	return typeof stored === 'string' && Date.parse(stored) > Date.now();
}

/** For tests: forget the resends this process asked for. */
export function forgetResendCopies(): void {
	expectedHere.clear();
}
