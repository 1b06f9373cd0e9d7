import type { IDataObject } from 'n8n-workflow';

import { JUNCTION_FAKE_TRANSACTIONS } from '../../../../dev/fakes/junction/api';
import { JUNCTION_SAMPLE_IDS } from '../../../../dev/fakes/junction/samples';
import { junctionActionRig } from '../actionRig';

const { operation } = junctionActionRig();
const getTransaction = operation('orderTransaction', 'get');

describe('Order Transaction › Get', () => {
	it("gets a transaction with its orders, under the spec's and the docs' status names", async () => {
		const { items } = await getTransaction({
			orderTransactionId: JUNCTION_FAKE_TRANSACTIONS.combined,
		});
		expect(items[0].json).toMatchObject({
			id: JUNCTION_FAKE_TRANSACTIONS.combined,
			status: 'completed',
			orders: [
				{
					id: JUNCTION_SAMPLE_IDS.orderId,
					origin: 'initial',
					last_status: 'redraw_available',
					low_level_status: 'redraw_available',
					low_level_status_created_at: '2026-08-12T12:00:00+00:00',
				},
				{
					id: JUNCTION_SAMPLE_IDS.redrawOrderId,
					origin: 'redraw',
					parent_id: JUNCTION_SAMPLE_IDS.orderId,
					last_status: 'completed',
					low_level_status: 'completed',
				},
			],
		});
		// The docs' example names them low_level_status: filled the other way round.
		const pending = await getTransaction({
			orderTransactionId: JUNCTION_FAKE_TRANSACTIONS.pending,
		});
		expect((pending.items[0].json.orders as IDataObject[])[0]).toMatchObject({
			last_status: 'transit_customer',
			last_status_created_at: '2026-08-03T11:00:00+00:00',
			low_level_status: 'transit_customer',
		});
	});

	it('explains a transaction that does not exist', async () => {
		await expect(
			getTransaction({ orderTransactionId: 'a1000000-0000-4000-8000-00000000dead' }),
		).rejects.toThrow('Junction has no such resource');
	});

	it('keeps both status names as sent when Junction sends both', async () => {
		const { withBothStatusNames } = await import(
			'../../../../nodes/Junction/actions/orderTransaction/get.operation'
		);
		expect(
			withBothStatusNames({ last_status: 'completed', low_level_status: 'corrected' }),
		).toEqual({
			last_status: 'completed',
			low_level_status: 'corrected',
			last_status_created_at: null,
			low_level_status_created_at: null,
		});
	});
});
