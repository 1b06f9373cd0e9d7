import type { IDataObject } from 'n8n-workflow';

import { JUNCTION_SAMPLE_PATIENT } from '../../../dev/fakes/junction/samples';
import { TRIGGER_NODE } from '../../../dev/n8n/workflows';
import { n8nLogLines } from '../environment';
import { junctionEvents, junctionTriggers } from '../fixtures/junction';
import { deliverTo, executionsOf, ids, send, signedDelivery } from './deliveries';

describe('Junction trigger in n8n', () => {
	it.each(junctionEvents)(
		'%s starts exactly one execution with the typed fields',
		async (event) => {
			const target = junctionTriggers.byEvent[event];
			expect(await send(target, event)).toEqual({
				status: 200,
				body: {
					status: 'accepted',
					message: 'Event received',
					deliveryId: expect.stringMatching(/^msg_/),
				},
			});
			const [execution] = await executionsOf(target, 1);
			expect(execution.status).toBe('success');
			const [item] = execution.json(TRIGGER_NODE);
			expect(item).toMatchObject({ provider: 'junction', event, validation: { valid: true } });
			if (event.startsWith('labtest.match_review'))
				expect(item).toMatchObject({
					unmatchedResultId: ids.unmatchedResultId,
					teamId: ids.teamId,
				});
			else if (event.startsWith('lab_report.parsing_job'))
				expect(item).toMatchObject({ parsingJobId: ids.parsingJobId, userId: ids.userId });
			else expect(item).toMatchObject({ orderId: ids.orderId, userId: ids.userId });
			expect(JSON.stringify(item)).not.toContain(JUNCTION_SAMPLE_PATIENT.last_name);
			if (event === 'labtest.order.updated') {
				expect(item).toMatchObject({
					status: 'completed',
					statusHighLevel: 'completed',
					modality: 'testkit',
					sampleId: ids.sampleId,
					labTestName: 'Female General Wellness',
				});
			}
			if (event.startsWith('labtest.appointment'))
				expect(item).toMatchObject({
					appointmentId: ids.appointmentId,
					modality: 'at_home_phlebotomy',
				});
			if (event === 'labtest.result.critical')
				expect(item).toMatchObject({ resultStatus: 'final', interpretation: 'critical' });
		},
	);

	describe('event types it does not know', () => {
		const body = JSON.stringify({
			event_type: 'labtest.brand_new.event',
			data: { id: 'r1', status: 'whatever' },
		});

		it.each([
			['under All Events', junctionTriggers.unknownEvent],
			['with Other selected', junctionTriggers.unknownEventOtherSelected],
		])(
			'%s, one starts one execution as "other", with its name and payload',
			async (_name, target) => {
				expect((await deliverTo(target, signedDelivery(body))).status).toBe(200);
				const [execution] = await executionsOf(target, 1);
				expect(execution.json(TRIGGER_NODE)[0]).toMatchObject({
					event: 'other',
					eventName: 'labtest.brand_new.event',
					payload: JSON.parse(body) as IDataObject,
				});
			},
		);

		it('outside a narrower selection, one starts nothing and leaves one warning naming it in the log, without its values', async () => {
			const target = junctionTriggers.unknownEventNotSelected;
			const unique = JSON.stringify({
				event_type: 'labtest.something_new_for_e2e',
				data: { id: 'r2', note: 'a-value-that-stays-out' },
			});
			const answer = await deliverTo(target, signedDelivery(unique));
			expect(answer).toMatchObject({ status: 200, body: { status: 'ignored' } });
			await executionsOf(target, 0);
			const lines = n8nLogLines('labtest.something_new_for_e2e');
			expect(lines).toHaveLength(1);
			expect(lines[0]).toContain('Junction Trigger ignored an event type it does not know');
			expect(lines[0]).not.toContain('a-value-that-stays-out');
		});
	});

	it('includes patient details only when asked to', async () => {
		const target = junctionTriggers.patientDetailsIncluded;
		await send(target, 'labtest.order.updated');
		const [execution] = await executionsOf(target, 1);
		expect(execution.json(TRIGGER_NODE)[0].payload).toMatchObject({
			data: { patient_details: JUNCTION_SAMPLE_PATIENT },
		});
	});
});
