import { HURDLE_SAMPLE_IDS } from '../../../../dev/fakes/hurdle/samples';
import { hurdleActionRig, registrationParameters } from '../actionRig';

const { data, fake, run } = hurdleActionRig();

describe('Test › Register Kit', () => {
	it('registers a kit and reports that Hurdle accepted it', async () => {
		const [item] = await run(registrationParameters);
		expect(item.json).toEqual({
			kitId: HURDLE_SAMPLE_IDS.kitId,
			barcode: HURDLE_SAMPLE_IDS.barcode,
			accepted: true,
			statusCode: 202,
			message: expect.stringContaining('TEST.REGISTERED'),
			response: { message: 'Registration accepted' },
		});
		expect(data.registrations).toEqual([
			{
				kitId: HURDLE_SAMPLE_IDS.kitId,
				barcode: HURDLE_SAMPLE_IDS.barcode,
				user: {
					firstName: 'Jane',
					lastName: 'Smith',
					dateOfBirth: '1990-05-12',
					sex: 'f',
					email: 'jane.smith@example.com',
				},
			},
		]);
	});

	it('leaves the barcode out when it is not given', async () => {
		await run({ ...registrationParameters, additionalFields: { mobileNumber: '447700900123' } });
		expect(data.registrations[0]).not.toHaveProperty('barcode');
		expect(data.registrations[0].user).toMatchObject({ mobileNumber: '447700900123' });
	});

	it('refuses a date of birth that is not YYYY-MM-DD before sending anything', async () => {
		await expect(run({ ...registrationParameters, dateOfBirth: '12/05/1990' })).rejects.toThrow(
			'YYYY-MM-DD',
		);
		expect(fake.requests).toHaveLength(0);
	});

	it('reports an unknown kit as a readable 404', async () => {
		await expect(run({ ...registrationParameters, kitId: 'NOPE0000' })).rejects.toThrow(
			'Hurdle has no such resource',
		);
	});
});
