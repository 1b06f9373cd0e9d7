import type { IDataObject } from 'n8n-workflow';

import { apiPath, callApi, getRecord, type ApiContext } from '../shared/transport/api';
import { found, missing, type Fetched } from '../shared/transport/fetched';
import { lml } from './provider';
import { getPages, type Paging } from '../shared/transport/pagination';

/** LML's documented maximum for `results_per_page`. */
export const LML_MAX_PAGE_SIZE = 100;

interface LmlPage {
	items?: IDataObject[];
	next_page?: number | null;
}

/** Every LML list answers with `{items, next_page, …}`; its pages are followed until `next_page` is null. */
export const lmlPaging: Paging<LmlPage | undefined> = {
	api: lml,
	maxPageSize: LML_MAX_PAGE_SIZE,
	query: ({ cursor, pageSize }) => ({ page: cursor ?? 1, results_per_page: pageSize }),
	read: (body) => ({ items: body?.items ?? [], next: body?.next_page ?? null }),
};

export async function getTestRegistration(
	context: ApiContext,
	id: string,
	itemIndex?: number,
): Promise<IDataObject> {
	return await getRecord(context, lml, apiPath('/api/test_registration', id), itemIndex);
}

export async function getOrder(
	context: ApiContext,
	id: string,
	itemIndex?: number,
): Promise<IDataObject> {
	return await getRecord(context, lml, apiPath('/api/order', id), itemIndex);
}

/**
 * Results of a test registration. LML answers 204 until they are ready. Older endpoints return a bare
 * array, newer ones the paginated envelope: both are accepted.
 */
export async function getLabResults(
	context: ApiContext,
	id: string,
	itemIndex?: number,
): Promise<Fetched<IDataObject[]>> {
	const path = `${apiPath('/api/test_registration', id)}/lab_results/`;
	const { statusCode, body } = await callApi<IDataObject[] | LmlPage | ''>(
		context,
		lml,
		{ method: 'GET', path },
		itemIndex,
	);
	if (statusCode === 204 || body === '' || body === undefined || body === null)
		return missing('notReady', 'LML has not released these results yet');
	if (Array.isArray(body)) return found(body);
	if (body.next_page)
		return found(await getPages(context, lmlPaging, path, {}, undefined, itemIndex));
	return found(body.items ?? []);
}

/** The results report of a test registration as a PDF; LML answers 204 while it is not ready. */
export async function downloadResultsPdf(
	context: ApiContext,
	id: string,
	itemIndex?: number,
): Promise<Fetched<Buffer>> {
	const { statusCode, body } = await callApi<Buffer>(
		context,
		lml,
		{
			method: 'GET',
			path: `${apiPath('/api/test_registration', id)}/download_pdf`,
			binary: true,
		},
		itemIndex,
	);
	return statusCode === 204 || !body?.length
		? missing('notReady', 'LML has not released the report yet')
		: found(Buffer.from(body));
}
