import { JUNCTION_FAKE_ORDERS } from '../../../../dev/fakes/junction/api';
import { JUNCTION_SAMPLE_IDS } from '../../../../dev/fakes/junction/samples';
import { junctionActionRig } from '../actionRig';

const { requestsTo, operation } = junctionActionRig();
const cancel = operation('order', 'cancel');

describe('Order › Cancel', () => {
	it('cancels an order that can still be cancelled', async () => {
		const { items } = await cancel({ orderId: JUNCTION_FAKE_ORDERS.cancellable });
		expect(items[0].json).toMatchObject({
			status: 'success',
			order: { id: JUNCTION_FAKE_ORDERS.cancellable },
		});
		expect(requestsTo(`/v3/order/${JUNCTION_FAKE_ORDERS.cancellable}/cancel`)[0].method).toBe(
			'POST',
		);
	});

	it('explains why a finished order cannot be cancelled', async () => {
		await expect(cancel({ orderId: JUNCTION_SAMPLE_IDS.orderId })).rejects.toThrow(
			'Junction cannot cancel this order in its current status: Transition from completed to cancelled is not allowed',
		);
	});
});
