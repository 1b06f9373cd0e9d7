import { Junction } from '../../../nodes/Junction/Junction.node';
import { CANCELLATION_REASONS } from '../../../dev/fakes/junction/api/appointments';
import { JUNCTION_FAKE_KEY } from '../../../dev/fakes/junction/api';
import { loadOptionsContext } from '../../support/contexts';
import { ids, useJunctionFake } from './writeSupport';

const holder = useJunctionFake();
const { listSearch } = new Junction().methods;

function context(parameters = {}) {
	return loadOptionsContext({
		parameters,
		credentials: {
			junctionApi: { apiKey: JUNCTION_FAKE_KEY, environment: 'custom', baseUrl: holder.fake.url },
		},
	});
}

describe('searchable lists', () => {
	it('lab tests: searched by Junction by name, paged by its cursor', async () => {
		const found = await listSearch.searchLabTests.call(context(), 'wellness');
		expect(holder.fake.requests.at(-1)?.query).toEqual({ lab_test_limit: '50', name: 'wellness' });
		expect(found).toEqual({
			results: [{ name: 'Female General Wellness (testkit)', value: ids.labTestId }],
		});
		const first = await listSearch.searchLabTests.call(context());
		expect(first.results).toHaveLength(50);
		const second = await listSearch.searchLabTests.call(context(), '', first.paginationToken);
		expect(holder.fake.requests.at(-1)?.query).toMatchObject({
			next_cursor: first.paginationToken,
		});
		expect(second.results.map((entry) => entry.value)).not.toContain(first.results[0].value);
	});

	it('users: by client user ID, an exact one resolved directly', async () => {
		const found = await listSearch.searchUsers.call(context(), ids.clientUserId);
		expect(found.results).toEqual([{ name: ids.clientUserId, value: ids.userId }]);
		expect(holder.fake.requests.map((request) => request.path)).toEqual([
			'/v2/user',
			`/v2/user/resolve/${ids.clientUserId}`,
		]);
		const partial = await listSearch.searchUsers.call(context(), 'EXISTING');
		expect(partial.results.map((entry) => entry.name)).toEqual(['existing-client-user']);
	});

	it('cancellation reasons: those of the Type chosen, filtered, refundable ones marked', async () => {
		const home = await listSearch.searchCancellationReasons.call(
			context({ appointmentType: 'phlebotomy' }),
		);
		expect(home.results).toHaveLength(CANCELLATION_REASONS.phlebotomy.length);
		expect(home.results[0]).toEqual({
			name: 'Scheduled time no longer works (refundable)',
			value: CANCELLATION_REASONS.phlebotomy[0].id,
		});
		const walkIn = await listSearch.searchCancellationReasons.call(
			context({ appointmentType: 'psc' }),
			'another',
		);
		expect(walkIn.results).toEqual([
			{ name: 'Going to another center (refundable)', value: CANCELLATION_REASONS.psc[1].id },
		]);
		expect(holder.fake.requests.at(-1)?.path).toBe(
			'/v3/order/psc/appointment/cancellation-reasons',
		);
	});
});
