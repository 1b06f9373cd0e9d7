import type { IDataObject } from 'n8n-workflow';

import { defineGetMany } from '../../../shared/actions/operationKinds';
import type { Paging } from '../../../shared/transport/pagination';
import { junction } from '../../provider';

/** GET /v2/user takes `limit` up to 500. */
export const USERS_MAX_PAGE_SIZE = 500;

interface UsersPage {
	users?: IDataObject[];
	total?: number;
}

/** Offset paging: the next page starts where this one ended, until `total` is reached or a page is short. */
export const usersPaging: Paging<UsersPage | undefined> = {
	api: junction,
	maxPageSize: USERS_MAX_PAGE_SIZE,
	query: ({ cursor, pageSize }) => ({ offset: cursor ?? 0, limit: pageSize }),
	read: (body, { cursor, pageSize }) => {
		const users = body?.users ?? [];
		const end = Number(cursor ?? 0) + users.length;
		const more = users.length === pageSize && (typeof body?.total !== 'number' || end < body.total);
		return { items: users, next: more ? end : null };
	},
};

export default defineGetMany({
	action: 'Get many users',
	description: "List your team's Junction users, with their client user IDs",
	path: '/v2/user',
	paging: usersPaging,
});
