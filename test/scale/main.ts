/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- the rig runs in Node, not inside n8n */
import { rmSync } from 'node:fs';
import { join } from 'node:path';

import { N8nCluster } from '../../dev/n8n';
import { prepareRunFolders } from '../../dev/n8n/instance';
import { isAlive, processesWithMarker, signalGroup } from '../../dev/n8n/processGroup';
import { cacheDir, installedRuntime, repoRoot } from '../../dev/n8n/runtime';
import { PostgresServer } from '../../dev/n8n/services/postgres';
import { RedisServer } from '../../dev/n8n/services/redis';
import {
	seriesCredentials,
	seriesTriggers,
	slowTriggerWorkflow,
	unusedFakeUrls,
} from '../../dev/n8n/series';
import { CASES, type Check, type Rig } from './cases';
import { catchUpCase, prepareCatchUp, type CatchUpRig } from './catchUp';
import { measureConcurrencyLimit } from './regular';
import { StickyRouter } from './router';

/**
 * `npm run test:scale` (test/scale/run.mjs builds this and runs it on the runtime's Node 24): real
 * Redis and PostgreSQL on 127.0.0.1, n8n 2.41.1 in queue mode (main, 2 webhook processors, 2 workers)
 * with our three triggers published, the cases of cases/ (exactly once under concurrency, restarts
 * and outages), then a measurement in regular mode (regular.ts). One line per check, then `test:scale: N passed, N failed (…) in N s`; the exit
 * code is non-zero if any check failed. Everything started is stopped, also on failure and Ctrl-C.
 *
 * Options: --only=a,b,f (some cases), --no-measure (skip the regular-mode measurement).
 */
const started = Date.now();
const seconds = () => Math.round((Date.now() - started) / 1000);
const out = (line: string) => process.stdout.write(`${line}\n`);
const progress = (step: string) => process.stderr.write(`test:scale: ${step} [${seconds()} s]\n`);

function option(name: string): string | undefined {
	const prefix = `--${name}=`;
	return process.argv.find((argument) => argument.startsWith(prefix))?.slice(prefix.length);
}

function printCheck(check: Check, secondsTaken?: number): void {
	const took = secondsTaken === undefined ? '' : ` [${secondsTaken.toFixed(0)} s]`;
	out(`${check.passed ? '✓' : '✗'} ${check.id.padEnd(16)} ${check.name}${took}`);
	out(`    expected: ${check.expected}`);
	out(`    observed: ${check.observed}`);
	for (const detail of check.details) out(`    ${detail}`);
}

function failure(id: string, name: string, error: unknown): Check {
	return {
		id,
		name,
		passed: false,
		expected: 'runs to the end',
		observed: `threw: ${(error as Error).message.split('\n').slice(0, 12).join('\n      ')}`,
		details: [],
	};
}

async function main(): Promise<number> {
	const only = option('only')?.split(',');
	const runtime = installedRuntime();
	const { runDir, scratchDir } = prepareRunFolders(join(cacheDir, 'scale'));
	const marker = `LAB_TESTING_SCALE_RUN=${runDir}`;
	progress(`logs in ${runDir}`);

	const checks: Check[] = [];
	/** Prints a case's checks, the first one with the time the whole case took. */
	const record = (caseChecks: Check[], since: number) => {
		caseChecks.forEach((check, index) => {
			checks.push(check);
			printCheck(check, index === 0 ? (Date.now() - since) / 1000 : undefined);
		});
	};

	let postgres: PostgresServer | undefined;
	let redis: RedisServer | undefined;
	let cluster: N8nCluster | undefined;
	let router: StickyRouter | undefined;
	let catchUp: CatchUpRig | undefined;
	try {
		progress('starting PostgreSQL');
		postgres = await PostgresServer.start({
			runDir,
			baseDir: join(scratchDir, 'postgres'),
			marker,
		});
		progress(`PostgreSQL on 127.0.0.1:${postgres.connection.port}; starting Redis`);
		redis = await RedisServer.start({ runDir, dataDir: join(scratchDir, 'redis'), marker });
		progress(`Redis on 127.0.0.1:${redis.port}`);
		const triggers = seriesTriggers('scale');
		const slow = slowTriggerWorkflow('scale: LML Trigger → Wait 3 s', 'londonMedicalLaboratory', 3);
		const workflows = [...Object.values(triggers), slow];
		catchUp = await prepareCatchUp({
			main: () => cluster?.main.client.baseUrl,
			processors: () => router && `http://127.0.0.1:${router.port}`,
		});
		cluster = await N8nCluster.start({
			runDir,
			scratchDir,
			marker,
			runtime,
			packageRoot: process.env.LAB_TESTING_E2E_PACKAGE || repoRoot,
			database: postgres.n8nEnvironment,
			redis: { host: redis.host, port: redis.port },
			credentials: [...seriesCredentials(unusedFakeUrls()), ...catchUp.credentials],
			workflows: [...workflows.map((workflow) => workflow.json), ...catchUp.workflows],
			webhooks: [...workflows.map((workflow) => workflow.webhookPath), ...catchUp.webhooks],
			onProgress: progress,
		});
		router = await StickyRouter.start(cluster.webhookProcessors.map((processor) => processor.port));
		progress(
			`cluster ready: ${cluster.members.map((member) => `${member.name} ${member.port}`).join(', ')}; sticky router ${router.port} (${seconds()} s)`,
		);
		const rig: Rig = {
			cluster,
			redis,
			router,
			client: cluster.client,
			triggers,
			slow,
			database: postgres,
			progress,
		};
		for (const rigCase of [...CASES, catchUpCase(catchUp)].filter(
			(candidate) => !only || only.includes(candidate.id),
		)) {
			const caseStarted = Date.now();
			progress(`case ${rigCase.id}`);
			const dead = cluster.deadMembers();
			if (dead.length) {
				progress(`restarting exited processes: ${dead.map((member) => member.name).join(', ')}`);
				for (const member of dead) await cluster.startAgain(member);
			}
			try {
				record(await rigCase.run(rig), caseStarted);
			} catch (error) {
				record([failure(rigCase.id, `case ${rigCase.id}`, error)], caseStarted);
			}
		}
	} catch (error) {
		record(
			[failure('setup', 'Redis, PostgreSQL and the n8n queue-mode cluster start', error)],
			started,
		);
	} finally {
		const cleanupStarted = Date.now();
		progress('stopping the router, n8n, Redis and PostgreSQL');
		const stopErrors: string[] = [];
		const attempt = async (what: string, stop: (() => Promise<void>) | undefined) => {
			try {
				await stop?.();
			} catch (error) {
				stopErrors.push(`${what}: ${(error as Error).message}`);
			}
		};
		await attempt('router', router && (async () => await router!.stop()));
		await attempt('catch-up fakes', catchUp && (async () => await catchUp!.stop()));
		await attempt('n8n', cluster && (async () => await cluster!.stop()));
		await attempt('redis', redis && (async () => await redis!.stop()));
		await attempt('postgres', postgres && (async () => await postgres!.stop()));
		const left = processesWithMarker(marker);
		for (const pid of left) if (isAlive(pid)) signalGroup(pid, 'SIGKILL');
		record(
			[
				{
					id: 'cleanup',
					name: 'every process the rig started has stopped',
					passed: left.length === 0 && stopErrors.length === 0,
					expected: 'no process left with the run marker',
					observed: left.length
						? `${left.length} left (killed now): ${left.join(', ')}`
						: `none left${stopErrors.length ? `; but: ${stopErrors.join('; ')}` : ''}`,
					details: [],
				},
			],
			cleanupStarted,
		);
		if (!process.env.LAB_TESTING_KEEP_N8N) rmSync(scratchDir, { recursive: true, force: true });
	}

	if (!process.argv.includes('--no-measure') && !only) {
		progress('measuring: regular mode with a concurrency limit');
		try {
			const measurement = await measureConcurrencyLimit(runtime, progress);
			out('measure:');
			for (const line of measurement.lines) out(`    ${line}`);
		} catch (error) {
			record([failure('measure', 'regular mode with a concurrency limit', error)], Date.now());
		}
	}

	const passed = checks.filter((check) => check.passed).length;
	const failed = checks.filter((check) => !check.passed);
	const notes = failed.length ? ` (failed: ${failed.map((check) => check.id).join(', ')})` : '';
	if (failed.length) {
		// Again at the end: CI keeps only the tail of a long output.
		out('\nfailed checks, again:');
		for (const check of failed) printCheck(check);
	}
	out(`\nlogs: ${runDir}`);
	out(`test:scale: ${passed} passed, ${failed.length} failed${notes} in ${seconds()} s`);
	return failed.length ? 1 : 0;
}

main().then(
	(code) => {
		process.exitCode = code;
	},
	(error: unknown) => {
		out(
			`test:scale: 0 passed, 1 failed (the rig itself: ${(error as Error).message}) in ${seconds()} s`,
		);
		process.exitCode = 1;
	},
);
