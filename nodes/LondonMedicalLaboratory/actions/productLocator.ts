import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type ILoadOptionsFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import type { ProductReference } from '../transport';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * An LML product: picked from the list (searchable, through `searchProducts`), or entered by ID or
 * by SKU. LML's order and registration bodies take either, so both are kept as entered.
 */
export function productProperty(
	overrides: Partial<INodeProperties> = {},
	name = 'product',
): INodeProperties {
	return {
		displayName: 'Product',
		name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description: 'The product: pick it from the list, or enter its ID or SKU',
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchProducts', searchable: true },
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: 'e.g. e5f6a7b8-0000-4000-8000-000000000001',
			},
			{ displayName: 'By SKU', name: 'sku', type: 'string', placeholder: 'e.g. LML-THY-ADV' },
		],
		...overrides,
	};
}

/**
 * What a product parameter holds, as a reference: a value that is not a UUID is a SKU, whatever the
 * mode (an expression may give either). Undefined when nothing was entered.
 */
export function productReferenceOf(value: unknown): ProductReference | undefined {
	const locator =
		typeof value === 'object' && value !== null ? (value as IDataObject) : { value, mode: 'id' };
	const text = String(locator.value ?? '').trim();
	if (!text) return undefined;
	if (locator.mode === 'sku' || !UUID.test(text)) return { by: 'sku', value: text };
	return { by: 'id', value: text };
}

/** The product parameter of one item; an empty one stops the item, naming the parameter. */
export function productAt(
	context: IExecuteFunctions,
	itemIndex: number,
	name = 'product',
	label = 'Product',
): ProductReference {
	const reference = productReferenceOf(context.getNodeParameter(name, itemIndex, ''));
	if (!reference) {
		throw new NodeOperationError(context.getNode(), `${label} is empty`, {
			description: `Pick the ${label.toLowerCase()} from the list, or enter its ID or SKU.`,
			itemIndex,
		});
	}
	return reference;
}

/** The product chosen in the node the editor is showing, for lists that depend on it. */
export function currentProduct(context: ILoadOptionsFunctions): ProductReference | undefined {
	return productReferenceOf(context.getCurrentNodeParameter('product'));
}

/** `{product_id}` or `{product_sku}`: how LML's bodies name a product of either kind. */
export function productField(product: ProductReference): IDataObject {
	return product.by === 'id' ? { product_id: product.value } : { product_sku: product.value };
}
