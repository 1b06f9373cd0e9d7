import type { IDataObject, IExecuteFunctions, INode, INodeExecutionData } from 'n8n-workflow';

import {
	catchUpLedgerKey,
	recordStoredChange,
	rememberChange,
} from '../../../../nodes/shared/catchUp/changeLedger';
import { runCatchUpStep } from '../../../../nodes/shared/catchUp/step';
import { SILENT_LOGGER } from '../../../support/fakes';
import { fakeChange, fakeId, fakeSource, freshProcessAtNow, NOW } from './fakeSource';

/**
 * The catch-up node's step inside the execution it started: it passes its item on unless a webhook
 * of the workflow ran the same change meanwhile; in the editor it fetches the latest change.
 */
const logger = SILENT_LOGGER;

interface StepContextOptions {
	mode?: string;
	items?: INodeExecutionData[];
	global?: IDataObject;
	node?: Partial<INode>;
	workflowId?: string;
	parameters?: IDataObject;
}

function stepContext(options: StepContextOptions = {}): IExecuteFunctions {
	const global = options.global ?? {};
	const parameters = options.parameters ?? {};
	return {
		getMode: () => options.mode ?? 'trigger',
		getInputData: () => options.items ?? [],
		getNode: () => options.node ?? { id: 'catch-up-node', name: 'Catch Up' },
		getWorkflow: () => ({ id: 'workflowId' in options ? options.workflowId : 'workflow-1' }),
		getWorkflowStaticData: (type: string) => (type === 'global' ? global : {}),
		getNodeParameter: (name: string, fallback: unknown) => parameters[name] ?? fallback,
		logger,
	} as unknown as IExecuteFunctions;
}

function itemOf(resultId: string): INodeExecutionData[] {
	return [{ json: { event: 'result.ready', changeId: fakeId(resultId), resultId } }];
}

freshProcessAtNow();

describe('the catch-up step in the editor (manual mode)', () => {
	test('with no change to show, it outputs one empty list', async () => {
		const result = await runCatchUpStep(stepContext({ mode: 'manual' }), fakeSource());
		expect(result).toEqual([[]]);
	});

	test('it outputs the latest change, with Fetch Full Data when the option is on', async () => {
		const source = fakeSource({ latest: fakeChange('rec-1', 'r7') });
		const result = await runCatchUpStep(
			stepContext({
				mode: 'manual',
				parameters: { options: { fetchFullData: true }, patientData: 'include' },
			}),
			source,
		);
		expect(source.enrichCalls).toBe(1);
		expect(result).toHaveLength(1);
		expect(result[0]).toHaveLength(1);
		expect(result[0][0].json).toMatchObject({
			event: 'result.ready',
			resultId: 'r7',
			changeId: fakeId('r7'),
			source: 'catchUp',
			extra: 'fetched',
			fullData: { fetched: true },
		});
	});
});

describe('the catch-up step in the execution it started', () => {
	test('items without a change id pass on as they are', async () => {
		const items = [{ json: { note: 'no change here' } }];
		const result = await runCatchUpStep(stepContext({ items }), fakeSource());
		expect(result).toEqual([[{ json: { note: 'no change here' } }]]);
	});

	test('no input items pass on as one empty list', async () => {
		const result = await runCatchUpStep(stepContext({ items: [] }), fakeSource());
		expect(result).toEqual([[]]);
	});

	test('a change nothing else ran passes on', async () => {
		const result = await runCatchUpStep(stepContext({ items: itemOf('r1') }), fakeSource());
		expect(result).toEqual([itemOf('r1')]);
	});

	test('a change a webhook of this process ran passes nothing on', async () => {
		rememberChange('webhook', 'workflow-1', fakeId('r1'), NOW + 600);
		const context = stepContext({ items: itemOf('r1') });
		expect(await runCatchUpStep(context, fakeSource())).toEqual([[]]);
		// Only that change, and only in its workflow.
		expect(await runCatchUpStep(stepContext({ items: itemOf('r2') }), fakeSource())).toEqual([
			itemOf('r2'),
		]);
		const otherWorkflow = stepContext({ items: itemOf('r1'), workflowId: 'workflow-2' });
		expect(await runCatchUpStep(otherWorkflow, fakeSource())).toEqual([itemOf('r1')]);
	});

	test('a change the catch-up of this process ran still passes on (it is this very run)', async () => {
		rememberChange('catchUp', 'workflow-1', fakeId('r1'), NOW + 600);
		const result = await runCatchUpStep(stepContext({ items: itemOf('r1') }), fakeSource());
		expect(result).toEqual([itemOf('r1')]);
	});

	test('in a workflow without an id, a change a webhook ran passes nothing on', async () => {
		rememberChange('webhook', '', fakeId('r1'), NOW + 600);
		const context = stepContext({ items: itemOf('r1'), workflowId: undefined });
		expect(await runCatchUpStep(context, fakeSource())).toEqual([[]]);
	});

	test("a change another trigger's stored ledger holds passes nothing on", async () => {
		const global: IDataObject = {};
		recordStoredChange(global, 'webhook-node', fakeId('r1'), NOW + 600, NOW, 100);
		const result = await runCatchUpStep(stepContext({ items: itemOf('r1'), global }), fakeSource());
		expect(result).toEqual([[]]);
	});

	test("a change only the catch-up node's own stored ledger holds passes on", async () => {
		const global: IDataObject = {};
		recordStoredChange(
			global,
			catchUpLedgerKey('catch-up-node'),
			fakeId('r1'),
			NOW + 600,
			NOW,
			100,
		);
		const result = await runCatchUpStep(stepContext({ items: itemOf('r1'), global }), fakeSource());
		expect(result).toEqual([itemOf('r1')]);
	});

	test('a node without an id knows its own stored ledger by its name', async () => {
		const global: IDataObject = {};
		recordStoredChange(global, catchUpLedgerKey('Catch Up'), fakeId('r1'), NOW + 600, NOW, 100);
		const node = { name: 'Catch Up' };
		const result = await runCatchUpStep(
			stepContext({ items: itemOf('r1'), global, node }),
			fakeSource(),
		);
		expect(result).toEqual([itemOf('r1')]);
	});
});
