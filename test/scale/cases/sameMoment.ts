import {
	answerOf,
	newestExecutionId,
	PROVIDER_NAMES,
	send,
	seriesDelivery,
	seriesKey,
	statusSummary,
	type SendOutcome,
} from '../../../dev/n8n/series';
import {
	acceptedIn,
	answerSummary,
	countSeries,
	processors,
	processorUrl,
	SERIES,
	type Check,
	type Rig,
	type RigCase,
	type SeriesCount,
} from './rig';

/**
 * Cases d and e: copies of one delivery at the same moment, on two webhook processors (d) or through a
 * router that sends each webhook path to one processor (e).
 *
 * Whether two copies meet depends on timing, so each case sends several events, one after the other:
 * for each, `copies` identical copies to each target at the same moment.
 */
const SAME_MOMENT_ROUNDS = 5;

interface SameMoment {
	outcomes: SendOutcome[];
	count: SeriesCount;
	/** Executions per event (one entry per round). */
	perEvent: number[];
}

/** For each round, one delivery `copies` times to each target at the same moment; executions per event. */
async function sameMoment(
	rig: Rig,
	provider: 'londonMedicalLaboratory' | 'junction',
	series: number,
	urls: string[],
	copies: number,
): Promise<SameMoment> {
	const workflow = rig.triggers[provider];
	const keys = Array.from({ length: SAME_MOMENT_ROUNDS }, (_, index) =>
		seriesKey(provider, series, index),
	);
	const afterId = await newestExecutionId(rig.client, workflow.id);
	const outcomes: SendOutcome[] = [];
	for (const [index] of keys.entries()) {
		// Built once: every copy is the same bytes, the same svix-id and the same signature.
		const delivery = seriesDelivery(provider, series, index);
		outcomes.push(
			...(await Promise.all(
				urls.flatMap((url) =>
					Array.from({ length: copies }, async () => await send(url, delivery, 30_000)),
				),
			)),
		);
	}
	const count = await countSeries(
		rig,
		workflow,
		afterId,
		keys,
		Math.max(keys.length, acceptedIn(outcomes)),
	);
	return { outcomes, count, perEvent: count.perKey };
}

function sameMomentObserved({ count, perEvent }: SameMoment): string {
	const total = perEvent.reduce((sum, executions) => sum + executions, 0);
	return [
		`${total} executions for ${perEvent.length} events (per event: ${perEvent.join(', ')})`,
		count.strays ? `${count.strays} without a key of this series` : '',
		count.settled ? '' : 'NOT settled within the bound',
	]
		.filter(Boolean)
		.join('; ');
}

/** How a copy may be answered: 200 accepted, 200 duplicate, or 503 busy while an earlier copy is starting. */
const ANSWERS_TO_COPIES = new Set(['200 accepted', '200 duplicate', '503 busy']);

/** What must hold whatever the timing: every copy got one of those answers, and every "accepted" has its execution. */
function answeredAndKept({ outcomes, perEvent, count }: SameMoment): boolean {
	const executions = perEvent.reduce((sum, each) => sum + each, 0);
	return (
		count.settled &&
		count.strays === 0 &&
		outcomes.every((outcome) =>
			ANSWERS_TO_COPIES.has(`${outcome.status} ${answerOf(outcome) ?? '-'}`),
		) &&
		acceptedIn(outcomes) === executions
	);
}

const onceEach = (result: SameMoment) =>
	answeredAndKept(result) && result.perEvent.every((executions) => executions === 1);

/**
 * Two processors that each take a copy before either has saved its ledger can both run the event: the
 * documented residual (n8n gives webhook nodes no atomic store across processes; case e is the remedy).
 * What must hold regardless: every event ran, and no processor ran it twice.
 */
const atLeastOnceAtMostOncePerProcessor = (result: SameMoment, processorCount: number) =>
	answeredAndKept(result) &&
	result.perEvent.every((executions) => executions >= 1 && executions <= processorCount);

/** The residual as a figure: executions beyond one per event. */
function residualOf({ perEvent }: SameMoment): string {
	const extra = perEvent.reduce((sum, executions) => sum + Math.max(0, executions - 1), 0);
	const twice = perEvent.filter((executions) => executions > 1).length;
	return `residual: ${extra} extra execution${extra === 1 ? '' : 's'} over ${perEvent.length} events (${twice} event${twice === 1 ? '' : 's'} ran on both processors)`;
}

/** d. The same delivery 5× to each of the two processors at the same moment (LML; Junction, one svix-id). */
export const caseD: RigCase = {
	id: 'd',
	async run(rig) {
		const [a, b] = processors(rig);
		const checks: Check[] = [];
		for (const provider of ['londonMedicalLaboratory', 'junction'] as const) {
			const workflow = rig.triggers[provider];
			const result = await sameMoment(
				rig,
				provider,
				SERIES.d[provider],
				[processorUrl(a, workflow), processorUrl(b, workflow)],
				5,
			);
			checks.push({
				id: `d-${provider}`,
				name: `${PROVIDER_NAMES[provider]}: ${SAME_MOMENT_ROUNDS} events, each delivered 5× to each of the 2 processors at the same moment${provider === 'junction' ? ' (one svix-id per event)' : ''}`,
				passed: atLeastOnceAtMostOncePerProcessor(result, 2),
				expected:
					'every event ran at least once and at most once per processor (1 or 2 executions); every copy answered 200 accepted, 200 duplicate or 503 busy; every "accepted" has its execution',
				observed: sameMomentObserved(result),
				details: [
					residualOf(result),
					`answers: ${statusSummary(result.outcomes)} (${answerSummary(result.outcomes)})`,
				],
			});
		}
		return checks;
	},
};

/** e. As d, through a sticky router that sends each webhook path to one processor. */
export const caseE: RigCase = {
	id: 'e',
	async run(rig) {
		const checks: Check[] = [];
		for (const provider of ['londonMedicalLaboratory', 'junction'] as const) {
			const workflow = rig.triggers[provider];
			const url = `${rig.router.baseUrl}/webhook/${workflow.webhookPath}`;
			const upstream = rig.cluster.webhookProcessors.find(
				(processor) =>
					processor.port === rig.router.upstreamPortFor(`/webhook/${workflow.webhookPath}`),
			);
			const result = await sameMoment(rig, provider, SERIES.e[provider], [url, url], 5);
			checks.push({
				id: `e-${provider}`,
				name: `${PROVIDER_NAMES[provider]}: as d, through a sticky router (hash of the webhook path → one processor)`,
				passed: onceEach(result),
				expected:
					'1 execution per event; every copy answered 200 accepted, 200 duplicate or 503 busy; every "accepted" has its execution',
				observed: sameMomentObserved(result),
				details: [
					`answers: ${statusSummary(result.outcomes)} (${answerSummary(result.outcomes)}); routed to ${upstream?.name ?? '?'}`,
				],
			});
		}
		return checks;
	},
};
