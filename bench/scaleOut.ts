/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- benchmarks run in Node, not inside n8n */
import { cpus } from 'node:os';

import type { Runtime } from '../dev/n8n/runtime';
import { benchDelivery } from './deliveries';
import { loadFigures, type PreparedRequest } from './load';
import {
	executionsAfter,
	cpuUsedBetween,
	fireSpread,
	LML,
	machineBusyMs,
	newestExecutionId,
	rigCpu,
	scaleOutWorkflow,
	startRig,
	waitUntilStopped,
	type Rig,
} from './scaleOutRig';
import { formatNumber, median } from './stats';

/**
 * Scale-out (issue 21): n8n in queue mode as `npm run test:scale` runs it (real PostgreSQL and Redis,
 * a main, webhook processors, workers), one workflow holding the LML trigger at its defaults. The
 * same load twice: A with 1 webhook processor, B with 2, the same workers in both. Each request is a
 * unique, correctly signed delivery; in B the load generator spreads them evenly over both processors
 * (a load balancer's round robin). Per round: req/s and latency at the webhook side, and executions/s
 * end to end, N ÷ (last execution's stoppedAt − first request sent), read from PostgreSQL. Every
 * answer must be the trigger's 200 "accepted", and every delivery must have run exactly once and
 * succeeded, or the measure fails. Target: B ÷ A ≥ 1.6 in executions/s. CPU time is read per process
 * group from /proc, to show where the time goes (on a small machine, all processes share its cores).
 */
export interface ScaleOutOptions {
	requests: number;
	warmUpRequests: number;
	rounds: number;
	concurrency: number;
	workers: number;
	/** Jobs each worker takes at once. */
	workerConcurrency: number;
	/** Extra n8n settings for every process of both configurations. */
	n8nEnv: Record<string, string>;
	runtime: Runtime;
	progress(step: string): void;
}

export const ROLES = [
	'main',
	'webhook processors',
	'workers',
	'redis',
	'postgres',
	'load generator',
];
/** CPU used on the machine by anything but the rig and the load generator (other people's work). */
export const REST = 'rest of the machine';

export interface ScaleOutRound {
	round: number;
	requestsPerSecond: number;
	p50Ms: number;
	p99Ms: number;
	executionsPerSecond: number;
	/** CPU ms per execution, by role (ROLES, then REST), from the first request to the last stop. */
	cpuMsPerExecution: Record<string, number>;
	/** The same, per process (main, webhook-1, worker-1, …). */
	cpuMsPerExecutionByProcess: Record<string, number>;
	/** How busy all cores were over the round, in per cent of their capacity. */
	machineBusyPercent: number;
	/** Cores the rig (n8n, Redis, PostgreSQL, the load generator) used on average over the round. */
	rigCores: number;
	/** Cores the busiest webhook processor used on average over the round. */
	busiestProcessorCores: number;
}

export interface ScaleOutConfiguration {
	name: string;
	webhookProcessors: number;
	workers: number;
	requestsPerSecond: number;
	p50Ms: number;
	p99Ms: number;
	executionsPerSecond: number;
	cpuMsPerExecution: Record<string, number>;
	machineBusyPercent: number;
	rigCores: number;
	busiestProcessorCores: number;
	/** The executions/s the rig could reach with every core to itself: cores × 1000 ÷ its CPU ms per execution. */
	allCoresExecutionsPerSecond: number;
	rounds: ScaleOutRound[];
}

export interface ScaleOutResult {
	settings: Omit<ScaleOutOptions, 'runtime' | 'progress'>;
	cores: number;
	configurations: ScaleOutConfiguration[];
	/** B ÷ A, medians. */
	requestsRatio: number;
	executionsRatio: number;
	targetMet: boolean;
	/** What the CPU costs measured in A allow on this machine with nothing else running. */
	ceiling: Ceiling;
}

/**
 * A webhook processor runs its work mostly on its one JavaScript thread, so one processor delivers about
 * 1000 ÷ its CPU ms per execution; and the whole rig at most cores × 1000 ÷ the rig's CPU ms per
 * execution. B ÷ A can be no more than min(machine, 2 × one processor) ÷ min(machine, one processor),
 * and reaching `SCALE_OUT_TARGET` takes target × rig ÷ processor cores.
 */
export interface Ceiling {
	oneProcessorExecutionsPerSecond: number;
	machineExecutionsPerSecond: number;
	ratio: number;
	coresForTarget: number;
}

function ceilingOf(one: ScaleOutConfiguration, cores: number): Ceiling {
	const processor = one.cpuMsPerExecution['webhook processors'];
	const rig = ROLES.reduce((sum, role) => sum + one.cpuMsPerExecution[role], 0);
	const oneProcessor = 1000 / processor;
	const machine = (cores * 1000) / rig;
	return {
		oneProcessorExecutionsPerSecond: oneProcessor,
		machineExecutionsPerSecond: machine,
		ratio: Math.min(machine, 2 * oneProcessor) / Math.min(machine, oneProcessor),
		coresForTarget: (SCALE_OUT_TARGET * rig) / processor,
	};
}

export const SCALE_OUT_TARGET = 1.6;

let delivered = 0;
const sleep = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));
const isAccepted = (status: number, body: string) => status === 200 && body.includes('"accepted"');

function roleOf(processName: string): string {
	if (processName.startsWith('webhook-')) return 'webhook processors';
	if (processName.startsWith('worker-')) return 'workers';
	return processName;
}

async function runRound(rig: Rig, requests: number, concurrency: number, round: number) {
	const { database } = rig;
	const workflowId = scaleOutWorkflow.id;
	const prepared: PreparedRequest[] = Array.from({ length: requests }, () => ({
		...benchDelivery(LML, delivered++),
		path: `/webhook/${scaleOutWorkflow.webhookPath}`,
	}));
	// The record id each delivery names: each must show up in exactly one execution.
	const sent = prepared.map(
		(request) => /b0000000-0000-4000-8000-\d{12}/.exec(request.body.toString('utf8'))?.[0],
	);
	if (sent.some((id) => id === undefined) || new Set(sent).size !== requests)
		throw new Error('The deliveries do not each name a record id of their own');
	const afterId = await newestExecutionId(database, workflowId);
	const cpuBefore = rigCpu(rig);
	const busyBefore = machineBusyMs();
	const ownBefore = process.cpuUsage();
	const load = await fireSpread(
		rig.cluster.webhookProcessors.map((processor) => processor.client.baseUrl),
		{ requests: prepared, concurrency, isExpected: isAccepted },
	);
	await waitUntilStopped(database, workflowId, afterId, requests);
	const cpuUsed = cpuUsedBetween(cpuBefore, rigCpu(rig));
	const busy = machineBusyMs() - busyBefore;
	const own = process.cpuUsage(ownBefore);
	const wallMs = Date.now() - load.startedAt;
	// A little longer, so that a delivery run twice would show as an extra execution.
	await sleep(2_000);
	const executions = await executionsAfter(database, workflowId, afterId);

	const failures: string[] = [];
	if (load.errors) failures.push(`${load.errors} socket errors (${load.firstError})`);
	if (load.expectedAnswers !== requests)
		failures.push(
			`${requests - load.expectedAnswers} answers other than 200 "accepted": ${JSON.stringify(load.statuses)}`,
		);
	if (executions.length !== requests)
		failures.push(`${executions.length} executions for ${requests} deliveries`);
	const notSucceeded = executions.filter((execution) => execution.status !== 'success');
	if (notSucceeded.length)
		failures.push(
			`${notSucceeded.length} executions did not succeed (e.g. #${notSucceeded[0].id}: ${notSucceeded[0].status})`,
		);
	const runs = new Map<string | undefined, number>();
	for (const execution of executions)
		runs.set(execution.recordId, (runs.get(execution.recordId) ?? 0) + 1);
	const twice = sent.filter((id) => (runs.get(id) ?? 0) > 1).length;
	const missing = sent.filter((id) => !runs.has(id)).length;
	const unknown = [...runs.keys()].filter((id) => !sent.includes(id)).length;
	if (twice || missing || unknown)
		failures.push(
			`deliveries run twice: ${twice}, never run: ${missing}, executions of no delivery sent: ${unknown}`,
		);
	if (failures.length) throw new Error(`round ${round}: ${failures.join('; ')}`);

	const lastStop = Math.max(...executions.map((execution) => execution.stoppedAtMs ?? NaN));
	const perExecution = (ms: number) => ms / requests;
	const byProcess: Record<string, number> = {};
	const byRole: Record<string, number> = Object.fromEntries(ROLES.map((role) => [role, 0]));
	for (const [name, used] of Object.entries(cpuUsed)) {
		byProcess[name] = perExecution(used);
		byRole[roleOf(name)] = (byRole[roleOf(name)] ?? 0) + perExecution(used);
	}
	byRole['load generator'] = perExecution((own.user + own.system) / 1000);
	const ours = Object.values(byRole).reduce((sum, value) => sum + value, 0);
	byRole[REST] = Math.max(0, perExecution(busy) - ours);
	const processors = Object.entries(byProcess).filter(([name]) => name.startsWith('webhook-'));
	return {
		round,
		...loadFigures(load, requests, lastStop),
		cpuMsPerExecution: byRole,
		cpuMsPerExecutionByProcess: byProcess,
		machineBusyPercent: (busy / (wallMs * cpus().length)) * 100,
		rigCores: (ours * requests) / wallMs,
		busiestProcessorCores: Math.max(...processors.map(([, ms]) => (ms * requests) / wallMs)),
	};
}

async function measureConfiguration(
	options: ScaleOutOptions,
	webhookProcessors: number,
	name: string,
): Promise<ScaleOutConfiguration> {
	options.progress(`scale-out ${name}: starting PostgreSQL, Redis and the cluster`);
	const rig = await startRig({
		webhookProcessors,
		workers: options.workers,
		workerConcurrency: options.workerConcurrency,
		n8nEnv: options.n8nEnv,
		runtime: options.runtime,
		progress: options.progress,
	});
	const rounds: ScaleOutRound[] = [];
	try {
		options.progress(`scale-out ${name}: warm-up, ${options.warmUpRequests} requests`);
		await runRound(rig, options.warmUpRequests, options.concurrency, 0);
		for (let round = 1; round <= options.rounds; round++) {
			const figures = await runRound(rig, options.requests, options.concurrency, round);
			rounds.push(figures);
			options.progress(
				`scale-out ${name}, round ${round}/${options.rounds}: ${formatNumber(figures.requestsPerSecond)} req/s, p50 ${formatNumber(figures.p50Ms, 1)} ms, p99 ${formatNumber(figures.p99Ms, 1)} ms, ${formatNumber(figures.executionsPerSecond, 1)} exec/s, machine ${formatNumber(figures.machineBusyPercent)}% busy`,
			);
		}
	} finally {
		const problems = await rig.stop();
		if (problems.length) options.progress(`scale-out ${name}: stopping: ${problems.join('; ')}`);
	}
	const medianOf = (pick: (round: ScaleOutRound) => number) => median(rounds.map(pick));
	return {
		name,
		webhookProcessors,
		workers: options.workers,
		requestsPerSecond: medianOf((round) => round.requestsPerSecond),
		p50Ms: medianOf((round) => round.p50Ms),
		p99Ms: medianOf((round) => round.p99Ms),
		executionsPerSecond: medianOf((round) => round.executionsPerSecond),
		cpuMsPerExecution: Object.fromEntries(
			[...ROLES, REST].map((role) => [role, medianOf((round) => round.cpuMsPerExecution[role])]),
		),
		machineBusyPercent: medianOf((round) => round.machineBusyPercent),
		rigCores: medianOf((round) => round.rigCores),
		busiestProcessorCores: medianOf((round) => round.busiestProcessorCores),
		allCoresExecutionsPerSecond: medianOf(
			(round) =>
				(cpus().length * 1000) /
				ROLES.reduce((sum, role) => sum + round.cpuMsPerExecution[role], 0),
		),
		rounds,
	};
}

export async function benchmarkScaleOut(options: ScaleOutOptions): Promise<ScaleOutResult> {
	// One cluster after the other, never two at once: each configuration has the machine to itself.
	const one = await measureConfiguration(options, 1, 'A: 1 webhook processor');
	const two = await measureConfiguration(options, 2, 'B: 2 webhook processors');
	const executionsRatio = two.executionsPerSecond / one.executionsPerSecond;
	const { requests, warmUpRequests, rounds, concurrency, workers, workerConcurrency, n8nEnv } =
		options;
	return {
		settings: { requests, warmUpRequests, rounds, concurrency, workers, workerConcurrency, n8nEnv },
		cores: cpus().length,
		configurations: [one, two],
		requestsRatio: two.requestsPerSecond / one.requestsPerSecond,
		executionsRatio,
		targetMet: executionsRatio >= SCALE_OUT_TARGET,
		ceiling: ceilingOf(one, cpus().length),
	};
}
