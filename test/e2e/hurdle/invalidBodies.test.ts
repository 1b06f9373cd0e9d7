import { expectRefusedAndStillWorking, unusable, unusableBodies } from '../expectations';
import { HURDLE_WEBHOOK_HEADER, HURDLE_WEBHOOK_SECRET, hurdleTriggers } from '../fixtures/hurdle';
import { ids, sendHurdle } from './deliveries';

describe('Hurdle Trigger in n8n', () => {
	describe('unusable deliveries get their designed answer, start nothing, and leave n8n working', () => {
		const cases = [
			...unusableBodies(hurdleTriggers, {
				malformed: '{"eventType": "ORDER.CREATED",',
				notAnObject: '["ORDER.CREATED"]',
			}),
			unusable('a GET without parameters', hurdleTriggers.emptyQuery, '', 400, { method: 'GET' }),
			unusable(
				'an object without eventType',
				hurdleTriggers.noEventType,
				JSON.stringify({ version: '1', orderNumber: ids.orderNumber }),
				422,
			),
		];

		test.each(cases)('$name → $status', async (delivery) => {
			await expectRefusedAndStillWorking(
				delivery,
				{ [HURDLE_WEBHOOK_HEADER]: HURDLE_WEBHOOK_SECRET },
				async () => await sendHurdle(delivery.workflow, 'order.created'),
			);
		});
	});
});
