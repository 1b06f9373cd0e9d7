import { lmlUnderTest } from '../lmlNode';

const lml = lmlUnderTest();
const [, , third] = lml.data.products;

describe('LML Product › Get', () => {
	it.each([
		['from the list', { mode: 'list', value: third.id }, [`GET /api/product/${String(third.id)}`]],
		[
			'by ID',
			{ mode: 'id', value: ` ${String(third.id)} ` },
			[`GET /api/product/${String(third.id)}`],
		],
		[
			'by SKU, through the list filter',
			{ mode: 'sku', value: third.sku },
			['GET /api/product/', `GET /api/product/${String(third.id)}`],
		],
	])('gets the full product %s', async (_, product, requests) => {
		const [item] = await lml.run({ resource: 'product', operation: 'get', product });
		expect(lml.lines()).toEqual(requests);
		expect(item.json).toMatchObject({
			id: third.id,
			sku: third.sku,
			slug: String(third.sku).toLowerCase(),
			turnaround_time: 3,
		});
	});

	it('says plainly when no product has the SKU', async () => {
		await expect(
			lml.run({
				resource: 'product',
				operation: 'get',
				product: { mode: 'sku', value: 'LML-NOPE' },
			}),
		).rejects.toThrow('LML has no product with this SKU');
	});

	it('keeps a saved plain-text value working (an expression giving an ID)', async () => {
		const [item] = await lml.run({
			resource: 'product',
			operation: 'get',
			product: String(third.id),
		});
		expect(item.json.id).toBe(third.id);
	});
});
