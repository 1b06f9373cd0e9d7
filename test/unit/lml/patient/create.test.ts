import { lmlUnderTest } from '../lmlNode';

const lml = lmlUnderTest();

const create = (
	fields: Record<string, unknown> = {},
	additionalFields: Record<string, unknown> = {},
) => ({
	resource: 'patient',
	operation: 'create',
	firstName: 'Ana',
	lastName: 'Lopez',
	email: 'ana.lopez@example.com',
	dateOfBirth: '1988-02-29',
	gender: 'female',
	additionalFields,
	...fields,
});

describe('LML Patient › Create', () => {
	it('sends the documented body and returns the new patient, without patient details by default', async () => {
		const [item] = await lml.run(
			create(
				{},
				{
					phoneNumber: '+44 7700 900-123',
					ethnicity: 'white_irish',
					foreignId: 'CLINIC-P-1',
					line1: '1 Mill Lane',
					city: 'Leeds',
					postcode: 'LS1 1AA',
					countryCode: 'gb',
				},
			),
		);
		expect(lml.lines()).toEqual(['POST /api/patient/']);
		expect(lml.bodies('POST', '/api/patient/')).toEqual([
			{
				first_name: 'Ana',
				last_name: 'Lopez',
				email: 'ana.lopez@example.com',
				date_of_birth: '1988-02-29',
				gender: 'female',
				ethnicity: 'white_irish',
				phone_number: '+447700900123',
				foreign_id: 'CLINIC-P-1',
				address: {
					line1: '1 Mill Lane',
					city: 'Leeds',
					postal_code: 'LS1 1AA',
					country_code: 'GB',
				},
			},
		]);
		const stored = lml.data.patients.find((patient) => patient.foreign_id === 'CLINIC-P-1')!;
		expect(item.json).toMatchObject({ id: stored.id, gender: 'female', foreign_id: 'CLINIC-P-1' });
		expect(item.json).not.toHaveProperty('first_name');
		expect(item.json).not.toHaveProperty('date_of_birth');
	});

	it.each([
		[
			'a UK date and a one-letter gender',
			{ dateOfBirth: '05/11/1979', gender: 'M' },
			'1979-11-05',
			'male',
		],
		[
			'an ISO date-time and the SDK’s non_binary',
			{ dateOfBirth: '1979-11-05T00:00:00.000Z', gender: 'non_binary' },
			'1979-11-05',
			'other',
		],
		[
			'the SDK’s prefer_not_to_say',
			{ dateOfBirth: '1979-11-05', gender: 'Prefer_Not_To_Say' },
			'1979-11-05',
			'other',
		],
	])('reads %s into the documented form', async (_, fields, dateOfBirth, gender) => {
		await lml.run(create({ firstName: `Read ${gender}`, ...fields }));
		expect(lml.bodies('POST', '/api/patient/')[0]).toMatchObject({
			date_of_birth: dateOfBirth,
			gender,
		});
	});

	it('gets the existing patient back for the same name and date of birth, as LML documents', async () => {
		const [first] = await lml.run(create({ firstName: 'Bea', email: 'bea@example.com' }));
		const [again] = await lml.run(create({ firstName: 'bea', email: 'other@example.com' }));
		expect(again.json.id).toBe(first.json.id);
		expect(lml.data.patients.filter((patient) => patient.first_name === 'Bea')).toHaveLength(1);
		expect(lml.lines()).toEqual(['POST /api/patient/', 'POST /api/patient/']);
	});

	it('refuses what LML would, naming the parameters and never their values, and sends nothing', async () => {
		const error = await lml
			.run(
				create(
					{ email: 'ana.lopez.example.com', dateOfBirth: '1988-02-30', gender: 'unknown' },
					{ city: 'Leeds' },
				),
			)
			.catch((caught: Error) => caught);
		expect((error as Error).message).toBe(
			'The patient is incomplete: Email is not an email address; Date of Birth must be a date, written as YYYY-MM-DD; Gender must be female, male or other; Address › Address Line 1 is empty; Address › Postcode is empty; Address › Country Code is empty',
		);
		expect(JSON.stringify(error)).not.toContain('Leeds');
		expect(JSON.stringify(error)).not.toContain('ana.lopez');
		expect(lml.lines()).toEqual([]);
	});

	it('says a lost answer may have created the patient, and that running again is safe, which it is', async () => {
		lml.data.loseNextCreateAnswer = true;
		const error = (await lml
			.run(create({ firstName: 'Cat' }))
			.catch((caught: Error) => caught)) as Error & {
			description?: string;
		};
		expect(error.message).toBe(
			'London Medical Laboratory may have created the patient without confirming it',
		);
		expect(error.description).toContain('Running this again is safe');
		const [again] = await lml.run(create({ firstName: 'Cat' }));
		const cats = lml.data.patients.filter((patient) => patient.first_name === 'Cat');
		expect(cats).toHaveLength(1);
		expect(again.json.id).toBe(cats[0].id);
	});
});
