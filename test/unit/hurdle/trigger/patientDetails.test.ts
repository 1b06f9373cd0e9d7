import type { IDataObject } from 'n8n-workflow';

import { forgetProcessMemory } from '../../../../nodes/shared/webhook/claims';
import { HURDLE_SAMPLE_IDS } from '../../../../dev/fakes/hurdle/samples';
import { hurdleTriggerRig } from '../triggerRig';

const { hurdle } = hurdleTriggerRig();

describe('patient details', () => {
	it('are left out by default, from the payload and from fetched data', async () => {
		const { json } = await hurdle.send(hurdle.sample('order.created'));
		expect(json.payload).not.toHaveProperty('email');
		expect(json.payload).not.toHaveProperty('shippingAddress');
		expect(json.payload).toMatchObject({ orderNumber: HURDLE_SAMPLE_IDS.orderNumber });

		forgetProcessMemory();
		const enriched = await hurdle.send(hurdle.sample('test.processed'), {
			parameters: { options: { fetchFullData: true } },
		});
		expect((enriched.json.test as IDataObject).metadata).toEqual({ gender: 'f' });
		expect(JSON.stringify(enriched.json)).not.toContain('1990-05-12');
	});

	it('are kept when the user chooses to include them', async () => {
		const { json } = await hurdle.send(hurdle.sample('order.created'), {
			parameters: { patientData: 'include' },
		});
		expect(json.payload).toMatchObject({
			email: 'jane.smith@example.com',
			shippingAddress: expect.stringContaining('Plumstead'),
		});
	});
});
