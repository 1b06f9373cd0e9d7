import { createHash } from 'node:crypto';

import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { callApi } from '../../shared/transport/api';
import { junction } from '../provider';

/**
 * Idempotency keys for Junction's creates. Junction answers a repeated `X-Idempotency-Key` with the
 * first request's status and body (cached ≥ 24 h), so a create n8n runs again (Retry On Fail, a
 * re-run of a failed execution, the same event delivered again) returns the first order instead of
 * placing a second one.
 *
 * The default key is derived from what the item is about, so every repeat sends the same key:
 * SHA-256 over the workflow ID, the node ID, the operation, the input item's identity and the request
 * as configured. The identity of a trigger item is its event and payload (the same content under a
 * new delivery ID, as a re-sent webhook has, is the same event); of an item with only a `deliveryId`,
 * that; of any other item, its JSON. Two different requests for one event (two lab tests, say) differ
 * in the request, so they get different keys; two identical items in one run get one key and one order.
 */
export const idempotencyKeyOption: INodeProperties = {
	displayName: 'Idempotency Key',
	name: 'idempotencyKey',
	type: 'string',
	default: '',
	placeholder: "e.g. {{ $json.orderId + '-retest' }}",
	description:
		'Sent as X-Idempotency-Key: Junction answers a repeat of the key with the first result instead of acting again (for at least 24 hours). Empty derives one from the workflow, this node, the input item and the request, so retries and re-runs repeat it. Set your own to share one key between workflows.',
};

/** The Options collection of a create: the key, and whatever else the operation adds. */
export function createOptionsProperty(more: INodeProperties[] = []): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [idempotencyKeyOption, ...more],
	};
}

/** JSON with every object's keys sorted and undefined left out: equal values, equal text. */
export function canonicalJson(value: unknown): string {
	if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
	if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
	const entries = Object.keys(value)
		.filter((key) => (value as IDataObject)[key] !== undefined)
		.sort()
		.map((key) => `${JSON.stringify(key)}:${canonicalJson((value as IDataObject)[key])}`);
	return `{${entries.join(',')}}`;
}

/** What an input item is about, independent of the delivery that brought it. */
export function itemIdentity(json: IDataObject): unknown {
	if (typeof json.event === 'string' && typeof json.payload === 'object' && json.payload !== null)
		return { event: json.event, payload: json.payload };
	if (typeof json.deliveryId === 'string') return { deliveryId: json.deliveryId };
	return json;
}

export interface IdempotencyKey {
	key: string;
	/** `derived` from the item and request, or given in the Idempotency Key option. */
	source: 'derived' | 'option';
}

/** The key for this item: the option's if set, else derived from the item and the request as configured. */
export function idempotencyKeyFor(
	context: IExecuteFunctions,
	itemIndex: number,
	operation: string,
	request: unknown,
): IdempotencyKey {
	const given = String(context.getNodeParameter('options.idempotencyKey', itemIndex, '')).trim();
	if (given) return { key: given, source: 'option' };
	const item = context.getInputData()[itemIndex]?.json ?? {};
	const material = canonicalJson({
		version: 1,
		workflow: context.getWorkflow().id ?? '',
		node: context.getNode().id,
		operation,
		item: itemIdentity(item),
		request,
	});
	return { key: `n8n-${createHash('sha256').update(material).digest('hex')}`, source: 'derived' };
}

/** How far Junction's clock may run behind n8n's before a fresh order would look replayed. */
export const CLOCK_TOLERANCE_MS = 2000;

/**
 * Junction sends no replay marker, so the node tells by time: a record created before this request
 * was first sent (beyond the clock tolerance) was created by an earlier request with the key.
 * A repeat within the tolerance of the first (two concurrent runs) counts as not replayed.
 */
export function isReplay(createdAt: unknown, sentAt: number): boolean {
	const created = typeof createdAt === 'string' ? Date.parse(createdAt) : Number.NaN;
	return Number.isFinite(created) && created < sentAt - CLOCK_TOLERANCE_MS;
}

/** When Junction created a record: an order's `created_at`, an appointment's first event. */
export function createdAtOf(answer: IDataObject): unknown {
	const order = answer.order as IDataObject | undefined;
	if (order) return order.created_at;
	const events = answer.events as IDataObject[] | undefined;
	return Array.isArray(events) ? events[0]?.created_at : answer.created_at;
}

/**
 * POSTs a create with its idempotency key (retried by the transport after a timeout, a network error
 * or a 502/503/504, as the key makes that safe). The answer says under `idempotency` which key went
 * with it and whether it is the replay of an earlier request's record.
 */
export async function createWithKey(
	context: IExecuteFunctions,
	path: string,
	body: IDataObject,
	key: IdempotencyKey,
	itemIndex: number,
): Promise<IDataObject> {
	const sentAt = Date.now();
	const { body: answer } = await callApi<IDataObject>(
		context,
		junction,
		{ method: 'POST', path, body, idempotencyKey: key.key },
		itemIndex,
	);
	return {
		...answer,
		idempotency: {
			key: key.key,
			keySource: key.source,
			replayed: isReplay(createdAtOf(answer ?? {}), sentAt),
		},
	};
}
