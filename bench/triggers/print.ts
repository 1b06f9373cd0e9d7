import { formatNumber, table } from '../stats';
import type { TriggerBenchResult } from './types';

export function printTriggers(result: TriggerBenchResult): string {
	const { settings } = result;
	const targets = table(
		[
			`${result.title}: ${settings.rounds} rounds × ${settings.requestsPerSegment} requests, concurrency ${settings.concurrency} (medians)`,
			'req/s',
			'p50 ms',
			'p99 ms',
			'exec/s end to end',
			'n8n CPU ms/req',
		],
		result.targets.map((target) => [
			target.name,
			formatNumber(target.requestsPerSecond),
			formatNumber(target.p50Ms, 1),
			formatNumber(target.p99Ms, 1),
			formatNumber(target.executionsPerSecond),
			formatNumber(target.n8nCpuMsPerRequest, 2),
		]),
	);
	const check = (met: boolean) => (met ? '✓' : '✗');
	const ratios = table(
		[
			'Ratios, same bodies, same rounds (median of per-round ratios)',
			'req/s (≥ 0.95)',
			'p99 (≤ 1.1)',
			'p50',
			'exec/s',
			'CPU/req',
		],
		result.comparisons.map((comparison) => [
			comparison.name,
			`${formatNumber(comparison.throughputRatio, 2)}${comparison.hasTargets ? ` ${check(comparison.throughputTargetMet)}` : ''}`,
			`${formatNumber(comparison.p99Ratio, 2)}${comparison.hasTargets ? ` ${check(comparison.p99TargetMet)}` : ''}`,
			formatNumber(comparison.p50Ratio, 2),
			formatNumber(comparison.executionsRatio, 2),
			formatNumber(comparison.cpuRatio, 2),
		]),
	);
	return `${targets}\n\n${ratios}`;
}
