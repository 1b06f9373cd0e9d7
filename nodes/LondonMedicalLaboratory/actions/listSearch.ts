import {
	NodeOperationError,
	type IDataObject,
	type ILoadOptionsFunctions,
	type INodeListSearchResult,
} from 'n8n-workflow';

import { callApi } from '../../shared/transport/api';
import { listSearchResults } from '../../shared/actions/parameters';
import { lml } from '../provider';
import { getProduct, getShippingMethods, LML_MAX_PAGE_SIZE } from '../transport';
import { currentProduct } from './productLocator';

interface ProductPage {
	items?: IDataObject[];
	next_page?: number | null;
}

const money = (price: unknown) => (price as IDataObject | undefined)?.formatted_value;

/** The searchable lists of the node's resource locators (the node's `methods.listSearch`). */
export const listSearch = {
	/** Products, a page of 100 at a time, searched by LML (its `search` filter). */
	async searchProducts(
		this: ILoadOptionsFunctions,
		filter?: string,
		paginationToken?: string,
	): Promise<INodeListSearchResult> {
		const page = Number(paginationToken) || 1;
		const search = filter?.trim();
		const { body } = await callApi<ProductPage>(this, lml, {
			method: 'GET',
			path: '/api/product/',
			qs: { page, results_per_page: LML_MAX_PAGE_SIZE, ...(search ? { search } : {}) },
		});
		const next = body?.next_page;
		return listSearchResults(
			body?.items ?? [],
			(product) => ({
				name: product.sku
					? `${String(product.name)} (${String(product.sku)})`
					: String(product.name),
				value: String(product.id),
			}),
			undefined,
			typeof next === 'number' && next > page ? String(next) : undefined,
		);
	},

	/** The shipping methods of the product chosen in the same node. */
	async searchShippingMethods(
		this: ILoadOptionsFunctions,
		filter?: string,
	): Promise<INodeListSearchResult> {
		const product = currentProduct(this);
		if (!product) {
			throw new NodeOperationError(this.getNode(), 'Choose the product first', {
				description: 'Each product has its own shipping methods.',
			});
		}
		const productId =
			product.by === 'id' ? product.value : String((await getProduct(this, product)).id);
		return listSearchResults(
			await getShippingMethods(this, productId),
			(method) => ({
				name: [method.name, method.type, money(method.price)]
					.filter((part) => typeof part === 'string' && part)
					.join(' · '),
				value: String(method.id),
			}),
			filter,
		);
	},
};
