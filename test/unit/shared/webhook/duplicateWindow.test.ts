import type { IDataObject } from 'n8n-workflow';

import { forgetProcessMemory } from '../../../../nodes/shared/webhook/claims';
import { LML_DUPLICATE_WINDOW_HOURS } from '../../../../nodes/LondonMedicalLaboratory/webhook';
import { testProvider } from '../../../../dev/fakes';
import { triggerHarness } from '../../../support/triggerHarness';

/**
 * How long a trigger remembers a delivery, on a clock the test moves: a redelivery inside the window
 * is a duplicate, one after it runs the workflow again.
 */
const lml = testProvider('londonMedicalLaboratory');
const harness = triggerHarness(lml, {
	secret: lml.signer.secret('duplicate-window-secret'),
	headerName: 'X-Webhook-Secret',
});
const start = Date.UTC(2026, 11, 7, 9, 0, 0);
let now = start;

beforeEach(() => {
	forgetProcessMemory();
	now = start;
	jest.spyOn(Date, 'now').mockImplementation(() => now);
});

afterEach(() => jest.restoreAllMocks());

async function deliverAt(
	secondsAfterStart: number,
	staticData: IDataObject,
	options: IDataObject = {},
) {
	now = start + secondsAfterStart * 1000;
	const call = await harness.send(harness.sample(lml.counted.event), {
		staticData,
		parameters: { options },
	});
	return {
		status: call.response.status,
		answer: call.response.body?.status,
		runs: call.items.length,
	};
}

const accepted = { status: 200, answer: 'accepted', runs: 1 };
const duplicate = { status: 200, answer: 'duplicate', runs: 0 };

it(`remembers a delivery for the provider's window (${LML_DUPLICATE_WINDOW_HOURS} h for LML) by default`, async () => {
	const window = LML_DUPLICATE_WINDOW_HOURS * 3600;
	const store: IDataObject = {};
	expect(await deliverAt(0, store)).toEqual(accepted);
	expect(await deliverAt(window - 60, store)).toEqual(duplicate);
	expect(await deliverAt(window + 1, store)).toEqual(accepted);
});

it('remembers it for the Duplicate Window set in the options, fractions of an hour included', async () => {
	const options = { duplicateWindowHours: 0.5 };
	const store: IDataObject = {};
	expect(await deliverAt(0, store, options)).toEqual(accepted);
	expect(await deliverAt(1799, store, options)).toEqual(duplicate);
	expect(await deliverAt(1801, store, options)).toEqual(accepted);
});

it('a restarted process (no memory, only the stored ledger) keeps the same window', async () => {
	const options = { duplicateWindowHours: 2 };
	const store: IDataObject = {};
	expect(await deliverAt(0, store, options)).toEqual(accepted);
	forgetProcessMemory();
	expect(await deliverAt(7199, store, options)).toEqual(duplicate);
	forgetProcessMemory();
	expect(await deliverAt(7201, store, options)).toEqual(accepted);
});

it('runs every copy when Deduplicate is off', async () => {
	const store: IDataObject = {};
	expect(await deliverAt(0, store, { deduplicate: false })).toEqual(accepted);
	expect(await deliverAt(1, store, { deduplicate: false })).toEqual(accepted);
	expect(await deliverAt(2, store)).toEqual(accepted);
	expect(await deliverAt(3, store)).toEqual(duplicate);
});
