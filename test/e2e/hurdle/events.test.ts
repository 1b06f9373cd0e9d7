import { hurdleSample } from '../../../dev/fakes/hurdle/samples';
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
import { RENAMED_FIELDS, hurdleEvents, hurdleTriggers } from '../fixtures/hurdle';
import {
	atPayloadHost,
	expectedTyped,
	ids,
	patientFieldsIn,
	sendBody,
	sendHurdle,
	signed,
	TYPED_KEYS,
} from './deliveries';

const { n8n } = e2e();

describe('Hurdle Trigger in n8n', () => {
	describe('each event type, sent by POST in upper case, starts exactly one execution with its typed fields', () => {
		test.each(hurdleEvents)('%s', async (event) => {
			const workflow = hurdleTriggers.byEvent[event];
			expect(await sendHurdle(workflow, event)).toEqual(accepted);

			const item = await onlyTriggerItem(workflow);
			expect(item).toMatchObject({
				provider: 'hurdle',
				event,
				eventType: event.toUpperCase(),
				validation: { valid: true, issues: [] },
			});
			expect(pick(item, TYPED_KEYS)).toEqual(expectedTyped(event));
			expect(Number.isNaN(Date.parse(String(item.receivedAt)))).toBe(false);
			expect(patientFieldsIn(item)).toEqual([]);
		});
	});

	test('every event sent by GET in lower case starts one execution each, typed like the POST ones', async () => {
		const workflow = hurdleTriggers.everyEventByGet;
		for (const event of hurdleEvents) {
			expect(
				await sendHurdle(workflow, event, { ...signed, method: 'GET', casing: 'lower' }),
			).toEqual(accepted);
		}
		const executions = await n8n.waitForExecutions(workflow.id, hurdleEvents.length);
		expect(executions).toHaveLength(hurdleEvents.length);
		const items = executions.flatMap((execution) => execution.json(TRIGGER_NODE));
		const byEvent = Object.fromEntries(items.map((item) => [item.event as string, item]));
		expect(Object.keys(byEvent).sort()).toEqual([...hurdleEvents].sort());
		for (const event of hurdleEvents) {
			expect(byEvent[event]).toMatchObject({
				eventType: event,
				validation: { valid: true, issues: [] },
			});
			expect(pick(byEvent[event], TYPED_KEYS)).toEqual(expectedTyped(event, 'lower'));
		}
	});

	test('renamed body properties are mapped back before the event is read', async () => {
		const workflow = hurdleTriggers.renamedFields;
		const { eventType, orderNumber, ...rest } = hurdleSample('order.dispatched', {
			overrides: atPayloadHost(),
		});
		const renamed = {
			...rest,
			[RENAMED_FIELDS.eventType]: eventType,
			[RENAMED_FIELDS.orderNumber]: orderNumber,
		};
		expect(await sendBody(workflow, renamed)).toEqual(accepted);
		expect(
			await sendBody(workflow, { ...renamed, dispatchedAt: '2022-03-09T09:00:00.000Z' }, 'GET'),
		).toEqual(accepted);
		const executions = await n8n.waitForExecutions(workflow.id, 2);
		expect(executions).toHaveLength(2);
		for (const execution of executions) {
			expect(execution.json(TRIGGER_NODE)[0]).toMatchObject({
				event: 'order.dispatched',
				orderNumber: ids.orderNumber,
				validation: { valid: true },
			});
		}
	});

	test('an event outside the Events filter is answered 200 "ignored" and starts nothing', async () => {
		const workflow = hurdleTriggers.onlyOrderDispatched;
		expect(await sendHurdle(workflow, 'order.created')).toMatchObject(ignored);
		await expectExecutions(workflow, 0);

		expect(await sendHurdle(workflow, 'order.dispatched', { ...signed, casing: 'lower' })).toEqual(
			accepted,
		);
		const executions = await n8n.waitForExecutions(workflow.id, 1);
		expect(executions.map((execution) => execution.json(TRIGGER_NODE)[0]?.event)).toEqual([
			'order.dispatched',
		]);
	});

	describe('event types it does not know', () => {
		const payload = {
			eventType: 'PHLEBOTOMY.APPOINTMENT_COMPLETE',
			version: '1',
			orderNumber: ids.orderNumber,
		};

		test('under All Events, one starts one execution as "other", with its name and payload', async () => {
			const workflow = hurdleTriggers.unknownEvent;
			expect(await sendBody(workflow, payload)).toEqual(accepted);
			expect(await onlyTriggerItem(workflow)).toMatchObject({
				event: 'other',
				eventName: 'phlebotomy.appointment_complete',
				payload,
			});
		});

		test('outside a narrower selection, one starts nothing and leaves one warning naming it in the log, without its values', async () => {
			const workflow = hurdleTriggers.unknownEventNotSelected;
			const unique = { ...payload, eventType: 'PHLEBOTOMY.SOMETHING_NEW_FOR_E2E' };
			expect(await sendBody(workflow, unique)).toMatchObject(ignored);
			await expectExecutions(workflow, 0);
			expectOneWarning(
				'phlebotomy.something_new_for_e2e',
				'Hurdle Trigger ignored an event type it does not know',
				[ids.orderNumber],
			);
		});
	});
});
