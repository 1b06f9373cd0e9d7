import type {
	IDataObject,
	INodeExecutionData,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { EMPTY_LEDGER, expiryOf, type LedgerPolicy } from '../trigger/ledger';
import { unixNow } from '../values';
import { installView, loadStoredDeliveries, usesStaticData } from './storedDeliveries';
import { memoryOf, triggerIdOf, type TriggerMemory } from './triggerMemory';

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
 * (storedDeliveries.ts), computed when n8n serialises static data, not when the call began. The last
 * save of a process thus holds everything that process ran, for every trigger of the workflow.
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
		/** Marks static data as changed, so that n8n saves it (see executionCreated). */
		private readonly keepStaticDataChange: () => void = () => undefined,
	) {
		answer.once('close', () => {
			if (answer.writableFinished) this.settleFromAnswer();
			else this.senderGone = true;
			this.notify();
		});
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
		this.notify();
	}

	/** No execution will come of this claim: a redelivery may take it. */
	noExecution(): void {
		if (this.state !== 'inFlight') return;
		this.state = 'released';
		this.memory.claimEnded(this);
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
): Promise<ClaimOutcome> {
	const memory = memoryOf(context, policy);
	const stored = usesStaticData(context) ? loadStoredDeliveries(context) : undefined;
	const storedLedger = stored?.ledgers[triggerIdOf(context)] ?? EMPTY_LEDGER;
	// Every authenticated call that reaches the ledger writes it back: saves heal what others lost.
	const view = stored ? installView(context, stored) : undefined;

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
		const claim = new Claim(
			fingerprint,
			memory,
			nowSeconds,
			nowSeconds + policy.ttlSeconds,
			context.getResponseObject() as AnswerWatch,
			view?.markChanged,
		);
		memory.claimStarted(claim);
		return { status: 'new', claim };
	}
	return { status: 'busy' };
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
