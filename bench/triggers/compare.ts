import type { ProviderKey } from '../../dev/fakes';
import { formatNumber, median } from '../stats';
import { LML, PROVIDERS, PROVIDER_NAMES } from './workflows';
import type {
	Comparison,
	RatioCheck,
	RatioFigure,
	RatioTarget,
	Segment,
	Target,
	TargetKind,
} from './types';

/** The n8n setting under which the Header Auth comparison has its target (see bench/run.ts). */
const LAZY_ISOLATES = 'N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE';

interface ComparisonSpec {
	name: string;
	ours: [ProviderKey, TargetKind];
	reference: [ProviderKey, TargetKind];
	targets?: RatioTarget[];
	/** The targets hold only with lazy expression isolates; without, the row is evidence. */
	onlyWithLazyIsolates?: boolean;
}

/** What the targets ask: the Webhook node's speed (measure 1), and no slower than the peers. */
const SPECS: ComparisonSpec[] = [
	...PROVIDERS.map(
		(provider): ComparisonSpec => ({
			name: `${PROVIDER_NAMES[provider]} Trigger ÷ Webhook node`,
			ours: [provider, 'trigger'],
			reference: [provider, 'webhookNode'],
			targets: [
				{ figure: 'requestsPerSecond', atLeast: 0.95 },
				{ figure: 'p99', atMost: 1.1 },
			],
		}),
	),
	{
		name: 'LML Trigger ÷ Webhook node + Header Auth',
		ours: [LML, 'trigger'],
		reference: [LML, 'webhookNodeHeaderAuth'],
		targets: [{ figure: 'requestsPerSecond', atLeast: 0.95 }],
		onlyWithLazyIsolates: true,
	},
	{
		name: 'LML Trigger ÷ Webhook + Header Auth + Remove Duplicates',
		ours: [LML, 'trigger'],
		reference: [LML, 'webhookNodeHeaderAuthRemoveDuplicates'],
		targets: [
			{ figure: 'requestsPerSecond', atLeast: 1 },
			{ figure: 'executionsPerSecond', atLeast: 1 },
		],
	},
	{
		name: 'LML Trigger, full ledger ÷ LML Trigger',
		ours: [LML, 'triggerFullLedger'],
		reference: [LML, 'trigger'],
		targets: [{ figure: 'executionsPerSecond', atLeast: 0.95 }],
	},
	{
		name: 'LML Trigger, ledger 100,000 ÷ LML Trigger',
		ours: [LML, 'triggerFullLedger100k'],
		reference: [LML, 'trigger'],
		targets: [{ figure: 'executionsPerSecond', atLeast: 0.95 }],
	},
	{
		name: 'Webhook node + Header Auth ÷ Webhook node',
		ours: [LML, 'webhookNodeHeaderAuth'],
		reference: [LML, 'webhookNode'],
	},
];

export const FIGURE_LABELS: Record<RatioFigure, string> = {
	requestsPerSecond: 'req/s',
	p99: 'p99',
	executionsPerSecond: 'exec/s',
};

export function describeTarget(target: RatioTarget): string {
	const label = FIGURE_LABELS[target.figure];
	return target.atLeast !== undefined
		? `${label} ≥ ${formatNumber(target.atLeast, 2)}×`
		: `${label} ≤ ${formatNumber(target.atMost!, 2)}×`;
}

/** Each comparison measure 1 reports, over the targets that ran. */
export function comparisons(
	targets: Target[],
	segments: Map<Target, Segment[]>,
	environment: Record<string, string>,
): Comparison[] {
	const lazyIsolates = environment[LAZY_ISOLATES] === 'true';
	const find = ([provider, kind]: [ProviderKey, TargetKind]) =>
		targets.find((target) => target.provider === provider && target.kind === kind);
	return SPECS.flatMap((spec): Comparison[] => {
		const ours = find(spec.ours);
		const reference = find(spec.reference);
		if (!ours || !reference) return [];
		const mine = segments.get(ours)!;
		const theirs = segments.get(reference)!;
		const ratio = (pick: (segment: Segment) => number) =>
			median(mine.map((segment, index) => pick(segment) / pick(theirs[index])));
		const ratios: Record<RatioFigure, number> = {
			requestsPerSecond: ratio((segment) => segment.requestsPerSecond),
			p99: ratio((segment) => segment.p99Ms),
			executionsPerSecond: ratio((segment) => segment.executionsPerSecond),
		};
		const applies = !spec.onlyWithLazyIsolates || lazyIsolates;
		const checks = applies
			? (spec.targets ?? []).map(
					(target): RatioCheck => ({
						...target,
						ratio: ratios[target.figure],
						met:
							(target.atLeast === undefined || ratios[target.figure] >= target.atLeast) &&
							(target.atMost === undefined || ratios[target.figure] <= target.atMost),
					}),
				)
			: [];
		return [
			{
				name: spec.name,
				ours: ours.name,
				reference: reference.name,
				throughputRatio: ratios.requestsPerSecond,
				p99Ratio: ratios.p99,
				p50Ratio: ratio((segment) => segment.p50Ms),
				executionsRatio: ratios.executionsPerSecond,
				cpuRatio: ratio((segment) => segment.n8nCpuMsPerRequest),
				checks,
				...(applies
					? {}
					: {
							note: `${(spec.targets ?? []).map(describeTarget).join(', ')} with ${LAZY_ISOLATES}=true`,
						}),
			},
		];
	});
}
