import type { CronExpression, ITriggerFunctions } from 'n8n-workflow';

import type { CatchUpSettings } from './settings';

/**
 * Runs `work` with the workflow's expression isolate held. n8n 2.41 resolves the credential's
 * authentication (its `={{$credentials…}}` headers) and expression parameters with the workflow's
 * expression engine, which holds an isolate only while n8n itself runs something of the workflow: it
 * takes one for activation, for each poll and for a trigger's close, but not for a trigger's own timer.
 * A round is such a timer, so it takes one as n8n does for polls: only while it reads, never while it
 * waits for executions. (The engine is the context's workflow, which n8n does not type for nodes.)
 */
export async function inWorkflowIsolate<T>(
	context: ITriggerFunctions,
	work: () => Promise<T>,
): Promise<T> {
	const expression = (
		context as unknown as {
			workflow?: { expression?: { withIsolate?(fn: () => Promise<T>): Promise<T> } };
		}
	).workflow?.expression;
	return typeof expression?.withIsolate === 'function'
		? await expression.withIsolate(work)
		: await work();
}

export function cronOf(settings: CatchUpSettings): CronExpression {
	const every = settings.interval;
	if (settings.unit === 'seconds') return `*/${every} * * * * *` as CronExpression;
	if (settings.unit === 'hours') return `0 0 */${every} * * *` as CronExpression;
	return `0 */${every} * * * *` as CronExpression;
}
