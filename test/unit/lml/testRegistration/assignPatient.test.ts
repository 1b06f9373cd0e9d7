import { LML_SAMPLE_PATIENT_ID } from '../../../../dev/fakes/londonMedicalLaboratory/api';
import { LML_SAMPLE_IDS } from '../../../../dev/fakes/londonMedicalLaboratory/samples';
import { lmlUnderTest } from '../lmlNode';

const lml = lmlUnderTest();

/** A registration waiting for its patient, as an order leaves it. */
function awaitingPatient(suffix: string) {
	const registration = {
		id: `a5500000-0000-4000-8000-${suffix.padStart(12, '0')}`,
		trf_code: `LML-AP${suffix}`,
		status: 'awaiting_patient',
		patient_id: null,
		foreign_id: null,
	};
	lml.data.testRegistrations.push(registration);
	return registration;
}

const assign = (registration: { mode: string; value: string }, additionalFields = {}) => ({
	resource: 'testRegistration',
	operation: 'assignPatient',
	testRegistrationId: registration,
	patientId: LML_SAMPLE_PATIENT_ID,
	additionalFields,
});
const updates = () => lml.data.registrationUpdates.length;

describe('LML Test Registration › Assign Patient', () => {
	it("PATCHes the retest with the patient's ID and returns the registration with its patient", async () => {
		const retest = LML_SAMPLE_IDS.retestTestRegistrationId;
		const before = updates();
		const [item] = await lml.run(assign({ mode: 'id', value: retest }));
		expect(lml.lines()).toEqual([
			`GET /api/test_registration/${retest}`,
			`PATCH /api/test_registration/${retest}`,
		]);
		expect(lml.bodies('PATCH', `/api/test_registration/${retest}`)).toEqual([
			{ patient_id: LML_SAMPLE_PATIENT_ID },
		]);
		expect(updates()).toBe(before + 1);
		expect(item.json).toMatchObject({ id: retest, patient_id: LML_SAMPLE_PATIENT_ID });
		expect(item.json).not.toHaveProperty('first_name');
	});

	it('sends nothing when the registration already has this patient, and says so', async () => {
		const registration = awaitingPatient('1');
		await lml.run(assign({ mode: 'id', value: registration.id }));
		const before = updates();
		const [again] = await lml.run(assign({ mode: 'id', value: registration.id }));
		expect(updates()).toBe(before);
		expect(lml.lines().slice(-1)).toEqual([`GET /api/test_registration/${registration.id}`]);
		expect(again.json).toMatchObject({
			id: registration.id,
			patient_id: LML_SAMPLE_PATIENT_ID,
			alreadyAssigned: true,
			message: 'Not sent again: the registration already has this patient',
		});
	});

	it('finds the registration by TRF code and PATCHes it by its UUID', async () => {
		const registration = awaitingPatient('2');
		await lml.run(assign({ mode: 'trfCode', value: registration.trf_code }));
		expect(lml.lines()).toEqual([
			`GET /api/test_registration/${registration.trf_code}`,
			`PATCH /api/test_registration/${registration.id}`,
		]);
	});

	it("copies the patient's details as LML's SDK does, when asked", async () => {
		const registration = awaitingPatient('3');
		await lml.run(
			assign(
				{ mode: 'id', value: registration.id },
				{ copyPatientDetails: true, mobilePhoneNumber: '+44 7700 900123' },
			),
		);
		expect(lml.lines()).toEqual([
			`GET /api/test_registration/${registration.id}`,
			`GET /api/patient/${LML_SAMPLE_PATIENT_ID}`,
			`PATCH /api/test_registration/${registration.id}`,
		]);
		expect(lml.bodies('PATCH', `/api/test_registration/${registration.id}`)).toEqual([
			{
				patient_id: LML_SAMPLE_PATIENT_ID,
				first_name: 'Jane',
				last_name: 'Smith',
				email: 'jane.smith@example.com',
				date_of_birth: '1990-05-15',
				gender: 'female',
				mobile_phone_number: '+447700900123',
			},
		]);
	});

	it('refuses to replace another patient, changing nothing', async () => {
		const before = updates();
		const error = (await lml
			.run({
				...assign({ mode: 'id', value: LML_SAMPLE_IDS.testRegistrationId }),
				patientId: 'someone-else',
			})
			.catch((caught: Error) => caught)) as Error;
		expect(error.message).toBe('The test registration has another patient');
		expect(lml.lines()).toEqual([
			`GET /api/test_registration/${LML_SAMPLE_IDS.testRegistrationId}`,
		]);
		expect(updates()).toBe(before);
	});

	it("passes LML's refusal of an unknown patient on, naming the field", async () => {
		const registration = awaitingPatient('4');
		const error = (await lml
			.run({ ...assign({ mode: 'id', value: registration.id }), patientId: 'not-a-patient' })
			.catch((caught: Error) => caught)) as Error & { description?: string };
		expect(error.message).toBe('London Medical Laboratory rejected the request (HTTP 400)');
		expect(error.description).toContain('patient_id names no patient');
		expect(registration.patient_id).toBeNull();
	});
});
