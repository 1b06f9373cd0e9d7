import {
	NodeOperationError,
	sleep,
	type IDataObject,
	type INode,
	type ITriggerFunctions,
	type ITriggerResponse,
} from 'n8n-workflow';

import { lmlCatchUp } from '../../../../nodes/LondonMedicalLaboratory/catchUp';
import { forgetProcessChanges } from '../../../../nodes/shared/catchUp/changeLedger';
import { lastRound, startCatchUp } from '../../../../nodes/shared/catchUp/rounds';
import type {
	AnyCatchUpSource,
	Change,
	RoundRequest,
	RoundResult,
} from '../../../../nodes/shared/catchUp/source';
import { deferred, type Deferred } from '../../../support/fakes';

/**
 * The rounds of a catch-up node without HTTP: a fake n8n trigger context (static data, cron, emits, an
 * expression isolate that records whether it is held) and a source whose baseline and round are mocks
 * (the LML source's events build the items).
 */
const NODE = { id: 'node-1', name: 'Catch-Up' } as INode;
const BASELINE: RoundResult = {
	changes: [],
	state: { snapshot: { 'r:1': 'R@f84' }, knownBefore: 9 },
};
const LATER: RoundResult = {
	changes: [],
	state: { snapshot: { 'r:1': 'RL@f84' }, knownBefore: 9 },
};
const CHANGE: Change = {
	record: 'o:1',
	event: 'order.shipped',
	id: 'change-1',
	payload: { event: 'order.shipped', data: { order_id: 'o-1' } },
};

let workflows = 0;

/** Lets every pending promise callback run. */
const settle = async () => await sleep(0);

function fakeN8n(
	options: { workflowId?: string | null; stored?: IDataObject; failEmits?: boolean } = {},
) {
	const workflowId =
		options.workflowId === null ? undefined : (options.workflowId ?? `workflow-${++workflows}`);
	const staticData: Record<string, IDataObject> = {
		node: options.stored ? { catchUp: { ...options.stored } } : {},
		global: {},
	};
	const isolate = { held: false };
	const n8n = {
		staticData,
		isolate,
		cron: [] as string[],
		tick: () => undefined as void,
		emitted: [] as string[],
		warn: jest.fn(),
		info: jest.fn(),
		saveFailedExecution: jest.fn(),
		context: undefined as unknown as ITriggerFunctions,
	};
	n8n.context = {
		getNode: () => NODE,
		getWorkflow: () => ({ id: workflowId, name: 'catch-up', active: true }),
		getNodeParameter: (name: string, fallback?: unknown) =>
			({ events: ['*'], interval: 5, unit: 'minutes', patientData: 'leaveOut', options: {} })[
				name
			] ?? fallback,
		getWorkflowStaticData: (type: string) => (staticData[type] ??= {}),
		logger: { debug: jest.fn(), error: jest.fn(), warn: n8n.warn, info: n8n.info },
		saveFailedExecution: n8n.saveFailedExecution,
		emit: (_data: unknown, _response: unknown, done: Deferred<unknown>, key: string) => {
			n8n.emitted.push(key);
			if (options.failEmits) done.reject(new Error('database down'));
			else done.resolve({ status: 'success' });
		},
		helpers: {
			createDeferredPromise: deferred,
			registerCron: ({ expression }: { expression: string }, onTick: () => void) => {
				n8n.cron.push(expression);
				n8n.tick = onTick;
			},
		},
		workflow: {
			expression: {
				acquireIsolate: async () => (isolate.held = true),
				releaseIsolate: async () => void (isolate.held = false),
			},
		},
	} as unknown as ITriggerFunctions;
	return Object.assign(n8n, { workflowId: workflowId ?? '' });
}

type Step = RoundResult | Error | string | Promise<RoundResult>;

/** A source whose baseline and round answer the steps given, in turn (the last one repeats). */
function fakeSource(baselines: Step[], rounds: Step[], isolate?: { held: boolean }) {
	const heldInBaseline: boolean[] = [];
	const answer = (steps: Step[], index: number) => {
		const step = steps[Math.min(index, steps.length - 1)];
		if (step instanceof Error || typeof step === 'string') return Promise.reject(step);
		return Promise.resolve(step);
	};
	const baseline = jest.fn<Promise<RoundResult>, [unknown, RoundRequest]>(
		async (): Promise<RoundResult> => {
			heldInBaseline.push(isolate?.held ?? false);
			return await answer(baselines, baseline.mock.calls.length - 1);
		},
	);
	const round = jest.fn(
		async (): Promise<RoundResult> => await answer(rounds, round.mock.calls.length - 1),
	);
	const source = { ...lmlCatchUp, baseline, round } as unknown as AnyCatchUpSource;
	return { source, baseline, round, heldInBaseline };
}

beforeEach(() => forgetProcessChanges());

describe('the activation of a catch-up node', () => {
	test('takes the baseline outside the isolate and writes its state into the node static data at once', async () => {
		const n8n = fakeN8n();
		const pending = deferred<RoundResult>();
		const fake = fakeSource([BASELINE], [pending.promise], n8n.isolate);
		await startCatchUp(n8n.context, fake.source);
		expect(n8n.staticData.node.catchUp).toEqual({
			version: 1,
			snapshot: { 'r:1': 'R@f84' },
			knownBefore: 9,
		});
		expect(fake.heldInBaseline).toEqual([false]);
		expect(fake.baseline.mock.calls[0][1]).toMatchObject({ state: {}, maxChanges: Infinity });
		expect(n8n.cron).toEqual(['0 */5 * * * *']);
		pending.resolve(LATER);
		await lastRound(n8n.workflowId, 'node-1');
		expect(n8n.staticData.node.catchUp).toEqual({
			version: 1,
			snapshot: { 'r:1': 'RL@f84' },
			knownBefore: 9,
		});
	});

	test('when the baseline fails, writes nothing, saves one error execution and takes the baseline next, in the isolate', async () => {
		const n8n = fakeN8n();
		const fake = fakeSource([new Error('connection refused'), BASELINE], [LATER], n8n.isolate);
		await startCatchUp(n8n.context, fake.source);
		expect(n8n.staticData.node.catchUp).toBeUndefined();
		expect(n8n.saveFailedExecution).toHaveBeenCalledTimes(1);
		const saved = n8n.saveFailedExecution.mock.calls[0][0] as Error;
		expect(saved).toBeInstanceOf(NodeOperationError);
		expect(saved.message).toBe('connection refused');
		expect(n8n.warn).toHaveBeenCalledWith('Catch-Up: catch-up round failed: connection refused');
		await lastRound(n8n.workflowId, 'node-1');
		expect(fake.baseline).toHaveBeenCalledTimes(2);
		expect(fake.heldInBaseline).toEqual([false, true]);
		expect(fake.round).not.toHaveBeenCalled();
		expect(n8n.staticData.node.catchUp).toEqual({
			version: 1,
			snapshot: { 'r:1': 'R@f84' },
			knownBefore: 9,
		});
		n8n.tick();
		await lastRound(n8n.workflowId, 'node-1');
		expect(fake.round).toHaveBeenCalledTimes(1);
		expect(fake.baseline).toHaveBeenCalledTimes(2);
	});

	test('a round that fails after a baseline taken saves an error execution', async () => {
		const n8n = fakeN8n();
		const fake = fakeSource([BASELINE], [new Error('boom')]);
		await startCatchUp(n8n.context, fake.source);
		await lastRound(n8n.workflowId, 'node-1');
		expect(n8n.saveFailedExecution).toHaveBeenCalledTimes(1);
		expect(n8n.warn).toHaveBeenCalledWith('Catch-Up: catch-up round failed: boom');
	});
});

describe('the rounds of a catch-up node', () => {
	const stored = { version: 1, snapshot: { 'r:1': 'R@f84' }, knownBefore: 9 };

	test('an outage saves one error execution, then only logs, and a success says it is catching up again', async () => {
		const n8n = fakeN8n({ stored });
		const outage = new NodeOperationError(NODE, 'API down', { description: 'HTTP 503' });
		const fake = fakeSource([], [outage, outage, LATER, LATER]);
		await startCatchUp(n8n.context, fake.source);
		await lastRound(n8n.workflowId, 'node-1');
		expect(n8n.saveFailedExecution.mock.calls).toEqual([[outage]]);
		expect(n8n.saveFailedExecution.mock.calls[0][0]).toBe(outage);
		expect(n8n.warn.mock.calls).toEqual([['Catch-Up: catch-up round failed: API down (HTTP 503)']]);
		n8n.tick();
		await lastRound(n8n.workflowId, 'node-1');
		expect(n8n.saveFailedExecution).toHaveBeenCalledTimes(1);
		expect(n8n.warn).toHaveBeenLastCalledWith(
			'Catch-Up: catch-up round failed again: API down (HTTP 503)',
		);
		expect(n8n.info).not.toHaveBeenCalled();
		n8n.tick();
		await lastRound(n8n.workflowId, 'node-1');
		expect(n8n.info.mock.calls).toEqual([['Catch-Up: catching up again']]);
		n8n.tick();
		await lastRound(n8n.workflowId, 'node-1');
		expect(n8n.info).toHaveBeenCalledTimes(1);
		expect(fake.round).toHaveBeenCalledTimes(4);
	});

	test('a thrown value that is no Error is reported as an unknown failure', async () => {
		const n8n = fakeN8n({ stored });
		const fake = fakeSource([], ['nope']);
		await startCatchUp(n8n.context, fake.source);
		await lastRound(n8n.workflowId, 'node-1');
		const saved = n8n.saveFailedExecution.mock.calls[0][0] as Error;
		expect(saved).toBeInstanceOf(NodeOperationError);
		expect(saved.message).toBe('Unknown failure');
		expect(n8n.warn.mock.calls).toEqual([['Catch-Up: catch-up round failed: Unknown failure']]);
	});

	test('a round whose emit fails reports it and leaves the state where it was', async () => {
		const n8n = fakeN8n({ stored, failEmits: true });
		const fake = fakeSource([], [{ changes: [CHANGE], state: LATER.state }]);
		await startCatchUp(n8n.context, fake.source);
		await lastRound(n8n.workflowId, 'node-1');
		expect(n8n.emitted).toHaveLength(1);
		const saved = n8n.saveFailedExecution.mock.calls[0][0] as NodeOperationError;
		expect(saved.message).toBe('n8n could not start the workflow for every change found');
		expect(saved.description).toBe(
			'The catch-up did not move on: the next round reads these changes again, and those that did run are not run twice.',
		);
		expect(n8n.staticData.node.catchUp).toEqual(stored);
	});

	test('a tick while a round is running starts nothing', async () => {
		const n8n = fakeN8n({ stored });
		const pending = deferred<RoundResult>();
		const fake = fakeSource([], [pending.promise, LATER]);
		await startCatchUp(n8n.context, fake.source);
		await settle();
		n8n.tick();
		await lastRound(n8n.workflowId, 'node-1');
		await settle();
		expect(fake.round).toHaveBeenCalledTimes(1);
		pending.resolve(LATER);
		await settle();
		n8n.tick();
		await lastRound(n8n.workflowId, 'node-1');
		expect(fake.round).toHaveBeenCalledTimes(2);
	});

	test('lastRound finds the round of a workflow with no id under the empty id', async () => {
		const n8n = fakeN8n({ stored, workflowId: null });
		const pending = deferred<RoundResult>();
		const fake = fakeSource([], [pending.promise]);
		await startCatchUp(n8n.context, fake.source);
		let waited = false;
		const waiting = lastRound('', 'node-1').then(() => (waited = true));
		await settle();
		expect(waited).toBe(false);
		pending.resolve(LATER);
		await waiting;
		expect(n8n.staticData.node.catchUp).toEqual({ version: 1, ...LATER.state });
	});
});

describe('closing a catch-up node', () => {
	const stored = { version: 1, snapshot: {}, knownBefore: 9 };

	async function activate(workflowId: string) {
		const n8n = fakeN8n({ stored, workflowId });
		const pending = deferred<RoundResult>();
		const response: ITriggerResponse = await startCatchUp(
			n8n.context,
			fakeSource([], [pending.promise]).source,
		);
		return { response, pending };
	}

	async function lastRoundWaits(workflowId: string): Promise<boolean> {
		let waited = false;
		void lastRound(workflowId, 'node-1').then(() => (waited = true));
		await settle();
		return !waited;
	}

	test('forgets its round', async () => {
		const { response, pending } = await activate('closed-workflow');
		expect(await lastRoundWaits('closed-workflow')).toBe(true);
		await response.closeFunction!();
		expect(await lastRoundWaits('closed-workflow')).toBe(false);
		pending.resolve(LATER);
	});

	test('of an older activation leaves the round of the newer one', async () => {
		const older = await activate('reactivated-workflow');
		const newer = await activate('reactivated-workflow');
		await older.response.closeFunction!();
		expect(await lastRoundWaits('reactivated-workflow')).toBe(true);
		older.pending.resolve(LATER);
		newer.pending.resolve(LATER);
		await lastRound('reactivated-workflow', 'node-1');
		await newer.response.closeFunction!();
		expect(await lastRoundWaits('reactivated-workflow')).toBe(false);
	});
});
