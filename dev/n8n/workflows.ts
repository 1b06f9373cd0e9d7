import { createHash } from 'node:crypto';

import type { IDataObject, INode } from 'n8n-workflow';

import type { CredentialJson, WebhookTarget, WorkflowJson } from './index';
import type { FakeUrls } from '../fakes/startFakes';

/**
 * Builders for the credentials and workflows the e2e suite imports into n8n. Ids are derived from the
 * names, so the setup (which imports them) and the tests (which call and read them) agree without
 * passing anything around: a name must be unique across all providers, so prefix it with yours.
 */
export const PACKAGE_NAME = 'n8n-nodes-lab-testing';

/** Node names inside the built workflows; read a node's output with `execution.json(TRIGGER_NODE)`. */
export const TRIGGER_NODE = 'Trigger';
export const START_NODE = 'Start';
export const ACTION_NODE = 'Action';

export interface E2eCredential {
	id: string;
	name: string;
	type: string;
	/** The fields, built once the fakes run (their URLs are only known then). */
	data(fakes: FakeUrls): Record<string, unknown>;
}

export interface E2eWorkflow extends WebhookTarget {
	name: string;
	json: WorkflowJson;
	/** Further webhooks of a workflow with several triggers, to wait for too. */
	moreWebhookPaths?: string[];
	/** False: imported but left unpublished, for a test that publishes it itself. */
	published?: boolean;
}

/** What a provider contributes to the e2e run: see test/e2e/fixtures/. */
export interface E2eFixtures {
	credentials: E2eCredential[];
	/** Or built once the fakes run, for workflows that hold their URLs. */
	workflows: E2eWorkflow[] | ((fakes: FakeUrls) => E2eWorkflow[]);
}

function digest(text: string): string {
	return createHash('sha256').update(text).digest('hex');
}

/** A 16-character id, like the ones n8n generates, derived from a name. */
export function stableId(name: string): string {
	return digest(`id:${name}`).slice(0, 16);
}

/** A UUID derived from a name, for webhook ids and paths. */
export function stableUuid(name: string): string {
	const hex = digest(`uuid:${name}`);
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

export function defineCredential(credential: Omit<E2eCredential, 'id'>): E2eCredential {
	return { id: stableId(`credential:${credential.name}`), ...credential };
}

export function credentialJson(credential: E2eCredential, fakes: FakeUrls): CredentialJson {
	return {
		id: credential.id,
		name: credential.name,
		type: credential.type,
		data: credential.data(fakes),
	};
}

/** A node of this package: `node` is the node's name, e.g. 'londonMedicalLaboratoryTrigger'. */
export interface PackageNode {
	node: string;
	credential: E2eCredential;
	parameters: IDataObject;
	typeVersion?: number;
	/** Further credentials of the node (a trigger's Management credential, say). */
	moreCredentials?: E2eCredential[];
	/** The node's On Error setting; `continueRegularOutput` is Continue On Fail. */
	onError?: INode['onError'];
}

function packageNode(name: string, spec: PackageNode, position: [number, number]): INode {
	return {
		id: stableUuid(`${name}/${spec.node}`),
		name,
		type: `${PACKAGE_NAME}.${spec.node}`,
		typeVersion: spec.typeVersion ?? 1,
		position,
		parameters: spec.parameters as INode['parameters'],
		credentials: Object.fromEntries(
			[spec.credential, ...(spec.moreCredentials ?? [])].map((credential) => [
				credential.type,
				{ id: credential.id, name: credential.name },
			]),
		),
		...(spec.onError ? { onError: spec.onError } : {}),
	};
}

function workflow(
	name: string,
	nodes: INode[],
	connections: WorkflowJson['connections'],
	published = true,
): WorkflowJson {
	return {
		id: stableId(`workflow:${name}`),
		name,
		active: published,
		nodes,
		connections,
		settings: { executionOrder: 'v1' },
	};
}

/**
 * A published workflow holding only one of our trigger nodes; it starts when an event is sent to
 * `n8n.webhookUrl(workflow)`. `path` is the trigger's webhook path (ours all use 'webhook').
 * `published: false` leaves it unpublished, for a test that publishes it itself.
 */
export function triggerWorkflow(
	name: string,
	trigger: PackageNode & { path?: string },
	{ published = true }: { published?: boolean } = {},
): E2eWorkflow {
	const webhookId = stableUuid(`webhook:${name}`);
	const node = { ...packageNode(TRIGGER_NODE, trigger, [0, 0]), webhookId };
	const json = workflow(name, [node], {}, published);
	const webhookPath = `${webhookId}/${trigger.path ?? 'webhook'}`;
	return { id: json.id, name, webhookPath, json, published };
}

export type ActionResponse = 'allEntries' | 'firstEntryBinary';

/**
 * A published workflow: n8n's Webhook node → one of our action nodes. `n8n.runWebhookWorkflow(workflow)`
 * runs it and returns the execution; the HTTP answer is the action's output: every item as JSON
 * ('allEntries'), or the file in the first item's `data` binary field ('firstEntryBinary').
 */
export function actionWorkflow(
	name: string,
	action: PackageNode,
	respondWith: ActionResponse = 'allEntries',
): E2eWorkflow {
	const path = stableUuid(`webhook:${name}`);
	const start: INode = {
		id: stableUuid(`${name}/start`),
		name: START_NODE,
		type: 'n8n-nodes-base.webhook',
		typeVersion: 2,
		position: [0, 0],
		webhookId: path,
		parameters: {
			httpMethod: 'POST',
			path,
			responseMode: 'lastNode',
			responseData: respondWith,
			...(respondWith === 'firstEntryBinary' ? { responseBinaryPropertyName: 'data' } : {}),
			options: {},
		},
	};
	const json = workflow(name, [start, packageNode(ACTION_NODE, action, [220, 0])], {
		[START_NODE]: { main: [[{ node: ACTION_NODE, type: 'main', index: 0 }]] },
	});
	return { id: json.id, name, webhookPath: path, json };
}
