import type { IDataObject } from 'n8n-workflow';

import { forgetProcessMemory } from '../../../../nodes/shared/webhook/claims';

import { LML_SAMPLE_IDS, lmlSample } from '../../../../dev/fakes/londonMedicalLaboratory/samples';
import { triggerRig } from '../../../support/triggerHarness';

const secret = 'lml-webhook-secret-for-tests';
const { harness: lml } = triggerRig('londonMedicalLaboratory', { secret });

describe('London Medical Laboratory Trigger: duplicates', () => {
	it('runs once for the same payload delivered twice, and again for a different one', async () => {
		const staticData: IDataObject = {};
		expect(
			(await lml.send(lml.post(lmlSample('order.shipped')), { staticData })).items,
		).toHaveLength(1);
		const second = await lml.send(lml.post(lmlSample('order.shipped')), { staticData });
		expect(second.result.workflowData).toBeUndefined();
		expect(second.response.body).toEqual({
			status: 'duplicate',
			message: 'Duplicate delivery ignored',
			deliveryId: expect.any(String),
		});
		expect(
			(await lml.send(lml.post(lmlSample('order.delivered')), { staticData })).items,
		).toHaveLength(1);
	});

	it('stores hashes only: a record for the delivery and one for the status change it reports, nothing from the payload', async () => {
		const staticData: IDataObject = {};
		await lml.send(lml.post(lmlSample('lab_results.complete')), { staticData });
		// One trigger's ledger holding two records (the delivery, and the change a catch-up shares with it):
		// each 13 characters of a fingerprint and a 5-digit expiry.
		const { labTestingDeliveries } = staticData.global as IDataObject;
		expect(labTestingDeliveries).toEqual({ version: 5, ledgers: expect.any(Object) });
		const ledgers = Object.values((labTestingDeliveries as IDataObject).ledgers as IDataObject);
		expect(ledgers).toEqual([expect.stringMatching(/^([A-Za-z0-9_-]{13}[0-9a-z]{5}){2}$/)]);
		const stored = JSON.stringify(staticData);
		expect(stored).not.toContain(LML_SAMPLE_IDS.testRegistrationId);
		expect(stored).not.toContain('lab_results');
		// And that record is what remembers the delivery once this process has forgotten it.
		forgetProcessMemory();
		const again = await lml.send(lml.post(lmlSample('lab_results.complete')), { staticData });
		expect(again.response.body?.status).toBe('duplicate');
	});

	it('runs every time when deduplication is turned off', async () => {
		const staticData: IDataObject = {};
		const parameters = { options: { deduplicate: false } };
		await lml.send(lml.post(lmlSample('order.shipped')), { parameters, staticData });
		expect(
			(await lml.send(lml.post(lmlSample('order.shipped')), { parameters, staticData })).items,
		).toHaveLength(1);
	});
});
