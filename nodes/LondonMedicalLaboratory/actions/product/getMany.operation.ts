import { defineGetMany } from '../../../shared/actions/operationKinds';
import { menuParameter } from '../../../shared/actions/parameters';
import { lmlPaging } from '../../transport';

export default defineGetMany({
	action: 'Get many products',
	description: 'List products',
	path: '/api/product/',
	paging: lmlPaging,
	filters: [
		{
			displayName: 'Biomarker Slug',
			name: 'biomarker_slug',
			type: 'string',
			default: '',
			description: 'Only products that test this biomarker',
		},
		{
			displayName: 'Category Slug',
			name: 'category_slug',
			type: 'string',
			default: '',
		},
		{
			displayName: 'Collection Slug',
			name: 'collection_slug',
			type: 'string',
			default: '',
		},
		{
			displayName: 'Include Hidden Products',
			name: 'all_products',
			type: 'boolean',
			default: false,
			description: 'Whether to include products not normally offered externally',
		},
		{
			displayName: 'Search',
			name: 'search',
			type: 'string',
			default: '',
			description: 'Free-text search over product names',
		},
		menuParameter(
			{
				displayName: 'Shipping Types',
				name: 'shipping_type_in',
				default: [],
			},
			[
				['Home Kit', 'home_kit'],
				['Walk-In', 'walk_in'],
			],
		),
		{
			displayName: 'SKU',
			name: 'sku',
			type: 'string',
			default: '',
		},
	],
	// LML reads a list as repeated `shipping_type_in[]`, and the flag as 1.
	query({ shipping_type_in: shippingTypes, all_products: allProducts, ...query }) {
		if (Array.isArray(shippingTypes)) query['shipping_type_in[]'] = shippingTypes;
		if (allProducts) query.all_products = 1;
		return query;
	},
});
