import type { ICredentialDataDecryptedObject, INodeType } from 'n8n-workflow';

import type { ActionNode } from '../../nodes/shared/actions/actionNode';
import type { LabProvider } from '../../nodes/shared/provider';
import type { WebhookSource } from '../../nodes/shared/webhook/source';
import type { FakeServer } from './fakeServer';

/**
 * A provider as the tests, the tools and the benchmarks know it: one descriptor per provider, in
 * dev/fakes/<key>/index.ts, listed in dev/fakes/index.ts. Every registry
 * (the sender, the fakes, the e2e fixtures, the demo, the benchmarks) iterates over those.
 */
export interface TestProvider<Key extends string = string, MoreFake extends string = never> {
	/** The provider's one key in tests, fixtures, benchmarks and tools: its nodes descriptor's key. */
	key: Key;
	/** The nodes' descriptor (nodes/<Provider>/provider.ts). */
	provider: LabProvider;
	/** The short name tables, workflow names and the demo use: LML, Hurdle, Junction. */
	shortName: string;
	/** Other names the command-line tools accept for the key (the key 'lml' it had before). */
	aliases?: readonly string[];
	/** What is provider-specific in the trigger pipeline (nodes/<Provider>/webhook.ts). */
	webhookSource: AnyWebhookSource;
	/**
	 * The node classes. Where jest loads TypeScript with Node's own resolution (a globalSetup), an import
	 * of 'X.node' finds the codex file X.node.json first: there use the names (triggerNodeName) instead.
	 */
	Trigger: NodeClass;
	Action: NodeClass;
	/** The action node's resources and operation table (nodes/<Provider>/actions). */
	actions: ActionNode;
	/** A fake of the provider's API; `records` sizes the lists the benchmarks page through. */
	createFake(records?: number): FakeServer;
	/** Further fakes the nodes call besides the API, by name (Junction's Management API). */
	moreFakes?: Record<MoreFake, () => FakeServer>;
	/** Realistic webhook bodies, one per event the trigger knows. */
	samples: SampleSource;
	/** How a genuine delivery proves where it comes from. */
	signer: Signer;
	/** The credential of the provider's trigger and action node, for tests: the fake's key by default. */
	credentials(settings?: TestCredentialSettings): ICredentialDataDecryptedObject;
	/** The deliveries the benchmarks and the e2e series send and count. */
	counted: CountedEvent;
}

/** Any provider's descriptor, whatever its key. */
export type AnyTestProvider = TestProvider<string, string>;

export type NodeClass = new () => INodeType;

/**
 * The names n8n knows a provider's nodes by: its key and its key + 'Trigger', e.g.
 * 'londonMedicalLaboratory' and 'londonMedicalLaboratoryTrigger' (a unit test holds every provider to it).
 * Named without loading the node classes, which a jest globalSetup cannot (see `Trigger`).
 */
export function actionNodeName(test: { key: string }): string {
	return test.key;
}
export function triggerNodeName(test: { key: string }): string {
	return `${test.key}Trigger`;
}

/** Any provider's webhook source: their schema, field and option types differ, the pipeline is one. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each source's own types, whatever they are
export type AnyWebhookSource = WebhookSource<any, any, any>;

/** Checks that the descriptor's key is its nodes descriptor's key: tests and items share one key. */
export function defineTestProvider<const Key extends string, MoreFake extends string = never>(
	descriptor: TestProvider<Key, MoreFake>,
): TestProvider<Key, MoreFake> {
	if (descriptor.key !== descriptor.provider.key) {
		throw new Error(
			`Test provider "${descriptor.key}" describes nodes provider "${descriptor.provider.key}": use its key`,
		);
	}
	return descriptor;
}

/** What every provider's sample module provides to the sender. */
export interface SampleOptions {
	/** Overrides for ids and fields in the sample (provider-specific keys). */
	overrides?: Record<string, unknown>;
	/** Hurdle: event name casing as sent. */
	casing?: 'lower' | 'upper';
	/** Hurdle: GET delivery with query parameters instead of a JSON body. */
	method?: 'GET' | 'POST';
}

export interface Delivery {
	method: 'GET' | 'POST';
	headers: Record<string, string>;
	query: Record<string, string>;
	/** Raw body bytes as sent (empty for GET). */
	body: string;
}

export interface SampleSource {
	events: readonly string[];
	build(event: string, options: SampleOptions): Delivery;
}

export function jsonDelivery(payload: unknown): Delivery {
	return {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		query: {},
		body: JSON.stringify(payload),
	};
}

export interface SignOptions {
	/** Shared secret: the secret. Svix: one `whsec_…` signing secret. None: the delivery stays unsigned. */
	secret?: string;
	/** Shared secret: header carrying the secret (default X-Webhook-Secret). */
	headerName?: string;
	/** Shared secret: put the secret in ?token= instead of a header. */
	secretInQuery?: boolean;
	/** Svix: the svix-id (stable across redeliveries); a new one by default. */
	messageId?: string;
	/** Svix: when the message was signed, in Unix seconds; now by default. */
	timestamp?: number;
}

/** How a provider proves a delivery genuine, done as the provider does it. */
export interface Signer {
	/** In words, for listings: "shared secret", "Svix signature". */
	proof: string;
	/** A secret of the kind the credential holds and `sign` takes, made from any text. */
	secret(seed: string): string;
	/** Adds the proof of origin to a delivery; without `options.secret` it stays unsigned. */
	sign(delivery: Delivery, options: SignOptions): Delivery;
}

export interface TestCredentialSettings {
	/** Where the API is: a fake's URL; by default a closed port, for a trigger that calls none. */
	baseUrl?: string;
	/** What the trigger verifies deliveries with (a shared secret, or whsec_ secrets); none by default. */
	secret?: string;
	/** Shared secret: the header the credential names (X-Webhook-Secret by default). */
	headerName?: string;
	/** The API key or token: by default the one the fake accepts. */
	apiKey?: string;
}

/** A base URL nothing listens on: for credentials whose API is never called. */
export const CLOSED_PORT_URL = 'http://127.0.0.1:9';

/**
 * Deliveries that are told apart by the record they name, for the benchmarks and the e2e series:
 * each one unique, so deduplication never takes one for another.
 */
export interface CountedEvent {
	/** An event the trigger accepts with its default options. */
	event: string;
	/** The sample override naming the record the event is about. */
	idOverride: string;
	/** Record ids are UUIDs; with a prefix they are the prefix and digits (Hurdle's HRD-100234). */
	idPrefix?: string;
}

/** The id of a counted record, given in both shapes: a UUID, and 9 digits. */
export function countedId(counted: CountedEvent, id: { uuid: string; digits: string }): string {
	return counted.idPrefix === undefined ? id.uuid : `${counted.idPrefix}${id.digits}`;
}
