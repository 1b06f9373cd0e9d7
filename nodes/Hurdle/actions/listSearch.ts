import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { callApi } from '../../shared/transport/api';
import { listSearchResults } from '../../shared/actions/parameters';
import type { PageCursor } from '../../shared/transport/pagination';
import { hurdle } from '../provider';
import { hurdlePaging, HURDLE_MAX_PAGE_SIZE } from '../transport';

/** Pages read for one search at most: Hurdle cannot search, so a filter is applied page by page. */
const MAX_PAGES_PER_SEARCH = 5;

const productEntry = (product: IDataObject) => ({
	name: product.name
		? `${String(product.name)} (${String(product.productCode)})`
		: String(product.productCode),
	value: String(product.productCode),
});

/** A page number or a cursor, as the list's pagination token carries it. */
const cursorOf = (token?: string): PageCursor =>
	token === undefined || token === '' ? 1 : /^\d+$/.test(token) ? Number(token) : token;

/** The searchable lists of the node's resource locators (the node's `methods.listSearch`). */
export const listSearch = {
	/**
	 * Products, by name and code. Without a filter, a page of the list at a time; with one, pages are
	 * read until one holds a match (at most 5 per search), and the list goes on from the next.
	 */
	async searchProducts(
		this: ILoadOptionsFunctions,
		filter?: string,
		paginationToken?: string,
	): Promise<INodeListSearchResult> {
		let cursor: PageCursor | null = cursorOf(paginationToken);
		const results: INodeListSearchResult['results'] = [];
		for (let read = 0; cursor !== null && read < MAX_PAGES_PER_SEARCH && !results.length; read++) {
			const request = { cursor, pageSize: HURDLE_MAX_PAGE_SIZE };
			const { body } = await callApi(this, hurdle, {
				method: 'GET',
				path: '/products/v1',
				qs: hurdlePaging.query(request),
			});
			const page = hurdlePaging.read(body, request);
			results.push(...listSearchResults(page.items, productEntry, filter).results);
			cursor = page.next ?? null;
		}
		return cursor === null ? { results } : { results, paginationToken: String(cursor) };
	},
};
