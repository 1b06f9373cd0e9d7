import { randomBytes, randomUUID } from 'node:crypto';

import { FakeServer, type FakeReply, type FakeRequest } from '../fakeServer';

/**
 * A fake Junction Management API for the webhook endpoints of a team
 * (`/v1/org/{org_id}/team/{team_id}/{environment}/webhook…`), over real HTTP on 127.0.0.1:
 *
 * - `X-Management-Key`: a missing or unknown key answers 401, a key without the Scale plan 403;
 * - ids: an org or team id that is not a UUID answers 422 (FastAPI's shape, `loc: ['path', …]`), an
 *   unknown org or team 404, an environment other than production or sandbox 422;
 * - list with `limit` (default 50, at most 250) and an opaque `next_cursor`; create, get, patch (an
 *   explicit `filter_types: null` clears the filter, unless `patchKeepsFilter` is set), delete (204,
 *   404 once gone), the secret (`whsec_` + base64 of 24 random bytes) and its rotation (204);
 * - a URL it refuses with 422: not http(s), or on the host `localhost` (standing for Junction's
 *   refusal of addresses it cannot reach; 127.0.0.1 is accepted, so the e2e n8n can receive), and
 *   event types listed in `unknownEventTypes`, refused with 422 too.
 *
 * Each endpoint keeps its secrets, newest first, so a test can sign as Svix does after a rotation.
 */
export const JUNCTION_MANAGEMENT_FAKE_KEY = 'mg_fake-junction-management-key';
/** A key Junction knows, of an organisation whose plan has no Management API: 403. */
export const JUNCTION_MANAGEMENT_NO_PLAN_KEY = 'mg_fake-key-without-scale-plan';
export const JUNCTION_MANAGEMENT_ORG_ID = '0a9f2c4e-5b1d-4e7a-9c3f-000000000001';
export const JUNCTION_MANAGEMENT_TEAM_ID = '0a9f2c4e-5b1d-4e7a-9c3f-0000000000a1';
/** A team of the org the key may not manage: 403, as for a key without the plan. */
export const JUNCTION_MANAGEMENT_FOREIGN_TEAM_ID = '0a9f2c4e-5b1d-4e7a-9c3f-0000000000f0';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const ENVIRONMENTS = ['production', 'sandbox'];
const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 250;

export interface FakeEndpoint {
	id: string;
	url: string;
	description: string;
	filter_types: string[] | null;
	disabled: boolean;
	rate_limit: number | null;
	created_at: string;
	updated_at: string;
	environment: string;
	/** Newest first: Svix signs with all of them for a while after a rotation. */
	secrets: string[];
}

export function newSigningSecret(): string {
	return `whsec_${randomBytes(24).toString('base64')}`;
}

const validation = (loc: Array<string | number>, msg: string, type: string): FakeReply => ({
	status: 422,
	json: { detail: [{ loc, msg, type, input: 'echoed input' }] },
});

export class JunctionManagementFake extends FakeServer {
	/** Every endpoint of the team, in creation order. */
	endpoints: FakeEndpoint[] = [];

	/** PATCH ignores an explicit `filter_types: null`, as an API reading null as "unchanged" would. */
	patchKeepsFilter = false;

	/** GET …/secret answers 500: a failure after the endpoint was created. */
	secretFails = false;

	/** Event types this team does not offer: create and patch refuse them with 422. */
	unknownEventTypes: string[] = [];

	constructor() {
		super();
		const base = '/v1/org/:org/team/:team/:env/webhook';
		this.route('GET', base, (request) => this.guarded(request, () => this.list(request)));
		this.route('POST', base, (request) => this.guarded(request, () => this.create(request)));
		this.route('GET', `${base}/:id`, (request) =>
			this.guarded(request, () => this.withEndpoint(request, (endpoint) => this.shown(endpoint))),
		);
		this.route('PATCH', `${base}/:id`, (request) =>
			this.guarded(request, () =>
				this.withEndpoint(request, (endpoint) => this.patch(request, endpoint)),
			),
		);
		this.route('DELETE', `${base}/:id`, (request) =>
			this.guarded(request, () =>
				this.withEndpoint(request, (endpoint) => {
					this.endpoints = this.endpoints.filter((candidate) => candidate !== endpoint);
					return { status: 204 };
				}),
			),
		);
		this.route('GET', `${base}/:id/secret`, (request) =>
			this.guarded(request, () =>
				this.withEndpoint(request, (endpoint) =>
					this.secretFails
						? { status: 500, json: { detail: 'Internal Server Error' } }
						: { status: 200, json: { key: endpoint.secrets[0] } },
				),
			),
		);
		this.route('POST', `${base}/:id/secret/rotate`, (request) =>
			this.guarded(request, () =>
				this.withEndpoint(request, (endpoint) => {
					const key = (parseBody(request).key as string | undefined) ?? newSigningSecret();
					this.rotate(endpoint, key);
					return { status: 204 };
				}),
			),
		);
	}

	override reset(): void {
		super.reset();
		this.endpoints = [];
		this.patchKeepsFilter = false;
		this.secretFails = false;
		this.unknownEventTypes = [];
	}

	/** Adds an endpoint as if made in the dashboard; returns it. */
	seed(fields: Partial<FakeEndpoint> & { url: string }): FakeEndpoint {
		const now = new Date().toISOString();
		const endpoint: FakeEndpoint = {
			id: `ep_${randomUUID().replace(/-/g, '')}`,
			description: '',
			filter_types: null,
			disabled: false,
			rate_limit: null,
			created_at: now,
			updated_at: now,
			environment: 'sandbox',
			secrets: [newSigningSecret()],
			...fields,
		};
		this.endpoints.push(endpoint);
		return endpoint;
	}

	/** A rotation in the dashboard: the new secret first, the old one kept. */
	rotate(endpoint: FakeEndpoint, key = newSigningSecret()): string {
		endpoint.secrets.unshift(key);
		endpoint.updated_at = new Date().toISOString();
		return key;
	}

	find(id: string): FakeEndpoint | undefined {
		return this.endpoints.find((endpoint) => endpoint.id === id);
	}

	private guarded(request: FakeRequest, handle: () => FakeReply): FakeReply {
		const key = request.headers['x-management-key'];
		if (key === JUNCTION_MANAGEMENT_NO_PLAN_KEY) {
			return {
				status: 403,
				json: { detail: 'The Management API is available on the Scale plan.' },
			};
		}
		if (key !== JUNCTION_MANAGEMENT_FAKE_KEY) {
			return { status: 401, json: { detail: 'Invalid or missing management key.' } };
		}
		const { org, team, env } = request.params;
		if (!UUID.test(org))
			return validation(['path', 'org_id'], 'Input should be a valid UUID', 'uuid_parsing');
		if (!UUID.test(team))
			return validation(['path', 'team_id'], 'Input should be a valid UUID', 'uuid_parsing');
		if (!ENVIRONMENTS.includes(env)) {
			return validation(
				['path', 'environment'],
				"Input should be 'production' or 'sandbox'",
				'enum',
			);
		}
		if (team === JUNCTION_MANAGEMENT_FOREIGN_TEAM_ID && org === JUNCTION_MANAGEMENT_ORG_ID) {
			return { status: 403, json: { detail: 'This key may not manage this team.' } };
		}
		if (org !== JUNCTION_MANAGEMENT_ORG_ID || team !== JUNCTION_MANAGEMENT_TEAM_ID) {
			return { status: 404, json: { detail: 'Team not found.' } };
		}
		return handle();
	}

	private withEndpoint(
		request: FakeRequest,
		handle: (endpoint: FakeEndpoint) => FakeReply,
	): FakeReply {
		const endpoint = this.find(request.params.id);
		if (!endpoint || endpoint.environment !== request.params.env) {
			return { status: 404, json: { detail: 'Webhook not found.' } };
		}
		return handle(endpoint);
	}

	private shown(endpoint: FakeEndpoint): FakeReply {
		const { id, url, description, filter_types, disabled, rate_limit, created_at, updated_at } =
			endpoint;
		return {
			status: 200,
			json: { id, url, description, filter_types, disabled, rate_limit, created_at, updated_at },
		};
	}

	private list(request: FakeRequest): FakeReply {
		const limit = Number(request.param('limit') ?? DEFAULT_LIMIT);
		if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) {
			return validation(['query', 'limit'], `Input should be between 1 and ${MAX_LIMIT}`, 'range');
		}
		const cursor = request.param('next_cursor');
		const start = cursor ? Number(Buffer.from(cursor, 'base64url').toString('utf8')) : 0;
		if (!Number.isInteger(start) || start < 0) {
			return validation(['query', 'next_cursor'], 'Invalid cursor', 'value_error');
		}
		const all = this.endpoints.filter((endpoint) => endpoint.environment === request.params.env);
		const page = all.slice(start, start + limit);
		const next = start + limit < all.length ? String(start + limit) : null;
		return {
			status: 200,
			json: {
				data: page.map((endpoint) => this.shown(endpoint).json),
				next_cursor: next === null ? null : Buffer.from(next).toString('base64url'),
			},
		};
	}

	private create(request: FakeRequest): FakeReply {
		const body = parseBody(request);
		if (typeof body.url !== 'string')
			return validation(['body', 'url'], 'Field required', 'missing');
		const refused = refusedUrl(body.url);
		if (refused) return validation(['body', 'url'], refused, 'value_error');
		const unknown = this.unknownEventType(body.filter_types);
		if (unknown) return unknown;
		const endpoint = this.seed({
			url: body.url,
			description: typeof body.description === 'string' ? body.description : '',
			filter_types: Array.isArray(body.filter_types) ? (body.filter_types as string[]) : null,
			disabled: body.disabled === true,
			environment: request.params.env,
			secrets: [typeof body.secret === 'string' ? body.secret : newSigningSecret()],
		});
		return this.shown(endpoint);
	}

	private unknownEventType(types: unknown): FakeReply | undefined {
		if (!Array.isArray(types)) return undefined;
		const index = types.findIndex((type) => this.unknownEventTypes.includes(String(type)));
		return index === -1
			? undefined
			: validation(['body', 'filter_types', index], 'Unknown event type', 'value_error');
	}

	private patch(request: FakeRequest, endpoint: FakeEndpoint): FakeReply {
		const body = parseBody(request);
		if (typeof body.url === 'string') {
			const refused = refusedUrl(body.url);
			if (refused) return validation(['body', 'url'], refused, 'value_error');
			endpoint.url = body.url;
		}
		const unknown = this.unknownEventType(body.filter_types);
		if (unknown) return unknown;
		if (typeof body.description === 'string') endpoint.description = body.description;
		if (typeof body.disabled === 'boolean') endpoint.disabled = body.disabled;
		if (Array.isArray(body.filter_types)) endpoint.filter_types = body.filter_types as string[];
		else if ('filter_types' in body && body.filter_types === null && !this.patchKeepsFilter)
			endpoint.filter_types = null;
		endpoint.updated_at = new Date().toISOString();
		return this.shown(endpoint);
	}
}

function parseBody(request: FakeRequest): Record<string, unknown> {
	try {
		const parsed = JSON.parse(request.body || '{}') as unknown;
		return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, unknown>) : {};
	} catch {
		return {};
	}
}

function refusedUrl(url: string): string | undefined {
	let parsed: URL;
	try {
		parsed = new URL(url);
	} catch {
		return 'Input should be a valid URL';
	}
	if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
		return 'URL scheme should be http or https';
	if (parsed.hostname === 'localhost') return 'The endpoint URL must be publicly reachable';
	return undefined;
}

export function createJunctionManagementFake(): JunctionManagementFake {
	return new JunctionManagementFake();
}
