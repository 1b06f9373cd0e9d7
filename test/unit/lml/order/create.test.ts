import type { IDataObject } from 'n8n-workflow';

import { lmlUnderTest } from '../lmlNode';

const lml = lmlUnderTest();
const [thyroid, second] = lml.data.products;
const [postal, walkIn] = lml.data.shipping[String(thyroid.id)];

const order = (overrides: IDataObject = {}) => ({
	resource: 'order',
	operation: 'create',
	product: { mode: 'list', value: thyroid.id },
	quantity: 2,
	shippingMethod: { mode: 'list', value: postal.id },
	customer: 'new',
	customerEmail: 'sam@example.com',
	customerFirstName: 'Sam',
	customerLastName: 'Lee',
	customerPhoneNumber: '07700 900456',
	line1: '2 Mill Lane',
	city: 'Leeds',
	postcode: 'LS1 2AA',
	countryCode: 'gb',
	additionalFields: {},
	options: {},
	...overrides,
});
const posts = () => lml.bodies('POST', '/api/order/');
const event = (deliveryId: string) => [{ deliveryId }];

describe('LML Order › Create', () => {
	it('sends the documented body and returns the order with the registrations LML created', async () => {
		const ordersBefore = lml.data.orders.length;
		const [item] = await lml.run(
			order({
				additionalFields: { line2: 'Flat 3', company: 'Clinic Ltd', shippingDate: '2026-02-01' },
			}),
			{ input: event('order-1') },
		);
		expect(lml.lines()).toEqual(['POST /api/order/']);
		expect(posts()).toEqual([
			{
				items: [{ product_id: thyroid.id, quantity: 2 }],
				shipping_id: postal.id,
				customer: {
					email: 'sam@example.com',
					first_name: 'Sam',
					last_name: 'Lee',
					phone_number: '07700900456',
				},
				address: {
					line1: '2 Mill Lane',
					line2: 'Flat 3',
					city: 'Leeds',
					postal_code: 'LS1 2AA',
					country_code: 'GB',
					company: 'Clinic Ltd',
				},
				shipping_date: '2026-02-01',
			},
		]);
		expect(lml.data.orders).toHaveLength(ordersBefore + 1);
		const created = lml.data.orders[ordersBefore];
		expect(item.json).toMatchObject({ id: created.id });
		expect(item.json.test_registrations).toHaveLength(2);
		expect(item.json).not.toHaveProperty('customer');
	});

	it('takes a SKU, more items and an existing customer', async () => {
		await lml.run(
			order({
				product: { mode: 'sku', value: thyroid.sku },
				quantity: 1,
				shippingMethod: { mode: 'id', value: walkIn.id },
				customer: 'existing',
				customerId: 'cust-42',
				additionalFields: { moreItems: { item: [{ product: second.sku, quantity: 1 }] } },
			}),
			{ input: event('order-2') },
		);
		expect(posts()[0]).toMatchObject({
			items: [
				{ product_sku: thyroid.sku, quantity: 1 },
				{ product_sku: second.sku, quantity: 1 },
			],
			shipping_id: walkIn.id,
			customer_id: 'cust-42',
		});
		expect(posts()[0]).not.toHaveProperty('customer');
	});

	it('run again on the same item, returns the order it placed instead of placing another', async () => {
		const staticData = {};
		const ordersBefore = lml.data.orders.length;
		const [first] = await lml.run(order(), { input: event('order-3'), staticData });
		const [again] = await lml.run(order(), { input: event('order-3'), staticData });
		expect(lml.data.orders).toHaveLength(ordersBefore + 1);
		expect(lml.lines()).toEqual(['POST /api/order/']);
		expect(again.json).toEqual({
			id: first.json.id,
			alreadyCreated: true,
			createdAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
			message: expect.stringContaining(
				`Not created again: this node created order ${String(first.json.id)} for the same input`,
			),
		});
		const [another] = await lml.run(order(), { input: event('order-4'), staticData });
		expect(another.json.id).not.toBe(first.json.id);
		const [repeated] = await lml.run(order({ options: { allowRepeat: true } }), {
			input: event('order-3'),
			staticData,
		});
		expect(repeated.json.id).not.toBe(first.json.id);
		expect(lml.data.orders).toHaveLength(ordersBefore + 3);
	});

	it('after an unconfirmed attempt (Retry On Fail), stops instead of ordering twice', async () => {
		const staticData = {};
		const ordersBefore = lml.data.orders.length;
		lml.data.loseNextCreateAnswer = true;
		const first = (await lml
			.run(order(), { input: event('order-5'), staticData })
			.catch((caught: Error) => caught)) as Error & { description?: string };
		expect(first.message).toBe(
			'London Medical Laboratory may have created the order without confirming it',
		);
		expect(first.description).toContain('Order › Get Many');
		const retry = (await lml
			.run(order(), { input: event('order-5'), staticData })
			.catch((caught: Error) => caught)) as Error & { description?: string };
		expect(retry.message).toMatch(
			/^Not sent again: an earlier attempt at .* may have created the order$/,
		);
		expect(retry.description).toContain('Options › Allow Repeat Orders');
		expect(lml.data.orders).toHaveLength(ordersBefore + 1);
		expect(lml.lines()).toEqual(['POST /api/order/']);
	});

	it('refuses an incomplete order before sending it, naming every parameter', async () => {
		const error = (await lml
			.run(
				order({
					quantity: 0,
					shippingMethod: { mode: 'list', value: '' },
					customerEmail: 'sam.example.com',
					countryCode: 'GBR',
					additionalFields: { shippingDate: '01/02/2026' },
				}),
			)
			.catch((caught: Error) => caught)) as Error;
		expect(error.message).toBe(
			'The order is incomplete: Quantity must be a whole number of at least 1; Shipping Method is empty; Customer Email is not an email address; Country Code must be a two-letter ISO code, such as GB; Shipping Date must be written as YYYY-MM-DD',
		);
		expect(error.message).not.toContain('sam.example.com');
		expect(lml.lines()).toEqual([]);
	});

	it("passes LML's refusal of another product's shipping method on", async () => {
		const otherProducts = lml.data.shipping[String(second.id)][0];
		const error = (await lml
			.run(order({ shippingMethod: { mode: 'id', value: otherProducts.id } }), {
				input: event('order-6'),
			})
			.catch((caught: Error) => caught)) as Error & { description?: string };
		expect(error.message).toBe('London Medical Laboratory rejected the request (HTTP 400)');
		expect(error.description).toContain('shipping_id is not a shipping method of these products');
	});
});
