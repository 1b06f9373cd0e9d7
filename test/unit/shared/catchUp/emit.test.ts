import type { IDataObject, INodeExecutionData, IRun, ITriggerFunctions } from 'n8n-workflow';

import { catchUpLedgerKey, processRanChange } from '../../../../nodes/shared/catchUp/changeLedger';
import { emitInOrder } from '../../../../nodes/shared/catchUp/emit';
import * as items from '../../../../nodes/shared/catchUp/items';
import type { CatchUpSettings } from '../../../../nodes/shared/catchUp/settings';
import type { Change } from '../../../../nodes/shared/catchUp/source';
import { CatchUpLedger } from '../../../../nodes/shared/catchUp/staticData';
import { ledgerHas } from '../../../../nodes/shared/trigger/ledger';
import { deferred, SILENT_LOGGER, type Deferred } from '../../../support/fakes';
import { fakeChange, fakeId, fakeSource, freshProcessAtNow, NOW } from './fakeSource';

/**
 * A round's emits: each change in its own execution, one record's changes one after the other; a
 * change whose execution n8n could not start is forgotten, and the round stops there.
 */
const logger = SILENT_LOGGER;

interface Emitted {
	items: INodeExecutionData[];
	key?: string;
	done: Deferred<IRun>;
}

const settings: CatchUpSettings = {
	interval: 5,
	unit: 'minutes',
	budgetSeconds: 30,
	maxChangesPerRound: 500,
	duplicateWindowSeconds: 600,
	patientData: 'include',
	options: {},
	selects: () => true,
};

/** A trigger's context whose emits the test sees, and ends, one by one; and a round's emit target. */
function round(workflow: { id?: string } = { id: 'workflow-1' }) {
	const global: IDataObject = {};
	const emitted: Emitted[] = [];
	const context = {
		getWorkflow: () => workflow,
		getNode: () => ({ id: 'catch-up-node', name: 'Catch Up' }),
		getWorkflowStaticData: (type: string) => (type === 'global' ? global : {}),
		emit: (data: INodeExecutionData[][], _response: unknown, done: Deferred<IRun>, key?: string) =>
			emitted.push({ items: data[0], key, done }),
		helpers: { createDeferredPromise: deferred },
		logger,
	} as unknown as ITriggerFunctions;
	const runtime = { global, ledger: new CatchUpLedger(context, 100) };
	let result: boolean | undefined;
	let error: unknown;
	const start = (changes: Change[]) => {
		emitInOrder(context, fakeSource(), runtime, changes, settings).then(
			(value) => (result = value),
			(thrown: unknown) => (error = thrown),
		);
	};
	return {
		global,
		emitted,
		start,
		result: () => result,
		error: () => error,
		/** The executions' keys, in the order they were emitted. */
		keys: () => emitted.map(({ key }) => key),
		/** Whether the catch-up ledger a save writes holds the change. */
		saved: (change: string) => {
			const stored = JSON.parse(JSON.stringify(global)) as IDataObject;
			const ledgers = (stored.labTestingDeliveries as { ledgers: Record<string, string> }).ledgers;
			return ledgerHas(ledgers[catchUpLedgerKey('catch-up-node')], change, NOW);
		},
	};
}

const key = (resultId: string) => `lab-testing:workflow-1:${fakeId(resultId)}`;
const ran = (resultId: string, workflowId = 'workflow-1') =>
	processRanChange(['catchUp'], workflowId, fakeId(resultId), NOW);
/** Lets the round go on as far as it can without the clock moving. */
const settle = async () => await jest.advanceTimersByTimeAsync(0);

freshProcessAtNow();

describe('emitInOrder', () => {
	test('emits a change with its key; once its execution ran, the change is remembered', async () => {
		const run = round();
		run.start([fakeChange('rec-1', 'r1')]);
		await settle();
		expect(run.keys()).toEqual([key('r1')]);
		expect(run.emitted[0].items).toHaveLength(1);
		expect(run.emitted[0].items[0].json).toMatchObject({ resultId: 'r1', source: 'catchUp' });
		run.emitted[0].done.resolve({} as IRun);
		await settle();
		expect(run.result()).toBe(true);
		expect(ran('r1')).toBe(true);
		expect(run.saved(fakeId('r1'))).toBe(true);
	});

	test('in a workflow without an id, the key and the memory use an empty workflow id', async () => {
		const run = round({});
		run.start([fakeChange('rec-1', 'r1')]);
		await settle();
		expect(run.keys()).toEqual([`lab-testing::${fakeId('r1')}`]);
		run.emitted[0].done.resolve({} as IRun);
		await settle();
		expect(run.result()).toBe(true);
		expect(ran('r1', '')).toBe(true);
	});

	test('when n8n cannot start an execution: false, the change forgotten, the record stops', async () => {
		const run = round();
		run.start([fakeChange('rec-1', 'r1'), fakeChange('rec-1', 'r2')]);
		await settle();
		expect(run.keys()).toEqual([key('r1')]);
		run.emitted[0].done.reject(new Error('database is down'));
		await settle();
		expect(run.result()).toBe(false);
		expect(run.keys()).toEqual([key('r1')]);
		expect(ran('r1')).toBe(false);
		expect(run.saved(fakeId('r1'))).toBe(false);
		expect(ran('r2')).toBe(false);
	});

	test('after a failure, another record running side by side emits no further change', async () => {
		const run = round();
		run.start([fakeChange('rec-1', 'a1'), fakeChange('rec-2', 'b1'), fakeChange('rec-2', 'b2')]);
		await settle();
		expect(run.keys()).toEqual([key('a1'), key('b1')]);
		run.emitted[0].done.reject(new Error('database is down'));
		await settle();
		run.emitted[1].done.resolve({} as IRun);
		await settle();
		expect(run.result()).toBe(false);
		expect(run.keys()).toEqual([key('a1'), key('b1')]);
		expect(ran('b1')).toBe(true);
		expect(ran('b2')).toBe(false);
	});

	test('a change whose items cannot be built is forgotten, and the round fails with the error', async () => {
		const run = round();
		run.start([fakeChange('rec-1', 'explodes')]);
		await settle();
		expect(run.error()).toEqual(new Error('describe failed'));
		expect(run.keys()).toEqual([]);
		expect(ran('explodes')).toBe(false);
		expect(run.saved(fakeId('explodes'))).toBe(false);
	});

	test('a change without items starts no execution and counts as done', async () => {
		jest.spyOn(items, 'changeItems').mockResolvedValueOnce([]);
		const run = round();
		run.start([fakeChange('rec-1', 'r1'), fakeChange('rec-1', 'r2')]);
		await settle();
		expect(run.keys()).toEqual([key('r2')]);
		expect(ran('r1')).toBe(true);
		run.emitted[0].done.resolve({} as IRun);
		await settle();
		expect(run.result()).toBe(true);
	});
});

describe('the wait for an execution', () => {
	test("a record's next change is emitted only once the execution before it finished", async () => {
		const run = round();
		run.start([fakeChange('rec-1', 'r1'), fakeChange('rec-1', 'r2')]);
		await settle();
		await jest.advanceTimersByTimeAsync(10_000);
		expect(run.keys()).toEqual([key('r1')]);
		run.emitted[0].done.resolve({} as IRun);
		await settle();
		expect(run.keys()).toEqual([key('r1'), key('r2')]);
		expect(run.result()).toBeUndefined();
		run.emitted[1].done.resolve({} as IRun);
		await settle();
		expect(run.result()).toBe(true);
	});

	test('an execution n8n fails to start after a while still fails the round', async () => {
		const run = round();
		run.start([fakeChange('rec-1', 'r1')]);
		await settle();
		await jest.advanceTimersByTimeAsync(5_000);
		expect(run.result()).toBeUndefined();
		run.emitted[0].done.reject(new Error('database is down'));
		await settle();
		expect(run.result()).toBe(false);
		expect(ran('r1')).toBe(false);
	});

	test('after 300 s without an answer the execution counts as started and the record goes on', async () => {
		const run = round();
		run.start([fakeChange('rec-1', 'r1'), fakeChange('rec-1', 'r2')]);
		await settle();
		await jest.advanceTimersByTimeAsync(299_999);
		expect(run.keys()).toEqual([key('r1')]);
		await jest.advanceTimersByTimeAsync(1);
		expect(run.keys()).toEqual([key('r1'), key('r2')]);
		expect(ran('r1')).toBe(true);
		run.emitted[1].done.resolve({} as IRun);
		await settle();
		expect(run.result()).toBe(true);
	});
});
