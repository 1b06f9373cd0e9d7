import { lmlActionRig } from '../actionRig';

const { listRequests, operation } = lmlActionRig();
const getProducts = operation('product', 'getMany');

describe('Product › Get Many', () => {
	it('lists products with filters', async () => {
		const items = await getProducts({
			returnAll: true,
			filters: { sku: 'LML-THY-ADV', shipping_type_in: ['home_kit'], all_products: true },
		});
		expect(items.map((item) => item.json.name)).toEqual(['Advanced Thyroid Function']);
		expect(listRequests('/api/product/')[0].query).toMatchObject({
			sku: 'LML-THY-ADV',
			'shipping_type_in[]': 'home_kit',
			all_products: '1',
		});
	});
});
