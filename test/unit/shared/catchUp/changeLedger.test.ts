import type { IDataObject } from 'n8n-workflow';

import {
	forgetChange,
	forgetProcessChanges,
	processRanChange,
	recordStoredChange,
	rememberChange,
	storedChangeRan,
	storedLedgersRan,
} from '../../../../nodes/shared/catchUp/changeLedger';
import { changeId } from '../../../../nodes/shared/catchUp/keys';
import { ledgerWith } from '../../../../nodes/shared/trigger/ledger';

/**
 * The changes a workflow's triggers ran: as stored in static data (one ledger per trigger node, beside
 * the webhook deliveries), and as this process remembers them until they expire.
 */
const NOW = 1_714_550_400;
const shipped = changeId('londonMedicalLaboratory', ['order.shipped', 'order-1']);
const ready = changeId('londonMedicalLaboratory', ['results.ready', 'order-1']);
const other = changeId('londonMedicalLaboratory', ['order.shipped', 'order-2']);

afterEach(() => forgetProcessChanges());

describe('changes stored in static data', () => {
	test('a recorded change has run, as any trigger sees it but the one excepted', () => {
		const global: IDataObject = {};
		recordStoredChange(global, 'catchUp:node-1', shipped, NOW + 600, NOW, 100);
		expect(storedChangeRan(global, shipped, NOW)).toBe(true);
		expect(storedChangeRan(global, shipped, NOW, 'webhook-node')).toBe(true);
		expect(storedChangeRan(global, shipped, NOW, 'catchUp:node-1')).toBe(false);
		expect(storedChangeRan(global, other, NOW)).toBe(false);
	});

	test('nothing has run in static data with no ledgers', () => {
		expect(storedChangeRan({}, shipped, NOW)).toBe(false);
	});

	test('a second change of the same trigger keeps the first', () => {
		const global: IDataObject = {};
		recordStoredChange(global, 'catchUp:node-1', shipped, NOW + 600, NOW, 100);
		recordStoredChange(global, 'catchUp:node-1', ready, NOW + 600, NOW, 100);
		expect(storedChangeRan(global, shipped, NOW)).toBe(true);
		expect(storedChangeRan(global, ready, NOW)).toBe(true);
	});

	test('recording into existing static data keeps the other triggers’ ledgers and other data', () => {
		const webhookLedger = ledgerWith('', other, NOW + 600, NOW, 100);
		const global: IDataObject = {
			catchUp: { version: 1 },
			labTestingDeliveries: { version: 5, ledgers: { 'webhook-node': webhookLedger } },
		};
		recordStoredChange(global, 'catchUp:node-1', shipped, NOW + 600, NOW, 100);
		expect(global.catchUp).toEqual({ version: 1 });
		expect(global.labTestingDeliveries).toEqual({
			version: 5,
			ledgers: {
				'webhook-node': webhookLedger,
				'catchUp:node-1': ledgerWith('', shipped, NOW + 600, NOW, 100),
			},
		});
		expect(storedChangeRan(global, other, NOW, 'catchUp:node-1')).toBe(true);
	});

	test('ledgers are searched all, unless told which', () => {
		const ledgers = {
			'webhook-node': ledgerWith('', other, NOW + 600, NOW, 100),
			'catchUp:node-1': ledgerWith('', shipped, NOW + 600, NOW, 100),
		};
		expect(storedLedgersRan(ledgers, shipped, NOW)).toBe(true);
		expect(storedLedgersRan(ledgers, other, NOW)).toBe(true);
		expect(storedLedgersRan(ledgers, ready, NOW)).toBe(false);
		expect(storedLedgersRan(ledgers, other, NOW, (key) => key.startsWith('catchUp:'))).toBe(false);
	});
});

describe('changes this process remembers', () => {
	test('a remembered change has run for its runner and workflow until it expires', () => {
		rememberChange('catchUp', 'wf-1', shipped, NOW + 60);
		expect(processRanChange(['catchUp'], 'wf-1', shipped, NOW)).toBe(true);
		expect(processRanChange(['catchUp'], 'wf-1', shipped, NOW + 59)).toBe(true);
		expect(processRanChange(['webhook', 'catchUp'], 'wf-1', shipped, NOW)).toBe(true);
		expect(processRanChange(['webhook'], 'wf-1', shipped, NOW)).toBe(false);
		expect(processRanChange(['catchUp'], 'wf-2', shipped, NOW)).toBe(false);
		expect(processRanChange(['catchUp'], 'wf-1', other, NOW)).toBe(false);
	});

	test('at the moment it expires, a change is no longer remembered', () => {
		rememberChange('webhook', 'wf-1', shipped, NOW);
		expect(processRanChange(['webhook'], 'wf-1', shipped, NOW)).toBe(false);
		expect(processRanChange(['webhook'], 'wf-1', shipped, NOW - 1)).toBe(true);
	});

	test('a forgotten change has not run, and the workflow’s other changes stay', () => {
		rememberChange('catchUp', 'wf-1', shipped, NOW + 600);
		rememberChange('catchUp', 'wf-1', ready, NOW + 600);
		forgetChange('catchUp', 'wf-1', shipped);
		expect(processRanChange(['catchUp'], 'wf-1', shipped, NOW)).toBe(false);
		expect(processRanChange(['catchUp'], 'wf-1', ready, NOW)).toBe(true);
	});

	test('forgetting in a workflow the process never saw changes nothing', () => {
		expect(() => forgetChange('webhook', 'wf-unknown', shipped)).not.toThrow();
		expect(processRanChange(['webhook'], 'wf-unknown', shipped, NOW)).toBe(false);
	});
});
