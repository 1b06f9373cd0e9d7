import type { Delivery } from '../../../dev/fakes/sender';
import type { ProviderKey } from '../../../dev/fakes';
import {
	inPool,
	newestExecutionId,
	PROVIDER_NAMES,
	PROVIDERS,
	send,
	seriesDelivery,
	seriesKey,
	statusSummary,
	type SendOutcome,
} from '../../../dev/n8n/series';
import {
	acceptedIn,
	allAnswered,
	answerSummary,
	CONCURRENCY,
	countSeries,
	describeCount,
	EVENTS,
	exactlyOnce,
	processors,
	processorUrl,
	SERIES,
	SETTLE,
	type Check,
	type Rig,
	type RigCase,
	type SeriesCount,
} from './rig';

/**
 * Cases a–c: distinct deliveries, then every one of them again (to the other processor, or to a
 * restarted one): each event runs once and every redelivery is answered as a duplicate.
 */
/** One provider's series in a round trip: where each delivery goes first, and where its redelivery goes. */
interface Plan {
	provider: ProviderKey;
	series: number;
	first(delivery: Delivery, index: number): Promise<SendOutcome>;
	again(delivery: Delivery, index: number): Promise<SendOutcome>;
}

interface RoundTrip {
	first: SendOutcome[];
	again: SendOutcome[];
	count: SeriesCount;
}

/**
 * For each plan, one after the other: 50 distinct deliveries (`concurrency` at a time). Once every
 * execution has settled, `between` (a restart, say), then every delivery again, and the settled count.
 * The plans' executions settle in parallel, which keeps the rig short without changing any burst.
 */
async function roundTrips(
	rig: Rig,
	plans: Plan[],
	{ concurrency, between }: { concurrency: number; between?: () => Promise<void> },
): Promise<RoundTrip[]> {
	const keysOfPlan = (plan: Plan) =>
		Array.from({ length: EVENTS }, (_, index) => seriesKey(plan.provider, plan.series, index));
	const afterIds: number[] = [];
	const first: SendOutcome[][] = [];
	const round = async (plan: Plan, to: Plan['first']) =>
		await inPool(
			concurrency,
			keysOfPlan(plan).map(
				(_, index) => async () =>
					await to(seriesDelivery(plan.provider, plan.series, index), index),
			),
		);
	for (const plan of plans) {
		afterIds.push(await newestExecutionId(rig.client, rig.triggers[plan.provider].id));
		first.push(await round(plan, plan.first));
	}
	await Promise.all(
		plans.map(async (plan, index) => {
			const workflow = rig.triggers[plan.provider];
			const before = (await rig.client.executionList(workflow.id)).filter(
				(record) => Number(record.id) <= afterIds[index],
			).length;
			await rig.client.waitUntilSettled(workflow.id, { ...SETTLE, minimum: before + EVENTS });
		}),
	);
	await between?.();
	const again: SendOutcome[][] = [];
	for (const plan of plans) again.push(await round(plan, plan.again));
	const counts = await Promise.all(
		plans.map(
			async (plan, index) =>
				await countSeries(
					rig,
					rig.triggers[plan.provider],
					afterIds[index],
					keysOfPlan(plan),
					// Every "accepted" answer promises an execution: wait for those too.
					EVENTS + acceptedIn(again[index]),
				),
		),
	);
	return plans.map((_, index) => ({
		first: first[index],
		again: again[index],
		count: counts[index],
	}));
}

/**
 * The verdict of a round trip, as the provider and the workflow see it: every first delivery answered
 * `accepted`, every redelivery answered 200 `duplicate` (a 401, 404 or 500 would make the provider retry
 * or give up, and is no proof of anything), and one execution per event.
 */
function roundTripCheck(id: string, name: string, result: RoundTrip): Check {
	const passed =
		allAnswered(result.first, 'accepted') &&
		allAnswered(result.again, 'duplicate') &&
		exactlyOnce(result.count);
	return {
		id,
		name,
		passed,
		expected: `${EVENTS} executions, 0 re-runs (first round 200 accepted×${EVENTS}, redelivery 200 duplicate×${EVENTS})`,
		observed: describeCount(result.count, EVENTS),
		details: [
			`first round: ${statusSummary(result.first)} (${answerSummary(result.first)})`,
			`redelivery: ${statusSummary(result.again)} (${answerSummary(result.again)})`,
		],
	};
}

/** a. 50 distinct LML events one at a time, alternating processors; each redelivered to the other one. */
export const caseA: RigCase = {
	id: 'a',
	async run(rig) {
		const [a, b] = processors(rig);
		const workflow = rig.triggers.londonMedicalLaboratory;
		const to = (index: number, shift: number) => ((index + shift) % 2 === 0 ? a : b);
		const [result] = await roundTrips(
			rig,
			[
				{
					provider: 'londonMedicalLaboratory',
					series: SERIES.a,
					first: async (delivery, index) =>
						await send(processorUrl(to(index, 0), workflow), delivery),
					again: async (delivery, index) =>
						await send(processorUrl(to(index, 1), workflow), delivery),
				},
			],
			{ concurrency: 1 },
		);
		return [
			roundTripCheck(
				'a',
				'LML: 50 events one at a time, alternating the 2 webhook processors; each redelivered to the other',
				result,
			),
		];
	},
};

/** b. A burst of 50 at concurrency 8 to processor A, then all 50 redelivered to processor B; each provider. */
export const caseB: RigCase = {
	id: 'b',
	async run(rig) {
		const [a, b] = processors(rig);
		const results = await roundTrips(
			rig,
			PROVIDERS.map((provider) => ({
				provider,
				series: SERIES.b[provider],
				first: async (delivery) => await send(processorUrl(a, rig.triggers[provider]), delivery),
				again: async (delivery) => await send(processorUrl(b, rig.triggers[provider]), delivery),
			})),
			{ concurrency: CONCURRENCY },
		);
		return PROVIDERS.map((provider, index) =>
			roundTripCheck(
				`b-${provider}`,
				`${PROVIDER_NAMES[provider]}: burst of 50 at concurrency 8 to processor A, all redelivered to processor B${provider === 'junction' ? ' (same svix-ids)' : ''}`,
				results[index],
			),
		);
	},
};

/** c. A burst of 50 to processor A, restart A, redeliver to A; each provider, one restart for all three. */
export const caseC: RigCase = {
	id: 'c',
	async run(rig) {
		const [a] = processors(rig);
		let restartSeconds = 0;
		const toA = (provider: ProviderKey) => async (delivery: Delivery) =>
			await send(processorUrl(a, rig.triggers[provider]), delivery);
		const results = await roundTrips(
			rig,
			PROVIDERS.map((provider) => ({
				provider,
				series: SERIES.c[provider],
				first: toA(provider),
				again: toA(provider),
			})),
			{
				concurrency: CONCURRENCY,
				between: async () => {
					rig.progress(`c: restarting ${a.name}`);
					const restartStarted = Date.now();
					await rig.cluster.restart(a);
					restartSeconds = (Date.now() - restartStarted) / 1000;
				},
			},
		);
		return PROVIDERS.map((provider, index) =>
			roundTripCheck(
				`c-${provider}`,
				`${PROVIDER_NAMES[provider]}: burst of 50 at concurrency 8 to processor A, A restarted (${restartSeconds.toFixed(0)} s), all redelivered to A`,
				results[index],
			),
		);
	},
};
