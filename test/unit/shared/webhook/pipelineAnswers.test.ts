import { forgetProcessMemory } from '../../../../nodes/shared/webhook/claims';
import { testProvider } from '../../../../dev/fakes';
import { triggerHarness } from '../../../support/triggerHarness';

/** What the pipeline answers, and logs, for deliveries that start no run. */
const lml = testProvider('londonMedicalLaboratory');
const harness = triggerHarness(lml, {
	secret: lml.signer.secret('pipeline-answers-secret'),
	headerName: 'X-Webhook-Secret',
});
const event = lml.counted.event;

beforeEach(() => forgetProcessMemory());

it('refuses a wrong secret with 401, and logs the reason code, never the secret', async () => {
	const forged = harness.sample(event, { secret: 'a-guessed-secret' });
	const call = await harness.send(forged);
	expect(call.response).toEqual({
		status: 401,
		body: {
			status: 'rejected',
			message: 'Unauthorized: The webhook secret does not match the one in the credential',
		},
	});
	expect(call.items).toHaveLength(0);
	expect(call.warnings).toEqual([
		'London Medical Laboratory Trigger refused a delivery: wrong_secret',
	]);
});

it('with Authentication None, runs a delivery whose secret is wrong', async () => {
	const unsigned = harness.sample(event, { secret: 'a-guessed-secret' });
	const call = await harness.send(unsigned, { parameters: { authentication: 'none' } });
	expect(call.response.status).toBe(200);
	expect(call.items).toHaveLength(1);
	expect(call.items[0].json).toMatchObject({ event });
});

it('refuses a body that names no event with 422', async () => {
	const call = await harness.send(harness.post({ data: { id: 'x-1' } }));
	expect(call.response).toEqual({
		status: 422,
		body: { status: 'rejected', message: 'The body names no event' },
	});
	expect(call.items).toHaveLength(0);
});

it('ignores a known event left out of the selection quietly, and runs a selected one', async () => {
	const parameters = { events: ['order.shipped'] };
	const left = await harness.send(harness.sample(event), { parameters });
	expect(left.response).toEqual({
		status: 200,
		body: { status: 'ignored', message: 'Event type not selected in the trigger' },
	});
	expect(left.items).toHaveLength(0);
	expect(left.warnings).toEqual([]);
	const chosen = await harness.send(harness.sample(event), { parameters: { events: [event] } });
	expect(chosen.items).toHaveLength(1);
});

it('logs an unknown event type it drops by its name made safe and short, not by its payload', async () => {
	const name = `order.${'x'.repeat(100)} <script>`;
	const call = await harness.send(
		harness.post({ event: name, data: { id: 'x-2', note: 'patient-value' } }),
		{ parameters: { events: [event] } },
	);
	expect(call.response.body).toMatchObject({ status: 'ignored' });
	expect(call.warnings).toHaveLength(1);
	const logged = `order.${'x'.repeat(74)}`;
	expect(call.warnings[0]).toBe(
		`London Medical Laboratory Trigger ignored an event type it does not know, "${logged}": select All Events or Other (Unknown Events) to receive such events`,
	);
	const odd = await harness.send(harness.post({ event: 'a b/c"d', data: {} }), {
		parameters: { events: [event] },
	});
	expect(odd.warnings[0]).toContain('"a?b?c?d"');
});

it('releases a delivery whose call failed before its execution existed: the retry runs it, once', async () => {
	const staticData = {};
	const delivery = harness.sample(event);
	// n8n answers such a call with an error, and the provider retries it.
	await expect(
		harness.send(delivery, { staticData, failingParameter: 'patientData' }),
	).rejects.toThrow('Could not resolve the expression of parameter "patientData"');
	const retry = await harness.send(delivery, { staticData });
	expect(retry.response).toMatchObject({ status: 200, body: { status: 'accepted' } });
	expect(retry.items).toHaveLength(1);
	const copy = await harness.send(delivery, { staticData });
	expect(copy.response).toMatchObject({ status: 200, body: { status: 'duplicate' } });
	expect(copy.items).toHaveLength(0);
});

it('names every issue of a payload it rejects, in the order zod found them', async () => {
	const call = await harness.send(
		harness.post({ event: 'test_registration.sample_received', data: { sample_received_at: 7 } }),
		{ parameters: { options: { onInvalidPayload: 'reject' } } },
	);
	expect(call.response.status).toBe(422);
	expect(call.response.body).toEqual({
		status: 'rejected',
		message:
			'The payload does not match the test_registration.sample_received schema (data.testregistration_id: Required; data.sample_received_at: Expected string, received number)',
	});
	expect(call.items).toHaveLength(0);
});
