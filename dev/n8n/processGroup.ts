/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals, @n8n/community-nodes/no-dangerous-functions -- test support runs in Node, not inside n8n */
import { spawn, type ChildProcess } from 'node:child_process';
import {
	existsSync,
	openSync,
	closeSync,
	readFileSync,
	readdirSync,
	rmSync,
	statSync,
	writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';

/**
 * n8n runs in its own process group (it starts task runners of its own), so stopping it means
 * signalling the whole group. A pid file next to the log lets a later run remove an n8n whose
 * test process died without cleaning up (killed with SIGKILL, say).
 */
export interface PidFile {
	pid: number;
	/** The test process that started it: while that lives, the n8n is not an orphan. */
	ownerPid: number;
	/** Written into n8n's environment, so a reused pid is never mistaken for our n8n. */
	marker: string;
}

export function isAlive(pid: number): boolean {
	try {
		process.kill(pid, 0);
		return true;
	} catch (error) {
		return (error as NodeJS.ErrnoException).code === 'EPERM';
	}
}

export function signalGroup(pid: number, signal: NodeJS.Signals): void {
	try {
		process.kill(-pid, signal);
	} catch {
		// The group is already gone.
	}
}

export function spawnInOwnGroup(
	command: string,
	args: string[],
	options: { env: NodeJS.ProcessEnv; cwd: string; logFile: string },
): ChildProcess {
	const log = openSync(options.logFile, 'a');
	try {
		return spawn(command, args, {
			cwd: options.cwd,
			env: options.env,
			stdio: ['ignore', log, log],
			detached: true,
		});
	} finally {
		closeSync(log);
	}
}

function hasExited(child: ChildProcess): boolean {
	return child.exitCode !== null || child.signalCode !== null;
}

/** Resolves true once the child has exited, or false after `ms` (the timer never outlives the wait). */
export async function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
	if (hasExited(child)) return true;
	return await new Promise((resolve) => {
		const onExit = () => {
			clearTimeout(timer);
			resolve(true);
		};
		const timer = setTimeout(() => {
			child.off('exit', onExit);
			resolve(hasExited(child));
		}, ms);
		child.once('exit', onExit);
	});
}

/** SIGTERM (or `signal`) to the group, SIGKILL if it has not exited in time; resolves once the leader is gone. */
export async function stopGroup(
	child: ChildProcess,
	graceMs = 15_000,
	signal: NodeJS.Signals = 'SIGTERM',
): Promise<void> {
	const pid = child.pid;
	if (pid === undefined) return;
	signalGroup(pid, signal);
	const stoppedInTime = await waitForExit(child, graceMs);
	// Anything left in the group (a task runner, say) goes now, whether or not the leader stopped in time.
	signalGroup(pid, 'SIGKILL');
	if (!stoppedInTime) await waitForExit(child, 5_000);
}

/** Makes sure the group dies with this process, even on Ctrl-C; returns a function that undoes it. */
export function killGroupOnExit(pid: number): () => void {
	const killNow = () => signalGroup(pid, 'SIGKILL');
	const onSignal = (signal: NodeJS.Signals) => {
		killNow();
		removeHooks();
		process.kill(process.pid, signal);
	};
	const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
	const removeHooks = () => {
		process.off('exit', killNow);
		for (const signal of signals) process.off(signal, onSignal);
	};
	process.on('exit', killNow);
	for (const signal of signals) process.on(signal, onSignal);
	return removeHooks;
}

export function writePidFile(file: string, pidFile: PidFile): void {
	writeFileSync(file, JSON.stringify(pidFile));
}

function carriesMarker(pid: number, marker: string): boolean {
	try {
		return readFileSync(`/proc/${pid}/environ`, 'utf8').split('\0').includes(marker);
	} catch {
		return false;
	}
}

function readPidFile(path: string): PidFile | undefined {
	try {
		return JSON.parse(readFileSync(path, 'utf8')) as PidFile;
	} catch {
		return undefined;
	}
}

function modifiedAt(path: string): number | undefined {
	try {
		const stats = statSync(path);
		return stats.isDirectory() ? stats.mtimeMs : undefined;
	} catch {
		return undefined;
	}
}

/** The pid files in a run folder that `pidFileName` names (one name, or a test on each file name). */
function pidFilesIn(dir: string, pidFileName: string | ((fileName: string) => boolean)): string[] {
	if (typeof pidFileName === 'string') return [join(dir, pidFileName)];
	try {
		return readdirSync(dir)
			.filter(pidFileName)
			.map((name) => join(dir, name));
	} catch {
		return [];
	}
}

/**
 * Stops processes (n8n, or a database of the queue-mode rig) left behind by earlier runs under
 * `workRoot` whose test process is gone, and deletes all but the newest `keep` run folders that
 * nobody is using any more. A run folder holds one pid file (`pidFileName`) or several (a test on
 * file names). Other runs may be doing the same at the same moment, so anything may vanish
 * underneath: that is fine.
 */
export function cleanUpEarlierRuns(
	workRoot: string,
	pidFileName: string | ((fileName: string) => boolean),
	userFolderFileName: string,
	keep = 5,
): void {
	if (!existsSync(workRoot)) return;
	const runs = readdirSync(workRoot)
		.map((name) => ({ dir: join(workRoot, name), modified: modifiedAt(join(workRoot, name)) }))
		.filter((run): run is { dir: string; modified: number } => run.modified !== undefined)
		.sort((a, b) => b.modified - a.modified);
	runs.forEach(({ dir }, index) => {
		let inUse = false;
		for (const pidPath of pidFilesIn(dir, pidFileName)) {
			const recorded = readPidFile(pidPath);
			if (recorded === undefined) continue;
			if (isAlive(recorded.ownerPid)) {
				inUse = true;
				continue;
			}
			if (isAlive(recorded.pid) && carriesMarker(recorded.pid, recorded.marker))
				signalGroup(recorded.pid, 'SIGKILL');
			rmSync(pidPath, { force: true });
		}
		if (!inUse && index >= keep) {
			const userFolder = recordedUserFolder(join(dir, userFolderFileName));
			if (userFolder) rmSync(userFolder, { recursive: true, force: true });
			rmSync(dir, { recursive: true, force: true });
		}
	});
}

/** The n8n user folder a run recorded, if it is one of ours in the temporary folder (never anything else). */
function recordedUserFolder(file: string): string | undefined {
	if (!existsSync(file)) return undefined;
	const folder = readFileSync(file, 'utf8').trim();
	return dirname(folder) === tmpdir() && basename(folder).startsWith('lab-testing-n8n-')
		? folder
		: undefined;
}

/** Processes whose environment holds `marker`: every process the rig started, and their children. */
export function processesWithMarker(marker: string): number[] {
	const found: number[] = [];
	for (const name of readdirSync('/proc')) {
		if (!/^\d+$/.test(name) || Number(name) === process.pid) continue;
		try {
			if (readFileSync(`/proc/${name}/environ`, 'utf8').split('\0').includes(marker))
				found.push(Number(name));
		} catch {
			// Gone, or not ours to read.
		}
	}
	return found;
}
