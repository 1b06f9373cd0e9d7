import type { INodeExecutionData } from 'n8n-workflow';

import { junctionActionRig } from '../actionRig';

const { requestsTo, operation } = junctionActionRig();
const getLabTests = operation('labTest', 'getMany');

describe('Lab Test', () => {
	it('follows next_cursor: all 120 tests in ceil(120 / 50) = 3 requests', async () => {
		const { items } = await getLabTests({ returnAll: true, filters: {} });
		expect(items).toHaveLength(120);
		const pages = requestsTo('/v3/lab_test');
		expect(pages).toHaveLength(3);
		expect(pages[0].query).not.toHaveProperty('next_cursor');
		expect(pages[1].query.next_cursor).toBeTruthy();
		expect(pages.every((request) => request.query.lab_test_limit === '50')).toBe(true);
	});

	it('stops at the limit and passes filters', async () => {
		const { items } = await getLabTests({
			returnAll: false,
			limit: 7,
			filters: { name: 'panel 1', generation_method: 'all' },
		});
		expect(items).toHaveLength(7);
		expect(requestsTo('/v3/lab_test')[0].query).toMatchObject({
			lab_test_limit: '7',
			name: 'panel 1',
			generation_method: 'all',
		});
	});
});

describe('Lab Test pricing', () => {
	const pricingOf = (items: INodeExecutionData[], index: number) =>
		items.find((item) => item.json.slug === `lab-test-${index}`)!.json.pricing;

	it('gives every test its own entry of the top-level pricing, with the currency, on every page', async () => {
		const { items } = await getLabTests({ returnAll: true, filters: { include_pricing: true } });
		expect(items).toHaveLength(120);
		const pages = requestsTo('/v3/lab_test');
		expect(pages).toHaveLength(3);
		expect(pages.every((request) => request.query.include_pricing === 'true')).toBe(true);
		expect(items.every((item) => 'pricing' in item.json)).toBe(true);
		expect(pricingOf(items, 0)).toEqual({
			currency: 'USD',
			pricing: {
				base_amount_minor: 4500,
				modifiers: [
					{ delta_amount_minor: 500, conditions: { us_state: { any_of: ['NY', 'NJ'] } } },
					{ delta_amount_minor: { minimum: 0, maximum: 2500 }, conditions: { reflex: {} } },
				],
			},
			marker_breakdown: {
				'101': { base_amount_minor: 1500 },
				'102': { unspecified: 'price_unavailable' },
			},
		});
		// The third page's tests are priced from the third page's answer.
		expect(pricingOf(items, 101)).toEqual({
			currency: 'USD',
			pricing: { base_amount_minor: 14600, modifiers: null },
		});
		expect(pricingOf(items, 109)).toEqual({
			currency: 'USD',
			pricing: { unspecified: 'refer_to_contract' },
		});
		// A test the answer does not price says so, rather than lacking the field.
		expect(pricingOf(items, 6)).toBeNull();
	});

	it('adds no pricing when it is not asked for', async () => {
		const { items } = await getLabTests({ returnAll: false, limit: 5, filters: {} });
		expect(items).toHaveLength(5);
		expect(items.some((item) => 'pricing' in item.json)).toBe(false);
		expect(requestsTo('/v3/lab_test')[0].query).not.toHaveProperty('include_pricing');
	});

	it('leaves a page without a pricing object as sent, and ignores entries that are not objects', async () => {
		const { withPricing } = await import(
			'../../../../nodes/Junction/actions/labTest/getMany.operation'
		);
		const tests = [{ id: 'a' }, { id: 'b' }];
		expect(withPricing(tests, null)).toBe(tests);
		expect(
			withPricing(tests, {
				data: { a: 'free', b: { pricing: { unspecified: 'price_unavailable' } } },
			}),
		).toEqual([
			{ id: 'a', pricing: null },
			{ id: 'b', pricing: { currency: null, pricing: { unspecified: 'price_unavailable' } } },
		]);
	});
});
