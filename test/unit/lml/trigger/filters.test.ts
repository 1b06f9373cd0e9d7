import { lmlSample } from '../../../../dev/fakes/londonMedicalLaboratory/samples';
import { triggerRig } from '../../../support/triggerHarness';

const secret = 'lml-webhook-secret-for-tests';
const { harness: lml } = triggerRig('londonMedicalLaboratory', { secret });

describe('London Medical Laboratory Trigger: filters and unknown events', () => {
	it('answers 200 without a run for an event not selected', async () => {
		const { result, response } = await lml.send(lml.post(lmlSample('order.shipped')), {
			parameters: { events: ['lab_results.complete'] },
		});
		expect(result.workflowData).toBeUndefined();
		expect(response).toEqual({
			status: 200,
			body: { status: 'ignored', message: 'Event type not selected in the trigger' },
		});
	});

	it('runs for a selected event', async () => {
		const { items } = await lml.send(lml.post(lmlSample('order.shipped')), {
			parameters: { events: ['order.shipped'] },
		});
		expect(items).toHaveLength(1);
	});

	it('emits an unknown event as "other" under All Events, and drops it with a warning when the selection leaves it out', async () => {
		const unknown = { event: 'order.returned', data: { order_id: 'o-1' } };
		const { json, warnings } = await lml.send(lml.post(unknown));
		expect(json).toMatchObject({
			event: 'other',
			eventName: 'order.returned',
			validation: { valid: false },
			payload: unknown,
		});
		expect(warnings).toEqual([]);
		const filtered = await lml.send(lml.post(unknown), {
			parameters: { events: ['order.shipped'] },
		});
		expect(filtered.result.workflowData).toBeUndefined();
		expect(filtered.warnings).toEqual([expect.stringContaining('does not know, "order.returned"')]);
		expect(filtered.warnings[0]).not.toContain('o-1');
	});

	it.each([
		['malformed JSON', '{"event":', 422],
		['an empty body', '', 400],
		['an array', '[1]', 422],
		['no event name', '{"data":{}}', 422],
	])('answers %s with %i and no run', async (_case, body, status) => {
		const { result, response } = await lml.send(lml.post(body));
		expect(result.workflowData).toBeUndefined();
		expect(response).toMatchObject({ status, body: { status: 'rejected' } });
	});
});
