import type { IDataObject } from 'n8n-workflow';

import {
	JUNCTION_FAKE_ORDERS,
	JUNCTION_OTHER_PATIENT,
	JUNCTION_SCHEDULED_ACTIVATION,
} from '../../../../dev/fakes/junction/api';
import { JUNCTION_SAMPLE_IDS } from '../../../../dev/fakes/junction/samples';
import { jsonOf, junctionActionRig } from '../actionRig';

const { fake, requestsTo, operation } = junctionActionRig();
const getOrders = operation('order', 'getMany');

describe('Order › Get Many', () => {
	it.each([
		[10, 1],
		[100, 1],
		[150, 2],
	])('gets %s orders in %s request(s)', async (limit, requests) => {
		const { items } = await getOrders({ returnAll: false, limit, filters: {} });
		expect(items).toHaveLength(limit);
		expect(requestsTo('/v3/orders')).toHaveLength(requests);
	});

	it('gets all 230 orders in ceil(230 / 100) = 3 requests of size 100', async () => {
		const { items } = await getOrders({ returnAll: true, filters: {} });
		expect(items).toHaveLength(230);
		expect(new Set(items.map((item) => item.json.id)).size).toBe(230);
		const pages = requestsTo('/v3/orders');
		expect(pages.map((request) => request.query.page)).toEqual(['1', '2', '3']);
		expect(pages.every((request) => request.query.size === '100')).toBe(true);
	});

	it('sends filters, lists as repeated keys', async () => {
		const filters = {
			status: ['completed', 'sample_error'],
			order_type: ['testkit'],
			user_id: JUNCTION_SAMPLE_IDS.userId,
			start_date: '2026-08-01T00:00:00',
			updated_end_date: '2026-08-31T23:59:59',
			search_input: '',
		};
		const { items } = await getOrders({ returnAll: true, filters });
		const query = requestsTo('/v3/orders')[0].query;
		expect(query).toMatchObject({
			status: ['completed', 'sample_error'],
			order_type: 'testkit',
			user_id: JUNCTION_SAMPLE_IDS.userId,
			start_date: '2026-08-01T00:00:00',
			updated_end_date: '2026-08-31T23:59:59',
		});
		expect(query).not.toHaveProperty('search_input');
		expect(items.length).toBeGreaterThan(0);
		for (const item of items) {
			expect(item.json.user_id).toBe(JUNCTION_SAMPLE_IDS.userId);
			expect(['completed', 'sample_error']).toContain(
				String((item.json.last_event as IDataObject).status)
					.split('.')
					.pop(),
			);
		}
	});

	describe('Get Many filters of the spec', () => {
		const getMany = async (filters: IDataObject, sort: IDataObject = {}) =>
			await getOrders({ returnAll: true, filters, sort, patientData: 'include' });
		const onlyQuery = () => {
			const [request] = requestsTo('/v3/orders');
			return request.query;
		};
		const ordersOf = (ids: string[]) => ids.map((id) => ({ id }));

		it('sends Order IDs as repeated keys, from a typed list or an expression giving a list', async () => {
			const ids = [JUNCTION_SAMPLE_IDS.orderId, JUNCTION_FAKE_ORDERS.pending];
			const typed = await getMany({ order_ids: ` ${ids[0]},${ids[1]} ` });
			expect(onlyQuery().order_ids).toEqual(ids);
			expect(jsonOf(typed.items)).toMatchObject(ordersOf(ids));
			fake.reset();
			const listed = await getMany({ order_ids: ids });
			expect(onlyQuery().order_ids).toEqual(ids);
			expect(listed.items).toHaveLength(2);
			fake.reset();
			await getMany({ order_ids: ' , ' });
			expect(onlyQuery()).not.toHaveProperty('order_ids');
		});

		it('filters by order transaction', async () => {
			const { items } = await getMany({
				order_transaction_id: JUNCTION_SAMPLE_IDS.orderTransactionId,
			});
			expect(onlyQuery().order_transaction_id).toBe(JUNCTION_SAMPLE_IDS.orderTransactionId);
			expect(jsonOf(items)).toMatchObject(ordersOf([JUNCTION_SAMPLE_IDS.redrawOrderId]));
		});

		it.each([
			[{ is_critical: 'any' }, undefined],
			[{}, undefined],
			[{ is_critical: true }, 'true'],
			[{ is_critical: false }, 'false'],
			[{ is_critical: 'true' }, 'true'],
		])('Critical %o sends is_critical=%s', async (filters, sent) => {
			const { items } = await getMany(filters);
			expect(onlyQuery().is_critical).toBe(sent);
			const critical = items.filter((item) => item.json.interpretation === 'critical').length;
			if (sent === undefined) expect(items).toHaveLength(230);
			if (sent === 'true') expect(critical).toBe(items.length);
			if (sent === 'false') expect(critical).toBe(0);
			expect(items.length).toBeGreaterThan(0);
		});

		it('filters by the unknown interpretation', async () => {
			const { items } = await getMany({ interpretation: 'unknown' });
			expect(items.length).toBeGreaterThan(0);
			expect(items.every((item) => item.json.interpretation === 'unknown')).toBe(true);
		});

		it('filters by activation type, sent as a repeated key', async () => {
			const scheduled = await getMany({ order_activation_types: ['scheduled'] });
			expect(onlyQuery().order_activation_types).toBe('scheduled');
			expect(scheduled.items.length).toBeGreaterThan(0);
			expect(
				scheduled.items.every((item) => item.json.activate_by === JUNCTION_SCHEDULED_ACTIVATION),
			).toBe(true);
			fake.reset();
			const both = await getMany({ order_activation_types: ['current', 'scheduled'] });
			expect(onlyQuery().order_activation_types).toEqual(['current', 'scheduled']);
			expect(both.items).toHaveLength(230);
		});

		it("filters by patient name and by shipping recipient's name", async () => {
			const patients = await getMany({ patient_name: 'jordan exa' });
			expect(onlyQuery().patient_name).toBe('jordan exa');
			expect(patients.items.length).toBeGreaterThan(0);
			expect(
				patients.items.every(
					(item) =>
						(item.json.patient_details as IDataObject).first_name ===
						JUNCTION_OTHER_PATIENT.first_name,
				),
			).toBe(true);
			fake.reset();
			const recipients = await getMany({ shipping_recipient_name: 'front desk' });
			expect(onlyQuery().shipping_recipient_name).toBe('front desk');
			expect(recipients.items.length).toBeGreaterThan(0);
			const ids = new Set(patients.items.map((item) => item.json.id));
			expect(recipients.items.some((item) => ids.has(item.json.id))).toBe(false);
		});

		it.each([
			['created_at', 'asc'],
			['created_at', 'desc'],
			['last_status', 'asc'],
			['patient_name', 'desc'],
		])('sorts by %s, %s', async (key, direction) => {
			const { items } = await getMany({}, { order_key: key, order_direction: direction });
			expect(onlyQuery()).toMatchObject({ order_key: key, order_direction: direction });
			const valueOf = (order: IDataObject) =>
				key === 'created_at'
					? String(order.created_at)
					: key === 'last_status'
						? String((order.last_event as IDataObject).status)
								.split('.')
								.pop()!
						: `${String((order.patient_details as IDataObject).first_name)} ${String((order.patient_details as IDataObject).last_name)}`.toLowerCase();
			const values = jsonOf(items).map(valueOf);
			const sorted = [...values].sort((a, b) => a.localeCompare(b));
			expect(values).toEqual(direction === 'asc' ? sorted : sorted.reverse());
			expect(new Set(values).size).toBeGreaterThan(1);
		});

		it('combines filters, and sends no Sort when none is set', async () => {
			const { items } = await getMany({
				patient_name: 'Jordan',
				order_activation_types: ['current'],
				is_critical: false,
			});
			expect(onlyQuery()).not.toHaveProperty('order_key');
			expect(onlyQuery()).not.toHaveProperty('order_direction');
			expect(items.length).toBeGreaterThan(0);
			for (const order of jsonOf(items)) {
				expect(order.activate_by).toBeNull();
				expect(order.interpretation).not.toBe('critical');
			}
		});

		it('explains an Order ID that is not a UUID, naming its place, without echoing it', async () => {
			const error = await getMany({
				order_ids: `${JUNCTION_SAMPLE_IDS.orderId}, Testy-McTestface`,
			}).catch((caught: Error) => caught);
			const { message, description } = error as Error & { description?: string };
			expect(message).toContain('HTTP 422');
			expect(description).toContain('query.order_ids.1: Input should be a valid UUID');
			expect(`${message} ${description}`).not.toContain('McTestface');
		});
	});

	it('reports a 422 with the field and message, never the echoed input', async () => {
		const typedByMistake = 'Testy McTestface 1970-01-01';
		const error = await getOrders({ returnAll: true, filters: { user_id: typedByMistake } }).catch(
			(caught: Error) => caught,
		);
		expect(error).toBeInstanceOf(Error);
		const { message, description } = error as Error & { description?: string };
		expect(message).toContain('HTTP 422');
		expect(description).toContain('query.user_id: Input should be a valid UUID');
		expect(`${message} ${description}`).not.toContain('McTestface');
	});
});
