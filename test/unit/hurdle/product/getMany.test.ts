import { HURDLE_SAMPLE_IDS } from '../../../../dev/fakes/hurdle/samples';
import { hurdleActionRig } from '../actionRig';

const { data, fake, operation } = hurdleActionRig();
const getProducts = operation('product', 'getMany');

describe('Product › Get Many', () => {
	it('gets all products across pages numbered by page', async () => {
		const items = await getProducts({ returnAll: true });
		expect(items).toHaveLength(data.products.length);
		expect(items[0].json).toMatchObject({
			productCode: HURDLE_SAMPLE_IDS.productCode,
			phlebotomyType: 'MOBILE',
		});
		expect(fake.requests.map((request) => request.query.limit)).toEqual(['100', '100', '100']);
		expect(fake.requests.map((request) => request.query.page)).toEqual(['1', '2', '3']);
	});

	it('asks for no more than the limit needs', async () => {
		const items = await getProducts({ returnAll: false, limit: 150 });
		expect(items).toHaveLength(150);
		expect(fake.requests).toHaveLength(2);
	});
});
