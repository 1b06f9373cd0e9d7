import type { ProviderKey } from '../../dev/fakes';
import type { N8nClient } from '../../dev/n8n';
import type { Runtime } from '../../dev/n8n/runtime';

export interface TriggerBenchOptions {
	requestsPerSegment: number;
	rounds: number;
	concurrency: number;
	warmUpRequests: number;
	runtime?: Runtime;
	/** Only these targets, e.g. ['londonMedicalLaboratory-trigger', 'londonMedicalLaboratory-webhookNode'] (for profiling one at a time). */
	only?: string[];
	/** The trigger nodes' typeVersion (default 1.1, what n8n gives new nodes; 1 shows what version 1 costs). */
	triggerVersion?: number;
	/** Extra n8n settings, for every target alike (e.g. to show what a setting costs). */
	n8nEnv?: Record<string, string>;
	/** Write V8 CPU profiles of n8n's processes into this folder (NODE_OPTIONS=--cpu-prof). */
	profileDir?: string;
	/** Names this configuration in the tables. */
	title: string;
	progress(step: string): void;
}

/** One target's figures in one round. */
export interface Segment {
	round: number;
	requestsPerSecond: number;
	p50Ms: number;
	p99Ms: number;
	/** Requests / (last execution's stoppedAt − first request sent): what n8n sustains end to end. */
	executionsPerSecond: number;
	/** CPU time of n8n's main process per request, answering and executing included. */
	n8nCpuMsPerRequest: number;
	failures: string[];
}

export interface TargetSummary {
	name: string;
	provider: ProviderKey;
	kind: TargetKind;
	requestsPerSecond: number;
	p50Ms: number;
	p99Ms: number;
	executionsPerSecond: number;
	n8nCpuMsPerRequest: number;
	segments: Segment[];
}

/** The ratios a comparison can be judged on. */
export type RatioFigure = 'requestsPerSecond' | 'p99' | 'executionsPerSecond';

/** A target on one ratio of a comparison: at least or at most a bound. */
export interface RatioTarget {
	figure: RatioFigure;
	atLeast?: number;
	atMost?: number;
}

export interface RatioCheck extends RatioTarget {
	ratio: number;
	met: boolean;
}

/** One target against another, measured in the same rounds: medians of the per-round ratios. */
export interface Comparison {
	name: string;
	ours: string;
	reference: string;
	throughputRatio: number;
	p99Ratio: number;
	p50Ratio: number;
	executionsRatio: number;
	cpuRatio: number;
	/** The targets this comparison is judged on in this configuration; none: evidence only. */
	checks: RatioCheck[];
	/** Set when the comparison has a target that applies to another configuration only. */
	note?: string;
}

export interface TriggerBenchResult {
	title: string;
	settings: {
		requestsPerSegment: number;
		rounds: number;
		concurrency: number;
		warmUpRequests: number;
		triggerVersion: number;
	};
	targets: TargetSummary[];
	comparisons: Comparison[];
	n8nEnvironment: Record<string, string>;
}

/**
 * Our trigger; n8n's Webhook node (the reference of the targets); and, LML only: the LML trigger whose
 * dedup ledger starts full (10,000 deliveries, the default bound, and 100,000 with Duplicate Memory
 * raised to match, in its static data, which n8n loads and saves on every call); the Webhook node checking the same secret header with its Header Auth (what
 * n8n itself charges for reading a credential in a webhook); and that Webhook node followed by n8n's
 * Remove Duplicates, the exactly-once workflow a user would build by hand without this package.
 */
export type TargetKind =
	| 'trigger'
	| 'triggerFullLedger'
	| 'triggerFullLedger100k'
	| 'webhookNode'
	| 'webhookNodeHeaderAuth'
	| 'webhookNodeHeaderAuthRemoveDuplicates';

export interface Target {
	name: string;
	provider: ProviderKey;
	kind: TargetKind;
	workflowId: string;
	webhookPath: string;
	isExpected(status: number, body: string): boolean;
	/**
	 * Send the warm-up's first delivery alone: n8n's Remove Duplicates creates its history row on its
	 * first execution, and executions racing to create it fail.
	 */
	firstDeliveryAlone?: boolean;
	/** Checks, after the warm-up, that the workflow did what it is there for; throws when it did not. */
	checkWarmUp?(client: N8nClient): Promise<void>;
}
