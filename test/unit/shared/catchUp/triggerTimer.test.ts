import type { ITriggerFunctions } from 'n8n-workflow';

import type { CatchUpSettings } from '../../../../nodes/shared/catchUp/settings';
import { cronOf, inWorkflowIsolate } from '../../../../nodes/shared/catchUp/triggerTimer';

/**
 * A catch-up round's timer: the cron of Check Every, and a round's reads done holding the workflow's
 * expression isolate (waiting while n8n holds it, for at most 120 s).
 */
describe('the cron of Check Every', () => {
	const cron = (unit: CatchUpSettings['unit'], interval: number) =>
		cronOf({ unit, interval } as CatchUpSettings);

	test('seconds, minutes and hours each step their own field', () => {
		expect(cron('seconds', 15)).toBe('*/15 * * * * *');
		expect(cron('minutes', 5)).toBe('0 */5 * * * *');
		expect(cron('hours', 2)).toBe('0 0 */2 * * *');
	});
});

const START = Date.UTC(2024, 4, 1, 12);

/**
 * A context whose workflow expression hands out the isolate when `free(call, msSinceStart)` says so;
 * it records every take and release. After 2000 refusals it gives in, so that no test can spin forever.
 */
function contextWithIsolate(free: (call: number, elapsed: number) => boolean) {
	const log: string[] = [];
	let calls = 0;
	const expression = {
		acquireIsolate: async () => {
			calls += 1;
			const taken = calls > 2000 || free(calls, Date.now() - START);
			if (taken) log.push(`acquire@${Date.now() - START}`);
			return taken;
		},
		releaseIsolate: async () => {
			log.push(`release@${Date.now() - START}`);
		},
	};
	const context = { workflow: { expression } } as unknown as ITriggerFunctions;
	return { context, log, calls: () => calls };
}

/** Runs the round, letting fake time pass until it settles. */
async function settle<T>(promise: Promise<T>): Promise<T> {
	const outcome = promise.then(
		(value) => ({ value }),
		(error: unknown) => ({ error }),
	);
	await jest.advanceTimersByTimeAsync(600_000);
	const settled = (await outcome) as { value?: T; error?: unknown };
	if ('error' in settled) throw settled.error;
	return settled.value as T;
}

describe('reading in the workflow isolate', () => {
	beforeEach(() => {
		jest.useFakeTimers();
		jest.setSystemTime(START);
	});
	afterEach(() => jest.useRealTimers());

	test('without an isolate holder on the context, the work just runs', async () => {
		expect(await inWorkflowIsolate({} as ITriggerFunctions, async () => 'done')).toBe('done');
		const half = { workflow: { expression: { acquireIsolate: async () => true } } };
		expect(await inWorkflowIsolate(half as unknown as ITriggerFunctions, async () => 'done')).toBe(
			'done',
		);
	});

	test('a free isolate is taken, the work runs, and it is released', async () => {
		const { context, log } = contextWithIsolate(() => true);
		const result = await settle(
			inWorkflowIsolate(context, async () => {
				log.push('work');
				return 42;
			}),
		);
		expect(result).toBe(42);
		expect(log).toEqual(['acquire@0', 'work', 'release@0']);
	});

	test('the isolate is released when the work fails', async () => {
		const { context, log } = contextWithIsolate(() => true);
		await expect(
			settle(
				inWorkflowIsolate(context, async () => {
					throw new Error('provider down');
				}),
			),
		).rejects.toThrow('provider down');
		expect(log).toEqual(['acquire@0', 'release@0']);
	});

	test('while n8n holds the isolate, the round asks again every 250 ms and runs once it is free', async () => {
		const { context, log, calls } = contextWithIsolate((call) => call > 2);
		const round = inWorkflowIsolate(context, async () => {
			log.push(`work@${Date.now() - START}`);
		});
		await jest.advanceTimersByTimeAsync(0);
		expect(log).toEqual([]);
		await settle(round);
		expect(calls()).toBe(3);
		expect(log).toEqual(['acquire@500', 'work@500', 'release@500']);
	});

	test('refused at exactly 120 s, the round still waits and takes the isolate when it is free', async () => {
		const { context, log } = contextWithIsolate((_, elapsed) => elapsed > 120_000);
		await settle(
			inWorkflowIsolate(context, async () => {
				log.push(`work@${Date.now() - START}`);
			}),
		);
		expect(log).toEqual(['acquire@120250', 'work@120250', 'release@120250']);
	});

	test('refused past 120 s, the round gives up waiting and runs without the isolate', async () => {
		const { context, log, calls } = contextWithIsolate(() => false);
		const result = await settle(
			inWorkflowIsolate(context, async () => {
				log.push(`work@${Date.now() - START}`);
				return 'ran';
			}),
		);
		expect(result).toBe('ran');
		// Asked at 0, 250, …, 120 250 ms: 482 times, never taken, so nothing is released.
		expect(calls()).toBe(482);
		expect(log).toEqual(['work@120250']);
	});
});
