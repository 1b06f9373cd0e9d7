import type { IDataObject } from 'n8n-workflow';

import { deliver } from '../../dev/fakes/sender';
import { ACTION_NODE, TRIGGER_NODE, type E2eWorkflow } from '../../dev/n8n/workflows';
import { e2e, n8nLogLines } from './environment';
import { requestsDuring } from './fakeRequests';

/**
 * What the e2e tests of every provider expect alike: the trigger's answers as the provider sees them,
 * and an action workflow's run with the API requests it made.
 */
export const accepted = {
	status: 200,
	body: { status: 'accepted', message: expect.any(String), deliveryId: expect.any(String) },
};

export const rejected = (status: number) => ({
	status,
	body: { status: 'rejected', message: expect.any(String) },
});

/** Refused as unauthenticated: 401 with the trigger's answer, never echoing `secret`, and no execution. */
export async function expectUnauthorized(
	response: unknown,
	workflow: E2eWorkflow,
	secret?: string,
): Promise<void> {
	expect(response).toEqual(rejected(401));
	if (secret) expect(JSON.stringify(response)).not.toContain(secret);
	await expectExecutions(workflow, 0);
}

/** A redelivery's answer (for toMatchObject). */
export const duplicate = { status: 200, body: { status: 'duplicate' } };

/** An event the trigger drops on purpose (for toMatchObject). */
export const ignored = { status: 200, body: { status: 'ignored' } };

/** The one item of the workflow's one execution, after checking that the execution succeeded. */
export async function onlyTriggerItem(workflow: E2eWorkflow): Promise<IDataObject> {
	const [execution] = await expectExecutions(workflow, 1);
	expect(execution.status).toBe('success');
	const items = execution.json(TRIGGER_NODE);
	expect(items).toHaveLength(1);
	return items[0];
}

/** Waits (bounded) for the workflow's executions and checks that there are exactly `count`. */
export async function expectExecutions(workflow: E2eWorkflow, count: number) {
	const executions = await e2e().n8n.waitForExecutions(workflow.id, count);
	expect(executions).toHaveLength(count);
	return executions;
}

/** The keys of `item` among `keys`, with their values. */
export function pick(item: IDataObject, keys: string[]): IDataObject {
	return Object.fromEntries(keys.filter((key) => key in item).map((key) => [key, item[key]]));
}

/** Runs action workflows whose node calls the fake API at `fakeUrl` (a key of the e2e fakes). */
export function actionRuns(fake: 'londonMedicalLaboratory' | 'hurdle' | 'junction') {
	/** Runs the action workflow once; returns the HTTP answer, the execution and the API requests it made. */
	async function runAction(workflow: E2eWorkflow) {
		const { n8n, fakes } = e2e();
		const { result: run, requests } = await requestsDuring(
			fakes[fake],
			async () => await n8n.runWebhookWorkflow(workflow),
		);
		expect(run.execution).toBeDefined();
		return { run, execution: run.execution!, requests };
	}

	/** As runAction, for a run that must succeed: its items and the requests. */
	async function successfulItems(workflow: E2eWorkflow) {
		const { run, execution, requests } = await runAction(workflow);
		expect({ status: execution.status, error: execution.error?.message }).toEqual({
			status: 'success',
			error: undefined,
		});
		expect(run.status).toBe(200);
		return {
			items: execution.items(ACTION_NODE),
			json: execution.json(ACTION_NODE),
			requests,
			run,
		};
	}

	return { runAction, successfulItems };
}

/** A delivery no trigger can use, and the answer it must get. */
export interface UnusableDelivery {
	name: string;
	workflow: E2eWorkflow;
	body: string;
	status: number;
	method: 'GET' | 'POST';
	contentType: string;
	/** Part of the answer's body: the trigger's own refusal unless n8n answers first. */
	answer: IDataObject;
}

/** A POST of JSON that the trigger refuses itself, unless `options` say otherwise. */
export function unusable(
	name: string,
	workflow: E2eWorkflow,
	body: string,
	status: number,
	options: Partial<Pick<UnusableDelivery, 'method' | 'contentType' | 'answer'>> = {},
): UnusableDelivery {
	return {
		name,
		workflow,
		body,
		status,
		method: 'POST',
		contentType: 'application/json',
		answer: { status: 'rejected' },
		...options,
	};
}

/**
 * Sends an unusable delivery with the trigger's shared secret in `secretHeader`: it gets its designed
 * answer and starts nothing; n8n stays healthy, and a genuine delivery (`sendGenuine`) to the same
 * workflow still runs once.
 */
export async function expectRefusedAndStillWorking(
	delivery: UnusableDelivery,
	secretHeader: Record<string, string>,
	sendGenuine: () => Promise<unknown>,
): Promise<void> {
	const { n8n } = e2e();
	const response = await deliver(n8n.webhookUrl(delivery.workflow), {
		method: delivery.method,
		headers: { 'content-type': delivery.contentType, ...secretHeader },
		query: {},
		body: delivery.body,
	});
	expect(response.status).toBe(delivery.status);
	expect(response.body).toMatchObject(delivery.answer);
	await expectExecutions(delivery.workflow, 0);

	expect(await n8n.healthy()).toBe(true);
	expect(await sendGenuine()).toEqual(accepted);
	await expectExecutions(delivery.workflow, 1);
}

/** The unusable bodies every trigger gets alike, each sent to its own workflow of that name. */
export function unusableBodies(
	workflows: Record<'malformedJson' | 'malformedText' | 'emptyBody' | 'nonObjectJson', E2eWorkflow>,
	{ malformed, notAnObject }: { malformed: string; notAnObject: string },
): UnusableDelivery[] {
	return [
		// n8n parses application/json itself and answers before our node runs.
		unusable('malformed JSON sent as application/json', workflows.malformedJson, malformed, 422, {
			answer: { message: 'Failed to parse request body' },
		}),
		unusable('malformed JSON sent as text/plain', workflows.malformedText, malformed, 422, {
			contentType: 'text/plain',
		}),
		unusable('an empty body', workflows.emptyBody, '', 400),
		unusable('JSON that is not an object', workflows.nonObjectJson, notAnObject, 422),
	];
}

/** Exactly one line of n8n's log names `name`: it says `says`, and holds none of `withoutValues`. */
export function expectOneWarning(name: string, says: string, withoutValues: string[]): void {
	const lines = n8nLogLines(name);
	expect(lines).toHaveLength(1);
	expect(lines[0]).toContain(says);
	for (const value of withoutValues) expect(lines[0]).not.toContain(value);
}
