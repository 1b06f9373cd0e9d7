import type { INode } from 'n8n-workflow';

import { LML_DUPLICATE_WINDOW_HOURS } from '../../nodes/LondonMedicalLaboratory/webhook';
import {
	deliveryFingerprint,
	isLedger,
	ledgerOfRecords,
	ledgerRecord,
	ledgerSize,
} from '../../nodes/shared/trigger/ledger';
import type { FakeUrls } from '../../dev/fakes/startFakes';
import {
	credentialJson,
	defineCredential,
	stableId,
	stableUuid,
	triggerWorkflow,
	TRIGGER_NODE,
	type E2eWorkflow,
} from '../../dev/n8n/workflows';
import type { FakeServer } from '../../dev/fakes/fakeServer';
import type { CredentialJson, WorkflowJson } from '../../dev/n8n';
import {
	PROVIDER_KEYS,
	TEST_PROVIDERS,
	testProvider,
	triggerNodeName,
	type ProviderKey,
} from '../../dev/fakes';
import { BENCH_HEADER, BENCH_SECRETS } from '../deliveries';

/** The workflows measure 1 publishes in n8n, and the credentials they use. */
export const PROVIDERS: ProviderKey[] = PROVIDER_KEYS;
/** The provider of the evidence targets. */
export const LML: ProviderKey = 'londonMedicalLaboratory';

const HEADER = BENCH_HEADER;
const SECRETS = BENCH_SECRETS;
const triggerType = (provider: ProviderKey) => triggerNodeName(testProvider(provider));
export const PROVIDER_NAMES = Object.fromEntries(
	TEST_PROVIDERS.map(({ key, shortName }) => [key, shortName]),
) as Record<ProviderKey, string>;

/** The trigger's default Duplicate Memory. */
export const FULL_LEDGER_ENTRIES = 10_000;
/** A Duplicate Memory ten times the default, set on the trigger that starts with a ledger this full. */
export const LARGE_LEDGER_ENTRIES = 100_000;

/** Each trigger's credential: the fake API (never called: Fetch Full Data is off) and the webhook secret. */
function credentialOf(provider: ProviderKey) {
	const { provider: lab, credentials } = testProvider(provider);
	return defineCredential({
		name: `bench ${provider}`,
		type: lab.credentialType,
		data: (fakes) =>
			credentials({ baseUrl: fakes[provider], secret: SECRETS[provider], headerName: HEADER }),
	});
}

const HEADER_AUTH_CREDENTIAL = defineCredential({
	name: 'bench Webhook node header auth',
	type: 'httpHeaderAuth',
	data: () => ({ name: HEADER, value: SECRETS[LML] }),
});

export function credentials(fakes: Record<ProviderKey, FakeServer>): CredentialJson[] {
	const urls = Object.fromEntries(
		PROVIDERS.map((provider) => [provider, fakes[provider].url]),
	) as unknown as FakeUrls;
	return [...PROVIDERS.map((provider) => credentialOf(provider)), HEADER_AUTH_CREDENTIAL].map(
		(credential) => credentialJson(credential, urls),
	);
}

/** A provider's trigger, verification on, everything else at its default. */
export function benchTriggerWorkflow(provider: ProviderKey, typeVersion: number): E2eWorkflow {
	return triggerWorkflow(`bench: ${PROVIDER_NAMES[provider]} Trigger`, {
		node: triggerType(provider),
		credential: credentialOf(provider),
		parameters: {},
		typeVersion,
	});
}

/**
 * The LML trigger with its dedup ledger full from the start: at the default Duplicate Memory, or with
 * Duplicate Memory raised to `entries`.
 */
export function fullLedgerWorkflow(typeVersion: number, entries: number): E2eWorkflow {
	const atDefault = entries === FULL_LEDGER_ENTRIES;
	const fullLedger = triggerWorkflow(
		atDefault
			? 'bench: LML Trigger, full dedup ledger'
			: `bench: LML Trigger, full dedup ledger of ${entries}`,
		{
			node: triggerType(LML),
			credential: credentialOf(LML),
			parameters: atDefault ? {} : { options: { duplicateMemory: entries } },
			typeVersion,
		},
	);
	const triggerNode = fullLedger.json.nodes.find((node) => node.name === TRIGGER_NODE)!;
	Object.assign(fullLedger.json, { staticData: fullLedgerStaticData(triggerNode.id, entries) });
	return fullLedger;
}

/** The Webhook node's name in the workflows built from n8n's nodes. */
export const WEBHOOK_NODE = 'Webhook';

/** n8n's Webhook node, POST, answering as soon as the execution has started (as our triggers do). */
export function webhookNode(workflowName: string, headerAuth: boolean): INode {
	const path = stableUuid(`webhook:${workflowName}`);
	return {
		id: stableUuid(`${workflowName}/webhook`),
		name: WEBHOOK_NODE,
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position: [0, 0],
		webhookId: path,
		parameters: {
			httpMethod: 'POST',
			path,
			responseMode: 'onReceived',
			options: {},
			...(headerAuth ? { authentication: 'headerAuth' } : {}),
		},
		...(headerAuth
			? {
					credentials: {
						httpHeaderAuth: { id: HEADER_AUTH_CREDENTIAL.id, name: HEADER_AUTH_CREDENTIAL.name },
					},
				}
			: {}),
	};
}

/** A published workflow of n8n's own nodes that starts at its Webhook node. */
export function webhookWorkflow(
	name: string,
	webhook: INode,
	nodes: INode[] = [],
	connections: WorkflowJson['connections'] = {},
): E2eWorkflow {
	const json: WorkflowJson = {
		id: stableId(`workflow:${name}`),
		name,
		active: true,
		nodes: [webhook, ...nodes],
		connections,
		settings: { executionOrder: 'v1' },
	};
	return { id: json.id, name, webhookPath: String(webhook.parameters.path), json };
}

/** n8n's Webhook node alone, with or without Header Auth. */
export function webhookNodeWorkflow(headerAuth: boolean): E2eWorkflow {
	const name = headerAuth ? 'bench: n8n Webhook node, Header Auth' : 'bench: n8n Webhook node';
	return webhookWorkflow(name, webhookNode(name, headerAuth));
}

/**
 * Static data as the trigger leaves it after `entries` deliveries: a ledger at its bound. Built at once
 * (records sorted by fingerprint, all with the same expiry): the same string as recording them one by
 * one with ledgerWith, which takes minutes at 100,000.
 */
function fullLedgerStaticData(nodeId: string, entries: number): Record<string, unknown> {
	const now = Math.floor(Date.now() / 1000);
	const expiresAt = now + LML_DUPLICATE_WINDOW_HOURS * 3600;
	// One short of the bound, so the ledger holds between `entries - 1` and `entries` keys throughout.
	const ledger = ledgerOfRecords(
		Array.from({ length: entries - 1 }, (_, index) =>
			ledgerRecord(deliveryFingerprint(['prefill', index]), expiresAt),
		),
	);
	if (!isLedger(ledger) || ledgerSize(ledger) !== entries - 1)
		throw new Error(`The prefilled ledger holds ${ledger.length} characters`);
	return { global: { labTestingDeliveries: { version: 5, ledgers: { [nodeId]: ledger } } } };
}
