import { JUNCTION_FAKE_ORDERS } from '../../../../dev/fakes/junction/api';
import { JUNCTION_SAMPLE_IDS } from '../../../../dev/fakes/junction/samples';
import { junctionActionRig } from '../actionRig';

const { run } = junctionActionRig();

describe('Result › Get PDF', () => {
	it('downloads the results PDF as binary, or says it is not ready', async () => {
		const { items } = await run([
			{
				resource: 'result',
				operation: 'getPdf',
				orderId: JUNCTION_SAMPLE_IDS.orderId,
				binaryPropertyName: 'data',
			},
			{
				resource: 'result',
				operation: 'getPdf',
				orderId: JUNCTION_FAKE_ORDERS.pending,
				binaryPropertyName: 'data',
			},
		]);
		expect(items[0].binary?.data).toMatchObject({
			mimeType: 'application/pdf',
			fileName: `junction-results-${JUNCTION_SAMPLE_IDS.orderId}.pdf`,
		});
		expect(items[1]).toMatchObject({ json: { ready: false }, pairedItem: { item: 1 } });
		expect(items[1].binary).toBeUndefined();
	});
});
