import type { IDataObject } from 'n8n-workflow';

import { apiPath, callApi, getRecord, type ApiContext } from '../shared/transport/api';
import { apiError } from '../shared/transport/apiErrors';
import { found, missing, type Fetched } from '../shared/transport/fetched';
import { hurdle } from './provider';
import {
	collectPages,
	type Page,
	type PageCursor,
	type Paging,
} from '../shared/transport/pagination';

/** Hurdle documents no page-size limit; 100 is what most APIs of its kind accept. */
export const HURDLE_MAX_PAGE_SIZE = 100;

const ITEM_KEYS = ['data', 'items', 'orders', 'products', 'results'];
const PAGE_INFO_KEYS = ['meta', 'pagination', 'pageInfo'];

function isObject(value: unknown): value is IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function wholeNumber(value: unknown): number | undefined {
	const number = typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
	return typeof number === 'number' && Number.isInteger(number) && number > 0 ? number : undefined;
}

/**
 * A `next` link is reduced to the cursor or page number in its query: the next request is always built
 * from the credential's base URL, whatever host the link names.
 */
function cursorFromLink(link: string): PageCursor | undefined {
	if (!/[?/]/.test(link)) return wholeNumber(link) ?? link;
	let query: URLSearchParams;
	try {
		query = new URL(link, 'https://placeholder.invalid').searchParams;
	} catch {
		return undefined;
	}
	const cursor = query.get('cursor');
	return cursor ? cursor : wholeNumber(query.get('page'));
}

function nextFrom(info: IDataObject, currentPage: number): PageCursor | null | undefined {
	const cursor = info.nextCursor ?? info.next_cursor;
	if (typeof cursor === 'string' && cursor) return cursor;
	for (const key of ['nextPage', 'next_page', 'next']) {
		const next = info[key];
		if (typeof next === 'number') return wholeNumber(next) ?? null;
		if (typeof next === 'string' && next) return cursorFromLink(next) ?? null;
		if (next === null) return null;
	}
	const page = wholeNumber(info.page ?? info.currentPage ?? info.current_page);
	const totalPages = wholeNumber(
		info.totalPages ?? info.total_pages ?? info.pageCount ?? info.pages,
	);
	if (page !== undefined && totalPages !== undefined) return page < totalPages ? page + 1 : null;
	if (info.hasMore === true || info.has_more === true || info.hasNextPage === true)
		return (page ?? currentPage) + 1;
	if (info.hasMore === false || info.has_more === false || info.hasNextPage === false) return null;
	return undefined;
}

/**
 * One page of a Hurdle list. The envelope is not documented, so every common shape is accepted: a bare
 * array (the whole list), or the items under data/items/orders/products/results with a next cursor,
 * a next page number or link, page + totalPages, or hasMore, at the top level or under meta/pagination.
 */
export function hurdlePage(body: unknown, currentPage: number): Page<IDataObject> {
	if (Array.isArray(body)) return { items: body as IDataObject[], next: null };
	if (!isObject(body)) return { items: [], next: null };
	const key = ITEM_KEYS.find((candidate) => Array.isArray(body[candidate]));
	const items = key ? (body[key] as IDataObject[]) : [];
	for (const info of [body, ...PAGE_INFO_KEYS.map((infoKey) => body[infoKey])]) {
		if (!isObject(info)) continue;
		const next = nextFrom(info, currentPage);
		if (next !== undefined) return { items, next };
	}
	return { items, next: null };
}

/**
 * Hurdle's lists ask for `page` + `limit`, or `cursor` + `limit` once the API gives a cursor; each page's
 * envelope is read by `hurdlePage`.
 */
export const hurdlePaging: Paging = {
	api: hurdle,
	maxPageSize: HURDLE_MAX_PAGE_SIZE,
	query: ({ cursor, pageSize }) => ({
		...(typeof cursor === 'string' ? { cursor } : { page: cursor ?? 1 }),
		limit: pageSize,
	}),
	read: (body, { cursor }) => hurdlePage(body, typeof cursor === 'number' ? cursor : 1),
};

/** Lookups made during one execution, so that a hundred orders of one product page through the list once. */
const productLookups = new WeakMap<ApiContext, Map<string, Promise<IDataObject | undefined>>>();

/**
 * A product's entry in `GET /products/v1` (what Product › Get Many reads), or undefined if the list does
 * not hold it. Hurdle documents no lookup by code that could be relied on, so the list is paged through,
 * stopping at the page that holds it.
 */
export async function findProduct(
	context: ApiContext,
	productCode: string,
	itemIndex?: number,
): Promise<IDataObject | undefined> {
	let lookups = productLookups.get(context);
	if (!lookups) productLookups.set(context, (lookups = new Map()));
	let lookup = lookups.get(productCode);
	if (!lookup) {
		lookup = searchProducts(context, productCode, itemIndex);
		lookups.set(productCode, lookup);
		// A failed lookup is not kept: the next item asks again.
		lookup.catch(() => lookups.delete(productCode));
	}
	return await lookup;
}

async function searchProducts(
	context: ApiContext,
	productCode: string,
	itemIndex?: number,
): Promise<IDataObject | undefined> {
	let product: IDataObject | undefined;
	await collectPages(
		async (request) => {
			const { body } = await callApi(
				context,
				hurdle,
				{ method: 'GET', path: '/products/v1', qs: hurdlePaging.query(request) },
				itemIndex,
			);
			const page = hurdlePaging.read(body, request);
			product = page.items.find((item) => item.productCode === productCode);
			return product ? { items: page.items, next: null } : page;
		},
		{ maxPageSize: HURDLE_MAX_PAGE_SIZE },
	);
	return product;
}

export async function getTest(
	context: ApiContext,
	testId: string,
	itemIndex?: number,
): Promise<IDataObject> {
	return await getRecord(context, hurdle, apiPath('/tests/v2', testId), itemIndex);
}

const ORDER_LOOKUP_MISSING = [404, 405];

/**
 * GET /orders/v3/{orderNumber}, an assumed endpoint: Hurdle documents creating v3 orders, not reading them
 * back. A 404 or 405 may mean the lookup is not there for this account, so it comes back as unavailable
 * (with the HTTP error, for a caller that needs the order).
 */
export async function getOrder(
	context: ApiContext,
	orderNumber: string,
	itemIndex?: number,
): Promise<Fetched<IDataObject>> {
	const { statusCode, body } = await callApi<IDataObject>(
		context,
		hurdle,
		{
			method: 'GET',
			path: apiPath('/orders/v3', orderNumber),
			returnStatuses: ORDER_LOOKUP_MISSING,
		},
		itemIndex,
	);
	if (!ORDER_LOOKUP_MISSING.includes(statusCode)) return found(body);
	return missing(
		'unavailable',
		`Hurdle did not return the order (HTTP ${statusCode}). Hurdle does not document an order lookup, so it may not be available to your account.`,
		apiError(context.getNode(), hurdle, statusCode, body, { itemIndex }),
	);
}
