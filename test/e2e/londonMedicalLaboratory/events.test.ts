import type { IDataObject } from 'n8n-workflow';

import type { LmlEventName } from '../../../nodes/LondonMedicalLaboratory/events';
import { TRIGGER_NODE } from '../../../dev/n8n/workflows';
import { e2e } from '../environment';
import {
	accepted,
	expectExecutions,
	expectOneWarning,
	ignored,
	onlyTriggerItem,
	pick,
} from '../expectations';
import { lmlEvents, lmlTriggers } from '../fixtures/lml';
import { ids, samplePayload, sendBody, sendLml } from './deliveries';

const { n8n } = e2e();

/** What each event's item must carry besides the common fields; `url` is added from the payload where it has one. */
const TYPED_KEYS = [
	'testRegistrationId',
	'retestTestRegistrationId',
	'labId',
	'orderId',
	'sampleReceivedAt',
	'url',
];
const typedFields: Record<LmlEventName, IDataObject> = {
	'test_registration.complete': { testRegistrationId: ids.testRegistrationId },
	'lab_results.complete': { testRegistrationId: ids.testRegistrationId },
	'test_registration.lml_lab_id_created': {
		testRegistrationId: ids.testRegistrationId,
		labId: ids.labId,
	},
	// The sample says 2023-06-01T14:52:32+01:00.
	'test_registration.sample_received': {
		testRegistrationId: ids.testRegistrationId,
		sampleReceivedAt: '2023-06-01T13:52:32.000Z',
	},
	'test_registration.retest': {
		testRegistrationId: ids.testRegistrationId,
		retestTestRegistrationId: ids.retestTestRegistrationId,
	},
	'order.shipped': { orderId: ids.orderId },
	'order.delivered': { orderId: ids.orderId },
};

describe('LML Trigger in n8n', () => {
	describe('each event type starts exactly one execution carrying its typed fields', () => {
		test.each(lmlEvents)('%s', async (event) => {
			const workflow = lmlTriggers.byEvent[event];
			expect(await sendLml(workflow, event)).toEqual(accepted);

			const item = await onlyTriggerItem(workflow);
			const payload = samplePayload(event);
			const url = (payload.data as IDataObject).url;
			expect(item).toMatchObject({
				provider: 'londonMedicalLaboratory',
				event,
				validation: { valid: true, issues: [] },
			});
			expect(pick(item, TYPED_KEYS)).toEqual({ ...typedFields[event], ...(url ? { url } : {}) });
			expect(item.payload).toEqual(payload);
			expect(Number.isNaN(Date.parse(String(item.receivedAt)))).toBe(false);
		});
	});

	test('an event outside the Events filter is answered 200 "ignored" and starts nothing', async () => {
		const workflow = lmlTriggers.onlyOrderShipped;
		expect(await sendLml(workflow, 'lab_results.complete')).toMatchObject(ignored);
		await expectExecutions(workflow, 0);

		expect(await sendLml(workflow, 'order.shipped')).toEqual(accepted);
		const executions = await n8n.waitForExecutions(workflow.id, 1);
		expect(executions.map((execution) => execution.json(TRIGGER_NODE)[0]?.event)).toEqual([
			'order.shipped',
		]);
	});

	describe('event types it does not know', () => {
		const unknown = {
			event: 'test_registration.cancelled',
			data: { testregistration_id: ids.testRegistrationId },
		};

		test('under All Events, one starts one execution as "other", with its name and payload', async () => {
			const workflow = lmlTriggers.unknownEvent;
			expect(await sendBody(workflow, unknown)).toEqual(accepted);
			expect(await onlyTriggerItem(workflow)).toMatchObject({
				event: 'other',
				eventName: 'test_registration.cancelled',
				payload: unknown,
			});
		});

		test('outside a narrower selection, one starts nothing and leaves one warning naming it in the log, without its values', async () => {
			const workflow = lmlTriggers.unknownEventNotSelected;
			const unique = { ...unknown, event: 'test_registration.something_new_for_e2e' };
			expect(await sendBody(workflow, unique)).toMatchObject(ignored);
			await expectExecutions(workflow, 0);
			expectOneWarning(
				'test_registration.something_new_for_e2e',
				'London Medical Laboratory Trigger ignored an event type',
				[ids.testRegistrationId],
			);
		});
	});
});
