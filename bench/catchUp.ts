/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- benchmarks run in Node, not inside n8n */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

import { JunctionCatchUpTrigger } from '../nodes/Junction/JunctionCatchUpTrigger.node';
import { LondonMedicalLaboratoryCatchUpTrigger } from '../nodes/LondonMedicalLaboratory/LondonMedicalLaboratoryCatchUpTrigger.node';
import { forgetProcessChanges } from '../nodes/shared/catchUp/changeLedger';
import {
	DEFAULT_MAX_CHANGES_PER_ROUND,
	DEFAULT_ROUND_BUDGET_SECONDS,
} from '../nodes/shared/catchUp/settings';
import { WebhookOutbox } from '../dev/fakes/catchUp/webhookOutbox';
import { createJunctionFake, junctionFakeData, JUNCTION_FAKE_KEY } from '../dev/fakes/junction/api';
import { JunctionStatusTimeline } from '../dev/fakes/junction/statusTimeline';
import {
	createLmlFake,
	lmlFakeData,
	LML_FAKE_TOKEN,
} from '../dev/fakes/londonMedicalLaboratory/api';
import { LmlStatusTimeline } from '../dev/fakes/londonMedicalLaboratory/statusTimeline';
import { CatchUpHarness } from '../test/support/catchUpHarness';
import { formatNumber, table } from './stats';

/**
 * Measure 6 (issue 19): a backlog of changed records drained by the catch-up, round after round, with
 * the rounds' own limits (Max Changes per Round, Round Time Budget) at their defaults. The node runs
 * in the catch-up harness (test/support/catchUpHarness.ts: emit keys, one execution per change, static
 * data loaded and saved as n8n 2.41.1 does), against the fake APIs over real HTTP on the loopback; the
 * executions themselves are counted, not kept. Heap after a full GC at the end of each round shows
 * whether memory stays flat while the backlog drains.
 */
export interface CatchUpRound {
	round: number;
	changes: number;
	seconds: number;
	heapMiB: number;
	requests: number;
}

export interface CatchUpBenchResult {
	provider: string;
	backlog: number;
	rounds: CatchUpRound[];
	executions: number;
	duplicates: number;
	drainedSeconds: number;
	maxChangesPerRound: number;
	roundBudgetSeconds: number;
	/** How much the heap grew between the end of round 2 and the last round, in MiB. */
	heapGrowthMiB: number;
}

function collector(): () => void {
	setFlagsFromString('--expose-gc');
	const gc = runInNewContext('gc') as () => void;
	return gc;
}

const heapMiB = (gc: () => void) => {
	gc();
	return process.memoryUsage().heapUsed / 2 ** 20;
};

async function drain(
	provider: string,
	backlog: number,
	harness: CatchUpHarness,
	makeBacklog: () => void,
	requests: () => number,
): Promise<CatchUpBenchResult> {
	const gc = collector();
	forgetProcessChanges();
	await harness.activate();
	makeBacklog();
	const rounds: CatchUpRound[] = [];
	const started = Date.now();
	for (let round = 1; harness.executionCount < backlog && round <= 100; round++) {
		const before = harness.executionCount;
		const requestsBefore = requests();
		const roundStarted = Date.now();
		await harness.round();
		rounds.push({
			round,
			changes: harness.executionCount - before,
			seconds: (Date.now() - roundStarted) / 1000,
			heapMiB: heapMiB(gc),
			requests: requests() - requestsBefore,
		});
	}
	const drainedSeconds = (Date.now() - started) / 1000;
	await harness.deactivate();
	const settled = rounds.slice(1);
	return {
		provider,
		backlog,
		rounds,
		executions: harness.executionCount,
		duplicates: harness.duplicates,
		drainedSeconds,
		maxChangesPerRound: DEFAULT_MAX_CHANGES_PER_ROUND,
		roundBudgetSeconds: DEFAULT_ROUND_BUDGET_SECONDS,
		heapGrowthMiB: settled.length ? settled[settled.length - 1].heapMiB - settled[0].heapMiB : 0,
	};
}

const parameters = {
	events: ['*'],
	interval: 5,
	unit: 'minutes',
	patientData: 'leaveOut',
	options: {},
};

export async function benchmarkCatchUp(backlog: number): Promise<CatchUpBenchResult[]> {
	const results: CatchUpBenchResult[] = [];
	const outbox = new WebhookOutbox({ gapsMs: [0], spanMs: 0, url: () => undefined });
	{
		const data = junctionFakeData({ orders: 50, labTests: 5 });
		const fake = createJunctionFake(data);
		await fake.start();
		const timeline = new JunctionStatusTimeline(data, outbox, { secret: 'whsec_YmVuY2g=' });
		const harness = new CatchUpHarness({
			node: new JunctionCatchUpTrigger(),
			parameters,
			credentials: {
				junctionApi: {
					apiKey: JUNCTION_FAKE_KEY,
					environment: 'custom',
					baseUrl: fake.url,
					region: 'auto',
					domain: 'junction',
				},
			},
			keepExecutions: false,
		});
		try {
			results.push(
				await drain(
					'Junction (GET /v3/orders by updated_start_date)',
					backlog,
					harness,
					() => {
						for (let index = 0; index < backlog; index++) timeline.createOrder();
					},
					() => fake.requests.length,
				),
			);
		} finally {
			await fake.stop();
		}
	}
	{
		const data = lmlFakeData({ registrations: 50, orders: 50, products: 3 });
		const fake = createLmlFake(data);
		await fake.start();
		const timeline = new LmlStatusTimeline(data, outbox, 'bench');
		const harness = new CatchUpHarness({
			node: new LondonMedicalLaboratoryCatchUpTrigger(),
			parameters,
			credentials: {
				londonMedicalLaboratoryApi: {
					environment: 'custom',
					baseUrl: fake.url,
					apiToken: LML_FAKE_TOKEN,
				},
			},
			keepExecutions: false,
		});
		try {
			results.push(
				await drain(
					'LML (snapshot of GET /api/test_registration/ and /api/order/)',
					backlog,
					harness,
					() => {
						for (let index = 0; index < backlog; index++)
							timeline.advance(timeline.createRegistration(), 'registered');
					},
					() => fake.requests.length,
				),
			);
		} finally {
			await fake.stop();
		}
	}
	outbox.stop();
	return results;
}

export function printCatchUp(results: CatchUpBenchResult[]): string {
	const lines = [
		'5. Catch-up: a backlog of changed records drained over rounds (defaults: Max Changes per Round, Round Time Budget)',
	];
	for (const result of results) {
		lines.push(
			`\n${result.provider}: ${formatNumber(result.backlog)} changes, ${formatNumber(result.executions)} executions (${result.duplicates} turned down by key), drained in ${result.rounds.length} rounds, ${formatNumber(result.drainedSeconds, 1)} s; heap from round 2 to the last: ${result.heapGrowthMiB >= 0 ? '+' : ''}${formatNumber(result.heapGrowthMiB, 1)} MiB`,
			table(
				['Round', 'Changes run', 'API requests', 'Seconds', 'Heap after GC (MiB)'],
				result.rounds.map((round) => [
					round.round,
					formatNumber(round.changes),
					round.requests,
					formatNumber(round.seconds, 2),
					formatNumber(round.heapMiB, 1),
				]),
			),
		);
	}
	return lines.join('\n');
}
