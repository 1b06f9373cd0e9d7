import { NodeOperationError, type IDataObject } from 'n8n-workflow';

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

/** A record by its id, or undefined where LML answers 404. */
export async function findRecord(
	context: ApiContext,
	path: string,
	itemIndex?: number,
): Promise<IDataObject | undefined> {
	const { statusCode, body } = await callApi<IDataObject>(
		context,
		lml,
		{ method: 'GET', path, returnStatuses: [404] },
		itemIndex,
	);
	return statusCode === 404 ? undefined : body;
}

/** `POST {base}/api/<resource>/`: LML's create URLs end in a slash, as its SDK sends them. */
export async function createRecord(
	context: ApiContext,
	resource: string,
	body: IDataObject,
	itemIndex?: number,
): Promise<IDataObject> {
	const { body: created } = await callApi<IDataObject | ''>(
		context,
		lml,
		{ method: 'POST', path: `/api/${resource}/`, body },
		itemIndex,
	);
	return typeof created === 'object' && created !== null ? created : {};
}

/** A product's full record, by its UUID, or by its SKU through the list's `sku` filter. */
export async function getProduct(
	context: ApiContext,
	product: ProductReference,
	itemIndex?: number,
): Promise<IDataObject> {
	if (product.by === 'id')
		return await getRecord(context, lml, apiPath('/api/product', product.value), itemIndex);
	const { body } = await callApi<LmlPage>(
		context,
		lml,
		{ method: 'GET', path: '/api/product/', qs: { sku: product.value, results_per_page: 10 } },
		itemIndex,
	);
	const match = body?.items?.find((item) => item.sku === product.value);
	if (!match) {
		throw new NodeOperationError(context.getNode(), 'LML has no product with this SKU', {
			description:
				'Check the SKU under Product, and that the credential points at the right environment.',
			itemIndex,
		});
	}
	return match.id
		? await getRecord(context, lml, apiPath('/api/product', String(match.id)), itemIndex)
		: match;
}

/** A product named by its UUID or by its SKU, as LML's order and registration bodies take either. */
export interface ProductReference {
	by: 'id' | 'sku';
	value: string;
}

/**
 * The shipping methods of a product. The docs show `{items: […]}`, LML's SDK reads the paginated
 * envelope; a bare array is read too.
 */
export async function getShippingMethods(
	context: ApiContext,
	productId: string,
	itemIndex?: number,
): Promise<IDataObject[]> {
	const { body } = await callApi<IDataObject[] | LmlPage>(
		context,
		lml,
		{ method: 'GET', path: `${apiPath('/api/product', productId)}/shipping` },
		itemIndex,
	);
	if (Array.isArray(body)) return body;
	return body?.items ?? [];
}
