import { duplicate } from '../expectations';
import { junctionTriggers } from '../fixtures/junction';
import { deliverTo, executionsOf, send, signedDelivery } from './deliveries';

describe('Junction trigger in n8n', () => {
	it('runs once for a message delivered twice with the same svix-id', async () => {
		const target = junctionTriggers.duplicate;
		const options = { messageId: 'msg_e2e_duplicate' };
		expect(await send(target, 'labtest.order.updated', options)).toMatchObject({
			body: { status: 'accepted' },
		});
		expect(await send(target, 'labtest.order.updated', options)).toMatchObject(duplicate);
		await executionsOf(target, 1);
	});

	it.each([
		['malformed JSON', junctionTriggers.malformedJson, '{"event_type":', 422],
		['an empty body', junctionTriggers.emptyBody, '', 400],
		[
			'non-object JSON',
			junctionTriggers.nonObjectJson,
			'[{"event_type":"labtest.order.updated"}]',
			422,
		],
		['an object naming no event', junctionTriggers.noEventName, '{"data":{"hello":"world"}}', 422],
	])('answers %s with its status and starts nothing', async (_name, target, body, status) => {
		const answer = await deliverTo(target, signedDelivery(body));
		expect(answer.status).toBe(status);
		await executionsOf(target, 0);
	});
});
