import type { IDataObject } from 'n8n-workflow';

import { callApi, type ApiContext, type ProviderApi } from './api';

/**
 * Get Many over page-number and cursor APIs alike: a provider's `Paging` asks for one page and says
 * where the next one starts; `collectPages` stops at the limit, at the last page, or on an empty page.
 */
export type PageCursor = string | number;

export interface Page<T> {
	items: T[];
	/** Where the next page starts, or null/undefined when this was the last page. */
	next?: PageCursor | null;
}

export interface PageRequest {
	cursor: PageCursor | undefined;
	pageSize: number;
}

export interface CollectOptions {
	/** Undefined means "Return All". */
	limit?: number;
	maxPageSize: number;
}

/**
 * Far beyond any real account; only a misbehaving API that never ends its pages gets here, and then
 * the list fails rather than come back cut short without a word.
 */
export const MAX_PAGES = 10000;

export async function collectPages<T>(
	fetchPage: (request: PageRequest) => Promise<Page<T>>,
	{ limit, maxPageSize }: CollectOptions,
): Promise<T[]> {
	// Always ask for the largest page the API allows (or the limit if smaller): fewest requests.
	const pageSize = Math.max(1, Math.min(maxPageSize, limit ?? maxPageSize));
	const collected: T[] = [];
	const seen = new Set<PageCursor>();
	let cursor: PageCursor | undefined;
	for (let pageNumber = 0; pageNumber < MAX_PAGES; pageNumber++) {
		const page = await fetchPage({ cursor, pageSize });
		collected.push(...page.items);
		if (limit !== undefined && collected.length >= limit) return collected.slice(0, limit);
		const next = page.next;
		if (next === null || next === undefined || page.items.length === 0 || seen.has(next)) break;
		seen.add(next);
		cursor = next;
		if (pageNumber === MAX_PAGES - 1) {
			throw new Error(
				`The API still had more pages after ${MAX_PAGES} pages (${collected.length} records); stopped rather than return part of the list. Set a Limit, or narrow the filters.`,
			);
		}
	}
	return collected;
}

/** How one of a provider's list endpoints pages: the query asking for a page, and what a page holds. */
export interface Paging<Body = unknown> {
	api: ProviderApi;
	maxPageSize: number;
	/** Added to the list's own query for each page. */
	query(request: PageRequest): IDataObject;
	read(body: Body, request: PageRequest): Page<IDataObject>;
}

/** GETs `path` page by page with `qs` and the paging's query, up to `limit` (undefined: all of it). */
export async function getPages<Body>(
	context: ApiContext,
	paging: Paging<Body>,
	path: string,
	qs: IDataObject,
	limit?: number,
	itemIndex?: number,
): Promise<IDataObject[]> {
	return await collectPages(
		async (request) => {
			const { body } = await callApi<Body>(
				context,
				paging.api,
				{ method: 'GET', path, qs: { ...qs, ...paging.query(request) } },
				itemIndex,
			);
			return paging.read(body, request);
		},
		{ limit, maxPageSize: paging.maxPageSize },
	);
}
