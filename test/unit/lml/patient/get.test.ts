import { LML_SAMPLE_PATIENT_ID } from '../../../../dev/fakes/londonMedicalLaboratory/api';
import { lmlUnderTest } from '../lmlNode';

const lml = lmlUnderTest();

describe('LML Patient › Get', () => {
	it('gets a patient by ID, with its details only when asked', async () => {
		const get = { resource: 'patient', operation: 'get', patientId: ` ${LML_SAMPLE_PATIENT_ID} ` };
		const [left] = await lml.run(get);
		const [included] = await lml.run({ ...get, patientData: 'include' });
		expect(lml.lines()).toEqual([
			`GET /api/patient/${LML_SAMPLE_PATIENT_ID}`,
			`GET /api/patient/${LML_SAMPLE_PATIENT_ID}`,
		]);
		expect(left.json).toEqual({
			id: LML_SAMPLE_PATIENT_ID,
			gender: 'female',
			ethnicity: null,
			foreign_id: 'CLINIC-PATIENT-0',
			address_id: null,
		});
		expect(included.json).toMatchObject({ first_name: 'Jane', date_of_birth: '1990-05-15' });
	});

	it('explains an unknown patient as a 404', async () => {
		await expect(
			lml.run({
				resource: 'patient',
				operation: 'get',
				patientId: 'a1b2c3d4-0000-4000-8000-000000000404',
			}),
		).rejects.toThrow('London Medical Laboratory has no such resource');
	});
});
