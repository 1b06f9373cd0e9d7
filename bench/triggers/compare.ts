import type { ProviderKey } from '../../dev/fakes';
import { median } from '../stats';
import { LML, PROVIDERS, PROVIDER_NAMES } from './workflows';
import type { Comparison, Segment, Target, TargetKind } from './types';

/** Each comparison measure 1 reports, over the targets that ran. */
export function comparisons(targets: Target[], segments: Map<Target, Segment[]>): Comparison[] {
	const find = (provider: ProviderKey, kind: TargetKind) =>
		targets.find((target) => target.provider === provider && target.kind === kind);
	const compare = (
		name: string,
		ours: Target | undefined,
		reference: Target | undefined,
		hasTargets: boolean,
	): Comparison[] => {
		if (!ours || !reference) return [];
		const mine = segments.get(ours)!;
		const theirs = segments.get(reference)!;
		const ratio = (pick: (segment: Segment) => number) =>
			median(mine.map((segment, index) => pick(segment) / pick(theirs[index])));
		const throughputRatio = ratio((segment) => segment.requestsPerSecond);
		const p99Ratio = ratio((segment) => segment.p99Ms);
		return [
			{
				name,
				ours: ours.name,
				reference: reference.name,
				hasTargets,
				throughputRatio,
				p99Ratio,
				p50Ratio: ratio((segment) => segment.p50Ms),
				executionsRatio: ratio((segment) => segment.executionsPerSecond),
				cpuRatio: ratio((segment) => segment.n8nCpuMsPerRequest),
				throughputTargetMet: throughputRatio >= 0.95,
				p99TargetMet: p99Ratio <= 1.1,
			},
		];
	};
	return [
		...PROVIDERS.flatMap((provider) =>
			compare(
				`${PROVIDER_NAMES[provider]} Trigger ÷ Webhook node`,
				find(provider, 'trigger'),
				find(provider, 'webhookNode'),
				true,
			),
		),
		...compare(
			'LML Trigger ÷ Webhook node + Header Auth',
			find(LML, 'trigger'),
			find(LML, 'webhookNodeHeaderAuth'),
			false,
		),
		...compare(
			'LML Trigger, full ledger ÷ LML Trigger',
			find(LML, 'triggerFullLedger'),
			find(LML, 'trigger'),
			false,
		),
		...compare(
			'Webhook node + Header Auth ÷ Webhook node',
			find(LML, 'webhookNodeHeaderAuth'),
			find(LML, 'webhookNode'),
			false,
		),
	];
}
