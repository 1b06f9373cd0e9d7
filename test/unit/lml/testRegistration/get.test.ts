import { LML_SAMPLE_IDS } from '../../../../dev/fakes/londonMedicalLaboratory/samples';
import { lmlActionRig, registration } from '../actionRig';

const { fake, operation } = lmlActionRig();
const getRegistration = operation('testRegistration', 'get');

describe('Test Registration › Get', () => {
	it.each([
		['id', LML_SAMPLE_IDS.testRegistrationId],
		['trfCode', 'LML-AB1000'],
		['foreignId', 'CLINIC-REF-0'],
	])('gets a registration by %s', async (mode, value) => {
		const [item] = await getRegistration({
			testRegistrationId: registration(value, mode),
			patientData: 'include',
		});
		expect(item.json).toMatchObject({
			id: LML_SAMPLE_IDS.testRegistrationId,
			trf_code: 'LML-AB1000',
			first_name: 'Jane',
		});
		expect(item.pairedItem).toEqual({ item: 0 });
	});

	it('leaves patient details out by default', async () => {
		const [item] = await getRegistration({
			testRegistrationId: registration(LML_SAMPLE_IDS.testRegistrationId),
		});
		expect(item.json).toMatchObject({ id: LML_SAMPLE_IDS.testRegistrationId, status: 'success' });
		for (const field of ['first_name', 'last_name', 'email', 'date_of_birth', 'uk_address'])
			expect(item.json).not.toHaveProperty(field);
	});

	it('explains an empty id instead of calling the API', async () => {
		await expect(getRegistration({ testRegistrationId: registration('  ') })).rejects.toThrow(
			'Test Registration is empty',
		);
		expect(fake.requests).toHaveLength(0);
	});
});
