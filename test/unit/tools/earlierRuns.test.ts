/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- test support runs in Node, not inside n8n */
import { existsSync, mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { cleanUpEarlierRuns } from '../../../dev/n8n/processGroup';

describe('cleanUpEarlierRuns', () => {
	let workRoot: string;
	let outside: string;

	beforeEach(() => {
		workRoot = mkdtempSync(join(tmpdir(), 'earlier-runs-test-'));
		outside = mkdtempSync(join(tmpdir(), 'not-a-user-folder-'));
	});
	afterEach(() => {
		rmSync(workRoot, { recursive: true, force: true });
		rmSync(outside, { recursive: true, force: true });
	});

	/** A finished run folder, `age` seconds old, naming the n8n user folder it used. */
	function finishedRun(name: string, age: number, userFolder: string): string {
		const dir = join(workRoot, name);
		mkdirSync(dir);
		writeFileSync(join(dir, 'user-folder'), userFolder);
		const when = Date.now() / 1000 - age;
		utimesSync(dir, when, when);
		return dir;
	}

	it('removes the runs beyond the newest ones together with their n8n user folders', () => {
		const folders = Array.from({ length: 3 }, () =>
			mkdtempSync(join(tmpdir(), 'lab-testing-n8n-')),
		);
		const runs = folders.map((folder, index) => finishedRun(`run-${index}`, 100 - index, folder));
		cleanUpEarlierRuns(workRoot, 'n8n.pid.json', 'user-folder', 2);
		expect(runs.map(existsSync)).toEqual([false, true, true]);
		expect(folders.map(existsSync)).toEqual([false, true, true]);
		for (const folder of folders) rmSync(folder, { recursive: true, force: true });
	});

	it('reads every pid file a predicate names: a run in use is kept, a dead one removed', () => {
		/** A pid file whose n8n (or database) is gone; its test process lives if `ownerPid` is ours. */
		const pidFile = (dir: string, name: string, ownerPid: number) =>
			writeFileSync(
				join(dir, name),
				JSON.stringify({ pid: 999_999_999, ownerPid, marker: 'LAB_TESTING_NEVER_SET=1' }),
			);
		const age = (dir: string, seconds: number) => {
			const when = Date.now() / 1000 - seconds;
			utimesSync(dir, when, when);
		};
		const inUse = finishedRun('run-in-use', 0, join(tmpdir(), 'lab-testing-n8n-missing-1'));
		pidFile(inUse, 'postgres.pid.json', 999_999_999);
		pidFile(inUse, 'worker-1.pid.json', process.pid);
		age(inUse, 300);
		const abandoned = finishedRun('run-abandoned', 0, join(tmpdir(), 'lab-testing-n8n-missing-2'));
		pidFile(abandoned, 'redis.pid.json', 999_999_999);
		age(abandoned, 200);
		finishedRun('run-newest', 1, join(tmpdir(), 'lab-testing-n8n-missing-3'));
		cleanUpEarlierRuns(workRoot, (name) => name.endsWith('.pid.json'), 'user-folder', 1);
		expect({
			inUseKept: existsSync(inUse),
			deadOwnersPidFileRemoved: !existsSync(join(inUse, 'postgres.pid.json')),
			liveOwnersPidFileKept: existsSync(join(inUse, 'worker-1.pid.json')),
			abandonedRemoved: !existsSync(abandoned),
		}).toEqual({
			inUseKept: true,
			deadOwnersPidFileRemoved: true,
			liveOwnersPidFileKept: true,
			abandonedRemoved: true,
		});
	});

	it('never removes a recorded folder that is not one of its own n8n user folders', () => {
		const run = finishedRun('run-old', 100, outside);
		finishedRun('run-new', 1, join(tmpdir(), 'lab-testing-n8n-missing'));
		cleanUpEarlierRuns(workRoot, 'n8n.pid.json', 'user-folder', 1);
		expect(existsSync(run)).toBe(false);
		expect(existsSync(outside)).toBe(true);
	});
});
