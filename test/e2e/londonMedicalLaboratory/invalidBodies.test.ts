import { lmlSample } from '../../../dev/fakes/londonMedicalLaboratory/samples';
import { expectRefusedAndStillWorking, unusable, unusableBodies } from '../expectations';
import { LML_WEBHOOK_HEADER, LML_WEBHOOK_SECRET, lmlTriggers } from '../fixtures/lml';
import { sendLml } from './deliveries';

describe('LML Trigger in n8n', () => {
	describe('unusable bodies get their designed answer, start nothing, and leave n8n working', () => {
		const oversized = JSON.stringify({
			...lmlSample('lab_results.complete'),
			padding: 'x'.repeat(2 * 1024 * 1024),
		});
		const cases = [
			...unusableBodies(lmlTriggers, {
				malformed: '{"event": "lab_results.complete",',
				notAnObject: '["lab_results.complete"]',
			}),
			unusable('an object naming no event', lmlTriggers.noEventName, '{"data": {}}', 422),
			unusable('a 2 MiB body', lmlTriggers.oversizedBody, oversized, 413),
		];

		test.each(cases)('$name → $status', async (delivery) => {
			await expectRefusedAndStillWorking(
				delivery,
				{ [LML_WEBHOOK_HEADER]: LML_WEBHOOK_SECRET },
				async () => await sendLml(delivery.workflow, 'lab_results.complete'),
			);
		});
	});
});
