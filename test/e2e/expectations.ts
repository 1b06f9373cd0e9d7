import type { IDataObject } from 'n8n-workflow';

import { ACTION_NODE, type E2eWorkflow } from '../../dev/n8n/workflows';
import { e2e } from './environment';
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
