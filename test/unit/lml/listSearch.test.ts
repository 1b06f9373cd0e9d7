import { lmlUnderTest } from './lmlNode';

const lml = lmlUnderTest();
const [thyroid] = lml.data.products;
const queries = () => lml.fake.requests.map((request) => request.query);

describe('LML searchable lists', () => {
	it('lists products by name and SKU, with their IDs as values', async () => {
		const { results, paginationToken } = await lml.listSearch('searchProducts');
		expect(results).toHaveLength(lml.data.products.length);
		expect(results[0]).toEqual({
			name: 'Advanced Thyroid Function (LML-THY-ADV)',
			value: thyroid.id,
		});
		expect(paginationToken).toBeUndefined();
		expect(queries()).toEqual([{ page: '1', results_per_page: '100' }]);
	});

	it("lets LML search, and pages on with LML's next page", async () => {
		const { results } = await lml.listSearch('searchProducts', {}, ' thyroid ');
		expect(results.map((result) => result.value)).toEqual([thyroid.id]);
		expect(queries()).toEqual([{ page: '1', results_per_page: '100', search: 'thyroid' }]);
		const extra = Array.from({ length: 70 }, (_, index) => ({
			id: `d1000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
			name: `Extra ${index}`,
			sku: `LML-X${index}`,
		}));
		lml.data.products.push(...extra);
		try {
			const first = await lml.listSearch('searchProducts');
			expect(first.results).toHaveLength(100);
			expect(first.paginationToken).toBe('2');
			const second = await lml.listSearch('searchProducts', {}, undefined, first.paginationToken);
			expect(second.results).toHaveLength(10);
			expect(second.paginationToken).toBeUndefined();
		} finally {
			lml.data.products.splice(-extra.length);
		}
	});

	it('lists the shipping methods of the product chosen in the node, by ID or by SKU', async () => {
		const expected = [
			{
				name: 'Royal Mail Tracked 24 · home_kit · 3.95',
				value: lml.data.shipping[String(thyroid.id)][0].id,
			},
			{
				name: 'Walk-in clinic · walk_in · 0.00',
				value: lml.data.shipping[String(thyroid.id)][1].id,
			},
		];
		const byId = await lml.listSearch('searchShippingMethods', {
			product: { __rl: true, mode: 'list', value: thyroid.id },
		});
		expect(byId.results).toEqual(expected);
		const bySku = await lml.listSearch(
			'searchShippingMethods',
			{
				product: { __rl: true, mode: 'sku', value: thyroid.sku },
			},
			'walk',
		);
		expect(bySku.results).toEqual([expected[1]]);
		expect(lml.fake.requests.map((request) => request.path)).toEqual([
			`/api/product/${String(thyroid.id)}/shipping`,
			'/api/product/',
			`/api/product/${String(thyroid.id)}`,
			`/api/product/${String(thyroid.id)}/shipping`,
		]);
	});

	it('asks for the product first when none is chosen', async () => {
		await expect(
			lml.listSearch('searchShippingMethods', { product: { mode: 'list', value: '' } }),
		).rejects.toThrow('Choose the product first');
		expect(lml.fake.requests).toEqual([]);
	});
});
