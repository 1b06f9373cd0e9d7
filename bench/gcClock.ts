/* eslint-disable @n8n/community-nodes/no-restricted-imports, @n8n/community-nodes/no-restricted-globals -- benchmarks run in Node, not inside n8n */
import { performance, PerformanceObserver, type PerformanceEntry } from 'node:perf_hooks';

/**
 * The process's CPU time in microseconds. Not `process.threadCpuUsage()`: Linux updates a thread's
 * own clock only at scheduler ticks, far coarser than a call. bench/run.mjs starts the benchmarks with
 * --single-threaded-gc, so the process's clock is the main thread's, but for V8's compiler threads.
 */
const cpuMicroseconds = (): number => {
	const usage = process.cpuUsage();
	return usage.user + usage.system;
};

let clockCost: number | undefined;
/** What reading the CPU clock twice costs, the median of empty windows: taken off each window. */
function clockCostMicroseconds(): number {
	if (clockCost === undefined) {
		const rounds: number[] = [];
		for (let round = 0; round < 5; round++) {
			const started = cpuMicroseconds();
			for (let index = 0; index < 10_000; index++) {
				cpuMicroseconds();
				cpuMicroseconds();
			}
			rounds.push((cpuMicroseconds() - started) / 10_000);
		}
		clockCost = rounds.sort((a, b) => a - b)[2];
	}
	return clockCost;
}

/**
 * A stopwatch for many short timed windows that tells apart the time V8's garbage collector took
 * inside them, and reads the CPU clock beside the wall clock. The windows alternate with work that is off the clock (n8n's save and load of static
 * data between two calls) but whose garbage is collected whenever V8 decides, often inside the next
 * window: counted as ours, it would charge our code for n8n's JSON. Node reports every collection as a
 * `gc` performance entry on the same clock as `performance.now()`; after the windows, the overlap of
 * each collection with the windows is the GC time inside them.
 */
export class GcClock {
	private readonly starts: number[] = [];
	private readonly ends: number[] = [];
	private readonly collections: PerformanceEntry[] = [];
	private readonly observer = new PerformanceObserver((list) => {
		this.collections.push(...list.getEntries());
	});
	private openedAt: number | undefined;
	private cpuOpenedAt = 0;
	private cpuMicroseconds = 0;

	constructor() {
		clockCostMicroseconds();
		this.observer.observe({ entryTypes: ['gc'] });
	}

	start(): void {
		this.cpuOpenedAt = cpuMicroseconds();
		this.openedAt = performance.now();
	}

	stop(): void {
		if (this.openedAt === undefined) throw new Error('GcClock.stop() without start()');
		this.cpuMicroseconds += cpuMicroseconds() - this.cpuOpenedAt;
		this.starts.push(this.openedAt);
		this.ends.push(performance.now());
		this.openedAt = undefined;
	}

	/**
	 * The windows' total time and the GC time inside them, in milliseconds, and the main thread's CPU
	 * time inside them. Stops observing: Node delivers gc entries after the collection, so this waits for
	 * the event loop to pass them on first.
	 */
	async totals(): Promise<{ windowsMs: number; gcMs: number; cpuMs: number; windows: number }> {
		await new Promise((resolve) => setImmediate(resolve));
		await new Promise((resolve) => setTimeout(resolve, 10));
		this.collections.push(...this.observer.takeRecords());
		this.observer.disconnect();
		let windowsMs = 0;
		for (let index = 0; index < this.starts.length; index++)
			windowsMs += this.ends[index] - this.starts[index];
		const collections = [...this.collections].sort((a, b) => a.startTime - b.startTime);
		let gcMs = 0;
		let window = 0;
		for (const collection of collections) {
			const from = collection.startTime;
			const to = from + collection.duration;
			while (window < this.starts.length && this.ends[window] <= from) window++;
			for (let index = window; index < this.starts.length && this.starts[index] < to; index++)
				gcMs += Math.max(0, Math.min(to, this.ends[index]) - Math.max(from, this.starts[index]));
		}
		const cpuMs = (this.cpuMicroseconds - this.starts.length * clockCostMicroseconds()) / 1000;
		return { windowsMs, gcMs, cpuMs, windows: this.starts.length };
	}
}

type ExposedGc = (options?: { type: 'minor' | 'major'; execution: 'sync' | 'async' }) => void;

/**
 * A young-generation collection now (bench/run.mjs starts the benchmarks with --expose-gc): after work
 * that is off the clock, so that its short-lived garbage is collected off the clock too.
 */
export function collectYoungGarbage(): void {
	(globalThis as { gc?: ExposedGc }).gc?.({ type: 'minor', execution: 'sync' });
}
