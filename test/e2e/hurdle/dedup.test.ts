import { accepted, duplicate, expectExecutions } from '../expectations';
import { hurdleTriggers } from '../fixtures/hurdle';
import { sendHurdle, signed } from './deliveries';

describe('Hurdle Trigger in n8n', () => {
	test('the same delivery sent twice starts one execution; a different event about the same order starts its own', async () => {
		const workflow = hurdleTriggers.duplicate;
		expect(await sendHurdle(workflow, 'order.dispatched')).toEqual(accepted);
		expect(await sendHurdle(workflow, 'order.dispatched')).toMatchObject(duplicate);
		await expectExecutions(workflow, 1);

		expect(await sendHurdle(workflow, 'order.out_for_delivery')).toEqual(accepted);
		await expectExecutions(workflow, 2);
	});

	test('a redelivery by GET in lower case of an event first sent by POST is a duplicate', async () => {
		const workflow = hurdleTriggers.duplicateAcrossMethods;
		expect(await sendHurdle(workflow, 'order.received')).toEqual(accepted);
		expect(
			await sendHurdle(workflow, 'order.received', { ...signed, method: 'GET', casing: 'lower' }),
		).toMatchObject(duplicate);
		await expectExecutions(workflow, 1);
	});
});
