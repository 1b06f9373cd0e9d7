import type { IDataObject, ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { listSearchResults } from '../../shared/actions/parameters';
import { apiPath, callApi } from '../../shared/transport/api';
import { junction } from '../provider';
import { USERS_MAX_PAGE_SIZE } from './user/getMany.operation';

/** The searchable lists of the node's resource locators (the node's `methods.listSearch`). */

const LAB_TESTS_PAGE_SIZE = 50;

/** Lab tests by name, searched by Junction (`name`: a case-insensitive substring), page by page. */
export async function searchLabTests(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const qs: IDataObject = { lab_test_limit: LAB_TESTS_PAGE_SIZE };
	if (filter?.trim()) qs.name = filter.trim();
	if (paginationToken) qs.next_cursor = paginationToken;
	const { body } = await callApi<{ data?: IDataObject[]; next_cursor?: string | null }>(
		this,
		junction,
		{
			method: 'GET',
			path: '/v3/lab_test',
			qs,
		},
	);
	const results = (body?.data ?? []).map((test) => {
		const lab = (test.lab as IDataObject | null | undefined)?.name;
		const method = typeof test.method === 'string' ? test.method.replace(/_/g, ' ') : undefined;
		const about = [lab, method].filter(Boolean).join(', ');
		return { name: `${String(test.name)}${about ? ` (${about})` : ''}`, value: String(test.id) };
	});
	return body?.next_cursor ? { results, paginationToken: body.next_cursor } : { results };
}

/**
 * Users by client user ID. Junction cannot search users, so the list pages through them (500 at a
 * time) and keeps those whose client user ID contains the filter; an exact client user ID is also
 * resolved directly, so it is found however many users there are.
 */
export async function searchUsers(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const offset = Number(paginationToken ?? 0) || 0;
	const { body } = await callApi<{ users?: IDataObject[]; total?: number }>(this, junction, {
		method: 'GET',
		path: '/v2/user',
		qs: { offset, limit: USERS_MAX_PAGE_SIZE },
	});
	let users = body?.users ?? [];
	const wanted = filter?.trim();
	if (wanted && offset === 0) {
		const exact = await callApi<IDataObject>(this, junction, {
			method: 'GET',
			path: apiPath('/v2/user/resolve', wanted),
			returnStatuses: [400, 404, 422],
		});
		if (exact.statusCode === 200 && exact.body?.user_id)
			users = [exact.body, ...users.filter((user) => user.user_id !== exact.body.user_id)];
	}
	const next = offset + (body?.users?.length ?? 0);
	const more =
		(body?.users?.length ?? 0) === USERS_MAX_PAGE_SIZE && next < (body?.total ?? Infinity);
	return listSearchResults(
		users,
		(user) => ({ name: String(user.client_user_id), value: String(user.user_id) }),
		wanted,
		more ? String(next) : undefined,
	);
}

/** Junction's cancellation reasons for the Type of appointment chosen, filtered by name. */
export async function searchCancellationReasons(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const type = this.getCurrentNodeParameter('appointmentType') === 'psc' ? 'psc' : 'phlebotomy';
	const { body } = await callApi<IDataObject[]>(this, junction, {
		method: 'GET',
		path: `/v3/order/${type}/appointment/cancellation-reasons`,
	});
	return listSearchResults(
		Array.isArray(body) ? body : [],
		(reason) => ({
			name: `${String(reason.name)}${reason.is_refundable === true ? ' (refundable)' : ''}`,
			value: String(reason.id),
		}),
		filter,
	);
}
