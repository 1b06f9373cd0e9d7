import { LML_SAMPLE_IDS } from '../../../../dev/fakes/londonMedicalLaboratory/samples';
import { lmlActionRig } from '../actionRig';

const { operation } = lmlActionRig();
const getOrder = operation('order', 'get');

describe('Order › Get', () => {
	it('gets an order', async () => {
		const [item] = await getOrder({ orderId: LML_SAMPLE_IDS.orderId });
		expect(item.json).toMatchObject({ id: LML_SAMPLE_IDS.orderId, shipping_status: 'shipped' });
		expect(item.json).not.toHaveProperty('customer');
	});
});
