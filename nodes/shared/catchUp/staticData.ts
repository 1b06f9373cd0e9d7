import type { IDataObject, ITriggerFunctions, IWebhookFunctions } from 'n8n-workflow';

import {
	EMPTY_LEDGER,
	ledgerWith,
	ledgerWithout,
	mergeLedgers,
	type Ledger,
} from '../trigger/ledger';
import {
	STORED_LEDGERS_KEY,
	STORED_LEDGERS_VERSION,
	storedLedgersIn,
	type StoredLedgers,
} from '../trigger/storedLedgers';
import { memoriesOf } from '../webhook/triggerMemory';
import { unixNow } from '../values';
import { catchUpLedgerKey } from './changeLedger';

/**
 * The catch-up's writes to static data, from the main process. n8n gives a trigger one copy of the
 * workflow's static data, loaded at activation, and saves the whole of it whenever the trigger emits
 * (last writer wins): a save would put back, over everything the webhooks saved since, the ledgers as
 * they were at activation. The view installed here makes every such save write those ledgers merged
 * with every delivery the webhook triggers of this process ran (all they remember, not just the recent
 * ones) and with the changes this catch-up ran. In regular mode, where the webhooks run in this
 * process, nothing is lost. In queue mode the deliveries webhook processes ran since activation are
 * written back by their own next saves (README, Exactly once).
 *
 * (An execution's own copy cannot do it: in queue mode the worker runs it without static data.)
 */
type Loaded = StoredLedgers;

function loadedFrom(global: IDataObject): Loaded {
	return { version: STORED_LEDGERS_VERSION, ledgers: storedLedgersIn(global[STORED_LEDGERS_KEY]) };
}

export class CatchUpLedger {
	private ran: Ledger = EMPTY_LEDGER;
	/** Recorded since the last save, merged into `ran` when a save needs it. */
	private pending = new Map<string, number>();
	private readonly key: string;
	private readonly asWebhooks: IWebhookFunctions;
	private readonly loaded: Loaded;
	private readonly markChanged: () => void;

	constructor(
		context: ITriggerFunctions,
		private readonly maxEntries: number,
	) {
		const node = context.getNode();
		this.key = catchUpLedgerKey(node.id ?? node.name);
		const global = context.getWorkflowStaticData('global');
		this.loaded = loadedFrom(global);
		this.ran = this.loaded.ledgers[this.key] ?? EMPTY_LEDGER;
		// The webhook triggers' memories of this process are kept under the webhook mode.
		this.asWebhooks = {
			getMode: () => 'webhook',
			getWorkflow: () => context.getWorkflow(),
		} as unknown as IWebhookFunctions;
		const view = {
			version: STORED_LEDGERS_VERSION,
			ledgers: this.loaded.ledgers,
			toJSON: () => this.toSave(),
		};
		Object.defineProperty(view, 'toJSON', { enumerable: false });
		// Assigning marks n8n's change tracking, so that the next emit saves static data.
		this.markChanged = () => {
			global[STORED_LEDGERS_KEY] = view as unknown as IDataObject;
		};
		this.markChanged();
	}

	/**
	 * The change is being run by this catch-up, until `expiresAt`: called just before its emit, whose
	 * save then writes it.
	 */
	record(change: string, expiresAt: number): void {
		this.pending.set(change, expiresAt);
		this.markChanged();
	}

	/** n8n could not create its execution: the next save no longer says it ran. */
	forget(change: string): void {
		if (!this.pending.delete(change)) this.ran = ledgerWithout(this.ran, change);
		this.markChanged();
	}

	private toSave(): Loaded {
		const now = unixNow();
		for (const [change, expiresAt] of this.pending)
			this.ran = ledgerWith(this.ran, change, expiresAt, now, this.maxEntries);
		this.pending.clear();
		const ledgers = { ...this.loaded.ledgers, [this.key]: this.ran };
		for (const [triggerId, memory] of memoriesOf(this.asWebhooks)) {
			ledgers[triggerId] = mergeLedgers(
				ledgers[triggerId] ?? EMPTY_LEDGER,
				memory.everything(now),
				now,
				memory.policy.maxEntries,
			);
		}
		return { version: STORED_LEDGERS_VERSION, ledgers };
	}
}
