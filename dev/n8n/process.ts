/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/require-node-api-error -- test support runs in Node, not inside n8n */
import type { ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync } from 'node:fs';

import {
	isAlive,
	killGroupOnExit,
	signalGroup,
	spawnInOwnGroup,
	stopGroup,
	waitForExit,
	writePidFile,
} from './processGroup';

/**
 * One long-running process of a test run (an n8n command, or a database) in its own process group:
 * its output appended to a log file, a pid file beside it so that a later run can remove it if this
 * run dies, and a hook that kills the group when the test process exits (also on Ctrl-C). It can be
 * stopped and started again on the same settings, e.g. to restart one n8n process of a cluster.
 */
export interface ManagedProcessOptions {
	/** Names the process in messages, e.g. "n8n webhook 1". */
	name: string;
	command: string;
	args: string[];
	env: NodeJS.ProcessEnv;
	cwd: string;
	logFile: string;
	pidFile: string;
	/** NAME=value that is also in `env`, so that a reused pid is never mistaken for this process. */
	marker: string;
	/** start() returns once the log shows this (written after start() began), or when `ready()` says so. */
	readyLine?: string;
	ready?: () => Promise<boolean>;
	/** The signal that asks the process to stop (n8n: SIGTERM; PostgreSQL's fast shutdown: SIGINT). */
	stopSignal?: NodeJS.Signals;
	/** How long stop() waits for the process to exit before it kills the group. */
	stopGraceMs?: number;
}

const sleep = async (ms: number) => await new Promise((resolve) => setTimeout(resolve, ms));

export class ManagedProcess {
	private child: ChildProcess | undefined;
	private removeExitHook: () => void = () => undefined;

	constructor(readonly options: ManagedProcessOptions) {}

	get name(): string {
		return this.options.name;
	}

	get pid(): number | undefined {
		return this.child?.pid;
	}

	/** Whether the process was started and has not exited since. */
	get running(): boolean {
		return (
			this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null
		);
	}

	/** Starts the process and waits (bounded) until it is ready; on failure it is stopped again. */
	async start(timeoutMs: number): Promise<void> {
		if (this.running) throw new Error(`${this.name} is already running`);
		const logOffset = this.logSize();
		const child = spawnInOwnGroup(this.options.command, this.options.args, {
			env: this.options.env,
			cwd: this.options.cwd,
			logFile: this.options.logFile,
		});
		this.child = child;
		// A command that cannot be started (ENOENT) leaves pid undefined; the error event must not crash the run.
		child.on('error', () => undefined);
		if (child.pid === undefined)
			throw new Error(`Could not start ${this.name} (${this.options.command})`);
		this.removeExitHook = killGroupOnExit(child.pid);
		writePidFile(this.options.pidFile, {
			pid: child.pid,
			ownerPid: process.pid,
			marker: this.options.marker,
		});
		try {
			await this.waitUntilReady(logOffset, timeoutMs);
		} catch (error) {
			await this.stop();
			throw new Error(
				`${(error as Error).message}\n--- last lines of ${this.options.logFile} ---\n${this.logTail()}`,
			);
		}
	}

	private async waitUntilReady(logOffset: number, timeoutMs: number): Promise<void> {
		const { readyLine, ready } = this.options;
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			if (!this.running) {
				throw new Error(
					`${this.name} exited during startup (${this.child?.exitCode ?? this.child?.signalCode})`,
				);
			}
			const logReady = readyLine === undefined || this.logSince(logOffset).includes(readyLine);
			if (logReady && (!ready || (await ready()))) return;
			await sleep(200);
		}
		throw new Error(
			`${this.name} did not finish starting within ${Math.round(timeoutMs / 1000)} s`,
		);
	}

	/** Asks the group to stop, kills it after the grace period; resolves once it is gone. */
	async stop(): Promise<void> {
		const child = this.child;
		if (!child) return;
		await stopGroup(child, this.options.stopGraceMs, this.options.stopSignal);
		this.finish(child);
	}

	/** Sends a signal to the whole group without a chance to clean up (SIGKILL: a crash), and waits for the exit. */
	async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
		const child = this.child;
		if (!child?.pid) return;
		signalGroup(child.pid, signal);
		await waitForExit(child, 10_000);
		// Whatever the signal left of the group goes too.
		signalGroup(child.pid, 'SIGKILL');
		this.finish(child);
	}

	private finish(child: ChildProcess): void {
		this.removeExitHook();
		this.removeExitHook = () => undefined;
		if (child.pid !== undefined && isAlive(child.pid)) {
			throw new Error(`${this.name} (pid ${child.pid}) did not stop`);
		}
		rmSync(this.options.pidFile, { force: true });
	}

	/** The log's size in bytes now: hand it to logSince() later to read what was written in between. */
	logSize(): number {
		return existsSync(this.options.logFile) ? statSync(this.options.logFile).size : 0;
	}

	/** The log written since `offset` (bytes). */
	logSince(offset: number): string {
		if (!existsSync(this.options.logFile)) return '';
		const text = readFileSync(this.options.logFile);
		return text.subarray(Math.min(offset, text.length)).toString('utf8');
	}

	logTail(lines = 60): string {
		return existsSync(this.options.logFile)
			? readFileSync(this.options.logFile, 'utf8').trimEnd().split('\n').slice(-lines).join('\n')
			: '(no log)';
	}
}
