import type { IDataObject } from 'n8n-workflow';

import { sameFilter, wantedFilterTypes } from '../../../nodes/Junction/webhookEndpoint';
import {
	JUNCTION_MANAGEMENT_FAKE_KEY,
	JUNCTION_MANAGEMENT_ORG_ID,
	JUNCTION_MANAGEMENT_TEAM_ID,
} from '../../../dev/fakes/junction/managementApi';
import {
	activate,
	deactivate,
	management,
	onlyEndpoint,
	requestsTo,
	stored,
	trigger,
	WEBHOOK_URL,
} from './endpointRig';

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
