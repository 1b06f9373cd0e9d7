import { mock } from 'jest-mock-extended';
import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';
import { deepCopy, ObservableObject } from 'n8n-workflow';

import { Claim, forgetProcessMemory } from '../../../../nodes/shared/webhook/claims';
import { installView } from '../../../../nodes/shared/webhook/storedDeliveries';
import { TriggerMemory } from '../../../../nodes/shared/webhook/triggerMemory';
import { deliveryFingerprint } from '../../../../nodes/shared/trigger/ledger';
import { FakeResponse } from '../../../support/fakeResponse';

/** A claim's life, driven directly: how n8n's answer settles it when nothing else does. */
const t0 = Math.floor(Date.now() / 1000);
const key = deliveryFingerprint(['claim-lifecycle-test', 'd1']);

function claimWith(response: FakeResponse) {
	const memory = new TriggerMemory({ ttlSeconds: 3600, maxEntries: 100 });
	const claim = new Claim(key, memory, t0, t0 + 3600, response);
	memory.claimStarted(claim);
	return { memory, claim };
}

it.each([200, 204, 299])('counts a delivery as run when the sender got %i', (status) => {
	const response = new FakeResponse();
	const { memory } = claimWith(response);
	response.status(status).json({ status: 'accepted' });
	expect(memory.hasRun(key, t0)).toBe(true);
	expect(memory.claimInFlight(key)).toBeUndefined();
});

it.each([300, 404, 500])('releases the delivery when the sender got %i', (status) => {
	const response = new FakeResponse();
	const { memory } = claimWith(response);
	response.status(status).json({ message: 'no' });
	expect(memory.hasRun(key, t0)).toBe(false);
	expect(memory.claimInFlight(key)).toBeUndefined();
});

it('stays released: a late read of the answer does not mark a released delivery as run', () => {
	const response = new FakeResponse();
	const { memory, claim } = claimWith(response);
	claim.noExecution();
	claim.executionCreated();
	expect(memory.hasRun(key, t0)).toBe(false);
	expect(memory.claimInFlight(key)).toBeUndefined();
});

describe('the view n8n saves', () => {
	beforeEach(() => forgetProcessMemory());

	it("shows n8n's change tracking and copies only the version and the ledgers, and saves through its proxies", () => {
		const global: IDataObject = {};
		const context = mock<IWebhookFunctions>();
		context.getWorkflowStaticData.mockReturnValue(global);
		context.getMode.mockReturnValue('webhook');
		context.getWorkflow.mockReturnValue({ id: 'wf-1' } as never);
		const loaded = { version: 5 as const, ledgers: { other: '' } };
		installView(context, loaded);
		const view = global.labTestingDeliveries as IDataObject;
		expect(Object.keys(view).sort()).toEqual(['ledgers', 'version']);
		const walked: string[] = [];
		for (const key in view) walked.push(key); // as ObservableObject wraps what it finds
		expect(walked.sort()).toEqual(['ledgers', 'version']);
		expect(deepCopy(view)).toEqual({ version: 5, ledgers: { other: '' } });
		// Starting the execution wraps static data in proxies again; the save serialises through them.
		expect(JSON.parse(JSON.stringify(ObservableObject.create(global)))).toEqual({
			labTestingDeliveries: { version: 5, ledgers: { other: '' } },
		});
	});
});
