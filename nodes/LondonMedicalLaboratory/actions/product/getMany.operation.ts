import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import {
	filtersProperty,
	nonEmptyFields,
	requestedLimit,
	returnAllOrLimit,
} from '../../../shared/descriptions';
import { showFor, toItems, type OperationOption } from '../../../shared/operations';
import { lmlList } from '../../transport';

export const option: OperationOption = {
	name: 'Get Many',
	value: 'getMany',
	action: 'Get many products',
	description: 'List products',
};

const parameters: INodeProperties[] = [
	...returnAllOrLimit(),
	filtersProperty([
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
		{
			displayName: 'Shipping Types',
			name: 'shipping_type_in',
			type: 'multiOptions',
			options: [
				{ name: 'Home Kit', value: 'home_kit' },
				{ name: 'Walk-In', value: 'walk_in' },
			],
			default: [],
		},
		{
			displayName: 'SKU',
			name: 'sku',
			type: 'string',
			default: '',
		},
	]),
];

export const properties = updateDisplayOptions(showFor('product', option), parameters);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const limit = requestedLimit(this, itemIndex);
	const {
		shipping_type_in: shippingTypes,
		all_products: allProducts,
		...filters
	} = nonEmptyFields(this.getNodeParameter('filters', itemIndex, {}) as IDataObject);
	const qs: IDataObject = { ...filters };
	if (Array.isArray(shippingTypes) && shippingTypes.length)
		qs['shipping_type_in[]'] = shippingTypes;
	if (allProducts) qs.all_products = 1;
	return toItems(await lmlList(this, '/api/product/', qs, limit, itemIndex));
}
