import * as schemas from './schemas';
import { refusal, type RouteContext } from './state';
import { checkBody, checkPathUuid, checkQuery, int } from './validate';

/**
 * Users: the list with offset/limit (limit at most 500), resolve by client user ID, demographics
 * (PATCH …/info, kept per user) and delete. A user not found answers 404 (not in the spec).
 */
export function registerUserRoutes({ server, data, guard }: RouteContext): void {
	const demographics = new Map<string, Record<string, unknown>>();
	const findUser = (id: string) => data.users.find((user) => user.user_id === id);

	server.route(
		'GET',
		'/v2/user',
		guard((request) => {
			const checked = checkQuery(request, { offset: int(), limit: int(undefined, 500) });
			if ('reply' in checked) return checked.reply;
			const offset = Number(checked.query.offset ?? 0);
			const limit = Number(checked.query.limit ?? 100);
			return {
				status: 200,
				json: {
					users: data.users.slice(offset, offset + limit),
					total: data.users.length,
					offset,
					limit,
				},
			};
		}),
	);

	server.route(
		'GET',
		'/v2/user/resolve/:clientUserId',
		guard((request) => {
			const user = data.users.find((entry) => entry.client_user_id === request.params.clientUserId);
			return user ? { status: 200, json: user } : refusal(404, 'User not found');
		}),
	);

	server.route(
		'PATCH',
		'/v2/user/:id/info',
		guard((request) => {
			const checked = checkBody(request, schemas.userInfo);
			if ('reply' in checked) return checked.reply;
			if (!findUser(request.params.id)) return refusal(404, 'User not found');
			const info = { second_line: '', ...checked.body };
			demographics.set(request.params.id, info);
			return { status: 200, json: info };
		}),
	);

	server.route(
		'DELETE',
		'/v2/user/:id',
		guard((request) => {
			const badId = checkPathUuid('user_id', request.params.id);
			if (badId) return badId;
			const index = data.users.findIndex((user) => user.user_id === request.params.id);
			if (index < 0) return refusal(404, 'User not found');
			data.users.splice(index, 1);
			demographics.delete(request.params.id);
			return { status: 200, json: { success: true } };
		}),
	);
}
