import { HURDLE_SAMPLE_IDS } from '../../../../dev/fakes/hurdle/samples';
import { hurdleUnderTest } from '../hurdleNode';

const hurdle = hurdleUnderTest();

const order = (overrides: Record<string, unknown> = {}) => ({
	resource: 'order',
	operation: 'create',
	productCode: {
		mode: 'list',
		value: HURDLE_SAMPLE_IDS.productCode,
		cachedResultName: 'Heart Health',
	},
	quantity: 1,
	firstName: 'Bob',
	lastName: 'Jones',
	email: 'bob@example.com',
	mobileNumber: '447789123456',
	addressLine1: '130 Plumstead Road',
	city: 'London',
	postcode: 'SE18 7DW',
	countryCode: 'GB',
	options: {},
	...overrides,
});
const event = (deliveryId: string) => [{ deliveryId }];
const orderPosts = () => hurdle.lines().filter((line) => line === 'POST /orders/v3');

describe('Hurdle Order › Create, never twice', () => {
	it('takes the product from the list as from a saved product code', async () => {
		await hurdle.run(order(), { input: event('h-1') });
		await hurdle.run(order({ productCode: HURDLE_SAMPLE_IDS.productCode }), {
			input: event('h-2'),
		});
		expect(hurdle.data.createdOrders.slice(-2).map((body) => body.productCode)).toEqual([
			HURDLE_SAMPLE_IDS.productCode,
			HURDLE_SAMPLE_IDS.productCode,
		]);
	});

	it('run again on the same item, returns the order number it got instead of ordering again', async () => {
		const staticData = {};
		const before = hurdle.data.createdOrders.length;
		const [first] = await hurdle.run(order(), { input: event('h-3'), staticData });
		const [again] = await hurdle.run(order(), { input: event('h-3'), staticData });
		expect(hurdle.data.createdOrders).toHaveLength(before + 1);
		expect(orderPosts()).toHaveLength(1);
		expect(again.json).toEqual({
			orderNumber: first.json.orderNumber,
			alreadyCreated: true,
			createdAt: expect.any(String),
			message: expect.stringContaining(`this node created order ${String(first.json.orderNumber)}`),
		});
		const [repeated] = await hurdle.run(order({ options: { allowRepeat: true } }), {
			input: event('h-3'),
			staticData,
		});
		expect(repeated.json.orderNumber).not.toBe(first.json.orderNumber);
		expect(hurdle.data.createdOrders).toHaveLength(before + 2);
	});

	it('after a lost answer, says the order may exist and how to check, and a retry sends nothing', async () => {
		const staticData = {};
		const before = hurdle.data.createdOrders.length;
		hurdle.data.loseNextCreateAnswer = true;
		const first = (await hurdle
			.run(order(), { input: event('h-4'), staticData })
			.catch((caught: Error) => caught)) as Error & { description?: string };
		expect(first.message).toBe('Hurdle may have created the order without confirming it');
		expect(first.description).toContain('ORDER.CREATED');
		expect(first.description).toContain('Order › Cancel');
		const retry = (await hurdle
			.run(order(), { input: event('h-4'), staticData })
			.catch((caught: Error) => caught)) as Error;
		expect(retry.message).toMatch(
			/^Not sent again: an earlier attempt at .* may have created the order$/,
		);
		expect(hurdle.data.createdOrders).toHaveLength(before + 1);
		expect(orderPosts()).toHaveLength(1);
	});

	it('a refused order (400) is not remembered: corrected, the same item is sent', async () => {
		const staticData = {};
		await expect(
			hurdle.run(order({ productCode: 'NOT-A-PRODUCT' }), { input: event('h-5'), staticData }),
		).rejects.toThrow('Hurdle rejected the request (HTTP 400)');
		expect(staticData).toEqual({ createdItems: {} });
		const [item] = await hurdle.run(order(), { input: event('h-5'), staticData });
		expect(item.json).toMatchObject({ status: 'CREATED' });
		expect(orderPosts()).toHaveLength(2);
	});
});
