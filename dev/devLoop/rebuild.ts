/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- the dev loop runs in Node, not inside n8n */
import { cpSync, existsSync, mkdirSync, mkdtempSync, watch, type FSWatcher } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';

import { ManagedProcess } from '../n8n/process';
import { cleanUpEarlierRuns } from '../n8n/processGroup';

/** What tsc reported for one compilation. */
export interface Compiled {
	errors: number;
	/** tsc's error lines (empty when it compiled cleanly). */
	report: string[];
}

export interface RebuildOptions {
	repoRoot: string;
	/** Where the package is built: `<outDir>/nodes`, `<outDir>/credentials`, as `dist/` in the package. */
	outDir: string;
	/** Run folders (tsc's log and pid file) of this and earlier dev loops. */
	workRoot: string;
	/** A source file changed: tsc started compiling. */
	onCompiling: () => void;
	/** tsc finished, or an icon or codex file was copied. With errors, nothing was emitted. */
	onCompiled: (compiled: Compiled) => void;
}

const PID_FILE = 'tsc.pid.json';
const COMPILING = /Starting (?:incremental )?compilation/;
const FINISHED = /Found (\d+) errors?\. Watching for file changes\./;
/** What tsc does not emit and n8n loads from beside the node files: icons and codex files. */
const ASSET = /\.(?:svg|png)$|\.node\.json$/;
const POLL_MS = 100;

/**
 * The package, rebuilt on every change: `tsc --watch` on the package's own tsconfig (type errors stop
 * the emit, so n8n keeps the last good build), plus a watcher that copies icons and codex files.
 * Source maps are on, unlike the published build: they point back at the checkout's sources.
 */
export class Rebuild {
	private offset = 0;
	private pending = '';
	private report: string[] = [];
	private poller: NodeJS.Timeout | undefined;
	private assetWatchers: FSWatcher[] = [];

	private constructor(
		private readonly options: RebuildOptions,
		private readonly tsc: ManagedProcess,
	) {}

	/** Starts tsc and returns once its first compilation is done (bounded). */
	static async start(options: RebuildOptions, timeoutMs = 180_000): Promise<Rebuild> {
		mkdirSync(options.workRoot, { recursive: true });
		cleanUpEarlierRuns(options.workRoot, PID_FILE, 'user-folder');
		const runDir = mkdtempSync(join(options.workRoot, 'run-'));
		const marker = `LAB_TESTING_DEV_REBUILD=${runDir}`;
		const [markerName, markerValue] = marker.split('=', 2);
		const tscBin = createRequire(join(options.repoRoot, 'package.json')).resolve(
			'typescript/bin/tsc',
		);
		const tsc = new ManagedProcess({
			name: 'tsc --watch',
			command: process.execPath,
			args: [
				tscBin,
				'-p',
				join(options.repoRoot, 'tsconfig.json'),
				'--watch',
				'--preserveWatchOutput',
				'--pretty',
				'false',
				'--outDir',
				options.outDir,
				'--sourceMap',
				'--declaration',
				'false',
				'--noEmitOnError',
			],
			env: { ...process.env, [markerName]: markerValue },
			cwd: options.repoRoot,
			logFile: join(runDir, 'tsc.log'),
			pidFile: join(runDir, PID_FILE),
			marker,
			readyLine: 'Watching for file changes.',
		});
		const rebuild = new Rebuild(options, tsc);
		await tsc.start(timeoutMs);
		rebuild.copyAllAssets();
		// The first compilation is behind us: report what comes after it.
		rebuild.offset = tsc.logSize();
		const first = FINISHED.exec(tsc.logSince(0));
		if (first && Number(first[1]) > 0) {
			await rebuild.stop();
			throw new Error(
				`The package does not compile (${first[1]} errors):\n${errorLines(tsc.logSince(0)).join('\n')}`,
			);
		}
		return rebuild;
	}

	/** From now on, report compilations and copy changed icons and codex files. */
	watch(): void {
		this.poller = setInterval(() => this.readLog(), POLL_MS);
		for (const folder of ['nodes', 'credentials']) {
			const root = join(this.options.repoRoot, folder);
			if (!existsSync(root)) continue;
			const watcher = watch(root, { recursive: true }, (_event, file) => {
				if (!file || !ASSET.test(file) || !existsSync(join(root, file))) return;
				// tsc emits codex files itself, but only when a compilation runs.
				this.copyAsset(folder, file);
				this.options.onCompiled({ errors: 0, report: [] });
			});
			this.assetWatchers.push(watcher);
		}
	}

	async stop(): Promise<void> {
		clearInterval(this.poller);
		for (const watcher of this.assetWatchers) watcher.close();
		await this.tsc.stop();
	}

	private readLog(): void {
		const size = this.tsc.logSize();
		if (size <= this.offset) return;
		const text = this.tsc.logSince(this.offset);
		this.offset = size;
		const lines = (this.pending + text).split('\n');
		this.pending = lines.pop() ?? '';
		for (const line of lines) {
			if (COMPILING.test(line)) {
				this.report = [];
				this.options.onCompiling();
				continue;
			}
			const finished = FINISHED.exec(line);
			if (finished) {
				this.options.onCompiled({ errors: Number(finished[1]), report: this.report });
				this.report = [];
			} else if (/error TS\d+/.test(line)) {
				this.report.push(line);
			}
		}
	}

	private copyAllAssets(): void {
		for (const folder of ['nodes', 'credentials']) {
			const root = join(this.options.repoRoot, folder);
			if (!existsSync(root)) continue;
			cpSync(root, join(this.options.outDir, folder), {
				recursive: true,
				filter: (source) => !/\.[^/]+$/.test(relative(root, source)) || ASSET.test(source),
			});
		}
	}

	private copyAsset(folder: string, file: string): void {
		cpSync(join(this.options.repoRoot, folder, file), join(this.options.outDir, folder, file));
	}
}

function errorLines(log: string): string[] {
	return log.split('\n').filter((line) => /error TS\d+/.test(line));
}
