import type { IDataObject } from 'n8n-workflow';

import {
	JUNCTION_SAMPLE_IDS,
	JUNCTION_SAMPLE_PATIENT,
} from '../../../../dev/fakes/junction/samples';
import { onlyItem, triggerRig } from '../../../support/triggerHarness';
import { SIGNING_SECRET } from '../signing';

const { harness: junction } = triggerRig('junction', { secret: SIGNING_SECRET });
const ids = JUNCTION_SAMPLE_IDS;

describe('Junction Trigger: patient details', () => {
	it('leaves patient details out by default, at any depth', async () => {
		const item = await junction.sampleItem('labtest.order.updated');
		const text = JSON.stringify(item);
		for (const value of [
			JUNCTION_SAMPLE_PATIENT.last_name,
			JUNCTION_SAMPLE_PATIENT.email,
			JUNCTION_SAMPLE_PATIENT.dob,
			JUNCTION_SAMPLE_PATIENT.phone_number,
			'123 Example Street',
		]) {
			expect(text).not.toContain(value);
		}
		expect(item.payload).toMatchObject({
			data: { id: ids.orderId, lab_test: { name: 'Female General Wellness' } },
		});
		expect((item.payload as IDataObject).data).not.toHaveProperty('patient_details');
	});

	it('drops the appointment address and its coordinates', async () => {
		const text = JSON.stringify(await junction.sampleItem('labtest.appointment.updated'));
		expect(text).not.toContain('Example Street');
		expect(text).not.toContain('33.4561');
		expect(text).not.toContain('Ring the bell');
	});

	it('includes them when asked to', async () => {
		const item = onlyItem(
			await junction.send(junction.sample('labtest.order.updated'), {
				parameters: { patientData: 'include' },
			}),
		);
		expect((item.payload as IDataObject).data).toMatchObject({
			patient_details: JUNCTION_SAMPLE_PATIENT,
		});
	});
});
