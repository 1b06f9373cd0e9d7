import { LML_PENDING_REGISTRATION } from '../../../dev/fakes/londonMedicalLaboratory/api';
import { sendEvent } from '../../../dev/fakes/sender';
import { e2e } from '../environment';
import { accepted, duplicate, expectExecutions } from '../expectations';
import { lmlTriggers } from '../fixtures/lml';
import { sendLml, signed } from './deliveries';

const { n8n, fakes } = e2e();

describe('LML Trigger in n8n', () => {
	test('the same delivery sent twice starts one execution; a different one still starts its own', async () => {
		const workflow = lmlTriggers.duplicate;
		expect(await sendLml(workflow, 'lab_results.complete')).toEqual(accepted);
		expect(await sendLml(workflow, 'lab_results.complete')).toMatchObject(duplicate);
		await expectExecutions(workflow, 1);

		const other = await sendEvent(
			'londonMedicalLaboratory',
			'lab_results.complete',
			n8n.webhookUrl(workflow),
			{
				...signed,
				overrides: { testRegistrationId: LML_PENDING_REGISTRATION, payloadHost: fakes.payloadHost },
			},
		);
		expect(other).toEqual(accepted);
		await expectExecutions(workflow, 2);
	});
});
