import { REST, ROLES, SCALE_OUT_TARGET, type ScaleOutResult } from './scaleOut';
import { formatNumber, table } from './stats';

/** The scale-out measure's tables (bench/scaleOut.ts): figures, the ratio and its ceiling, CPU by part. */
export function printScaleOut(result: ScaleOutResult): string {
	const { settings } = result;
	const figures = table(
		[
			`Scale-out, queue mode, LML Trigger: ${settings.rounds} rounds × ${settings.requests} requests, concurrency ${settings.concurrency}, ${settings.workers} workers × ${settings.workerConcurrency} jobs (medians)`,
			'req/s',
			'p50 ms',
			'p99 ms',
			'exec/s end to end',
			'machine busy',
		],
		result.configurations.map((configuration) => [
			configuration.name,
			formatNumber(configuration.requestsPerSecond),
			formatNumber(configuration.p50Ms, 1),
			formatNumber(configuration.p99Ms, 1),
			formatNumber(configuration.executionsPerSecond, 1),
			`${formatNumber(configuration.machineBusyPercent)}%`,
		]),
	);
	const ratio = table(
		[
			'B ÷ A',
			'req/s',
			`exec/s (target ≥ ${SCALE_OUT_TARGET})`,
			'cores on this machine',
			'exec/s at most here, machine to itself (A’s CPU costs)',
			`cores for ${SCALE_OUT_TARGET}×`,
		],
		[
			[
				'2 webhook processors ÷ 1',
				formatNumber(result.requestsRatio, 2),
				`${formatNumber(result.executionsRatio, 2)} ${result.targetMet ? '✓' : '✗'}`,
				String(result.cores),
				formatNumber(result.ceiling.ratio, 2),
				formatNumber(result.ceiling.coresForTarget, 1),
			],
		],
	);
	const cpu = table(
		['CPU ms per execution (medians)', ...ROLES, REST],
		result.configurations.map((configuration) => [
			configuration.name,
			...[...ROLES, REST].map((role) => formatNumber(configuration.cpuMsPerExecution[role], 1)),
		]),
	);
	const cores = table(
		[
			`Where the limit is (${result.cores} cores)`,
			'cores the rig got',
			'cores of the busiest webhook processor',
			'exec/s with every core to the rig',
		],
		result.configurations.map((configuration) => [
			configuration.name,
			formatNumber(configuration.rigCores, 2),
			formatNumber(configuration.busiestProcessorCores, 2),
			formatNumber(configuration.allCoresExecutionsPerSecond, 1),
		]),
	);
	const environment = Object.entries(settings.n8nEnv)
		.map(([name, value]) => `${name}=${value}`)
		.join(', ');
	return `${environment ? `n8n settings: ${environment}\n\n` : ''}${figures}\n\n${ratio}\n\n${cpu}\n\n${cores}`;
}
