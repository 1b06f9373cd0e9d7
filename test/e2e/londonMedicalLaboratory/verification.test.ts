import { accepted, expectExecutions, expectUnauthorized } from '../expectations';
import { LML_WEBHOOK_SECRET, lmlTriggers } from '../fixtures/lml';
import { sendLml, signed } from './deliveries';

describe('LML Trigger in n8n', () => {
	describe('authentication', () => {
		test('a delivery without the secret is refused with 401 and starts nothing', async () => {
			const workflow = lmlTriggers.missingSecret;
			await expectUnauthorized(await sendLml(workflow, 'lab_results.complete', {}), workflow);
		});

		test('a delivery with the wrong secret is refused with 401, without echoing the secret', async () => {
			const workflow = lmlTriggers.wrongSecret;
			const response = await sendLml(workflow, 'lab_results.complete', {
				...signed,
				secret: 'not-the-secret',
			});
			await expectUnauthorized(response, workflow, LML_WEBHOOK_SECRET);
		});

		test('the secret in a header other than the credential names is refused with 401', async () => {
			const workflow = lmlTriggers.secretInOtherHeader;
			const response = await sendLml(workflow, 'lab_results.complete', {
				...signed,
				headerName: 'X-Webhook-Secret',
			});
			await expectUnauthorized(response, workflow);
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
