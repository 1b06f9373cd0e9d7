import { e2e } from '../environment';
import { accepted, expectExecutions, expectUnauthorized, rejected } from '../expectations';
import { HURDLE_WEBHOOK_SECRET, hurdleTriggers } from '../fixtures/hurdle';
import { sendHurdle, signed } from './deliveries';

const { n8n } = e2e();

describe('Hurdle Trigger in n8n', () => {
	describe('authentication', () => {
		test('a delivery without the secret is refused with 401, by POST and by GET, and starts nothing', async () => {
			const workflow = hurdleTriggers.missingSecret;
			expect(await sendHurdle(workflow, 'order.created', {})).toEqual(rejected(401));
			expect(await sendHurdle(workflow, 'order.created', { method: 'GET' })).toEqual(rejected(401));
			await expectExecutions(workflow, 0);
		});

		test('a delivery with the wrong secret is refused with 401, without echoing the secret', async () => {
			const workflow = hurdleTriggers.wrongSecret;
			const response = await sendHurdle(workflow, 'order.created', {
				...signed,
				secret: 'not-the-secret',
			});
			await expectUnauthorized(response, workflow, HURDLE_WEBHOOK_SECRET);
		});

		test('the secret in a header other than the credential names is refused with 401', async () => {
			const workflow = hurdleTriggers.secretInOtherHeader;
			const response = await sendHurdle(workflow, 'order.created', {
				...signed,
				headerName: 'X-Webhook-Secret',
			});
			await expectUnauthorized(response, workflow);
		});

		test('the secret as ?token= on a GET is accepted and kept out of the execution', async () => {
			const workflow = hurdleTriggers.secretInQuery;
			expect(
				await sendHurdle(workflow, 'order.created', {
					...signed,
					method: 'GET',
					secretInQuery: true,
				}),
			).toEqual(accepted);
			const executions = await n8n.waitForExecutions(workflow.id, 1);
			expect(executions).toHaveLength(1);
			expect(JSON.stringify(executions[0].record)).not.toContain(HURDLE_WEBHOOK_SECRET);
		});
	});
});
