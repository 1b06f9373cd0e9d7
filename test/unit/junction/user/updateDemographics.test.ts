import {
	JUNCTION_SAMPLE_ADDRESS,
	JUNCTION_SAMPLE_PATIENT,
} from '../../../../dev/fakes/junction/samples';
import {
	bodyOf,
	byId,
	failureOf,
	fromList,
	ids,
	patientGroup,
	requestsTo,
	runJunction,
	useJunctionFake,
} from '../writeSupport';

const holder = useJunctionFake();
const userAddress = {
	values: {
		first_line: JUNCTION_SAMPLE_ADDRESS.first_line,
		city: JUNCTION_SAMPLE_ADDRESS.city,
		state: JUNCTION_SAMPLE_ADDRESS.state,
		zip: JUNCTION_SAMPLE_ADDRESS.zip,
		country: 'US',
	},
};

describe('User › Update Demographics', () => {
	it("sets the user's demographics (UserInfoCreateRequest), keeping them out of the output", async () => {
		const [item] = await runJunction(holder.fake, {
			resource: 'user',
			operation: 'updateDemographics',
			user: fromList(ids.userId),
			patient: patientGroup,
			userAddress,
		});
		const [request] = requestsTo(holder.fake, 'PATCH', `/v2/user/${ids.userId}/info`);
		expect(bodyOf(request)).toEqual({ ...JUNCTION_SAMPLE_PATIENT, address: userAddress.values });
		expect(item.json).toEqual({
			userId: ids.userId,
			updated: true,
			gender: 'other',
			second_line: '',
		});
	});

	it('includes them when Patient Details is Include', async () => {
		const [item] = await runJunction(holder.fake, {
			resource: 'user',
			operation: 'updateDemographics',
			user: byId(ids.userId),
			patient: patientGroup,
			userAddress,
			patientData: 'include',
		});
		expect(item.json).toMatchObject({ last_name: JUNCTION_SAMPLE_PATIENT.last_name });
	});

	it('names the empty fields of the Person group as Person', async () => {
		const error = await failureOf(holder.fake, {
			resource: 'user',
			operation: 'updateDemographics',
			user: byId(ids.userId),
			patient: { values: { first_name: 'Testy' } },
			userAddress,
		});
		expect(error.message).toBe(
			'Person: Last Name, Date of Birth, Sex, Phone Number, Email are empty',
		);
	});
});
