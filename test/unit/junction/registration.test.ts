import type { IDataObject, IHookFunctions } from 'n8n-workflow';

import { JunctionTrigger } from '../../../nodes/Junction/JunctionTrigger.node';
import {
	PREVIOUS_SECRET_SECONDS,
	registeredEndpoint,
	registeredSecrets,
	sameFilter,
	wantedFilterTypes,
} from '../../../nodes/Junction/webhookEndpoint';
import type { Credentials } from '../../support/contexts';
import { FakeServer } from '../../../dev/fakes/fakeServer';
import {
	JUNCTION_MANAGEMENT_FAKE_KEY,
	JUNCTION_MANAGEMENT_FOREIGN_TEAM_ID,
	JUNCTION_MANAGEMENT_NO_PLAN_KEY,
	JUNCTION_MANAGEMENT_ORG_ID,
	JUNCTION_MANAGEMENT_TEAM_ID,
	JunctionManagementFake,
	newSigningSecret,
	type FakeEndpoint,
} from '../../../dev/fakes/junction/managementApi';
import { triggerHarness } from '../../support/triggerHarness';
import { SIGNING_SECRET } from './signing';

/**
 * The Junction Trigger's automatic webhook setup against a fake Management API over real HTTP: n8n's
 * lifecycle (checkExists, then create when it answers false; delete on deactivation) as n8n runs it.
 */
const management = new JunctionManagementFake();
const trigger = new JunctionTrigger();
const junction = triggerHarness('junction', { secret: SIGNING_SECRET });
const WEBHOOK_URL = 'https://n8n.example.com/webhook/5e0c2b7a-1f4d-4c3e-9a8b-7d6e5f4a3b2c/webhook';
const ORDER_EVENTS = ['labtest.order.updated', 'labtest.order.created'];

beforeAll(async () => {
	await management.start();
});

afterAll(async () => {
	await management.stop();
});

beforeEach(() => {
	management.reset();
});

interface Setup {
	parameters?: IDataObject;
	/** Junction API credential: a sandbox key by default; `pk_…` for production. */
	apiKey?: string;
	/** Signing secrets in the Junction API credential; none by default. */
	credentialSecrets?: string;
	management?: IDataObject;
	staticData?: IDataObject;
	webhookUrl?: string;
	warnings?: string[];
}

function credentialsFor(setup: Setup): Credentials {
	return {
		...junction.credentials({ apiKey: setup.apiKey, secret: setup.credentialSecrets ?? '' }),
		junctionManagementApi: {
			managementApiKey: JUNCTION_MANAGEMENT_FAKE_KEY,
			orgId: JUNCTION_MANAGEMENT_ORG_ID,
			teamId: JUNCTION_MANAGEMENT_TEAM_ID,
			baseUrl: management.url,
			...setup.management,
		},
	};
}

function parametersFor(setup: Setup): IDataObject {
	return {
		webhookSetup: 'automatic',
		authentication: 'verify',
		events: ORDER_EVENTS,
		...setup.parameters,
	};
}

function contextFor(setup: Setup): IHookFunctions {
	return junction.lifecycle(parametersFor(setup), {
		credentials: credentialsFor(setup),
		staticData: setup.staticData,
		webhookUrl: setup.webhookUrl ?? WEBHOOK_URL,
		workflow: { id: 'wf-42', name: 'Lab results to CRM' },
		warnings: setup.warnings,
	}).context;
}

const methods = trigger.webhookMethods.default;

/** Activation as n8n runs it: checkExists, and create when nothing exists. */
async function activate(setup: Setup = {}): Promise<{ existed: boolean }> {
	const context = contextFor(setup);
	const existed = await methods.checkExists.call(context);
	if (!existed) await methods.create.call(context);
	return { existed };
}

async function deactivate(setup: Setup = {}): Promise<boolean> {
	return await methods.delete.call(contextFor(setup));
}

const stored = (staticData: IDataObject) =>
	registeredEndpoint((staticData['node:trigger'] ?? {}) as IDataObject);

const requestsTo = (method: string) =>
	management.requests.filter((request) => request.method === method);

function onlyEndpoint(): FakeEndpoint {
	expect(management.endpoints).toHaveLength(1);
	return management.endpoints[0];
}

describe('Junction Trigger, automatic webhook setup: create', () => {
	it('registers this node’s URL for the selected events, in the sandbox of an sk_ key, and stores id and secret', async () => {
		const staticData: IDataObject = {};
		await expect(activate({ staticData })).resolves.toEqual({ existed: false });

		const endpoint = onlyEndpoint();
		expect(endpoint).toMatchObject({
			url: WEBHOOK_URL,
			environment: 'sandbox',
			filter_types: ['labtest.order.created', 'labtest.order.updated'],
			disabled: false,
		});
		expect(endpoint.description).toContain('Lab results to CRM');
		expect(endpoint.description).toContain('wf-42');
		expect(stored(staticData)).toEqual({
			webhookId: endpoint.id,
			environment: 'sandbox',
			secret: endpoint.secrets[0],
		});
		expect(endpoint.secrets[0]).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);

		const [post] = requestsTo('POST');
		expect(post.path).toBe(
			`/v1/org/${JUNCTION_MANAGEMENT_ORG_ID}/team/${JUNCTION_MANAGEMENT_TEAM_ID}/sandbox/webhook`,
		);
		expect(post.headers['x-management-key']).toBe(JUNCTION_MANAGEMENT_FAKE_KEY);
		expect(requestsTo('GET').map((request) => request.path)).toEqual([
			post.path,
			`${post.path}/${endpoint.id}/secret`,
		]);
	});

	it('registers in production when the Junction API credential is a production one', async () => {
		await activate({ apiKey: 'pk_us_production-key' });
		expect(onlyEndpoint().environment).toBe('production');
		expect(requestsTo('POST')[0].path).toMatch(/\/production\/webhook$/);
	});

	it.each([
		['All Events', ['*']],
		['Other (unknown events)', ['labtest.order.updated', 'other']],
	])(
		'subscribes to every event for %s (types Junction adds later must arrive)',
		async (_, events) => {
			await activate({ parameters: { events } });
			expect(onlyEndpoint().filter_types).toBeNull();
			expect(JSON.parse(requestsTo('POST')[0].body)).not.toHaveProperty('filter_types');
		},
	);

	it('needs no signing secret in the Junction API credential', async () => {
		await expect(activate({ credentialSecrets: '' })).resolves.toEqual({ existed: false });
	});

	it('still refuses a malformed secret in the Junction API credential (it would stop every delivery)', async () => {
		await expect(activate({ credentialSecrets: 'whsec_%%%' })).rejects.toThrow('secret number 1');
		expect(management.requests).toHaveLength(0);
	});

	it('deletes the endpoint again when its secret cannot be read, and fails', async () => {
		management.secretFails = true;
		const staticData: IDataObject = {};
		await expect(activate({ staticData })).rejects.toThrow('Junction Management API');
		expect(management.endpoints).toHaveLength(0);
		expect(requestsTo('DELETE')).toHaveLength(1);
		expect(stored(staticData)).toBeUndefined();
	});
});

describe('Junction Trigger, automatic webhook setup: existing endpoints', () => {
	it('adopts the endpoint with exactly this URL, reading every page of the list, and sets its events', async () => {
		for (let index = 0; index < 120; index++) {
			management.seed({ url: `${WEBHOOK_URL}-other-${index}` });
		}
		management.seed({ url: `${WEBHOOK_URL}/`, filter_types: null });
		const mine = management.seed({ url: WEBHOOK_URL, filter_types: ['labtest.result.critical'] });
		const staticData: IDataObject = {};

		await expect(activate({ staticData })).resolves.toEqual({ existed: true });

		expect(requestsTo('POST')).toHaveLength(0);
		const lists = requestsTo('GET').filter((request) => request.path.endsWith('/webhook'));
		expect(lists).toHaveLength(3);
		expect(lists[1].query.next_cursor).toBeDefined();
		expect(mine.filter_types).toEqual(['labtest.order.created', 'labtest.order.updated']);
		expect(stored(staticData)).toEqual({
			webhookId: mine.id,
			environment: 'sandbox',
			secret: mine.secrets[0],
		});
	});

	it('creates a new endpoint when none has exactly this URL', async () => {
		management.seed({ url: `${WEBHOOK_URL}?x=1` });
		await expect(activate()).resolves.toEqual({ existed: false });
		expect(management.endpoints).toHaveLength(2);
	});

	it('keeps the stored endpoint as it is when nothing changed (no PATCH)', async () => {
		const staticData: IDataObject = {};
		await activate({ staticData });
		management.requests.length = 0;
		const before = stored(staticData);

		await expect(activate({ staticData })).resolves.toEqual({ existed: true });
		expect(requestsTo('PATCH')).toHaveLength(0);
		expect(requestsTo('POST')).toHaveLength(0);
		expect(stored(staticData)).toEqual(before);
	});

	it('updates filter_types when the selected events change', async () => {
		const staticData: IDataObject = {};
		await activate({ staticData });
		await expect(
			activate({ staticData, parameters: { events: ['labtest.result.critical'] } }),
		).resolves.toEqual({ existed: true });
		expect(onlyEndpoint().filter_types).toEqual(['labtest.result.critical']);
		expect(JSON.parse(requestsTo('PATCH')[0].body)).toEqual({
			filter_types: ['labtest.result.critical'],
		});

		await activate({ staticData, parameters: { events: ['*'] } });
		expect(onlyEndpoint().filter_types).toBeNull();
		expect(JSON.parse(requestsTo('PATCH')[1].body)).toEqual({ filter_types: null });
	});

	it('re-enables a disabled endpoint and moves it to a changed webhook URL', async () => {
		const staticData: IDataObject = {};
		await activate({ staticData });
		onlyEndpoint().disabled = true;
		const moved = 'https://n8n.example.org/webhook/5e0c2b7a/webhook';
		await activate({ staticData, webhookUrl: moved });
		expect(onlyEndpoint()).toMatchObject({ disabled: false, url: moved });
	});

	it('replaces the endpoint when Junction keeps the old filter on a PATCH to every event', async () => {
		const staticData: IDataObject = {};
		await activate({ staticData });
		const first = onlyEndpoint().id;
		management.patchKeepsFilter = true;

		await expect(activate({ staticData, parameters: { events: ['*'] } })).resolves.toEqual({
			existed: false,
		});
		const replacement = onlyEndpoint();
		expect(replacement.id).not.toBe(first);
		expect(replacement.filter_types).toBeNull();
		expect(stored(staticData)?.webhookId).toBe(replacement.id);
	});

	it('forgets a stored endpoint that is gone and creates a new one', async () => {
		const staticData: IDataObject = {};
		await activate({ staticData });
		const gone = onlyEndpoint().id;
		management.endpoints = [];

		await expect(activate({ staticData })).resolves.toEqual({ existed: false });
		expect(onlyEndpoint().id).not.toBe(gone);
		expect(stored(staticData)?.webhookId).toBe(onlyEndpoint().id);
	});

	it('removes the endpoint of the other environment when the Junction API credential moved', async () => {
		const staticData: IDataObject = {};
		await activate({ staticData });
		await activate({ staticData, apiKey: 'pk_us_production-key' });
		expect(onlyEndpoint().environment).toBe('production');
		expect(stored(staticData)?.environment).toBe('production');
	});
});

describe('Junction Trigger, automatic webhook setup: delete', () => {
	it('deletes the endpoint and forgets it', async () => {
		const staticData: IDataObject = {};
		await activate({ staticData });
		const { id } = onlyEndpoint();
		await expect(deactivate({ staticData })).resolves.toBe(true);
		expect(management.endpoints).toHaveLength(0);
		expect(requestsTo('DELETE')[0].path).toMatch(new RegExp(`/sandbox/webhook/${id}$`));
		expect(staticData['node:trigger']).toEqual({});
	});

	it('counts an endpoint already deleted at Junction as deleted', async () => {
		const staticData: IDataObject = {};
		await activate({ staticData });
		management.endpoints = [];
		await expect(deactivate({ staticData })).resolves.toBe(true);
		expect(stored(staticData)).toBeUndefined();
	});

	it('sends nothing when no endpoint is stored (manual setup)', async () => {
		await expect(deactivate({ parameters: { webhookSetup: 'manual' } })).resolves.toBe(true);
		expect(management.requests).toHaveLength(0);
	});

	it('lets deactivation go on when Junction refuses, warning without the key, and keeps the endpoint stored', async () => {
		const staticData: IDataObject = {};
		await activate({ staticData });
		const warnings: string[] = [];
		await expect(
			deactivate({ staticData, warnings, management: { managementApiKey: 'mg_revoked' } }),
		).resolves.toBe(false);
		expect(warnings).toHaveLength(1);
		expect(warnings[0]).toContain('HTTP 401');
		expect(warnings[0]).not.toContain('mg_revoked');
		expect(warnings[0]).not.toContain(onlyEndpoint().secrets[0]);
		expect(stored(staticData)?.webhookId).toBe(onlyEndpoint().id);
	});
});

describe('Junction Trigger, automatic webhook setup: signing secrets', () => {
	const delivered = async (staticData: IDataObject, secret: string, setup: Setup = {}) =>
		await junction.send(junction.sample('labtest.order.updated', { secret }), {
			parameters: parametersFor(setup),
			credentials: credentialsFor(setup),
			staticData,
		});

	it('accepts a delivery signed with the secret the Management API returned, and refuses another secret', async () => {
		const staticData: IDataObject = {};
		await activate({ staticData });
		const issued = onlyEndpoint().secrets[0];

		const accepted = await delivered(staticData, issued);
		expect(accepted.response.status).toBe(200);
		expect(accepted.items).toHaveLength(1);
		expect(JSON.stringify(accepted.items)).not.toContain(issued);

		const refused = await delivered(staticData, newSigningSecret());
		expect(refused.response.status).toBe(401);
		expect(refused.result.workflowData).toBeUndefined();
		expect(JSON.stringify(refused.response.body)).not.toContain(issued);
	});

	it('also accepts the secrets of the Junction API credential', async () => {
		const staticData: IDataObject = {};
		await activate({ staticData, credentialSecrets: SIGNING_SECRET });
		const run = await delivered(staticData, SIGNING_SECRET, { credentialSecrets: SIGNING_SECRET });
		expect(run.response.status).toBe(200);
	});

	it('uses the stored secret only in automatic mode', async () => {
		const staticData: IDataObject = {};
		await activate({ staticData });
		const manual = await delivered(staticData, onlyEndpoint().secrets[0], {
			parameters: { webhookSetup: 'manual' },
			credentialSecrets: SIGNING_SECRET,
		});
		expect(manual.response.status).toBe(401);
	});

	it('picks up a secret rotated in the dashboard and accepts both while Svix signs with both', async () => {
		const staticData: IDataObject = {};
		await activate({ staticData });
		const endpoint = onlyEndpoint();
		const old = endpoint.secrets[0];
		const rotated = management.rotate(endpoint);

		await expect(activate({ staticData })).resolves.toEqual({ existed: true });
		const after = stored(staticData)!;
		expect(after.secret).toBe(rotated);
		expect(after.previousSecret).toBe(old);
		const now = Math.floor(Date.now() / 1000);
		expect(after.previousSecretUntil).toBeGreaterThanOrEqual(now + PREVIOUS_SECRET_SECONDS - 5);

		expect((await delivered(staticData, rotated)).response.status).toBe(200);
		expect((await delivered(staticData, old)).response.status).toBe(200);
		expect((await delivered(staticData, newSigningSecret())).response.status).toBe(401);

		// A later activation keeps the previous secret until its time is up.
		await activate({ staticData });
		expect(stored(staticData)?.previousSecret).toBe(old);
		const nodeData = staticData['node:trigger'] as IDataObject;
		expect(registeredSecrets(nodeData, after.previousSecretUntil! + 1)).toEqual([rotated]);
	});
});

describe('Junction Trigger, automatic webhook setup: refusals fail activation clearly', () => {
	const refusedWith = async (setup: Setup) => {
		const staticData: IDataObject = {};
		const error = await activate({ ...setup, staticData }).then(
			() => undefined,
			(thrown: Error & { description?: string }) => thrown,
		);
		expect(error).toBeDefined();
		expect(stored(staticData)).toBeUndefined();
		const text = `${error!.message} ${error!.description ?? ''}`;
		for (const secret of [JUNCTION_MANAGEMENT_FAKE_KEY, JUNCTION_MANAGEMENT_NO_PLAN_KEY, 'mg_']) {
			expect(text).not.toContain(secret);
		}
		return { message: error!.message, text };
	};

	it('401: the key is not accepted, or the plan has no Management API', async () => {
		const { message } = await refusedWith({ management: { managementApiKey: 'mg_wrong' } });
		expect(message).toContain('did not accept the Management Key (HTTP 401)');
		expect(message).toContain('Scale plan');
	});

	it('403: a plan without the Management API', async () => {
		const { message } = await refusedWith({
			management: { managementApiKey: JUNCTION_MANAGEMENT_NO_PLAN_KEY },
		});
		expect(message).toContain('HTTP 403');
		expect(message).toContain('Scale plan');
	});

	it('403: a team the key may not manage', async () => {
		const { message } = await refusedWith({
			management: { teamId: JUNCTION_MANAGEMENT_FOREIGN_TEAM_ID },
		});
		expect(message).toContain('may not manage this team');
	});

	it('404: an unknown org or team, naming both ids', async () => {
		const unknownTeam = '11111111-2222-4333-8444-555555555555';
		const { message, text } = await refusedWith({ management: { teamId: unknownTeam } });
		expect(message).toContain('HTTP 404');
		expect(message).toContain(unknownTeam);
		expect(text).toContain('Management API is not available');
	});

	it('422: ids that are not UUIDs', async () => {
		const { message } = await refusedWith({ management: { orgId: 'my-org' } });
		expect(message).toContain('must be UUIDs');
	});

	it('422: a webhook URL Junction cannot reach, pointing to WEBHOOK_URL, without echoed input', async () => {
		const url = 'http://localhost:5678/webhook/abc/webhook';
		const { message, text } = await refusedWith({ webhookUrl: url });
		expect(message).toContain(`refused the webhook URL ${url} (HTTP 422)`);
		expect(message).toContain('WEBHOOK_URL');
		expect(text).toContain('publicly reachable');
		expect(text).not.toContain('echoed input');
		expect(management.endpoints).toHaveLength(0);
	});

	it('422: an event type the team does not offer', async () => {
		management.unknownEventTypes = ['labtest.order.created'];
		const { message, text } = await refusedWith({});
		expect(message).toBe('Junction refused the selected event types (HTTP 422)');
		expect(text).toContain('body.filter_types.0: Unknown event type');
		expect(text).toContain('Select All Events');
	});

	it('an unreachable Management API', async () => {
		const closed = new FakeServer();
		const url = await closed.start();
		await closed.stop();
		const { message, text } = await refusedWith({ management: { baseUrl: url } });
		expect(message).toBe("Could not reach Junction's Management API");
		expect(text).toContain('ECONNREFUSED');
		expect(text).toContain('Base URL in the Junction (Vital) Management API credential');
	});
});

describe('Junction Trigger, automatic webhook setup: description', () => {
	it('shows the Management credential only in automatic mode; manual stays the default', () => {
		const { credentials, properties } = trigger.description;
		expect(credentials).toEqual([
			{ name: 'junctionApi', required: true },
			{
				name: 'junctionManagementApi',
				required: true,
				displayOptions: { show: { webhookSetup: ['automatic'] } },
			},
		]);
		expect(properties.find((property) => property.name === 'webhookSetup')?.default).toBe('manual');
	});

	it.each([
		[['*'], null],
		[['other'], null],
		[[], null],
		[
			['b', 'a', 'b'],
			['a', 'b'],
		],
	])('filter_types for %j is %j', (events, expected) => {
		expect(wantedFilterTypes(events)).toEqual(expected);
	});

	it('treats no filter and an empty filter alike, and ignores order', () => {
		expect(sameFilter(null, null)).toBe(true);
		expect(sameFilter([], null)).toBe(true);
		expect(sameFilter(['b', 'a'], ['a', 'b'])).toBe(true);
		expect(sameFilter(['a'], null)).toBe(false);
		expect(sameFilter(['a'], ['a', 'b'])).toBe(false);
	});
});
