import type { IDataObject } from 'n8n-workflow';

import type { ApiContext } from '../transport/api';
import type { EventOption } from '../trigger/eventsProperty';
import type { EventSchemas } from '../trigger/parseEvent';
import type { EventSource, TriggerOptions } from '../trigger/source';
import type { CatchUpState } from './state';

/** One status change a round found: emitted as one item, in the webhook's shape, in its own execution. */
export interface Change {
	/** The record it is about: changes of one record run one after the other, in order. */
	record: string;
	/** The webhook event that reports this change (its canonical name). */
	event: string;
	/** changeId(): the same as the webhook's for this change. */
	id: string;
	/** The body the provider's webhook would carry for it. */
	payload: IDataObject;
}

/** What one round read: the changes, the state once they have run, and where a cut-short walk goes on. */
export interface RoundResult {
	changes: Change[];
	state: CatchUpState;
	/** Where the next round goes on reading; undefined when this round read everything. */
	walk?: IDataObject;
}

export interface CatchUpOptions extends TriggerOptions {
	startFrom?: string;
	roundBudgetSeconds?: number;
	maxChangesPerRound?: number;
	overlapMinutes?: number;
	snapshotSize?: number;
	/** Junction: how orders that changed are found. */
	findBy?: 'updatedTime' | 'recentOrders';
	recentDays?: number;
	duplicateWindowHours?: number;
}

export interface RoundRequest {
	state: CatchUpState;
	walk?: IDataObject;
	/** Epoch ms: stop reading new pages past this. */
	deadline: number;
	/** Stop once this many changes were found. */
	maxChanges: number;
	options: CatchUpOptions;
	now: number;
}

/** Everything provider-specific about catching up; the shared rounds do the rest. */
export interface CatchUpSource<Schemas extends EventSchemas, Fields extends IDataObject> {
	/** What the provider's triggers know of its events: schemas, typed fields, Fetch Full Data. */
	eventSource: EventSource<Schemas, Fields, TriggerOptions>;
	/** The events a round can find; the node's Events option lists these. */
	events: Record<string, EventOption>;
	/** What a round reads, in words, for the node's notice. */
	reads: string;
	/** The state of a first activation: nothing before it runs the workflow (or before Start From). */
	baseline(context: ApiContext, request: RoundRequest, startFrom?: number): Promise<RoundResult>;
	round(context: ApiContext, request: RoundRequest): Promise<RoundResult>;
	/** The most recent change, for the editor's test run (no state is read or moved). */
	latest(context: ApiContext, options: CatchUpOptions): Promise<Change | undefined>;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- each provider's own schemas and fields
export type AnyCatchUpSource = CatchUpSource<any, any>;
