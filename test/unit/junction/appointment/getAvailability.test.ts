import { NO_PSC_ZIP } from '../../../../dev/fakes/junction/api/appointments';
import { JUNCTION_SAMPLE_ADDRESS } from '../../../../dev/fakes/junction/samples';
import {
	availabilityParameters,
	bodyOf,
	failureOf,
	jsonOf,
	requestsTo,
	runJunction,
	useJunctionFake,
} from '../writeSupport';

const holder = useJunctionFake();
const tomorrow = () => new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

describe('Appointment › Get Availability', () => {
	it('at home: sends the address as USAddress (zip_code) and gives one item per slot', async () => {
		const items = await runJunction(
			holder.fake,
			availabilityParameters('phlebotomy', {
				additionalFields: { start_date: `${tomorrow()}T08:00:00` },
			}),
		);
		const [request] = requestsTo(
			holder.fake,
			'POST',
			'/v3/order/phlebotomy/appointment/availability',
		);
		expect(request.query).toEqual({ start_date: tomorrow() });
		expect(bodyOf(request)).toEqual({
			first_line: JUNCTION_SAMPLE_ADDRESS.first_line,
			city: JUNCTION_SAMPLE_ADDRESS.city,
			state: JUNCTION_SAMPLE_ADDRESS.state,
			zip_code: JUNCTION_SAMPLE_ADDRESS.zip,
		});
		expect(items).toHaveLength(6);
		expect(items[0].json).toMatchObject({
			booking_key: expect.any(String),
			price: 3500,
			timezone: 'America/Phoenix',
			site: null,
		});
	});

	it('walk-in near a ZIP code: the lab, ZIP and radius as query, each slot naming its center', async () => {
		const items = await runJunction(holder.fake, availabilityParameters('psc', { radius: '50' }));
		const [request] = requestsTo(holder.fake, 'POST', '/v3/order/psc/appointment/availability');
		expect(request.query).toEqual({ lab: 'quest', zip_code: '85004', radius: '50' });
		expect(request.body).toBe('');
		expect(new Set(jsonOf(items).map((slot) => (slot.site as { code: string }).code))).toEqual(
			new Set(['Q85004A', 'Q85004B']),
		);
		expect(items[0].json.site).toMatchObject({
			name: expect.any(String),
			city: 'Phoenix',
			distance: 1,
		});
	});

	it('walk-in by site codes: repeated query keys, at most 3', async () => {
		const items = await runJunction(
			holder.fake,
			availabilityParameters('psc', { pscLocation: 'sites', siteCodes: 'Q1, Q2' }),
		);
		expect(
			requestsTo(holder.fake, 'POST', '/v3/order/psc/appointment/availability')[0].query,
		).toEqual({
			lab: 'quest',
			site_codes: ['Q1', 'Q2'],
		});
		expect(items).toHaveLength(12);
		const error = await failureOf(
			holder.fake,
			availabilityParameters('psc', { pscLocation: 'sites', siteCodes: 'Q1,Q2,Q3,Q4' }),
		);
		expect(error.message).toBe('Site Codes must name 1 to 3 centers');
	});

	it('gives no items when Junction finds no slots (its documented 404)', async () => {
		const items = await runJunction(
			holder.fake,
			availabilityParameters('psc', { zipCode: NO_PSC_ZIP }),
		);
		expect(items).toEqual([]);
		expect(requestsTo(holder.fake, 'POST', '/v3/order/psc/appointment/availability')).toHaveLength(
			1,
		);
	});
});
