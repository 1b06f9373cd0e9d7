import type { IDataObject } from 'n8n-workflow';

import { JunctionTrigger } from '../../../nodes/Junction/JunctionTrigger.node';
import { registeredEndpoint } from '../../../nodes/Junction/webhookEndpoint';
import {
	JUNCTION_MANAGEMENT_FAKE_KEY,
	JUNCTION_MANAGEMENT_ORG_ID,
	JUNCTION_MANAGEMENT_TEAM_ID,
	JunctionManagementFake,
	type FakeEndpoint,
} from '../../../dev/fakes/junction/managementApi';
import { fakesAroundTests, type Credentials } from '../../support/contexts';
import { triggerHarness } from '../../support/triggerHarness';
import { SIGNING_SECRET } from './signing';

/**
 * The Junction Trigger's automatic webhook setup against a fake Management API over real HTTP, for
 * test/unit/junction/webhookEndpoint*.test.ts and managementApi.test.ts: n8n's lifecycle (checkExists,
 * then create when it answers false; delete on deactivation) as n8n runs it. Importing this starts the
 * fake around the file's tests.
 */

export const management = new JunctionManagementFake();
export const trigger = new JunctionTrigger();
export const junction = triggerHarness('junction', { secret: SIGNING_SECRET });
export const WEBHOOK_URL =
	'https://n8n.example.com/webhook/5e0c2b7a-1f4d-4c3e-9a8b-7d6e5f4a3b2c/webhook';
export const ORDER_EVENTS = ['labtest.order.updated', 'labtest.order.created'];

fakesAroundTests(management);

export interface Setup {
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

export function credentialsFor(setup: Setup): Credentials {
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

export function parametersFor(setup: Setup): IDataObject {
	return {
		webhookSetup: 'automatic',
		authentication: 'verify',
		events: ORDER_EVENTS,
		...setup.parameters,
	};
}

function lifecycleFor(setup: Setup) {
	return junction.lifecycle(parametersFor(setup), {
		credentials: credentialsFor(setup),
		staticData: setup.staticData,
		webhookUrl: setup.webhookUrl ?? WEBHOOK_URL,
		workflow: { id: 'wf-42', name: 'Lab results to CRM' },
		warnings: setup.warnings,
	});
}

/** Activation as n8n runs it: checkExists, and create when nothing exists. */
export async function activate(setup: Setup = {}): Promise<{ existed: boolean }> {
	const lifecycle = lifecycleFor(setup);
	const existed = await lifecycle.checkExists();
	if (!existed) await lifecycle.create();
	return { existed };
}

export async function deactivate(setup: Setup = {}): Promise<boolean> {
	return await lifecycleFor(setup).delete();
}

export const stored = (staticData: IDataObject) =>
	registeredEndpoint((staticData['node:trigger'] ?? {}) as IDataObject);

export const requestsTo = (method: string) =>
	management.requests.filter((request) => request.method === method);

export function onlyEndpoint(): FakeEndpoint {
	expect(management.endpoints).toHaveLength(1);
	return management.endpoints[0];
}
