import type { IWebhookFunctions } from 'n8n-workflow';

import { EMPTY_LEDGER, expiryOf, type LedgerPolicy } from '../trigger/ledger';
import {
	installView,
	loadStoredDeliveries,
	usesStaticData,
	type ViewState,
} from './storedDeliveries';
import { memoryOf, triggerIdOf, type TriggerMemory } from './triggerMemory';
import { unixNow } from '../values';

/**
 * Which deliveries a trigger has already run, kept so that every copy of a delivery runs the workflow
 * once, whatever n8n does with static data:
 *
 * - n8n loads a fresh copy of static data for every webhook call and saves the whole object after the
 *   execution exists, last writer wins. A ledger written only by the call that claimed a delivery is
 *   therefore overwritten by any call that loaded its copy earlier and saved later. Instead, each
 *   process remembers what it ran, and every save writes the stored ledger merged with that memory,
 *   computed when n8n serialises static data (toJSON), not when the call began. The last save of a
 *   process thus holds everything that process ran, for every trigger of the workflow (the ledgers
 *   live in the workflow-wide namespace, which any of the workflow's triggers can write).
 * - A claim only counts as run once n8n has created (or enqueued) the execution: n8n saves static data
 *   only then, and answers the sender only then. If n8n fails, the sender gets its error, nothing is
 *   stored, and the redelivery runs.
 * - Copies arriving while the first is in flight wait for its outcome in this process, then are
 *   duplicates, or take over when the first failed. If the first copy's sender gave up before n8n
 *   answered (a slow start under a concurrency limit), later copies are answered "busy" until n8n's
 *   late answer shows whether the run started.
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

	constructor(
		readonly fingerprint: string,
		private readonly memory: TriggerMemory,
		readonly since: number,
		private readonly expiresAt: number,
		private readonly answer: AnswerWatch,
		private readonly stored?: ViewState,
	) {
		memory.inFlight.set(fingerprint, this);
		answer.once('close', () => {
			if (answer.writableFinished) this.settleFromAnswer();
			else this.senderGone = true;
			this.notify();
		});
	}

	get ran(): boolean {
		return this.state === 'ran';
	}

	/** The execution exists: from now on every copy is a duplicate. */
	markRan(): void {
		if (this.state !== 'inFlight') return;
		this.state = 'ran';
		this.memory.remember(this.fingerprint, this.expiresAt);
		this.end();
	}

	/**
	 * To call once n8n has created the execution, before it decides whether to save static data. n8n
	 * 2.41 re-wraps the workflow's static data while it creates the execution
	 * (WorkflowRunner.establishContextForPersistence builds a Workflow over the same object), which
	 * resets its "changed" flag: without this, a webhook's change to static data that was already saved
	 * once is silently dropped.
	 */
	keepStaticDataChange(): void {
		this.stored?.markChanged();
	}

	/** No execution will come of this claim: a redelivery may take it. */
	release(): void {
		if (this.state !== 'inFlight') return;
		this.state = 'released';
		this.end();
	}

	private end(): void {
		if (this.memory.inFlight.get(this.fingerprint) === this)
			this.memory.inFlight.delete(this.fingerprint);
		this.notify();
	}

	private settleFromAnswer(): void {
		const { statusCode } = this.answer;
		if (statusCode >= 200 && statusCode < 300) this.markRan();
		else this.release();
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
 * Claims a delivery for this trigger. `new`: run it; n8n's answer to the sender settles the claim.
 * `duplicate`: it ran before (or a copy in flight here ran it). `busy`: copies keep failing; the
 * sender should retry later.
 */
export async function claimDelivery(
	context: IWebhookFunctions,
	fingerprint: string,
	policy: LedgerPolicy,
	nowSeconds = unixNow(),
): Promise<ClaimOutcome> {
	const memory = memoryOf(context, policy);
	const stored = usesStaticData(context) ? loadStoredDeliveries(context) : undefined;
	const storedLedger = stored?.ledgers[triggerIdOf(context)] ?? EMPTY_LEDGER;
	// Every authenticated call that reaches the ledger writes it back: saves heal what others lost.
	const view = stored ? installView(context, stored) : undefined;

	for (let round = 0; round < MAX_WAIT_ROUNDS; round++) {
		if (memory.hasRun(fingerprint, nowSeconds)) {
			return { status: 'duplicate' };
		}
		const earlier = memory.inFlight.get(fingerprint);
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
		const claim = new Claim(
			fingerprint,
			memory,
			nowSeconds,
			nowSeconds + policy.ttlSeconds,
			context.getResponseObject() as AnswerWatch,
			view,
		);
		if (view) view.claim = claim;
		return { status: 'new', claim };
	}
	return { status: 'busy' };
}

export { forgetProcessMemory } from './triggerMemory';
