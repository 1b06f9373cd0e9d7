import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type ITriggerFunctions,
	type ITriggerResponse,
} from 'n8n-workflow';

import { withinDeadline } from '../transport/api';
import { emitInOrder } from './emit';
import type { AnyCatchUpSource, RoundRequest, RoundResult } from './source';
import { readState, writeState, type CatchUpState } from './state';
import { CatchUpLedger } from './staticData';
import { CHANGE_MEMORY, catchUpSettings, type CatchUpSettings } from './settings';
import { cronOf, inWorkflowIsolate } from './triggerTimer';

/**
 * The main-process side of a catch-up node: rounds on a schedule, each reading what changed (within a
 * time budget, continued next round) and emitting every change in its own execution, keyed so that n8n
 * creates it once. The state of the rounds lives here and in the node's static data, which n8n saves
 * with each emit, together with the ledgers (staticData.ts).
 */
interface Runtime {
	state: CatchUpState;
	/** A walk cut short by the budget: where the next round goes on. */
	walk?: IDataObject;
	/** No baseline yet: the first activation could not reach the API. */
	needsBaseline: boolean;
	running: boolean;
	/** An error execution was saved for the current outage; the next ones only log. */
	failing: boolean;
	/** The workflow's static data as loaded at activation (read-only here: the ledgers go through `ledger`). */
	global: IDataObject;
	/** The node's own static data: the state, written after each round, saved by the next emit. */
	nodeData: IDataObject;
	ledger: CatchUpLedger;
	/** The round the last tick started. */
	current?: Promise<void>;
}

const runtimes = new Map<string, Runtime>();

function runtimeKey(context: ITriggerFunctions): string {
	const node = context.getNode();
	return `${context.getWorkflow().id ?? ''}\u0000${node.id ?? node.name}`;
}

/**
 * What a catch-up node does when n8n activates it. The first activation takes the baseline (no change
 * runs), which n8n saves right after activation, from the copy of static data it has just loaded: the
 * one moment the main process writes static data without putting back an older copy of what webhooks
 * wrote. Then a round starts at once, and one more at each tick; activation does not wait for them.
 */
export async function startCatchUp(
	context: ITriggerFunctions,
	source: AnyCatchUpSource,
): Promise<ITriggerResponse> {
	const settings = catchUpSettings(context);
	const nodeData = context.getWorkflowStaticData('node');
	const stored = readState(nodeData);
	const runtime: Runtime = {
		state: stored ?? {},
		needsBaseline: stored === undefined,
		running: false,
		failing: false,
		// Read now: reading it later for the first time would create it, and have the next emit save.
		global: context.getWorkflowStaticData('global'),
		nodeData,
		ledger: new CatchUpLedger(context, CHANGE_MEMORY),
	};
	const key = runtimeKey(context);
	runtimes.set(key, runtime);
	// A baseline taken here is in the node's static data (commit), which n8n saves after activation.
	if (runtime.needsBaseline) await takeBaseline(context, source, runtime, settings, true);
	runtime.current = runRound(context, source, runtime, settings);
	context.helpers.registerCron({ expression: cronOf(settings) }, () => {
		runtime.current = (async () =>
			await runRound(
				context,
				source,
				runtime,
				await inWorkflowIsolate(context, async () => catchUpSettings(context)),
			))();
	});
	return {
		closeFunction: async () => {
			if (runtimes.get(key) === runtime) runtimes.delete(key);
		},
	};
}

/** For tests and benchmarks: the round the last tick of this workflow's catch-up node started. */
export async function lastRound(workflowId: string, nodeId: string): Promise<void> {
	await runtimes.get(`${workflowId}\u0000${nodeId}`)?.current;
}

async function runRound(
	context: ITriggerFunctions,
	source: AnyCatchUpSource,
	runtime: Runtime,
	settings: CatchUpSettings,
): Promise<void> {
	// n8n does not keep ticks apart: a slow round makes the next tick wait for it, not run beside it.
	if (runtime.running) return;
	runtime.running = true;
	try {
		const now = Date.now();
		const request: RoundRequest = {
			state: runtime.state,
			walk: runtime.walk,
			deadline: now + settings.budgetSeconds * 1000,
			maxChanges: settings.maxChangesPerRound,
			options: settings.options,
			now,
		};
		if (runtime.needsBaseline) {
			// The first activation could not reach the API: the baseline comes first.
			await takeBaseline(context, source, runtime, settings, false);
			return;
		}
		const result = await withinDeadline(
			context,
			request.deadline,
			async () =>
				await inWorkflowIsolate(context, async () => await source.round(context, request)),
		);
		const emit = async () => await emitInOrder(context, source, runtime, result.changes, settings);
		// Fetch Full Data calls the API with the credential while items are built: that needs the isolate.
		const emitted = settings.options.fetchFullData
			? await inWorkflowIsolate(context, emit)
			: await emit();
		if (!emitted) {
			throw new NodeOperationError(
				context.getNode(),
				'n8n could not start the workflow for every change found',
				{
					description:
						'The catch-up did not move on: the next round reads these changes again, and those that did run are not run twice.',
				},
			);
		}
		commit(runtime, result);
		if (runtime.failing) context.logger.info(`${context.getNode().name}: catching up again`);
		runtime.failing = false;
	} catch (error) {
		reportOnce(context, runtime, error);
	} finally {
		runtime.running = false;
	}
}

/** The state nothing before runs from: one read of the API (a snapshot walk for LML and Hurdle). */
async function takeBaseline(
	context: ITriggerFunctions,
	source: AnyCatchUpSource,
	runtime: Runtime,
	settings: CatchUpSettings,
	duringActivation: boolean,
): Promise<void> {
	const now = Date.now();
	const request: RoundRequest = {
		state: {},
		deadline: now + settings.budgetSeconds * 1000,
		maxChanges: Infinity,
		options: settings.options,
		now,
	};
	try {
		const result = await withinDeadline(context, request.deadline, async () => {
			const baseline = async () => await source.baseline(context, request, settings.startFrom);
			// During activation n8n holds the isolate itself, until trigger() returns.
			return duringActivation ? await baseline() : await inWorkflowIsolate(context, baseline);
		});
		commit(runtime, result);
		runtime.failing = false;
	} catch (error) {
		reportOnce(context, runtime, error);
	}
}

function commit(runtime: Runtime, result: RoundResult): void {
	runtime.state = result.state;
	runtime.walk = result.walk;
	runtime.needsBaseline = false;
	// Saved by n8n with the next emit, through the ledger view (staticData.ts).
	writeState(runtime.nodeData, runtime.state);
}

/** One error execution per outage, whose message names no patient data; the rest go to the log. */
function reportOnce(context: ITriggerFunctions, runtime: Runtime, error: unknown): void {
	const node = context.getNode();
	const failure =
		error instanceof NodeApiError || error instanceof NodeOperationError
			? error
			: new NodeOperationError(node, error instanceof Error ? error.message : 'Unknown failure');
	const why = `${failure.message}${failure.description ? ` (${failure.description})` : ''}`;
	if (runtime.failing) {
		context.logger.warn(`${node.name}: catch-up round failed again: ${why}`);
		return;
	}
	context.logger.warn(`${node.name}: catch-up round failed: ${why}`);
	runtime.failing = true;
	context.saveFailedExecution(failure);
}
