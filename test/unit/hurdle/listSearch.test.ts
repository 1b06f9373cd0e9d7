import { hurdleUnderTest } from './hurdleNode';

const hurdle = hurdleUnderTest();
const queries = () => hurdle.fake.requests.map((request) => request.query);

describe('Hurdle searchable product list', () => {
	it('lists a page of products by name and code, and pages on', async () => {
		const first = await hurdle.searchProducts();
		expect(first.results).toHaveLength(100);
		expect(first.results[0]).toEqual({
			name: 'Heart Health Blood Test (C1BLP10300)',
			value: 'C1BLP10300',
		});
		expect(first.paginationToken).toBe('2');
		const last = await hurdle.searchProducts(undefined, '3');
		expect(last.results).toHaveLength(hurdle.data.products.length - 200);
		expect(last.paginationToken).toBeUndefined();
		expect(queries()).toEqual([
			{ page: '1', limit: '100' },
			{ page: '3', limit: '100' },
		]);
	});

	it('filters by name or code, reading on until a page holds a match', async () => {
		const { results, paginationToken } = await hurdle.searchProducts('test 150');
		expect(results).toEqual([{ name: 'Blood Test 150 (C1BLP20150)', value: 'C1BLP20150' }]);
		expect(paginationToken).toBe('3');
		expect(queries().map((query) => query.page)).toEqual(['1', '2']);
		const byCode = await hurdle.searchProducts('c1blp10300');
		expect(byCode.results.map((result) => result.value)).toEqual(['C1BLP10300']);
	});

	it('stops after 5 pages without a match, offering to go on', async () => {
		const extra = Array.from({ length: 400 }, (_, index) => ({
			productCode: `X${index}`,
			name: `Extra ${index}`,
		}));
		hurdle.data.products.push(...extra);
		try {
			const { results, paginationToken } = await hurdle.searchProducts('nothing like this');
			expect(results).toEqual([]);
			expect(paginationToken).toBe('6');
			expect(hurdle.fake.requests).toHaveLength(5);
		} finally {
			hurdle.data.products.splice(-extra.length);
		}
	});
});
