import type { IDataObject, ITriggerFunctions } from 'n8n-workflow';

import { catchUpLedgerKey } from '../../../../nodes/shared/catchUp/changeLedger';
import { CatchUpLedger } from '../../../../nodes/shared/catchUp/staticData';
import { ledgerHas } from '../../../../nodes/shared/trigger/ledger';
import { fakeId, freshProcessAtNow, NOW } from './fakeSource';

/**
 * The catch-up's view of the stored ledgers: what n8n's next save of static data writes for the
 * changes the catch-up recorded, and forgot again when n8n could not run them.
 */

function triggerContext(global: IDataObject): ITriggerFunctions {
	return {
		getNode: () => ({ id: 'catch-up-node', name: 'Catch Up' }),
		getWorkflow: () => ({ id: 'workflow-1' }),
		getWorkflowStaticData: (type: string) => (type === 'global' ? global : {}),
	} as unknown as ITriggerFunctions;
}

/** What a save of static data writes: the catch-up node's ledger as stored. */
function savedLedger(global: IDataObject): string {
	const saved = JSON.parse(JSON.stringify(global)) as {
		labTestingDeliveries: { version: number; ledgers: Record<string, string> };
	};
	expect(saved.labTestingDeliveries.version).toBe(5);
	return saved.labTestingDeliveries.ledgers[catchUpLedgerKey('catch-up-node')];
}

freshProcessAtNow();

describe('CatchUpLedger', () => {
	test('a recorded change is written by the next save, until it expires', () => {
		const global: IDataObject = {};
		const ledger = new CatchUpLedger(triggerContext(global), 100);
		ledger.record(fakeId('r1'), NOW + 600);
		const saved = savedLedger(global);
		expect(ledgerHas(saved, fakeId('r1'), NOW)).toBe(true);
		expect(ledgerHas(saved, fakeId('r2'), NOW)).toBe(false);
	});

	test('a change forgotten before any save is not written', () => {
		const global: IDataObject = {};
		const ledger = new CatchUpLedger(triggerContext(global), 100);
		ledger.record(fakeId('r1'), NOW + 600);
		ledger.record(fakeId('r2'), NOW + 600);
		ledger.forget(fakeId('r1'));
		const saved = savedLedger(global);
		expect(ledgerHas(saved, fakeId('r1'), NOW)).toBe(false);
		expect(ledgerHas(saved, fakeId('r2'), NOW)).toBe(true);
	});

	test('a change already saved and then forgotten is left out of the next save', () => {
		const global: IDataObject = {};
		const ledger = new CatchUpLedger(triggerContext(global), 100);
		ledger.record(fakeId('r1'), NOW + 600);
		ledger.record(fakeId('r2'), NOW + 600);
		expect(ledgerHas(savedLedger(global), fakeId('r1'), NOW)).toBe(true);
		ledger.forget(fakeId('r1'));
		const saved = savedLedger(global);
		expect(ledgerHas(saved, fakeId('r1'), NOW)).toBe(false);
		expect(ledgerHas(saved, fakeId('r2'), NOW)).toBe(true);
	});

	test('a change in the stored ledger at activation, forgotten, is left out of the next save', () => {
		const global: IDataObject = {};
		new CatchUpLedger(triggerContext(global), 100).record(fakeId('r1'), NOW + 600);
		const stored = JSON.parse(JSON.stringify(global)) as IDataObject;
		const ledger = new CatchUpLedger(triggerContext(stored), 100);
		expect(ledgerHas(savedLedger(stored), fakeId('r1'), NOW)).toBe(true);
		ledger.forget(fakeId('r1'));
		expect(ledgerHas(savedLedger(stored), fakeId('r1'), NOW)).toBe(false);
	});

	test('the stored view lists only version and ledgers; its toJSON is hidden from enumeration', () => {
		const global: IDataObject = {};
		new CatchUpLedger(triggerContext(global), 100).record(fakeId('r1'), NOW + 600);
		const view = global.labTestingDeliveries as IDataObject;
		expect(Object.keys(view)).toEqual(['version', 'ledgers']);
		const listed: string[] = [];
		for (const key in view) listed.push(key);
		expect(listed).toEqual(['version', 'ledgers']);
		expect(typeof view.toJSON).toBe('function');
		// A copy of the object by its own properties (as a deep copy does) has no toJSON.
		expect({ ...view }).not.toHaveProperty('toJSON');
	});
});
