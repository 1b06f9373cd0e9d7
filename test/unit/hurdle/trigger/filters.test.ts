import { forgetProcessMemory } from '../../../../nodes/shared/webhook/claims';
import {
	HURDLE_SAMPLE_IDS,
	hurdleDelivery,
	hurdleSample,
} from '../../../../dev/fakes/hurdle/samples';
import { hurdleTriggerRig } from '../triggerRig';

const { hurdle } = hurdleTriggerRig();

describe('event filter', () => {
	it('starts the workflow for a selected event whatever its casing', async () => {
		for (const casing of ['upper', 'lower'] as const) {
			const { items } = await hurdle.send(hurdle.sample('order.dispatched', { casing }), {
				parameters: { events: ['order.dispatched'], options: { deduplicate: false } },
			});
			expect(items).toHaveLength(1);
		}
	});

	it('answers 200 without an execution for an event not selected', async () => {
		const { response, result } = await hurdle.send(hurdle.sample('order.created'), {
			parameters: { events: ['order.dispatched'] },
		});
		expect(response).toEqual({ status: 200, body: expect.objectContaining({ status: 'ignored' }) });
		expect(result.workflowData).toBeUndefined();
	});

	it('emits an unknown event under All Events as "other"; drops it with one warning when the selection leaves it out', async () => {
		const unknown = hurdle.sign(
			hurdleDelivery({
				...hurdleSample('phlebotomy.nurse_assigned'),
				eventType: 'PHLEBOTOMY.APPOINTMENT_COMPLETE',
			}),
		);
		const emitted = await hurdle.send(unknown);
		expect(emitted.json).toMatchObject({
			event: 'other',
			eventName: 'phlebotomy.appointment_complete',
			provider: 'hurdle',
			validation: { valid: false, issues: [] },
		});
		expect(emitted.warnings).toEqual([]);

		forgetProcessMemory();
		const notSelected = await hurdle.send(unknown, {
			parameters: { events: ['phlebotomy.nurse_assigned'] },
		});
		expect(notSelected.response).toEqual({
			status: 200,
			body: expect.objectContaining({ status: 'ignored' }),
		});
		expect(notSelected.result.workflowData).toBeUndefined();
		expect(notSelected.warnings).toHaveLength(1);
		expect(notSelected.warnings[0]).toContain('"phlebotomy.appointment_complete"');
		expect(notSelected.warnings[0]).not.toContain(HURDLE_SAMPLE_IDS.orderNumber);
	});
});
