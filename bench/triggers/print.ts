import { formatNumber, table } from '../stats';
import { describeTarget } from './compare';
import type { Comparison, RatioFigure, TriggerBenchResult } from './types';

/** A ratio, marked ✓ or ✗ when this comparison is judged on it. */
function ratioCell(comparison: Comparison, figure: RatioFigure, ratio: number): string {
	const check = comparison.checks.find((candidate) => candidate.figure === figure);
	return `${formatNumber(ratio, 2)}${check ? ` ${check.met ? '✓' : '✗'}` : ''}`;
}

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
	const ratios = table(
		[
			'Ratios, same bodies, same rounds (median of per-round ratios)',
			'req/s',
			'p99',
			'p50',
			'exec/s',
			'CPU/req',
			'Target',
		],
		result.comparisons.map((comparison) => [
			comparison.name,
			ratioCell(comparison, 'requestsPerSecond', comparison.throughputRatio),
			ratioCell(comparison, 'p99', comparison.p99Ratio),
			formatNumber(comparison.p50Ratio, 2),
			ratioCell(comparison, 'executionsPerSecond', comparison.executionsRatio),
			formatNumber(comparison.cpuRatio, 2),
			comparison.note
				? `(${comparison.note})`
				: comparison.checks.map(describeTarget).join(', ') || '—',
		]),
	);
	return `${targets}\n\n${ratios}`;
}
