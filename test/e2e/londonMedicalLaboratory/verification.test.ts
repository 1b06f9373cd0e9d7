import { accepted, expectExecutions, rejected } from '../expectations';
import { LML_WEBHOOK_SECRET, lmlTriggers } from '../fixtures/lml';
import { sendLml, signed } from './deliveries';

describe('LML Trigger in n8n', () => {
	describe('authentication', () => {
		test('a delivery without the secret is refused with 401 and starts nothing', async () => {
			const workflow = lmlTriggers.missingSecret;
			expect(await sendLml(workflow, 'lab_results.complete', {})).toEqual(rejected(401));
			await expectExecutions(workflow, 0);
		});

		test('a delivery with the wrong secret is refused with 401, without echoing the secret', async () => {
			const workflow = lmlTriggers.wrongSecret;
			const response = await sendLml(workflow, 'lab_results.complete', {
				...signed,
				secret: 'not-the-secret',
			});
			expect(response).toEqual(rejected(401));
			expect(JSON.stringify(response.body)).not.toContain(LML_WEBHOOK_SECRET);
			await expectExecutions(workflow, 0);
		});

		test('the secret in a header other than the credential names is refused with 401', async () => {
			const workflow = lmlTriggers.secretInOtherHeader;
			const response = await sendLml(workflow, 'lab_results.complete', {
				...signed,
				headerName: 'X-Webhook-Secret',
			});
			expect(response).toEqual(rejected(401));
			await expectExecutions(workflow, 0);
		});

		test('the secret as ?token= in the URL is accepted', async () => {
			const workflow = lmlTriggers.secretInQuery;
			expect(
				await sendLml(workflow, 'lab_results.complete', { ...signed, secretInQuery: true }),
			).toEqual(accepted);
			await expectExecutions(workflow, 1);
		});
	});
});
