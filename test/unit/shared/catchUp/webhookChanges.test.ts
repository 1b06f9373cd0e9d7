import type { IDataObject } from 'n8n-workflow';

import { orderChangeId } from '../../../../nodes/Junction/changeId';
import { catchUpLedgerKey, rememberChange } from '../../../../nodes/shared/catchUp/changeLedger';
import { changeId } from '../../../../nodes/shared/catchUp/keys';
import { ledgerHas, ledgerWith } from '../../../../nodes/shared/trigger/ledger';
import { lastDeliveryIn } from '../../../../nodes/shared/webhook/lastDelivery';
import { forgetProcessMemory } from '../../../../nodes/shared/webhook/claims';
import { junctionSample } from '../../../../dev/fakes/junction/samples';
import { svixSigner } from '../../../../dev/fakes/junction/signer';
import { triggerHarness } from '../../../support/triggerHarness';

/**
 * The webhook side of the status-change id the webhook and catch-up triggers share: a delivery of a
 * change a catch-up ran is a duplicate; a delivery records its change for the catch-up; Junction keeps
 * when it last ran a delivery; after a resend request, a copy of an event already run is a duplicate.
 */
const lml = triggerHarness('londonMedicalLaboratory', { secret: 'lml-secret' });
const junction = triggerHarness('junction', { secret: svixSigner.secret('webhook-changes') });
const now = () => Math.floor(Date.now() / 1000);

beforeEach(() => forgetProcessMemory());

describe('webhook deliveries and the catch-up share one id per status change', () => {
	test('a change the catch-up ran (as static data says) is answered duplicate', async () => {
		const change = changeId('londonMedicalLaboratory', ['lab_results.complete', 'reg-1']);
		const staticData: IDataObject = {
			global: {
				labTestingDeliveries: {
					version: 5,
					ledgers: {
						[catchUpLedgerKey('catch-up-node')]: ledgerWith('', change, now() + 600, now(), 10),
					},
				},
			},
		};
		const delivery = lml.sample('lab_results.complete', {
			overrides: { testRegistrationId: 'reg-1' },
		});
		const call = await lml.send(delivery, { staticData });
		expect(call.response).toMatchObject({ status: 200, body: { status: 'duplicate' } });
		const other = await lml.send(
			lml.sample('lab_results.complete', { overrides: { testRegistrationId: 'reg-2' } }),
			{ staticData },
		);
		expect(other.response.body).toMatchObject({ status: 'accepted' });
	});

	test('a change the catch-up of this process is running is answered duplicate', async () => {
		rememberChange(
			'catchUp',
			'workflow-under-test',
			changeId('londonMedicalLaboratory', ['order.shipped', 'order-9']),
			now() + 600,
		);
		const call = await lml.send(
			lml.sample('order.shipped', { overrides: { orderId: 'order-9' } }),
			{ staticData: {} },
		);
		expect(call.response.body).toMatchObject({ status: 'duplicate' });
	});

	test('a delivery carries its changeId and records it, for the catch-up, in its ledger', async () => {
		const staticData: IDataObject = {};
		const payload = junctionSample('labtest.order.updated');
		const call = await junction.send(junction.post(payload, { messageId: 'msg_change_1' }), {
			staticData,
		});
		const order = payload.data as IDataObject;
		const change = orderChangeId(String(order.id), order.last_event as IDataObject);
		expect(call.items[0].json.changeId).toBe(change);
		const ledgers = JSON.parse(JSON.stringify(staticData)).global.labTestingDeliveries
			.ledgers as Record<string, string>;
		const ledger = Object.values(ledgers)[0];
		expect(ledgerHas(ledger, change, now())).toBe(true);
		// Junction's trigger keeps when it last ran a delivery (Resend Missed Events reads it), to the
		// minute and never later than it was.
		expect(lastDeliveryIn(ledger)).toBeLessThanOrEqual(Date.now());
		expect(lastDeliveryIn(ledger)).toBeGreaterThan(Date.now() - 65_000);
	});

	test('Junction: a new message about an event already run is new, unless a resend was asked for', async () => {
		const payload = junctionSample('labtest.order.updated');
		const staticData: IDataObject = {};
		await junction.send(junction.post(payload, { messageId: 'msg_a' }), { staticData });
		const again = await junction.send(junction.post(payload, { messageId: 'msg_b' }), {
			staticData,
		});
		expect(again.response.body).toMatchObject({ status: 'accepted' });
		const node = (staticData['node:trigger'] ??= {}) as IDataObject;
		node.resendCopiesUntil = new Date(Date.now() + 60_000).toISOString();
		const copy = await junction.send(junction.post(payload, { messageId: 'msg_c' }), {
			staticData,
		});
		expect(copy.response.body).toMatchObject({ status: 'duplicate' });
	});
});

describe("the catch-up's saves keep the webhooks' ledgers", () => {
	test('a save of the catch-up copy (loaded before a webhook ran) still holds what the webhook of this process ran', async () => {
		const { CatchUpLedger } = await import('../../../../nodes/shared/catchUp/staticData');
		// The catch-up's copy, loaded at its activation: no deliveries yet.
		const catchUpGlobal: IDataObject = {};
		const context = {
			getNode: () => ({ id: 'catch-up-node', name: 'Catch-Up' }),
			getWorkflow: () => ({ id: 'workflow-under-test' }),
			getWorkflowStaticData: () => catchUpGlobal,
		};
		const ledger = new CatchUpLedger(context as never, 100);
		// Then a webhook of the same workflow runs a delivery in this process, and saves its own copy.
		const webhookStatic: IDataObject = {};
		const call = await lml.send(
			lml.sample('order.shipped', { overrides: { orderId: 'order-7' } }),
			{
				staticData: webhookStatic,
			},
		);
		expect(call.response.body).toMatchObject({ status: 'accepted' });
		const webhookSaved = JSON.parse(JSON.stringify(webhookStatic)).global.labTestingDeliveries
			.ledgers as Record<string, string>;
		const change = changeId('londonMedicalLaboratory', ['order.shipped', 'order-7']);
		ledger.record(changeId('londonMedicalLaboratory', ['order.delivered', 'order-8']), now() + 600);
		// The catch-up's save (last writer) holds the webhook's ledger, its change, and the catch-up's own.
		const saved = JSON.parse(JSON.stringify(catchUpGlobal)).labTestingDeliveries.ledgers as Record<
			string,
			string
		>;
		const [webhookId, webhookLedger] = Object.entries(webhookSaved)[0];
		expect(saved[webhookId]).toBe(webhookLedger);
		expect(ledgerHas(saved[webhookId], change, now())).toBe(true);
		expect(
			ledgerHas(
				saved[catchUpLedgerKey('catch-up-node')],
				changeId('londonMedicalLaboratory', ['order.delivered', 'order-8']),
				now(),
			),
		).toBe(true);
	});
});
