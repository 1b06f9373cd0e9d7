/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test support runs in Node, not inside n8n */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { IDataObject, INode } from 'n8n-workflow';

import type { CredentialJson, WorkflowJson } from '../n8n';
import { TEST_PROVIDERS, triggerNodeName, type ProviderKey } from '../fakes';
import { repoRoot } from '../n8n/runtime';

/**
 * The example workflows in examples/, as any n8n user imports them, and a local copy of each for the
 * demo and the e2e suite: the same credential ids, pointed at the fake provider APIs and the capture
 * server, and every Slack node swapped for an HTTP Request that posts the same message to the capture
 * server (Slack's API host is fixed, and nothing may leave the machine).
 */
export const EXAMPLES_DIR = join(repoRoot, 'examples');

const PACKAGE_PREFIX = 'n8n-nodes-lab-testing.';

/** The trigger node types, and which provider's events each receives. */
const TRIGGER_PROVIDERS: Record<string, ProviderKey> = Object.fromEntries(
	TEST_PROVIDERS.map((test) => [`${PACKAGE_PREFIX}${triggerNodeName(test)}`, test.key]),
);

export interface ExampleJson {
	name: string;
	nodes: INode[];
	connections: WorkflowJson['connections'];
	settings?: IDataObject;
}

export interface LocalEndpoints {
	/** Each provider's fake API, by key. */
	apis: Record<ProviderKey, string>;
	/** The capture server's HTTP side (chat messages) and its SMTP port (emails). */
	capture: string;
	captureSmtpPort: number;
	/** The FHIR server's base URL, in place of the examples' placeholder server. */
	fhir: string;
}

/** The FHIR base URL the examples post to; a user puts their server's there. */
export const EXAMPLE_FHIR_BASE = 'https://fhir.example.com/R4';

/** The webhook secrets of the local credentials; the story signs with the same ones. */
export const LOCAL_WEBHOOK_SECRETS = Object.fromEntries(
	TEST_PROVIDERS.map(({ key, signer }) => [
		key,
		signer.secret(`local-${key}-webhook-secret-not-for-production`),
	]),
) as Record<ProviderKey, string>;
export const LOCAL_WEBHOOK_HEADER = 'X-Webhook-Secret';

export interface LocalTrigger {
	provider: ProviderKey;
	node: string;
	/** Below /webhook/: `<webhookId>/webhook`. */
	webhookPath: string;
}

export interface LocalWorkflow {
	id: string;
	name: string;
	file: string;
	json: WorkflowJson;
	triggers: LocalTrigger[];
}

export function loadExamples(): Array<{ file: string; json: ExampleJson }> {
	return readdirSync(EXAMPLES_DIR)
		.filter((file) => file.endsWith('.json'))
		.sort()
		.map((file) => ({
			file,
			json: JSON.parse(readFileSync(join(EXAMPLES_DIR, file), 'utf8')) as ExampleJson,
		}));
}

function credentialOf(
	example: ExampleJson,
	type: string,
): { id: string; name: string } | undefined {
	for (const node of example.nodes) {
		const credential = node.credentials?.[type];
		if (credential?.id) return { id: credential.id, name: credential.name };
	}
	return undefined;
}

/** Credentials with the ids and names the examples use, holding the local endpoints and secrets. */
export function localCredentials(endpoints: LocalEndpoints): CredentialJson[] {
	const data: Record<string, Record<string, unknown>> = {
		...Object.fromEntries(
			TEST_PROVIDERS.map(({ key, provider, credentials }) => [
				provider.credentialType,
				credentials({
					baseUrl: endpoints.apis[key],
					secret: LOCAL_WEBHOOK_SECRETS[key],
					headerName: LOCAL_WEBHOOK_HEADER,
				}),
			]),
		),
		smtp: {
			host: '127.0.0.1',
			port: endpoints.captureSmtpPort,
			secure: false,
			disableStartTls: true,
			user: '',
			password: '',
		},
	};
	const credentials = new Map<string, CredentialJson>();
	for (const { json } of loadExamples()) {
		for (const [type, fields] of Object.entries(data)) {
			const reference = credentialOf(json, type);
			if (reference) credentials.set(reference.id, { ...reference, type, data: fields });
		}
	}
	return [...credentials.values()];
}

/** The body of an expression, `={{ body }}` → `body`; a plain value as a JSON literal. */
function expressionBody(value: unknown): string {
	const match = typeof value === 'string' ? /^=\{\{([\s\S]*)\}\}\s*$/.exec(value) : null;
	return match ? match[1].trim() : JSON.stringify(value ?? '');
}

/**
 * The Slack node's chat.postMessage as an HTTP Request to the capture server, with the same body the
 * Slack node sends: `{channel, text}`, or for Message Type: Blocks the Blocks object with the
 * Notification Text as its `text`.
 */
function slackAsCapturePost(node: INode, captureUrl: string): INode {
	const channel = String((node.parameters.channelId as IDataObject | undefined)?.value ?? '');
	const fields = [
		`channel: ${JSON.stringify(channel)}`,
		`text: ${expressionBody(node.parameters.text)}`,
	];
	const body =
		node.parameters.messageType === 'block'
			? `Object.assign({}, ${expressionBody(node.parameters.blocksUi)}, { ${fields.join(', ')} })`
			: `{ ${fields.join(', ')} }`;
	return {
		id: node.id,
		name: node.name,
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		position: node.position,
		notes: 'Local copy: posts the message to the capture server instead of Slack',
		parameters: {
			method: 'POST',
			url: `${captureUrl}/slack/chat.postMessage`,
			sendBody: true,
			specifyBody: 'json',
			jsonBody: `={{ JSON.stringify(${body}) }}`,
			options: {},
		},
	};
}

/** An HTTP Request to the examples' FHIR server, sent to the local one instead. */
function atLocalFhirServer(node: INode, fhirBase: string): INode {
	const url = node.parameters.url;
	if (node.type !== 'n8n-nodes-base.httpRequest' || typeof url !== 'string') return node;
	if (!url.startsWith(EXAMPLE_FHIR_BASE)) return node;
	return {
		...node,
		parameters: { ...node.parameters, url: fhirBase + url.slice(EXAMPLE_FHIR_BASE.length) },
	};
}

export function exampleWorkflowId(file: string): string {
	return createHash('sha256').update(`example:${file}`).digest('hex').slice(0, 16);
}

/** An example as the demo and the e2e suite run it: published, local endpoints, Slack captured. */
export function localWorkflow(
	file: string,
	example: ExampleJson,
	endpoints: LocalEndpoints,
): LocalWorkflow {
	const nodes = example.nodes.map((node) =>
		node.type === 'n8n-nodes-base.slack'
			? slackAsCapturePost(node, endpoints.capture)
			: atLocalFhirServer(node, endpoints.fhir),
	);
	const triggers = example.nodes
		.filter((node) => TRIGGER_PROVIDERS[node.type])
		.map((node) => ({
			provider: TRIGGER_PROVIDERS[node.type],
			node: node.name,
			webhookPath: `${node.webhookId}/webhook`,
		}));
	const id = exampleWorkflowId(file);
	return {
		id,
		name: example.name,
		file,
		triggers,
		json: {
			id,
			name: example.name,
			active: true,
			nodes,
			connections: example.connections,
			settings: example.settings,
		},
	};
}

export function localWorkflows(endpoints: LocalEndpoints): LocalWorkflow[] {
	return loadExamples().map(({ file, json }) => localWorkflow(file, json, endpoints));
}
