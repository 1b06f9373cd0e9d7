/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- a command-line tool: it runs in Node, not inside n8n */
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

import { startDemoEnvironment, type DemoEnvironment } from '../demo/environment';
import { LOCAL_WEBHOOK_HEADER, LOCAL_WEBHOOK_SECRETS } from '../demo/examples';
import { TEST_PROVIDERS } from '../fakes';
import { repoRoot } from '../n8n/runtime';
import { Rebuild, type Compiled } from './rebuild';
import { syncChangedFiles } from './sync';

/**
 * `npm run dev`: the package in a local n8n 2.41.1 that reloads it on every change. tsc rebuilds
 * into a staging copy of the package (build/devLoop/package); after each clean compilation the files
 * that changed are copied into the package n8n installed, and n8n's own hot reload (N8N_DEV_RELOAD,
 * a file watcher on each installed package) loads them again, regenerates the node types the editor
 * reads and tells open editors to fetch them. The fake provider APIs run, with the example workflows
 * published against them, and the owner is set up: the printed URL and login open the editor.
 *
 *   npm run dev                  n8n at http://127.0.0.1:5678 when that port is free
 *   npm run dev -- --port 0      any free port (e.g. for a test)
 */
const devRoot = join(repoRoot, 'build', 'devLoop');
const stagingPackage = join(devRoot, 'package');
/** After a change, how long n8n gets to publish the reloaded node types before we say it did not. */
const RELOAD_BOUND_MS = 60_000;
const started = Date.now();
const say = (text: string) => process.stdout.write(`${text}\n`);
const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(1)} s`;
const progress = (step: string) => say(`dev: ${step} [${seconds(started)}]`);

function requestedPort(): number {
	const index = process.argv.indexOf('--port');
	if (index < 0) return 5678;
	const port = Number(process.argv[index + 1]);
	if (!Number.isInteger(port) || port < 0 || port > 65_535) {
		throw new Error(
			`--port takes a port number (0 for any free port), not "${process.argv[index + 1]}"`,
		);
	}
	return port;
}

/** Follows one change from tsc's first word to the editor's node types, and says how long each step took. */
class ChangeReporter {
	private changeSeenAt: number | undefined;
	private waiting: NodeJS.Timeout | undefined;

	constructor(
		private readonly installedDist: string,
		/** The node types n8n serves the editor (regenerated after each reload). */
		private readonly typesFile: string,
		private readonly n8nLog: string,
	) {}

	compiling(): void {
		this.changeSeenAt ??= Date.now();
		say('dev: change seen, compiling…');
	}

	compiled({ errors, report }: Compiled): void {
		const since = this.changeSeenAt ?? Date.now();
		if (errors > 0) {
			this.changeSeenAt = undefined;
			say(`dev: ${errors} type error${errors === 1 ? '' : 's'}; n8n keeps the last good build:`);
			for (const line of report) say(`  ${line}`);
			return;
		}
		const changed = syncChangedFiles(join(stagingPackage, 'dist'), this.installedDist);
		if (changed.length === 0) {
			this.changeSeenAt = undefined;
			say('dev: compiled; the build is unchanged, nothing to reload');
			return;
		}
		say(
			`dev: rebuilt in ${seconds(since)}: ${changed.length} file${changed.length === 1 ? '' : 's'} changed; n8n is reloading the package`,
		);
		this.awaitTypes(since);
	}

	private awaitTypes(since: number): void {
		clearInterval(this.waiting);
		const typesBefore = modifiedAt(this.typesFile);
		const logBefore = fileSize(this.n8nLog);
		this.waiting = setInterval(() => {
			const failure = readFrom(this.n8nLog, logBefore)
				.split('\n')
				.find((line) => line.includes('Hot reload failed'));
			if (
				modifiedAt(this.typesFile) !== typesBefore ||
				failure ||
				Date.now() - since > RELOAD_BOUND_MS
			) {
				clearInterval(this.waiting);
				this.changeSeenAt = undefined;
				say(
					failure
						? `dev: ${failure.trim()} (n8n's log: ${this.n8nLog})`
						: modifiedAt(this.typesFile) !== typesBefore
							? `dev: reloaded; the editor has the new build ${seconds(since)} after the change`
							: `dev: n8n did not reload within ${RELOAD_BOUND_MS / 1000} s (n8n's log: ${this.n8nLog})`,
				);
			}
		}, 100);
	}

	stop(): void {
		clearInterval(this.waiting);
	}
}

function modifiedAt(file: string): number | undefined {
	return existsSync(file) ? statSync(file).mtimeMs : undefined;
}

function fileSize(file: string): number {
	return existsSync(file) ? statSync(file).size : 0;
}

function readFrom(file: string, offset: number): string {
	return existsSync(file) ? readFileSync(file).subarray(offset).toString('utf8') : '';
}

async function main(): Promise<number> {
	let rebuild: Rebuild | undefined;
	let environment: DemoEnvironment | undefined;
	let reporter: ChangeReporter | undefined;
	const stopAll = async () => {
		reporter?.stop();
		await rebuild?.stop();
		await environment?.stop();
	};
	try {
		const port = requestedPort();
		progress('compiling the package (tsc --watch)');
		rmSync(stagingPackage, { recursive: true, force: true });
		mkdirSync(stagingPackage, { recursive: true });
		copyFileSync(join(repoRoot, 'package.json'), join(stagingPackage, 'package.json'));
		rebuild = await Rebuild.start({
			repoRoot,
			outDir: join(stagingPackage, 'dist'),
			workRoot: join(devRoot, 'tsc'),
			onCompiling: () => reporter?.compiling(),
			onCompiled: (compiled) => reporter?.compiled(compiled),
		});
		environment = await startDemoEnvironment(progress, {
			n8n: {
				packageRoot: stagingPackage,
				workRoot: join(devRoot, 'n8n'),
				preferredPort: port,
				env: { N8N_DEV_RELOAD: 'true' },
			},
		});
		const { n8n, fakes, workflows } = environment;
		reporter = new ChangeReporter(
			join(n8n.userFolder, '.n8n', 'nodes', 'node_modules', n8n.installedPackage.name, 'dist'),
			join(n8n.userFolder, '.cache', 'n8n', 'public', 'types', 'nodes.json'),
			n8n.logFile,
		);
		rebuild.watch();
		const lml = workflows
			.flatMap((workflow) => workflow.triggers)
			.find((trigger) => trigger.provider === 'londonMedicalLaboratory');
		say(`
dev: n8n is running at ${n8n.client.baseUrl}
dev: log in as ${n8n.owner.email} / ${n8n.owner.password}
dev: fake APIs: ${TEST_PROVIDERS.map(({ key, shortName }) => `${shortName} ${fakes.examples[key].url}`).join(', ')}; the ${workflows.length} example workflows use them and are published
dev: send an event, e.g. npm run send-event -- --provider londonMedicalLaboratory --event order.shipped --url ${n8n.client.webhookUrl(lml?.webhookPath ?? '')} --secret ${LOCAL_WEBHOOK_SECRETS.londonMedicalLaboratory} --header ${LOCAL_WEBHOOK_HEADER}
dev: watching nodes/ and credentials/: save a file and n8n reloads the package (reopen a node's panel to see a changed description); a new node or credential in package.json needs a restart
dev: n8n's log: ${n8n.logFile}
dev: press Ctrl-C to stop everything npm run dev started`);
		await new Promise<void>((resolve) => {
			process.once('SIGINT', resolve);
			process.once('SIGTERM', resolve);
		});
		say('\ndev: stopping n8n, tsc and the fakes');
		await stopAll();
		return 0;
	} catch (error) {
		say(`dev: ${(error as Error).message}`);
		await stopAll().catch(() => undefined);
		return 1;
	}
}

void main().then((code) => process.exit(code));
