import {
	JUNCTION_FAKE_TRANSACTIONS,
	JUNCTION_REDRAW_MARKER,
} from '../../../../dev/fakes/junction/api';
import { junctionActionRig } from '../actionRig';

const { fake, requestsTo, operation } = junctionActionRig();
const getTransactionResults = operation('result', 'getTransactionResults');

describe('Result › Get Transaction Results', () => {
	const combined = JUNCTION_FAKE_TRANSACTIONS.combined;

	it('gets the combined results of the transaction in the shared Output', async () => {
		const { items } = await getTransactionResults({
			orderTransactionId: ` ${combined} `,
			output: 'summary',
		});
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({
			orderTransactionId: combined,
			ready: true,
			status: 'final',
			summary: { total: 7 },
		});
		expect(requestsTo(`/v3/order_transaction/${combined}/result`)).toHaveLength(1);
		expect(JSON.stringify(items[0].json)).not.toContain('McTestface');
	});

	it('gives one item per biomarker, the redraw marker among them', async () => {
		const { items } = await getTransactionResults({
			orderTransactionId: combined,
			output: 'biomarkerRows',
		});
		expect(items).toHaveLength(7);
		expect(items[6].json).toMatchObject({
			orderTransactionId: combined,
			resultStatus: 'final',
			biomarker: JUNCTION_REDRAW_MARKER.name,
			value: JUNCTION_REDRAW_MARKER.value,
			flag: 'high',
		});
	});

	it('says the combined results are not ready while the transaction has none', async () => {
		const { items } = await getTransactionResults({
			orderTransactionId: JUNCTION_FAKE_TRANSACTIONS.pending,
			output: 'biomarkerRows',
		});
		expect(items).toEqual([
			{
				json: {
					orderTransactionId: JUNCTION_FAKE_TRANSACTIONS.pending,
					ready: false,
					message: expect.stringContaining('no results for this order transaction yet'),
				},
				pairedItem: { item: 0 },
			},
		]);
		expect(requestsTo(`/v3/order_transaction/${JUNCTION_FAKE_TRANSACTIONS.pending}`)).toHaveLength(
			1,
		);
	});

	it('refuses an empty Order Transaction ID before sending anything', async () => {
		await expect(
			getTransactionResults({ orderTransactionId: ' ', output: 'summary' }),
		).rejects.toThrow('Order Transaction ID is empty');
		expect(fake.requests).toHaveLength(0);
	});
});
