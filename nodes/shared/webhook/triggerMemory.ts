import type { IWebhookFunctions } from 'n8n-workflow';

import type { Claim } from './claims';
import {
	EMPTY_LEDGER,
	ledgerOfRecords,
	ledgerRecord,
	mergeLedgers,
	type Ledger,
	type LedgerPolicy,
} from '../trigger/ledger';
import { forgetProcessChanges } from '../catchUp/changeLedger';
import { NewestEntries } from '../newestEntries';
import { unixNow } from '../values';

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
	private readonly ran = new NewestEntries<number>();
	private recentCurrent: Ledger = EMPTY_LEDGER;
	private recentPrevious: Ledger = EMPTY_LEDGER;
	private recentSince = unixNow();
	/** Records remembered since the last save, sorted into the recent ledger when a save needs it. */
	private unsorted: string[] = [];
	/** The ledger this process's last save wrote for the trigger. */
	private lastWritten: Ledger | undefined;
	/** The claims being started in this process: copies of their deliveries wait for them. */
	private readonly inFlight = new Map<string, Claim>();

	constructor(public policy: LedgerPolicy) {}

	hasRun(fingerprint: string, nowSeconds: number): boolean {
		const expiresAt = this.ran.get(fingerprint);
		return expiresAt !== undefined && expiresAt > nowSeconds;
	}

	/** Remembers a delivery that ran; `written` when it came from static data and needs no write-back. */
	remember(fingerprint: string, expiresAt: number, written = false): void {
		this.ran.setNewest(fingerprint, expiresAt, this.policy.maxEntries);
		if (!written) this.unsorted.push(ledgerRecord(fingerprint, expiresAt));
	}

	claimInFlight(fingerprint: string): Claim | undefined {
		return this.inFlight.get(fingerprint);
	}

	claimStarted(claim: Claim): void {
		this.inFlight.set(claim.fingerprint, claim);
	}

	/** A claim ended: with `ranUntil`, its execution exists and is remembered until then. */
	claimEnded(claim: Claim, ranUntil?: number): void {
		if (this.inFlight.get(claim.fingerprint) === claim) this.inFlight.delete(claim.fingerprint);
		if (ranUntil !== undefined) this.remember(claim.fingerprint, ranUntil);
	}

	/**
	 * The trigger's ledger as a save writes it: the stored one merged with the recent deliveries. When
	 * the stored ledger is the one this process wrote last (saves in order, no other writer since: the
	 * usual case) it already holds every delivery remembered until then, so only those remembered since
	 * are merged in, by binary search, instead of a pass over two ledgers of up to Duplicate Memory each.
	 */
	ledgerToWrite(stored: Ledger, nowSeconds: number): Ledger {
		const written =
			stored === this.lastWritten
				? mergeLedgers(
						stored,
						this.absorbRemembered(nowSeconds),
						nowSeconds,
						this.policy.maxEntries,
					)
				: mergeLedgers(stored, this.recent(nowSeconds), nowSeconds, this.policy.maxEntries);
		this.lastWritten = written;
		return written;
	}

	/** The records remembered since the last call, as a ledger, now also in the recent ledger. */
	private absorbRemembered(nowSeconds: number): Ledger {
		if (!this.unsorted.length) return EMPTY_LEDGER;
		const recorded = ledgerOfRecords(this.unsorted);
		this.unsorted = [];
		this.recentCurrent = mergeLedgers(
			this.recentCurrent,
			recorded,
			nowSeconds,
			this.policy.maxEntries,
		);
		return recorded;
	}

	/** The recent deliveries, to merge into what a save writes. */
	recent(nowSeconds: number): Ledger {
		this.absorbRemembered(nowSeconds);
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

	/**
	 * Every delivery this process ran and still remembers, as a ledger: what a catch-up's save of its
	 * long-lived copy of static data writes back (catchUp/staticData.ts), so that it loses none of them.
	 */
	everything(nowSeconds: number): Ledger {
		const records: string[] = [];
		for (const [fingerprint, expiresAt] of this.ran)
			if (expiresAt > nowSeconds) records.push(ledgerRecord(fingerprint, expiresAt));
		return ledgerOfRecords(records);
	}

	/** Whether a claim still in flight began before the given moment. */
	private inFlightBefore(moment: number): boolean {
		for (const claim of this.inFlight.values()) if (claim.since < moment) return true;
		return false;
	}
}

/**
 * The saves of one workflow's static data that this process's calls lead to, one after the other.
 * n8n saves the whole object, last writer wins, and two saves sent over two database connections can
 * be written in another order than n8n began them (seen on PostgreSQL under load): a save begun earlier,
 * without the newest delivery, written last, would leave that delivery out of the stored ledger, and
 * another process, or this one after a restart, would run its redelivery again. So a call that starts
 * an execution hands n8n its answer only once every call queued before it has had its answer, which
 * n8n writes after its save.
 */
export class SaveQueue {
	private last: Promise<void> = Promise.resolve();

	/** Resolves once every call queued before has been answered; this call's turn ends at `answered`. */
	async join(answered: Promise<void>): Promise<void> {
		const before = this.last;
		this.last = before.then(async () => await answered);
		await before;
	}
}

/** What this process keeps per workflow and mode. Test deliveries never meet production ones. */
interface WorkflowMemory {
	/** Per trigger node. */
	triggers: Map<string, TriggerMemory>;
	saves: SaveQueue;
}

const workflows = new Map<string, WorkflowMemory>();

function workflowMemoryOf(context: IWebhookFunctions): WorkflowMemory {
	const key = `${context.getMode()}\u0000${context.getWorkflow().id ?? ''}`;
	let workflow = workflows.get(key);
	if (!workflow) {
		workflow = { triggers: new Map(), saves: new SaveQueue() };
		workflows.set(key, workflow);
	}
	return workflow;
}

export function saveQueueOf(context: IWebhookFunctions): SaveQueue {
	return workflowMemoryOf(context).saves;
}

export function triggerIdOf(context: IWebhookFunctions): string {
	const node = context.getNode();
	return node.id ?? node.name;
}

export function memoriesOf(context: IWebhookFunctions): Map<string, TriggerMemory> {
	return workflowMemoryOf(context).triggers;
}

export function memoryOf(context: IWebhookFunctions, policy: LedgerPolicy): TriggerMemory {
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

/** For tests: forget every process memory. */
export function forgetProcessMemory(): void {
	workflows.clear();
	forgetProcessChanges();
}
