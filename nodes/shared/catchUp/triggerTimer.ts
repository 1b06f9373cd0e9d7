import { sleep, type CronExpression, type ITriggerFunctions } from 'n8n-workflow';

import type { CatchUpSettings } from './settings';

interface IsolateHolder {
	/** True when this call took the isolate; false when someone else of the workflow holds it. */
	acquireIsolate(): Promise<boolean>;
	releaseIsolate(): Promise<void>;
}

const WAIT_FOR_ISOLATE_MS = 250;
const GIVE_UP_WAITING_MS = 120_000;

/**
 * Runs `work` holding the workflow's expression isolate. n8n 2.41 resolves the credential's
 * authentication (its `={{$credentials…}}` headers) and expression parameters with the workflow's
 * expression engine, which has an isolate only while someone holds it: n8n does during activation,
 * each poll and a trigger's close, not for a trigger's own timer. A round is such a timer, so it takes
 * the isolate itself, only while it reads (never while it waits for executions). While n8n holds it
 * (the round that starts at activation), the round waits until n8n lets go, so that n8n's release
 * cannot pull it away mid-round. (The engine is the context's workflow, which n8n does not type for
 * nodes; without it, `work` just runs.)
 */
export async function inWorkflowIsolate<T>(
	context: ITriggerFunctions,
	work: () => Promise<T>,
): Promise<T> {
	const holder = (context as unknown as { workflow?: { expression?: Partial<IsolateHolder> } })
		.workflow?.expression;
	if (typeof holder?.acquireIsolate !== 'function' || typeof holder.releaseIsolate !== 'function')
		return await work();
	const giveUpAt = Date.now() + GIVE_UP_WAITING_MS;
	while (!(await holder.acquireIsolate())) {
		if (Date.now() > giveUpAt) return await work();
		await sleep(WAIT_FOR_ISOLATE_MS);
	}
	try {
		return await work();
	} finally {
		await holder.releaseIsolate();
	}
}

/** The cron of Check Every: seconds (10–59), minutes or hours. */
export function cronOf(settings: CatchUpSettings): CronExpression {
	const every = settings.interval;
	if (settings.unit === 'seconds') return `*/${every} * * * * *` as CronExpression;
	if (settings.unit === 'hours') return `0 0 */${every} * * *` as CronExpression;
	return `0 */${every} * * * *` as CronExpression;
}
