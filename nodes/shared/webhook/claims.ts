import type {
	IDataObject,
	INodeExecutionData,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import {
	forgetChange,
	processRanChange,
	rememberChange,
	storedLedgersRan,
	type Runner,
} from '../catchUp/changeLedger';
import { EMPTY_LEDGER, expiryOf, type LedgerPolicy } from '../trigger/ledger';
import { unixNow } from '../values';
import { LAST_DELIVERY_KEY, lastDeliveryExpiry } from './lastDelivery';
import {
	installView,
	loadStoredDeliveries,
	usesStaticData,
	type StoredDeliveries,
} from './storedDeliveries';
import { memoryOf, saveQueueOf, SaveQueue, triggerIdOf, type TriggerMemory } from './triggerMemory';

/**
 * Which deliveries a trigger has already run, kept so that every copy of a delivery runs the workflow
 * once, whatever n8n does with static data.
 *
 * A claim is one delivery being started in one process. Its life:
 *
 *     claimDelivery ──► inFlight ──── executionCreated() ──► ran        later copies: duplicate
 *        (new)             │          (n8n read the answer after creating the execution,
 *                          │           or the sender got a 2xx)
 *                          ├───────── noExecution() ───────► released   a later copy may claim it
 *                          │          (n8n answered an error, or the pipeline threw first)
 *                          └── the sender left before n8n answered: still inFlight; copies are
 *                              answered "busy" until n8n's late answer (it still writes one) settles it
 *
 * Copies arriving while a claim is in flight wait for it in this process (TriggerMemory keeps the
 * claims in flight), then are duplicates, or claim the delivery themselves when it was released.
 *
 * Why this is enough across calls and processes: n8n loads a fresh copy of static data for every
 * webhook call and saves the whole object once the execution exists, last writer wins. So each process
 * remembers what it ran (TriggerMemory), and every save writes the stored ledger merged with that memory
 * (storedDeliveries.ts), computed when n8n serialises static data, not when the call began. A process's
 * saves are written in the order they were serialised (SaveQueue), so its last save holds everything
 * that process ran, for every trigger of the workflow.
 *
 * Left open (README, "Exactly once"): two n8n processes receiving copies of one delivery at the same
 * moment cannot see each other's claim; n8n offers webhook nodes no atomic store. Routing each webhook
 * path to one process closes it.
 */

/** Copies waiting on a first copy whose run keeps failing give up after this many rounds. */
const MAX_WAIT_ROUNDS = 10;

/** The part of n8n's HTTP response a claim watches: n8n answers on it once it has started the run or failed. */
export interface AnswerWatch {
	readonly statusCode: number;
	readonly writableEnded: boolean;
	readonly writableFinished: boolean;
	/** True once the response has closed (Node's ServerResponse). */
	readonly closed?: boolean;
	once(event: 'close', listener: () => void): unknown;
}

export type ClaimOutcome = { status: 'new'; claim: Claim } | { status: 'duplicate' | 'busy' };

export class Claim {
	private state: 'inFlight' | 'ran' | 'released' = 'inFlight';
	/** The sender closed the connection before n8n answered: the outcome shows only in n8n's late answer. */
	private senderGone = false;
	private notify: () => void = () => undefined;
	/** Settles when the claim does, or when the sender goes away. */
	private readonly change = new Promise<void>((resolve) => (this.notify = resolve));
	private markAnswered: () => void = () => undefined;
	/** Settles when the response closes: n8n has saved static data and answered, or the sender left. */
	private readonly answered = new Promise<void>((resolve) => (this.markAnswered = resolve));

	constructor(
		readonly fingerprint: string,
		private readonly memory: TriggerMemory,
		readonly since: number,
		private readonly expiresAt: number,
		private readonly answer: AnswerWatch,
		/** Marks static data as changed, so that n8n saves it (see executionCreated). */
		private readonly keepStaticDataChange: () => void = () => undefined,
		/** The status change the delivery reports, recorded with it (shared with the catch-up). */
		private readonly statusChange?: ClaimedChange,
		/** Also record when the trigger last ran a delivery (lastDelivery.ts). */
		private readonly markLastDelivery = false,
		/** The saves of this workflow's static data by this process (triggerMemory.ts). */
		private readonly saves = new SaveQueue(),
	) {
		answer.once('close', () => {
			if (answer.writableFinished) this.settleFromAnswer();
			else this.senderGone = true;
			this.notify();
			this.markAnswered();
		});
		// The sender may have left before the claim began: no close event will come, and the calls queued
		// after this one must not wait for it.
		if (answer.closed === true) {
			this.senderGone = !answer.writableFinished;
			this.markAnswered();
		}
	}

	/** Waits until the calls of this workflow queued before in this process have been answered (SaveQueue). */
	async turnToSave(): Promise<void> {
		await this.saves.join(this.answered);
	}

	/**
	 * n8n has created (or enqueued) the execution: from now on every copy is a duplicate. Called when n8n
	 * reads the trigger's answer, which it does right after creating the execution and just before it
	 * decides whether to save static data. n8n 2.41 re-wraps the workflow's static data while it creates
	 * the execution (WorkflowRunner.establishContextForPersistence), which resets its "changed" flag:
	 * marking it again here is what makes n8n save the ledger with this delivery in it.
	 */
	executionCreated(): void {
		this.keepStaticDataChange();
		if (this.state !== 'inFlight') return;
		this.state = 'ran';
		this.memory.claimEnded(this, this.expiresAt);
		if (this.markLastDelivery)
			this.memory.remember(LAST_DELIVERY_KEY, lastDeliveryExpiry(unixNow()));
		if (this.statusChange) {
			const { id, workflowId } = this.statusChange;
			this.memory.remember(id, this.expiresAt);
			rememberChange('webhook', workflowId, id, this.expiresAt);
		}
		this.notify();
	}

	/** No execution will come of this claim: a redelivery may take it. */
	noExecution(): void {
		if (this.state !== 'inFlight') return;
		this.state = 'released';
		this.memory.claimEnded(this);
		if (this.statusChange)
			forgetChange('webhook', this.statusChange.workflowId, this.statusChange.id);
		this.notify();
	}

	private settleFromAnswer(): void {
		const { statusCode } = this.answer;
		if (statusCode >= 200 && statusCode < 300) this.executionCreated();
		else this.noExecution();
	}

	/**
	 * What a later copy must do about this claim: wait for it, or, once its sender has gone, look at the
	 * answer n8n has written since (n8n still ends the response; only the events are gone).
	 */
	async awaitOrInspect(): Promise<'settled' | 'undecided'> {
		if (this.senderGone && this.answer.writableEnded) this.settleFromAnswer();
		if (this.state !== 'inFlight') return 'settled';
		if (this.senderGone) return 'undecided';
		await this.change;
		return this.state === 'inFlight' ? 'undecided' : 'settled';
	}
}

/**
 * Claims a delivery for this trigger. `new`: run it; n8n's answer settles the claim. `duplicate`: it
 * ran before (or a copy in flight here ran it). `busy`: copies keep failing; the sender should retry
 * later.
 */
export async function claimDelivery(
	context: IWebhookFunctions,
	fingerprint: string,
	policy: LedgerPolicy,
	nowSeconds = unixNow(),
	{ change, markLastDelivery }: { change?: ChangeToClaim; markLastDelivery?: boolean } = {},
): Promise<ClaimOutcome> {
	const memory = memoryOf(context, policy);
	const stored = usesStaticData(context) ? loadStoredDeliveries(context) : undefined;
	const storedLedger = stored?.ledgers[triggerIdOf(context)] ?? EMPTY_LEDGER;
	for (let round = 0; round < MAX_WAIT_ROUNDS; round++) {
		if (memory.hasRun(fingerprint, nowSeconds)) return { status: 'duplicate' };
		const earlier = memory.claimInFlight(fingerprint);
		if (earlier) {
			if ((await earlier.awaitOrInspect()) === 'undecided') return { status: 'busy' };
			continue;
		}
		const storedExpiry = expiryOf(storedLedger, fingerprint, nowSeconds);
		if (storedExpiry !== undefined) {
			// Remembered here too: the next copy needs no look-up in static data.
			memory.remember(fingerprint, storedExpiry, true);
			return { status: 'duplicate' };
		}
		const claimed = stored && change ? claimChange(context, stored, change, nowSeconds) : undefined;
		if (claimed === 'ran') return { status: 'duplicate' };
		// Only a call that starts an execution saves the ledger, in its turn (SaveQueue): a duplicate's
		// save, begun before a newer delivery ran and written after it, could leave that one out.
		const view = stored ? installView(context, stored) : undefined;
		const claim = new Claim(
			fingerprint,
			memory,
			nowSeconds,
			nowSeconds + policy.ttlSeconds,
			context.getResponseObject() as AnswerWatch,
			view?.markChanged,
			claimed,
			markLastDelivery,
			saveQueueOf(context),
		);
		memory.claimStarted(claim);
		return { status: 'new', claim };
	}
	return { status: 'busy' };
}

/** A change being run by a webhook counts as run for this long, until its execution exists or not. */
const CLAIMED_CHANGE_SECONDS = 3600;

/**
 * The status change a delivery reports. `byWebhooksToo`: a delivery is a duplicate of another delivery
 * of the same change too (Junction, whose change id is the order event's own id, so that the copies
 * Junction resends as new messages are recognised); otherwise only of a catch-up run.
 */
export interface ChangeToClaim {
	id: string;
	byWebhooksToo?: boolean;
}

interface ClaimedChange {
	id: string;
	workflowId: string;
}

/**
 * The status change a new delivery reports: `ran` when a catch-up of the workflow ran it, as this
 * process knows or as static data says; else it is marked as being run here, in the
 * same turn of the event loop, so that a catch-up round of this process leaves it to the webhook.
 */
function claimChange(
	context: IWebhookFunctions,
	stored: StoredDeliveries,
	{ id, byWebhooksToo }: ChangeToClaim,
	nowSeconds: number,
): ClaimedChange | 'ran' {
	const workflowId = context.getWorkflow().id ?? '';
	// Otherwise only a catch-up run makes a delivery a duplicate: two deliveries of one change that
	// differ (the same event in another letter case, say) are told apart by their fingerprints.
	const runners: Runner[] = byWebhooksToo ? ['catchUp', 'webhook'] : ['catchUp'];
	const ran =
		processRanChange(runners, workflowId, id, nowSeconds) ||
		storedLedgersRan(
			stored.ledgers,
			id,
			nowSeconds,
			(key) => byWebhooksToo === true || key.startsWith('catchUp:'),
		);
	if (ran) return 'ran';
	rememberChange('webhook', workflowId, id, nowSeconds + CLAIMED_CHANGE_SECONDS);
	return { id, workflowId };
}

/**
 * What a call that starts an execution returns: the items, and the answer to the sender. n8n reads the
 * answer right after creating the execution: that read is when the claim's execution is known to exist
 * (Claim.executionCreated). Never spread or copy this object: a copy would read the answer early.
 */
export function startsExecution(
	workflowData: INodeExecutionData[][],
	answer: IDataObject,
	claim: Claim | undefined,
): IWebhookResponseData {
	return {
		workflowData,
		get webhookResponse() {
			claim?.executionCreated();
			return answer;
		},
	};
}

export { forgetProcessMemory } from './triggerMemory';
