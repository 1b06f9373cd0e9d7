import { createHash } from 'node:crypto';
import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
	type JsonObject,
} from 'n8n-workflow';

import type { ProviderApi } from '../transport/api';
import { canonicalJson } from '../values';

/**
 * Creates that must not happen twice, for APIs without an idempotency key. n8n runs a node again on
 * the same input whenever it retries it (Retry On Fail) or a failed execution is re-run; the item's
 * reference is the same every time, so a create can be recognised as a repeat.
 */

/**
 * What an input item is about, independent of the delivery that brought it: the status change a
 * trigger item reports (a webhook copy and a catch-up of one change are one), else its event and
 * payload (a re-sent webhook under a new delivery ID is the same event), else its delivery, else its
 * JSON.
 */
export function itemIdentity(json: IDataObject): unknown {
	if (typeof json.changeId === 'string' && json.changeId) return { changeId: json.changeId };
	if (typeof json.event === 'string' && typeof json.payload === 'object' && json.payload !== null)
		return { event: json.event, payload: json.payload };
	if (typeof json.deliveryId === 'string' && json.deliveryId)
		return { deliveryId: json.deliveryId };
	return json;
}

/**
 * What a create is about, as 32 hex characters (128 bits of SHA-256): the workflow, the node, the
 * operation, the input item's identity and the request. The same on every run of this node on this
 * input; different for another event, another node or another request (two lab tests for one event).
 */
export function itemReference(
	context: IExecuteFunctions,
	itemIndex: number,
	operation: string,
	request: unknown,
): string {
	const input = context.getInputData()[itemIndex]?.json ?? {};
	const about = {
		workflow: context.getWorkflow()?.id ?? '',
		node: context.getNode().id,
		operation,
		item: itemIdentity(input),
		request,
	};
	return createHash('sha256').update(canonicalJson(about)).digest('hex').slice(0, 32);
}

/** Network errors after which the request surely never left n8n. */
const NEVER_SENT = new Set([
	'ECONNREFUSED',
	'ENOTFOUND',
	'EAI_AGAIN',
	'EHOSTUNREACH',
	'ENETUNREACH',
]);

/**
 * Whether a failed write may still have been carried out: no answer came (a timeout, a dropped
 * connection) or the provider failed (5xx) after it may have acted. A 4xx, or a connection never made,
 * means it was not.
 */
export function mayHaveHappened(error: unknown): boolean {
	if (!(error instanceof NodeApiError)) return false;
	const status = Number(error.httpCode);
	if (Number.isInteger(status) && status > 0) return status >= 500;
	const code = (error.errorResponse as IDataObject | undefined)?.code;
	return typeof code !== 'string' || !NEVER_SENT.has(code);
}

/**
 * The error to throw for a failed create: as it was when the create surely did not happen; when it may
 * have, one saying so, with `description` telling the user what to do.
 */
export function createFailure(
	context: IExecuteFunctions,
	api: ProviderApi,
	error: unknown,
	{ what, description, itemIndex }: { what: string; description: string; itemIndex: number },
): NodeApiError | NodeOperationError {
	if (!mayHaveHappened(error)) {
		if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
		return new NodeOperationError(context.getNode(), error as Error, { itemIndex });
	}
	const cause = error as NodeApiError;
	const httpCode = cause.httpCode ?? undefined;
	const code = (cause.errorResponse as IDataObject | undefined)?.code;
	return new NodeApiError(
		context.getNode(),
		{ ...(httpCode ? { httpCode } : {}), ...(code ? { code } : {}) } as JsonObject,
		{
			message: `${api.providerName} may have created the ${what} without confirming it`,
			description: `${cause.message}. ${description}`,
			...(httpCode ? { httpCode } : {}),
			itemIndex,
		},
	);
}

/** A create this node made, or tried, for one reference: `[when (ms), outcome, id]`. */
type CreateRecord = [at: number, outcome: 'created' | 'unconfirmed', id: string];

const LEDGER_KEY = 'createdItems';
/** How long a create is remembered: re-runs of a failed execution happen within days. */
export const CREATE_MEMORY_DAYS = 7;
const CREATE_MEMORY_MS = CREATE_MEMORY_DAYS * 24 * 60 * 60 * 1000;
/** Records kept per node; the oldest go first. A record is about 70 bytes of static data. */
const MAX_RECORDS = 1000;

function ledgerOf(context: IExecuteFunctions): Record<string, CreateRecord> | undefined {
	// The workflow's static data: shared by the tries of Retry On Fail, saved after production executions.
	const staticData = context.getWorkflowStaticData('node') as IDataObject | undefined;
	if (!staticData) return undefined;
	const ledger = (staticData[LEDGER_KEY] ??= {}) as Record<string, CreateRecord>;
	const oldest = Date.now() - CREATE_MEMORY_MS;
	for (const [reference, [at]] of Object.entries(ledger))
		if (!(at > oldest)) delete ledger[reference];
	const references = Object.keys(ledger);
	if (references.length >= MAX_RECORDS) {
		references.sort((a, b) => ledger[a][0] - ledger[b][0]);
		for (const reference of references.slice(0, references.length - MAX_RECORDS + 1))
			delete ledger[reference];
	}
	return ledger;
}

/** Options › Allow Repeat Orders, for order creates that `createOnce` guards; `earlier` names what a repeat returns. */
export function allowRepeatOrdersProperty(earlier: string): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Allow Repeat Orders',
				name: 'allowRepeat',
				type: 'boolean',
				default: false,
				description: `Whether to place the order even if this node placed one for the same input in the last ${CREATE_MEMORY_DAYS} days, or an attempt of it went unconfirmed. Off: such an item returns ${earlier} (or stops) instead of ordering again.`,
			},
		],
	};
}

export interface CreateOnce<Created> {
	api: ProviderApi;
	/** What is created, in words: "order". */
	what: string;
	/** The item's reference (`itemReference`). */
	reference: string;
	/** How to find out whether an unconfirmed create happened, in words for the error. */
	howToCheck: string;
	/** Where the user can allow a repeat, in words: "Options › Allow Repeat Orders". */
	allowRepeatParameter: string;
	/** Send even if this node created (or may have created) one for this reference. */
	allowRepeat: boolean;
	itemIndex: number;
	/** The created record's id in the provider's answer. */
	idOf(created: Created): string | undefined;
	create(): Promise<Created>;
}

export type CreateOutcome<Created> =
	| { created: true; value: Created }
	| { created: false; id: string; at: string; message: string };

/**
 * Creates once per reference: a reference this node already created something for (in the last
 * `CREATE_MEMORY_DAYS` days, in this workflow) is answered with that record's id, not sent again; one
 * whose create was not confirmed (a timeout, a 5xx) stops the item until the user allows a repeat.
 */
export async function createOnce<Created>(
	context: IExecuteFunctions,
	options: CreateOnce<Created>,
): Promise<CreateOutcome<Created>> {
	const { api, what, reference, itemIndex } = options;
	const ledger = ledgerOf(context);
	const earlier = options.allowRepeat ? undefined : ledger?.[reference];
	if (earlier) {
		const [at, outcome, id] = earlier;
		const when = new Date(at).toISOString();
		if (outcome === 'created') {
			return {
				created: false,
				id,
				at: when,
				message: `Not created again: this node created ${id ? `${what} ${id}` : `the ${what}`} for the same input at ${when}. To create another, turn on ${options.allowRepeatParameter}.`,
			};
		}
		throw new NodeApiError(
			context.getNode(),
			{ code: 'UNCONFIRMED_EARLIER_ATTEMPT' } as JsonObject,
			{
				message: `Not sent again: an earlier attempt at ${when} may have created the ${what}`,
				description: `${api.providerName} did not confirm that attempt. ${options.howToCheck} If there is none, turn on ${options.allowRepeatParameter} and run this again.`,
				itemIndex,
			},
		);
	}
	try {
		const value = await options.create();
		if (ledger) ledger[reference] = [Date.now(), 'created', options.idOf(value) ?? ''];
		return { created: true, value };
	} catch (error) {
		if (ledger && mayHaveHappened(error)) ledger[reference] = [Date.now(), 'unconfirmed', ''];
		throw createFailure(context, api, error, {
			what,
			itemIndex,
			description: `It was not sent again: ${api.providerName} has no way to recognise a repeat. ${options.howToCheck}`,
		});
	}
}
