import { e2e } from '../environment';
import { accepted, rejected } from '../expectations';
import { LML_WEBHOOK_SECRET, lmlTriggers } from '../fixtures/lml';
import { sendLml, signed } from './deliveries';

const { n8n } = e2e();

describe('LML Trigger in n8n', () => {
	describe('authentication', () => {
		test('a delivery without the secret is refused with 401 and starts nothing', async () => {
			const workflow = lmlTriggers.missingSecret;
			expect(await sendLml(workflow, 'lab_results.complete', {})).toEqual(rejected(401));
			expect(await n8n.waitForExecutions(workflow.id, 0)).toHaveLength(0);
		});

		test('a delivery with the wrong secret is refused with 401, without echoing the secret', async () => {
			const workflow = lmlTriggers.wrongSecret;
			const response = await sendLml(workflow, 'lab_results.complete', {
				...signed,
				secret: 'not-the-secret',
			});
			expect(response).toEqual(rejected(401));
			expect(JSON.stringify(response.body)).not.toContain(LML_WEBHOOK_SECRET);
			expect(await n8n.waitForExecutions(workflow.id, 0)).toHaveLength(0);
		});

		test('the secret in a header other than the credential names is refused with 401', async () => {
			const workflow = lmlTriggers.secretInOtherHeader;
			const response = await sendLml(workflow, 'lab_results.complete', {
				...signed,
				headerName: 'X-Webhook-Secret',
			});
			expect(response).toEqual(rejected(401));
			expect(await n8n.waitForExecutions(workflow.id, 0)).toHaveLength(0);
		});

		test('the secret as ?token= in the URL is accepted', async () => {
			const workflow = lmlTriggers.secretInQuery;
			expect(
				await sendLml(workflow, 'lab_results.complete', { ...signed, secretInQuery: true }),
			).toEqual(accepted);
			expect(await n8n.waitForExecutions(workflow.id, 1)).toHaveLength(1);
		});
	});
});
