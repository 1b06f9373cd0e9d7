import { deliver } from '../../../dev/fakes/sender';
import { e2e } from '../environment';
import { accepted } from '../expectations';
import { HURDLE_WEBHOOK_HEADER, HURDLE_WEBHOOK_SECRET, hurdleTriggers } from '../fixtures/hurdle';
import { ids, sendHurdle } from './deliveries';

const { n8n } = e2e();

describe('Hurdle Trigger in n8n', () => {
	describe('unusable deliveries get their designed answer, start nothing, and leave n8n working', () => {
		const cases = [
			// n8n parses application/json itself and answers before our node runs.
			{
				name: 'malformed JSON sent as application/json',
				workflow: hurdleTriggers.malformedJson,
				method: 'POST',
				contentType: 'application/json',
				body: '{"eventType": "ORDER.CREATED",',
				status: 422,
				answer: { message: 'Failed to parse request body' },
			},
			{
				name: 'malformed JSON sent as text/plain',
				workflow: hurdleTriggers.malformedText,
				method: 'POST',
				contentType: 'text/plain',
				body: '{"eventType": "ORDER.CREATED",',
				status: 422,
				answer: { status: 'rejected' },
			},
			{
				name: 'an empty body',
				workflow: hurdleTriggers.emptyBody,
				method: 'POST',
				contentType: 'application/json',
				body: '',
				status: 400,
				answer: { status: 'rejected' },
			},
			{
				name: 'a GET without parameters',
				workflow: hurdleTriggers.emptyQuery,
				method: 'GET',
				contentType: 'application/json',
				body: '',
				status: 400,
				answer: { status: 'rejected' },
			},
			{
				name: 'JSON that is not an object',
				workflow: hurdleTriggers.nonObjectJson,
				method: 'POST',
				contentType: 'application/json',
				body: '["ORDER.CREATED"]',
				status: 422,
				answer: { status: 'rejected' },
			},
			{
				name: 'an object without eventType',
				workflow: hurdleTriggers.noEventType,
				method: 'POST',
				contentType: 'application/json',
				body: JSON.stringify({ version: '1', orderNumber: ids.orderNumber }),
				status: 422,
				answer: { status: 'rejected' },
			},
		] as const;

		test.each(cases)(
			'$name → $status',
			async ({ workflow, method, contentType, body, status, answer }) => {
				const response = await deliver(n8n.webhookUrl(workflow), {
					method,
					headers: { 'content-type': contentType, [HURDLE_WEBHOOK_HEADER]: HURDLE_WEBHOOK_SECRET },
					query: {},
					body,
				});
				expect(response.status).toBe(status);
				expect(response.body).toMatchObject(answer);
				expect(await n8n.waitForExecutions(workflow.id, 0)).toHaveLength(0);

				expect(await n8n.healthy()).toBe(true);
				expect(await sendHurdle(workflow, 'order.created')).toEqual(accepted);
				expect(await n8n.waitForExecutions(workflow.id, 1)).toHaveLength(1);
			},
		);
	});
});
