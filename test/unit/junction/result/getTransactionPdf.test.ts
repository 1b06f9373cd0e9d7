import { JUNCTION_FAKE_TRANSACTIONS } from '../../../../dev/fakes/junction/api';
import { junctionActionRig } from '../actionRig';

const { run } = junctionActionRig();

describe('Result › Get Transaction PDF', () => {
	const combined = JUNCTION_FAKE_TRANSACTIONS.combined;

	it('downloads the combined results PDF, or says it is not ready', async () => {
		const { items } = await run([
			{
				resource: 'result',
				operation: 'getTransactionPdf',
				orderTransactionId: combined,
				binaryPropertyName: 'report',
			},
			{
				resource: 'result',
				operation: 'getTransactionPdf',
				orderTransactionId: JUNCTION_FAKE_TRANSACTIONS.pending,
				binaryPropertyName: 'report',
			},
		]);
		expect(items[0].json).toEqual({
			orderTransactionId: combined,
			ready: true,
			fileName: `junction-results-${combined}.pdf`,
		});
		expect(Buffer.from(items[0].binary!.report.data, 'base64').toString('latin1')).toContain(
			`order transaction ${combined}`,
		);
		expect(items[1]).toMatchObject({
			json: { orderTransactionId: JUNCTION_FAKE_TRANSACTIONS.pending, ready: false },
			pairedItem: { item: 1 },
		});
		expect(items[1].binary).toBeUndefined();
	});
});
