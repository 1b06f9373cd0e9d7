import { LML_SAMPLE_IDS } from '../../../../dev/fakes/londonMedicalLaboratory/samples';
import { lmlActionRig } from '../actionRig';

const { run } = lmlActionRig();

describe('Order › Get', () => {
	it('gets an order', async () => {
		const [item] = await run({
			resource: 'order',
			operation: 'get',
			orderId: LML_SAMPLE_IDS.orderId,
		});
		expect(item.json).toMatchObject({ id: LML_SAMPLE_IDS.orderId, shipping_status: 'shipped' });
		expect(item.json).not.toHaveProperty('customer');
	});
});
