import type { IDataObject, IWebhookFunctions } from 'n8n-workflow';

import {
	EMPTY_LEDGER,
	encodeExpiry,
	expiryOf,
	isLedger,
	mergeLedgers,
	type Ledger,
	type LedgerPolicy,
} from './ledger';

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

/** The workflow-wide static data key holding one ledger per trigger node. */
const STATIC_DATA_KEY = 'labTestingDeliveries';
/** Where the previous version kept a trigger's ledger, in the node's own static data. */
const EARLIER_NODE_KEY = 'deliveries';
/** Copies waiting on a first copy whose run keeps failing give up after this many rounds. */
const MAX_WAIT_ROUNDS = 10;

interface StoredDeliveries {
	version: 4;
	/** Ledger per trigger node id. */
	ledgers: Record<string, Ledger>;
}

/** How long a process keeps writing what it ran back into every save, at least (two such epochs at most). */
const RECENT_EPOCH_SECONDS = 300;

/**
 * What one process knows of one trigger's deliveries whose execution exists: every one (bounded, for
 * lookups), and the recent ones as a ledger, which every save merges into static data. "Recent" spans
 * at least one epoch, and always reaches back past the start of any claim still in flight, so a call
 * that loaded static data before a delivery ran cannot save it away unseen.
 */
export class TriggerMemory {
	/** Expiry per fingerprint, oldest first (insertion order). */
	private readonly ran = new Map<string, number>();
	private recentCurrent: Ledger = EMPTY_LEDGER;
	private recentPrevious: Ledger = EMPTY_LEDGER;
	private recentSince = unixNow();
	/** Records remembered since the last save, sorted into the recent ledger when a save needs it. */
	private unsorted: string[] = [];
	readonly inFlight = new Map<string, Claim>();

	constructor(public policy: LedgerPolicy) {}

	hasRun(fingerprint: string, nowSeconds: number): boolean {
		const expiresAt = this.ran.get(fingerprint);
		return expiresAt !== undefined && expiresAt > nowSeconds;
	}

	/** Remembers a delivery that ran; `written` when it came from static data and needs no write-back. */
	remember(fingerprint: string, expiresAt: number, written = false): void {
		this.ran.delete(fingerprint);
		this.ran.set(fingerprint, expiresAt);
		for (const oldest of this.ran.keys()) {
			if (this.ran.size <= this.policy.maxEntries) break;
			this.ran.delete(oldest);
		}
		if (!written) this.unsorted.push(`${fingerprint}${encodeExpiry(expiresAt)}`);
	}

	/** The recent deliveries, to merge into what a save writes. */
	recent(nowSeconds: number): Ledger {
		if (this.unsorted.length) {
			// Fixed-width records sort by fingerprint, then expiry; the last of equal fingerprints wins.
			const sorted = this.unsorted
				.sort()
				.filter((record, index, all) => record.slice(0, 22) !== all[index + 1]?.slice(0, 22));
			this.unsorted = [];
			this.recentCurrent = mergeLedgers(
				this.recentCurrent,
				sorted.join(''),
				nowSeconds,
				this.policy.maxEntries,
			);
		}
		if (
			nowSeconds - this.recentSince >= RECENT_EPOCH_SECONDS &&
			!this.inFlightBefore(this.recentSince)
		) {
			this.recentPrevious = this.recentCurrent;
			this.recentCurrent = EMPTY_LEDGER;
			this.recentSince = nowSeconds;
		}
		return mergeLedgers(
			this.recentPrevious,
			this.recentCurrent,
			nowSeconds,
			this.policy.maxEntries,
		);
	}

	/** Whether a claim still in flight began before the given moment. */
	private inFlightBefore(moment: number): boolean {
		for (const claim of this.inFlight.values()) if (claim.since < moment) return true;
		return false;
	}
}

/** Per workflow and mode, per trigger node. Test deliveries never meet production ones. */
const memories = new Map<string, Map<string, TriggerMemory>>();

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

function unixNow(): number {
	return Math.floor(Date.now() / 1000);
}

function triggerIdOf(context: IWebhookFunctions): string {
	const node = context.getNode();
	return node.id ?? node.name;
}

function memoriesOf(context: IWebhookFunctions): Map<string, TriggerMemory> {
	const key = `${context.getMode()}\u0000${context.getWorkflow().id ?? ''}`;
	let workflow = memories.get(key);
	if (!workflow) {
		workflow = new Map();
		memories.set(key, workflow);
	}
	return workflow;
}

function memoryOf(context: IWebhookFunctions, policy: LedgerPolicy): TriggerMemory {
	const workflow = memoriesOf(context);
	const triggerId = triggerIdOf(context);
	let memory = workflow.get(triggerId);
	if (!memory) {
		memory = new TriggerMemory(policy);
		workflow.set(triggerId, memory);
	}
	memory.policy = policy;
	return memory;
}

/** Only production deliveries are stored: n8n keeps a test run's static data apart and never saves it. */
function usesStaticData(context: IWebhookFunctions): boolean {
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
function loadStoredDeliveries(context: IWebhookFunctions): StoredDeliveries {
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
interface ViewState {
	loaded: StoredDeliveries;
	workflow: Map<string, TriggerMemory>;
	claim?: Claim;
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

function installView(context: IWebhookFunctions, loaded: StoredDeliveries): ViewState {
	const state: ViewState = { loaded, workflow: memoriesOf(context) };
	const view = new StoredDeliveriesView(state);
	context.getWorkflowStaticData('global')[STATIC_DATA_KEY] = view as unknown as IDataObject;
	return state;
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
		);
		if (view) view.claim = claim;
		return { status: 'new', claim };
	}
	return { status: 'busy' };
}

/** For tests: forget every process memory. */
export function forgetProcessMemory(): void {
	memories.clear();
}
