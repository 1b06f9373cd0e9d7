import type { ProviderKey } from '../../dev/fakes';
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

/** One target against another, measured in the same rounds: medians of the per-round ratios. */
export interface Comparison {
	name: string;
	ours: string;
	reference: string;
	/** Whether measure 1's targets apply (our trigger against the plain Webhook node; see bench/run.ts). */
	hasTargets: boolean;
	throughputRatio: number;
	p99Ratio: number;
	p50Ratio: number;
	executionsRatio: number;
	cpuRatio: number;
	throughputTargetMet: boolean;
	p99TargetMet: boolean;
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
 * Our trigger; n8n's Webhook node (the reference of the targets); and two for evidence, LML only: the
 * LML trigger whose dedup ledger starts full (10,000 deliveries, the default bound, in its static data,
 * which n8n loads and saves on every call), and the Webhook node checking the same secret header with
 * its Header Auth (what n8n itself charges for reading a credential in a webhook).
 */
export type TargetKind = 'trigger' | 'triggerFullLedger' | 'webhookNode' | 'webhookNodeHeaderAuth';

export interface Target {
	name: string;
	provider: ProviderKey;
	kind: TargetKind;
	workflowId: string;
	webhookPath: string;
	isExpected(status: number, body: string): boolean;
}
