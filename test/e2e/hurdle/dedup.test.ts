import { e2e } from '../environment';
import { accepted } from '../expectations';
import { hurdleTriggers } from '../fixtures/hurdle';
import { sendHurdle, signed } from './deliveries';

const { n8n } = e2e();

describe('Hurdle Trigger in n8n', () => {
	test('the same delivery sent twice starts one execution; a different event about the same order starts its own', async () => {
		const workflow = hurdleTriggers.duplicate;
		expect(await sendHurdle(workflow, 'order.dispatched')).toEqual(accepted);
		expect(await sendHurdle(workflow, 'order.dispatched')).toMatchObject({
			status: 200,
			body: { status: 'duplicate' },
		});
		expect(await n8n.waitForExecutions(workflow.id, 1)).toHaveLength(1);

		expect(await sendHurdle(workflow, 'order.out_for_delivery')).toEqual(accepted);
		expect(await n8n.waitForExecutions(workflow.id, 2)).toHaveLength(2);
	});

	test('a redelivery by GET in lower case of an event first sent by POST is a duplicate', async () => {
		const workflow = hurdleTriggers.duplicateAcrossMethods;
		expect(await sendHurdle(workflow, 'order.received')).toEqual(accepted);
		expect(
			await sendHurdle(workflow, 'order.received', { ...signed, method: 'GET', casing: 'lower' }),
		).toMatchObject({
			status: 200,
			body: { status: 'duplicate' },
		});
		expect(await n8n.waitForExecutions(workflow.id, 1)).toHaveLength(1);
	});
});
