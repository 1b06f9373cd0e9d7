import type { IDataObject } from 'n8n-workflow';

import { defineGetMany } from '../../../shared/actions/operationKinds';
import { menuParameter } from '../../../shared/actions/parameters';
import type { Paging } from '../../../shared/transport/pagination';
import { modalityOptions } from '../../events';
import { junction } from '../../provider';

/** GET /v3/lab_test documents 50 as the default `lab_test_limit` and no maximum; 50 is safe. */
export const LAB_TESTS_MAX_PAGE_SIZE = 50;

/** `GetLabTestPricingResponse`: per lab test ID, `{pricing: Price, marker_breakdown?}`; amounts in minor units. */
interface LabTestsPricing {
	currency?: string;
	data?: Record<string, unknown> | null;
}

interface LabTestsPage {
	data?: IDataObject[];
	next_cursor?: string | null;
	/** Only with `include_pricing=true`. */
	pricing?: LabTestsPricing | null;
}

const isObject = (value: unknown): value is IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Each test of a page with its own entry of the page's `pricing` and the currency:
 * `{currency, pricing: {base_amount_minor, modifiers} | {unspecified}, marker_breakdown?}`, or null when
 * Junction prices it nowhere. Without a `pricing` object (Include Pricing off) the tests are left as sent.
 */
export function withPricing(tests: IDataObject[], pricing: unknown): IDataObject[] {
	if (!isObject(pricing)) return tests;
	const entries = isObject(pricing.data) ? pricing.data : {};
	const currency = typeof pricing.currency === 'string' ? pricing.currency : null;
	return tests.map((test) => {
		const entry = entries[String(test.id)];
		return { ...test, pricing: isObject(entry) ? { currency, ...entry } : null };
	});
}

/** GET /v3/lab_test, following `next_cursor` until it is null; each page prices its own tests. */
const labTestsPaging: Paging<LabTestsPage | undefined> = {
	api: junction,
	maxPageSize: LAB_TESTS_MAX_PAGE_SIZE,
	query: ({ cursor, pageSize }) => ({
		lab_test_limit: pageSize,
		...(cursor === undefined ? {} : { next_cursor: cursor }),
	}),
	read: (body) => ({
		items: withPricing(body?.data ?? [], body?.pricing),
		next: body?.next_cursor || null,
	}),
};

export default defineGetMany({
	action: 'Get many lab tests',
	description: 'List the lab tests your team can order',
	path: '/v3/lab_test',
	paging: labTestsPaging,
	filters: [
		{
			displayName: 'Collection Method',
			name: 'collection_method',
			type: 'options',
			options: modalityOptions,
			default: 'testkit',
		},
		{
			displayName: 'Include Pricing',
			name: 'include_pricing',
			type: 'boolean',
			default: true,
			description: 'Whether to include the prices of the tests',
		},
		{
			displayName: 'Lab Slug',
			name: 'lab_slug',
			type: 'string',
			default: '',
			placeholder: 'e.g. labcorp',
		},
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			default: '',
			description: 'Case-insensitive part of the lab test name',
		},
		menuParameter(
			{
				displayName: 'Source',
				name: 'generation_method',
				default: 'manual',
				description: 'Which lab tests to list; Junction lists only your own by default',
			},
			[
				['All', 'all'],
				['Created by Junction', 'auto'],
				['Created by Your Team', 'manual'],
			],
		),
		menuParameter(
			{
				displayName: 'Status',
				name: 'status',
				default: 'active',
			},
			[
				['Active', 'active'],
				['Pending Approval', 'pending_approval'],
				['Inactive', 'inactive'],
			],
		),
	],
});
