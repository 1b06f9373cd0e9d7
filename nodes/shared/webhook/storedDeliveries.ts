import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import type { Claim } from './claims';
import { EMPTY_LEDGER, isLedger, mergeLedgers, type Ledger } from '../trigger/ledger';
import { memoriesOf, triggerIdOf, type TriggerMemory } from './triggerMemory';
import { unixNow } from '../values';

/** The workflow-wide static data key holding one ledger per trigger node. */
const STATIC_DATA_KEY = 'labTestingDeliveries';
/** Where the previous version kept a trigger's ledger, in the node's own static data. */
const EARLIER_NODE_KEY = 'deliveries';

/**
 * The deliveries a workflow's triggers ran, as kept in its static data, and the value that goes there
 * for n8n to save: the stored ledgers merged with what this process ran, at the moment n8n saves.
 */
export interface StoredDeliveries {
	version: 4;
	/** Ledger per trigger node id. */
	ledgers: Record<string, Ledger>;
}

/** Only production deliveries are stored: n8n keeps a test run's static data apart and never saves it. */
export function usesStaticData(context: IWebhookFunctions): boolean {
	return context.getMode() !== 'manual';
}

function isStoredDeliveries(value: unknown): value is StoredDeliveries {
	const stored = value as StoredDeliveries | undefined;
	return (
		typeof stored === 'object' &&
		stored !== null &&
		stored.version === 4 &&
		typeof stored.ledgers === 'object' &&
		stored.ledgers !== null
	);
}

/** The ledgers as loaded for this call, with a ledger the previous version kept carried over. */
export function loadStoredDeliveries(context: IWebhookFunctions): StoredDeliveries {
	const global = context.getWorkflowStaticData('global');
	const loaded = global[STATIC_DATA_KEY];
	const ledgers: Record<string, Ledger> = {};
	if (isStoredDeliveries(loaded)) {
		for (const [triggerId, ledger] of Object.entries(loaded.ledgers)) {
			if (isLedger(ledger)) ledgers[triggerId] = ledger;
		}
	}
	const nodeData = context.getWorkflowStaticData('node');
	const earlier = nodeData[EARLIER_NODE_KEY] as IDataObject | undefined;
	if (earlier?.version === 3 && isLedger(earlier.current) && isLedger(earlier.previous)) {
		const triggerId = triggerIdOf(context);
		const carried = mergeLedgers(earlier.current, earlier.previous, unixNow(), Infinity);
		ledgers[triggerId] = mergeLedgers(
			ledgers[triggerId] ?? EMPTY_LEDGER,
			carried,
			unixNow(),
			Infinity,
		);
		delete nodeData[EARLIER_NODE_KEY];
	}
	return { version: 4, ledgers };
}

/** What the view serialises, known only to this module. */
export interface ViewState {
	loaded: StoredDeliveries;
	workflow: Map<string, TriggerMemory>;
	claim?: Claim;
	/** Marks static data as changed again, so that n8n saves it. */
	markChanged(): void;
}

const viewStates = new WeakMap<object, ViewState>();

/**
 * The value put in static data for n8n to save. Its own properties are the ledgers as loaded, so a
 * plain copy of it is still valid; JSON.stringify, which n8n's save runs once the execution exists,
 * gets the loaded ledgers merged with everything this process ran by then.
 */
class StoredDeliveriesView implements StoredDeliveries {
	readonly version = 4;
	readonly ledgers: Record<string, Ledger>;

	constructor(state: ViewState) {
		this.ledgers = state.loaded.ledgers;
		viewStates.set(this, state);
	}

	toJSON(): StoredDeliveries {
		const { loaded, workflow, claim } = viewStates.get(this)!;
		const now = unixNow();
		claim?.markRan();
		const ledgers = { ...loaded.ledgers };
		for (const [triggerId, memory] of workflow) {
			ledgers[triggerId] = mergeLedgers(
				ledgers[triggerId] ?? EMPTY_LEDGER,
				memory.recent(now),
				now,
				memory.policy.maxEntries,
			);
		}
		return { version: 4, ledgers };
	}
}

export function installView(context: IWebhookFunctions, loaded: StoredDeliveries): ViewState {
	const global = context.getWorkflowStaticData('global');
	const state: ViewState = {
		loaded,
		workflow: memoriesOf(context),
		// Assigning a value marks n8n's change-tracking proxy, even when the value is the same.
		markChanged: () => (global[STATIC_DATA_KEY] = view as unknown as IDataObject),
	};
	const view = new StoredDeliveriesView(state);
	state.markChanged();
	return state;
}
