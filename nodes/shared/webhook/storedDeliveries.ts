import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import { EMPTY_LEDGER, type Ledger } from '../trigger/ledger';
import {
	STORED_LEDGERS_KEY,
	STORED_LEDGERS_VERSION,
	storedLedgersIn,
	type StoredLedgers,
} from '../trigger/storedLedgers';
import { unixNow } from '../values';
import { memoriesOf, type TriggerMemory } from './triggerMemory';

/**
 * The deliveries a workflow's triggers ran, as kept in its static data, and the value that goes there
 * for n8n to save: the stored ledgers merged with what this process ran, at the moment n8n saves.
 */
export type StoredDeliveries = StoredLedgers;

/** Only production deliveries are stored: n8n keeps a test run's static data apart and never saves it. */
export function usesStaticData(context: IWebhookFunctions): boolean {
	return context.getMode() !== 'manual';
}

/** The ledgers as loaded for this call; anything else under the key is ignored. */
export function loadStoredDeliveries(context: IWebhookFunctions): StoredDeliveries {
	const loaded = context.getWorkflowStaticData('global')[STORED_LEDGERS_KEY];
	return { version: STORED_LEDGERS_VERSION, ledgers: storedLedgersIn(loaded) };
}

/** The stored ledgers merged with what this process ran by now, for every trigger of the workflow. */
function ledgersToSave(
	loaded: StoredDeliveries,
	workflow: Map<string, TriggerMemory>,
): StoredDeliveries {
	const now = unixNow();
	const ledgers = { ...loaded.ledgers };
	for (const [triggerId, memory] of workflow) {
		ledgers[triggerId] = memory.ledgerToWrite(ledgers[triggerId] ?? EMPTY_LEDGER, now);
	}
	return { version: STORED_LEDGERS_VERSION, ledgers };
}

/** Where the view keeps what it merges: symbol keys, which n8n's change tracking, copies and JSON skip. */
const LOADED = Symbol('loaded');
const WORKFLOW = Symbol('workflow');

/**
 * The value put in static data for n8n to save. Its own enumerable properties are the ledgers as loaded,
 * so a plain copy of it is still valid; JSON.stringify, which n8n's save runs once the execution exists,
 * gets the loaded ledgers merged with everything this process ran by then. Any Workflow n8n builds on
 * the same object wraps it in ObservableObject proxies, and `toJSON` then runs on a proxy: it reads
 * through `this` (private fields would throw there). Plain fields, always in the same order, keep one
 * object shape for every view (hiding them with Object.defineProperties cost ~3 µs a call).
 */
class StoredDeliveriesView implements StoredDeliveries {
	readonly version = STORED_LEDGERS_VERSION;
	readonly ledgers: Record<string, Ledger>;
	readonly [LOADED]: StoredDeliveries;
	readonly [WORKFLOW]: Map<string, TriggerMemory>;

	constructor(loaded: StoredDeliveries, workflow: Map<string, TriggerMemory>) {
		this.ledgers = loaded.ledgers;
		this[LOADED] = loaded;
		this[WORKFLOW] = workflow;
	}

	toJSON(): StoredDeliveries {
		return ledgersToSave(this[LOADED], this[WORKFLOW]);
	}
}

export interface InstalledView {
	/** Marks static data as changed again, so that n8n saves it. */
	markChanged(): void;
}

/** Puts the view in the workflow's static data, which marks it changed: this call's save writes it. */
export function installView(context: IWebhookFunctions, loaded: StoredDeliveries): InstalledView {
	const global = context.getWorkflowStaticData('global');
	const view = new StoredDeliveriesView(loaded, memoriesOf(context));
	// Assigning a value marks n8n's change-tracking proxy, even when the value is the same.
	const markChanged = () => {
		global[STORED_LEDGERS_KEY] = view as unknown as IDataObject;
	};
	markChanged();
	return { markChanged };
}
