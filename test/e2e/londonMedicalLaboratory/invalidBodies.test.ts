import { lmlSample } from '../../../dev/fakes/londonMedicalLaboratory/samples';
import { deliver } from '../../../dev/fakes/sender';
import { e2e } from '../environment';
import { accepted } from '../expectations';
import { LML_WEBHOOK_HEADER, LML_WEBHOOK_SECRET, lmlTriggers } from '../fixtures/lml';
import { sendLml } from './deliveries';

const { n8n } = e2e();

describe('LML Trigger in n8n', () => {
	describe('unusable bodies get their designed answer, start nothing, and leave n8n working', () => {
		const oversized = JSON.stringify({
			...lmlSample('lab_results.complete'),
			padding: 'x'.repeat(2 * 1024 * 1024),
		});
		const cases = [
			// n8n parses application/json itself and answers before our node runs.
			{
				name: 'malformed JSON sent as application/json',
				workflow: lmlTriggers.malformedJson,
				contentType: 'application/json',
				body: '{"event": "lab_results.complete",',
				status: 422,
				answer: { message: 'Failed to parse request body' },
			},
			{
				name: 'malformed JSON sent as text/plain',
				workflow: lmlTriggers.malformedText,
				contentType: 'text/plain',
				body: '{"event": "lab_results.complete",',
				status: 422,
				answer: { status: 'rejected' },
			},
			{
				name: 'an empty body',
				workflow: lmlTriggers.emptyBody,
				contentType: 'application/json',
				body: '',
				status: 400,
				answer: { status: 'rejected' },
			},
			{
				name: 'JSON that is not an object',
				workflow: lmlTriggers.nonObjectJson,
				contentType: 'application/json',
				body: '["lab_results.complete"]',
				status: 422,
				answer: { status: 'rejected' },
			},
			{
				name: 'an object naming no event',
				workflow: lmlTriggers.noEventName,
				contentType: 'application/json',
				body: '{"data": {}}',
				status: 422,
				answer: { status: 'rejected' },
			},
			{
				name: 'a 2 MiB body',
				workflow: lmlTriggers.oversizedBody,
				contentType: 'application/json',
				body: oversized,
				status: 413,
				answer: { status: 'rejected' },
			},
		];

		test.each(cases)('$name → $status', async ({ workflow, contentType, body, status, answer }) => {
			const response = await deliver(n8n.webhookUrl(workflow), {
				method: 'POST',
				headers: { 'content-type': contentType, [LML_WEBHOOK_HEADER]: LML_WEBHOOK_SECRET },
				query: {},
				body,
			});
			expect(response.status).toBe(status);
			expect(response.body).toMatchObject(answer);
			expect(await n8n.waitForExecutions(workflow.id, 0)).toHaveLength(0);

			expect(await n8n.healthy()).toBe(true);
			expect(await sendLml(workflow, 'lab_results.complete')).toEqual(accepted);
			expect(await n8n.waitForExecutions(workflow.id, 1)).toHaveLength(1);
		});
	});
});
