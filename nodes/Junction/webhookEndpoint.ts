import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IHookFunctions,
	type INodeProperties,
	type IWebhookFunctions,
} from 'n8n-workflow';

import { ALL_EVENTS, OTHER_EVENT } from '../shared/trigger/source';
import {
	createWebhook,
	deleteWebhook,
	findWebhookByUrl,
	getWebhook,
	getWebhookSecret,
	updateWebhook,
	type JunctionEnvironment,
	type ManagedWebhook,
	type WebhookChanges,
} from './managementApi';
import { isProduction, junction } from './provider';
import { unixNow } from '../shared/values';

/**
 * The automatic webhook setup of the Junction Trigger: n8n's webhook lifecycle (checkExists, create,
 * delete) keeps one Junction endpoint per trigger node, for this node's webhook URL, in the environment
 * of the Junction API credential. Its id and signing secret live in the node's static data, as n8n's
 * own Stripe Trigger keeps its webhook secret: Junction issues the secret per endpoint, so there is no
 * credential to put it in.
 */
export const webhookSetupProperty: INodeProperties = {
	displayName: 'Webhook Setup',
	name: 'webhookSetup',
	type: 'options',
	options: [
		{
			name: 'Manual',
			value: 'manual',
			description:
				'Copy the URL into the Junction dashboard (Webhooks › Add Endpoint) and its signing secret into the credential',
		},
		{
			name: 'Automatic (Management API, Scale Plan)',
			value: 'automatic',
			description:
				'Publishing the workflow registers the URL with the selected events through the Management API and keeps its signing secret; unpublishing deletes it',
		},
	],
	default: 'manual',
};

/** Where the endpoint is kept in the node's static data. */
const STATIC_DATA_KEY = 'junctionEndpoint';

/** Svix keeps signing with the previous secret for a while after a rotation; it is accepted this long. */
export const PREVIOUS_SECRET_SECONDS = 24 * 60 * 60;

const DESCRIPTION_LENGTH = 200;

export interface RegisteredEndpoint {
	webhookId: string;
	environment: JunctionEnvironment;
	secret: string;
	/** The secret before a rotation, accepted until `previousSecretUntil` (Unix seconds). */
	previousSecret?: string;
	previousSecretUntil?: number;
}

type NodeContext = IHookFunctions | IWebhookFunctions;

export function usesAutomaticSetup(context: NodeContext): boolean {
	return (context as IHookFunctions).getNodeParameter('webhookSetup', 'manual') === 'automatic';
}

export function registeredEndpoint(staticData: IDataObject): RegisteredEndpoint | undefined {
	const stored = staticData[STATIC_DATA_KEY] as Partial<RegisteredEndpoint> | undefined;
	if (
		typeof stored?.webhookId !== 'string' ||
		typeof stored.secret !== 'string' ||
		(stored.environment !== 'production' && stored.environment !== 'sandbox')
	)
		return undefined;
	return stored as RegisteredEndpoint;
}

/** The secrets deliveries may be signed with now: the endpoint's, and the one before a rotation. */
export function registeredSecrets(staticData: IDataObject, now = unixNow()): string[] {
	const stored = registeredEndpoint(staticData);
	if (!stored) return [];
	const previousValid = stored.previousSecret && (stored.previousSecretUntil ?? 0) > now;
	return previousValid ? [stored.secret, stored.previousSecret!] : [stored.secret];
}

function remember(
	staticData: IDataObject,
	current: Pick<RegisteredEndpoint, 'webhookId' | 'environment' | 'secret'>,
	before: RegisteredEndpoint | undefined,
	now = unixNow(),
): void {
	const entry: RegisteredEndpoint = { ...current };
	if (before?.webhookId === current.webhookId) {
		if (before.secret !== current.secret) {
			entry.previousSecret = before.secret;
			entry.previousSecretUntil = now + PREVIOUS_SECRET_SECONDS;
		} else if (before.previousSecret && (before.previousSecretUntil ?? 0) > now) {
			entry.previousSecret = before.previousSecret;
			entry.previousSecretUntil = before.previousSecretUntil;
		}
	}
	// A new object, so that n8n sees the change and saves it.
	staticData[STATIC_DATA_KEY] = entry as unknown as IDataObject;
}

function forget(staticData: IDataObject): void {
	delete staticData[STATIC_DATA_KEY];
}

/**
 * The event types to subscribe to; null means every event. All Events and Other both need every
 * event, since types Junction adds later (and Svix notices) must still arrive.
 */
export function wantedFilterTypes(events: string[]): string[] | null {
	if (events.length === 0 || events.includes(ALL_EVENTS) || events.includes(OTHER_EVENT))
		return null;
	return [...new Set(events)].sort();
}

/** Equal filters; no filter (null) and an empty list both mean every event. */
export function sameFilter(current: string[] | null | undefined, wanted: string[] | null): boolean {
	const normalise = (types: string[] | null | undefined) =>
		types && types.length > 0 ? [...new Set(types)].sort().join('\n') : null;
	return normalise(current) === normalise(wanted);
}

async function environmentOf(context: IHookFunctions): Promise<JunctionEnvironment> {
	const credentials = await context.getCredentials(junction.credentialType);
	return isProduction(credentials) ? 'production' : 'sandbox';
}

function webhookUrlOf(context: IHookFunctions): string {
	const url = context.getNodeWebhookUrl('default');
	if (!url) throw new NodeOperationError(context.getNode(), 'n8n gave this trigger no webhook URL');
	return url;
}

function filterOf(context: IHookFunctions): string[] | null {
	return wantedFilterTypes(context.getNodeParameter('events', []) as string[]);
}

/**
 * Brings an existing endpoint in line with the node: its events, its URL, enabled. Returns false when
 * Junction kept another filter (it may read a PATCH to null as "unchanged") and the endpoint was
 * deleted instead, to be created anew.
 */
async function reconcile(
	context: IHookFunctions,
	environment: JunctionEnvironment,
	endpoint: ManagedWebhook,
	url: string,
): Promise<boolean> {
	const wanted = filterOf(context);
	const changes: WebhookChanges = {};
	if (!sameFilter(endpoint.filter_types, wanted)) changes.filter_types = wanted;
	if (endpoint.url !== url) changes.url = url;
	if (endpoint.disabled === true) changes.disabled = false;
	if (Object.keys(changes).length === 0) return true;
	const updated = await updateWebhook(context, environment, endpoint.id, changes);
	if (sameFilter(updated.filter_types, wanted)) return true;
	context.logger.info(
		`${context.getNode().name}: Junction kept the old event filter of endpoint ${endpoint.id}; replacing the endpoint`,
	);
	await deleteWebhook(context, environment, endpoint.id);
	return false;
}

/**
 * checkExists: the stored endpoint (or, without one, the team's endpoint for exactly this URL) is
 * brought in line with the node and its current secret stored. An endpoint that is gone is forgotten.
 */
export async function endpointExists(context: IHookFunctions): Promise<boolean> {
	const staticData = context.getWorkflowStaticData('node');
	const environment = await environmentOf(context);
	const url = webhookUrlOf(context);
	let stored = registeredEndpoint(staticData);
	if (stored && stored.environment !== environment) {
		// The Junction API credential now points at the other environment: its events must stop coming.
		await deleteWebhook(context, stored.environment, stored.webhookId);
		forget(staticData);
		stored = undefined;
	}
	let endpoint = stored ? await getWebhook(context, environment, stored.webhookId) : undefined;
	if (stored && !endpoint) {
		forget(staticData);
		stored = undefined;
	}
	endpoint ??= await findWebhookByUrl(context, environment, url);
	if (!endpoint) return false;
	if (!(await reconcile(context, environment, endpoint, url))) {
		forget(staticData);
		return false;
	}
	const secret = await getWebhookSecret(context, environment, endpoint.id);
	remember(staticData, { webhookId: endpoint.id, environment, secret }, stored);
	return true;
}

function endpointDescription(context: IHookFunctions): string {
	const workflow = context.getWorkflow();
	return `n8n workflow "${workflow.name ?? ''}" (${workflow.id ?? ''}), node "${context.getNode().name}"`.slice(
		0,
		DESCRIPTION_LENGTH,
	);
}

/** create: registers this node's URL for the selected events and stores the endpoint and its secret. */
export async function registerEndpoint(context: IHookFunctions): Promise<boolean> {
	const staticData = context.getWorkflowStaticData('node');
	const environment = await environmentOf(context);
	const filter = filterOf(context);
	const endpoint = await createWebhook(context, environment, {
		url: webhookUrlOf(context),
		description: endpointDescription(context),
		...(filter ? { filter_types: filter } : {}),
	});
	let secret: string;
	try {
		secret = await getWebhookSecret(context, environment, endpoint.id);
	} catch (error) {
		// Without its secret the endpoint is of no use: take it away again before failing.
		await deleteAfterFailure(context, environment, endpoint.id);
		throw error instanceof NodeApiError
			? error
			: new NodeOperationError(context.getNode(), error as Error);
	}
	remember(staticData, { webhookId: endpoint.id, environment, secret }, undefined);
	return true;
}

async function deleteAfterFailure(
	context: IHookFunctions,
	environment: JunctionEnvironment,
	webhookId: string,
): Promise<void> {
	try {
		await deleteWebhook(context, environment, webhookId);
	} catch (error) {
		context.logger.warn(
			`${context.getNode().name}: could not delete Junction endpoint ${webhookId} after a failed setup (${(error as Error).message}); delete it in the Junction dashboard`,
		);
	}
}

/** delete: removes the stored endpoint (one already gone counts as removed) and forgets it. */
export async function removeEndpoint(context: IHookFunctions): Promise<boolean> {
	const staticData = context.getWorkflowStaticData('node');
	const stored = registeredEndpoint(staticData);
	if (!stored) return true;
	await deleteWebhook(context, stored.environment, stored.webhookId);
	forget(staticData);
	return true;
}
