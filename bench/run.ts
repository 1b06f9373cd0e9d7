/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- benchmarks run in Node, not inside n8n */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, freemem, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';

import { installedRuntime, repoRoot } from '../dev/n8n/runtime';
import { formatNumber, table } from './stats';
import { benchmarkGetMany, printGetMany, type GetManyResult } from './getMany';
import {
	benchmarkLedger,
	benchmarkStaticData,
	benchmarkVerification,
	printLedger,
	printStaticData,
	printVerification,
	type LedgerPoint,
	type StaticDataPoint,
	type VerificationResult,
} from './micro';
import {
	benchmarkJunctionStages,
	benchmarkPipeline,
	printPipeline,
	type PipelineResult,
	type StagePoint,
} from './pipeline';
import {
	benchmarkTriggers,
	describeTarget,
	printTriggers,
	type TriggerBenchResult,
} from './triggers/index';
import { benchmarkCatchUp, printCatchUp, type CatchUpBenchResult } from './catchUp';
import { benchmarkFhir, printFhir, type FhirBenchResult } from './fhir';
import { benchmarkScaleOut, SCALE_OUT_TARGET, type ScaleOutResult } from './scaleOut';
import { printScaleOut } from './scaleOutPrint';

/**
 * `npm run bench`: four measures in one run, one table each, their targets, and bench/results.json.
 * The targets say "as fast as n8n itself allows", each as a ratio measured side by side in one run
 * (several rounds, median):
 *   1. trigger overhead in a real n8n: each trigger against n8n's own Webhook node, fed the same bytes at
 *      the same concurrency: throughput ≥ 0.95× and p99 latency ≤ 1.1× the Webhook node's; the LML
 *      trigger against its peer of equal function, exactly-once built from n8n's nodes (Webhook + Header
 *      Auth + Remove Duplicates): ≥ 1.0× in req/s and exec/s; against the Webhook node + Header Auth:
 *      req/s ≥ 0.95× with N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true; with its dedup ledger full (10,000,
 *      the default bound, and 100,000): exec/s ≥ 0.95× its own with the ledger empty;
 *   2. verification: our Svix check ≥ 1.0× the official svix library's verify on the same messages, and
 *      parse + verify + dedup ≥ 50,000 events/s per provider (far above any provider's delivery rate);
 *   3. dedup ledger: the cost per delivery stays flat as the ledger fills to its bound and beyond, and
 *      our part of a call with the ledger in static data costs less than n8n's own JSON work on it;
 *   4. Get Many: requests = ceil(n / the API's largest page) for 1k, 10k and 50k records.
 *   scale-out (issue 21): in queue mode, executions/s with 2 webhook processors ≥ 1.6× with 1, the same
 *      load and workers (bench/scaleOut.ts).
 * A missed target is printed with ✗ and its figure; the README explains what is n8n's own cost.
 * Options (after `npm run bench --`):
 *   --only=triggers,verification,ledger,getMany,fhir,catchUp,scaleOut   run some measures (results go to bench/runs/);
 *                                                 scaleOut runs only when named
 *   --quick                                       fewer rounds and requests, for trying it out
 *   --requests=N --rounds=N --concurrency=N      measure 1's load
 *   --targets=hurdle-trigger,hurdle-webhookNode  measure 1 for some targets only: <provider>-<kind>, kinds
 *                                                 trigger, webhookNode, and for londonMedicalLaboratory
 *                                                 also triggerFullLedger, triggerFullLedger100k,
 *                                                 webhookNodeHeaderAuth, webhookNodeHeaderAuthRemoveDuplicates
 *   --n8n-env=NAME=value,NAME=value               extra n8n settings (for every target alike; scaleOut too)
 *   --trigger-version=1                           run the triggers at typeVersion 1 (default 1.1)
 *   --profile-n8n                                 V8 CPU profiles of n8n into bench/runs/profiles-…/
 */
type Measure = 'triggers' | 'verification' | 'ledger' | 'getMany' | 'fhir' | 'catchUp' | 'scaleOut';
const MEASURES: Measure[] = [
	'triggers',
	'verification',
	'ledger',
	'getMany',
	'fhir',
	'catchUp',
	'scaleOut',
];

function option(name: string): string | undefined {
	const prefix = `--${name}=`;
	return process.argv.find((argument) => argument.startsWith(prefix))?.slice(prefix.length);
}

const quick = process.argv.includes('--quick');
const only = option('only')?.split(',') as Measure[] | undefined;
// The queue-mode rig (PostgreSQL, Redis, five n8n processes) takes longer than every other measure
// together: it runs when asked for by name.
const selected = only ?? MEASURES.filter((measure) => measure !== 'scaleOut');
for (const measure of selected)
	if (!MEASURES.includes(measure))
		throw new Error(`Unknown measure "${measure}"; known: ${MEASURES.join(', ')}`);

const started = Date.now();
const say = (text: string) => process.stdout.write(`${text}\n`);
const progress = (step: string) =>
	process.stderr.write(`bench: ${step} [${((Date.now() - started) / 1000).toFixed(0)} s]\n`);

interface Results {
	machine: Record<string, unknown>;
	settings: { quick: boolean; measures: Measure[] };
	triggers?: TriggerBenchResult[];
	verification?: VerificationResult;
	pipeline?: PipelineResult[];
	stages?: StagePoint[];
	ledger?: LedgerPoint[];
	staticData?: StaticDataPoint[];
	getMany?: GetManyResult;
	fhir?: FhirBenchResult[];
	catchUp?: CatchUpBenchResult[];
	scaleOut?: ScaleOutResult;
	targets?: TargetCheck[];
	wallSeconds?: number;
}

/** Each target (see the top of this file) with the figure it is judged on. */
interface TargetCheck {
	measure: string;
	target: string;
	figure: string;
	met: boolean;
}

function targetsOf(results: Results): TargetCheck[] {
	const checks: TargetCheck[] = [];
	for (const configuration of results.triggers ?? []) {
		for (const comparison of configuration.comparisons) {
			for (const check of comparison.checks)
				checks.push({
					measure: `1 (${configuration.title})`,
					target: `${comparison.name}: ${describeTarget(check)}`,
					figure: formatNumber(check.ratio, 2),
					met: check.met,
				});
		}
	}
	if (results.verification) {
		checks.push({
			measure: '2',
			target: 'Svix verification ≥ 1.0× the svix library',
			figure: formatNumber(results.verification.ratio, 2),
			met: results.verification.ratio >= 1,
		});
	}
	for (const result of results.pipeline?.filter(
		(candidate) => candidate.path === 'parseVerifyDedup',
	) ?? []) {
		checks.push({
			measure: '2',
			target: `${result.provider}: parse + verify + dedup ≥ 50,000 events/s`,
			figure: formatNumber(result.eventsPerSecond),
			met: result.eventsPerSecond >= 50_000,
		});
	}
	if (results.ledger) {
		// Flat: once at its bound and beyond (100–200% of it), within 2× of its cost at 10% fill.
		for (const bound of [...new Set(results.ledger.map((point) => point.bound))]) {
			const points = results.ledger.filter((point) => point.bound === bound);
			const start = points.find((point) => point.filledPercent === 10)!.nanosecondsPerDelivery;
			const worst = Math.max(
				...points
					.filter((point) => point.filledPercent >= 100)
					.map((point) => point.nanosecondsPerDelivery),
			);
			checks.push({
				measure: '3',
				target: `in-process ledger, bound ${formatNumber(bound)}: at and past its bound ≤ 2× its cost at 10%`,
				figure: `${formatNumber(worst / start, 2)}×`,
				met: worst <= 2 * start,
			});
		}
	}
	if (results.staticData) {
		// Bounded: at every fill, our part of a call costs less than n8n's own JSON work on the same data;
		// the full merge after another writer's save is reported beside it.
		const worst = (pick: (point: StaticDataPoint) => number) =>
			Math.max(...results.staticData!.map((point) => pick(point) / point.n8nJsonMicroseconds));
		checks.push({
			measure: '3',
			target:
				"ledger in static data, our look-up + remember + save: ≤ n8n's JSON parse + serialise",
			figure: `${formatNumber(
				worst((point) => point.oursMicroseconds),
				3,
			)}× (after another writer's save: ${formatNumber(
				worst((point) => point.oursFullMergeMicroseconds),
				2,
			)}×)`,
			met: worst((point) => point.oursMicroseconds) <= 1,
		});
	}
	if (results.getMany) {
		const matching = results.getMany.rows.filter((row) => row.requestsMatch).length;
		checks.push({
			measure: '4',
			target: 'Get Many requests = ceil(n / max page size)',
			figure: `${matching} of ${results.getMany.rows.length} cases`,
			met: matching === results.getMany.rows.length,
		});
	}
	for (const result of results.catchUp ?? []) {
		checks.push({
			measure: '5',
			target: `${result.provider}: every change once, over rounds, heap flat (< 32 MiB growth)`,
			figure: `${formatNumber(result.executions)}/${formatNumber(result.backlog)} in ${result.rounds.length} rounds, ${formatNumber(result.heapGrowthMiB, 1)} MiB`,
			met:
				result.executions === result.backlog &&
				result.rounds.length > 1 &&
				result.heapGrowthMiB < 32,
		});
	}
	if (results.scaleOut) {
		checks.push({
			measure: 'scale-out',
			target: `queue mode, exec/s with 2 webhook processors ÷ 1 ≥ ${SCALE_OUT_TARGET} (${results.scaleOut.cores} cores)`,
			figure: formatNumber(results.scaleOut.executionsRatio, 2),
			met: results.scaleOut.targetMet,
		});
	}
	return checks;
}

function printTargets(checks: TargetCheck[]): string {
	return `${table(
		['Measure', 'Target', 'Figure', 'Met'],
		checks.map((check) => [check.measure, check.target, check.figure, check.met ? '✓' : '✗']),
	)}\n`;
}

function machine(runtimeNode: string, n8nVersion: string): Record<string, unknown> {
	return {
		cpu: cpus()[0]?.model ?? 'unknown',
		cores: cpus().length,
		totalMemoryGiB: Math.round((totalmem() / 2 ** 30) * 10) / 10,
		freeMemoryGiBAtStart: Math.round((freemem() / 2 ** 30) * 10) / 10,
		loadAverageAtStart: loadavg().map((load) => Math.round(load * 100) / 100),
		node: process.version,
		runtimeNode,
		n8n: n8nVersion,
		platform: `${process.platform} ${process.arch}`,
		date: new Date().toISOString(),
	};
}

function profileDir(): string {
	const folder = join(
		repoRoot,
		'bench',
		'runs',
		`profiles-${new Date().toISOString().replace(/[:.]/g, '-')}`,
	);
	mkdirSync(folder, { recursive: true });
	progress(`n8n writes CPU profiles to ${folder}`);
	return folder;
}

async function main(): Promise<void> {
	const runtime = installedRuntime();
	const results: Results = {
		machine: machine(runtime.nodeVersion, runtime.n8nVersion),
		settings: { quick, measures: selected },
	};
	say(
		`Machine: ${String(results.machine.cpu)}, ${String(results.machine.cores)} cores, ${String(results.machine.totalMemoryGiB)} GiB; Node ${process.version}; n8n ${runtime.n8nVersion}\n`,
	);

	if (selected.includes('verification')) {
		progress('measure 2: Svix verification against the svix library, and receiveWebhook per event');
		results.verification = benchmarkVerification(quick ? 3 : 7);
		say(`${printVerification(results.verification)}\n`);
		results.pipeline = await benchmarkPipeline(quick ? 2 : 3, quick ? 500 : 1_000);
		results.stages = await benchmarkJunctionStages(3);
		say(`${printPipeline(results.pipeline, results.stages)}\n`);
	}
	if (selected.includes('ledger')) {
		progress('measure 3: dedup ledger cost per delivery as it fills');
		results.ledger = benchmarkLedger();
		say(`${printLedger(results.ledger)}\n`);
		results.staticData = benchmarkStaticData();
		say(`${printStaticData(results.staticData)}\n`);
	}
	if (selected.includes('getMany')) {
		progress('measure 4: Get Many against the fake APIs, one child process per size');
		results.getMany = await benchmarkGetMany({
			sizes: quick ? [1_000, 10_000] : [1_000, 10_000, 50_000],
			progress,
		});
		say(`${printGetMany(results.getMany)}\n`);
	}
	if (selected.includes('fhir')) {
		progress('FHIR R4 output: bundles per second for a 60-marker panel');
		results.fhir = benchmarkFhir(quick ? 3 : 7);
		say(`${printFhir(results.fhir)}\n`);
	}
	if (selected.includes('catchUp')) {
		progress('measure 6: a backlog of 5,000 changed records drained by the catch-up');
		results.catchUp = await benchmarkCatchUp(quick ? 1_000 : 5_000);
		say(`${printCatchUp(results.catchUp)}\n`);
	}
	if (selected.includes('scaleOut')) {
		progress('scale-out: queue mode with 1, then 2 webhook processors, the same load');
		results.scaleOut = await benchmarkScaleOut({
			requests: quick ? 200 : 600,
			warmUpRequests: 50,
			rounds: quick ? 1 : 2,
			concurrency: 16,
			workers: 2,
			workerConcurrency: 32,
			n8nEnv: Object.fromEntries(
				(option('n8n-env')?.split(',') ?? []).map((pair) => pair.split('=', 2) as [string, string]),
			),
			runtime,
			progress,
		});
		say(`${printScaleOut(results.scaleOut)}\n`);
	}
	if (selected.includes('triggers')) {
		const requests = option('requests');
		const common = {
			rounds: Number(option('rounds') ?? (quick ? 2 : 3)),
			concurrency: Number(option('concurrency') ?? 8),
			runtime,
			only: option('targets')?.split(','),
			triggerVersion:
				option('trigger-version') === undefined ? undefined : Number(option('trigger-version')),
			profileDir: process.argv.includes('--profile-n8n') ? profileDir() : undefined,
			progress,
		};
		const extraEnv = Object.fromEntries(
			(option('n8n-env')?.split(',') ?? []).map((pair) => pair.split('=', 2) as [string, string]),
		);
		progress('measure 1: trigger overhead in a real n8n, as installed (its default settings)');
		results.triggers = [
			await benchmarkTriggers({
				...common,
				title: option('n8n-env') ? `n8n with ${option('n8n-env')}` : 'n8n as installed',
				requestsPerSegment: Number(requests ?? (quick ? 60 : 100)),
				warmUpRequests: quick ? 20 : 30,
				n8nEnv: extraEnv,
			}),
		];
		say(`${printTriggers(results.triggers[0])}\n`);
		if (!option('n8n-env')) {
			// The same run with one n8n setting changed for every target alike: n8n then starts an expression
			// isolate only when an expression is evaluated, instead of one for every webhook call to any node
			// but its own Webhook node and one more for every credential read.
			progress('measure 1 again with N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true');
			results.triggers.push(
				await benchmarkTriggers({
					...common,
					title: 'n8n with N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE=true',
					requestsPerSegment: Number(requests ?? (quick ? 150 : 240)),
					warmUpRequests: quick ? 40 : 60,
					n8nEnv: { N8N_EXPRESSION_ENGINE_LAZY_ACQUIRE: 'true' },
				}),
			);
			say(`${printTriggers(results.triggers[1])}\n`);
		}
	}

	results.targets = targetsOf(results);
	say(printTargets(results.targets));
	results.machine.loadAverageAtEnd = loadavg().map((load) => Math.round(load * 100) / 100);
	results.wallSeconds = Math.round((Date.now() - started) / 1000);
	// A run with no options is the committed result; any other goes to the git-ignored scratch folder.
	const complete = process.argv.length <= 2;
	const folder = complete ? join(repoRoot, 'bench') : join(repoRoot, 'bench', 'runs');
	mkdirSync(folder, { recursive: true });
	const file = join(
		folder,
		complete ? 'results.json' : `results-${new Date().toISOString().replace(/[:.]/g, '-')}.json`,
	);
	writeFileSync(file, `${JSON.stringify(results, null, '\t')}\n`);
	say(`bench: wrote ${file} in ${results.wallSeconds} s`);
}

main().catch((error: unknown) => {
	process.stderr.write(`bench: ${(error as Error).stack ?? String(error)}\n`);
	process.exitCode = 1;
});
