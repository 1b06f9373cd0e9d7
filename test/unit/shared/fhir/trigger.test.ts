import type { IDataObject } from 'n8n-workflow';

import {
	createLmlFake,
	LML_RESULT_REGISTRATIONS,
} from '../../../../dev/fakes/londonMedicalLaboratory/api';
import { lmlSample } from '../../../../dev/fakes/londonMedicalLaboratory/samples';
import { createJunctionFake } from '../../../../dev/fakes/junction/api';
import { forgetProcessMemory } from '../../../../nodes/shared/webhook/claims';
import type { Bundle } from '../../../../nodes/shared/fhir/types';
import { fhirIssues } from '../../../support/fhir';
import { triggerHarness } from '../../../support/triggerHarness';
import { SIGNING_SECRET } from '../../junction/signing';

jest.setTimeout(30_000);

const lmlFake = createLmlFake();
const junctionFake = createJunctionFake();
const lml = triggerHarness('londonMedicalLaboratory', {
	secret: 'lml-webhook-secret-for-tests',
	baseUrl: () => lmlFake.url,
});
const junction = triggerHarness('junction', {
	secret: SIGNING_SECRET,
	baseUrl: () => junctionFake.url,
});

beforeAll(async () => {
	await lmlFake.start();
	await junctionFake.start();
});
afterAll(async () => {
	await lmlFake.stop();
	await junctionFake.stop();
});
beforeEach(() => forgetProcessMemory());

const fhirOutput = (more: IDataObject = {}) => ({
	options: { fetchFullData: true, output: 'fhir', ...more },
});

describe('trigger Output: FHIR R4 Bundle', () => {
	it('emits the fetched results as transactions, one item each', async () => {
		const { items } = await lml.send(
			lml.post(
				lmlSample('lab_results.complete', {
					testRegistrationId: LML_RESULT_REGISTRATIONS.fullPanel,
				}),
			),
			{ parameters: fhirOutput({ fhirBundleType: 'transaction', fhirMaxEntries: 8 }) },
		);
		expect(items).toHaveLength(10);
		for (const { json } of items) {
			expect(json).toMatchObject({ resourceType: 'Bundle', type: 'transaction' });
			expect(fhirIssues(json as unknown as Bundle)).toEqual([]);
		}
	});

	it('emits an event without results as one event item', async () => {
		const { items } = await lml.send(lml.post(lmlSample('order.shipped')), {
			parameters: fhirOutput(),
		});
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({ event: 'order.shipped' });
	});

	it('emits the event, saying why, when the Patient Reference is not Patient/<id>', async () => {
		const { items } = await lml.send(lml.post(lmlSample('lab_results.complete')), {
			parameters: fhirOutput({ fhirPatientReference: 'NHS 943 476 5919' }),
		});
		expect(items).toHaveLength(1);
		expect(items[0].json).toMatchObject({
			event: 'lab_results.complete',
			fhir: { error: expect.stringContaining('Patient Reference') },
		});
		expect(JSON.stringify(items[0].json)).not.toContain('943');
	});

	it("emits Junction's critical results as one collection, patient details left out", async () => {
		const { items } = await junction.send(junction.sample('labtest.result.critical'), {
			parameters: fhirOutput(),
		});
		expect(items).toHaveLength(1);
		const bundle = items[0].json as unknown as Bundle;
		expect(bundle.type).toBe('collection');
		expect(fhirIssues(bundle)).toEqual([]);
		expect(
			bundle.entry.filter((entry) => entry.resource.resourceType === 'Observation'),
		).toHaveLength(6);
		expect(JSON.stringify(bundle)).not.toContain('Testy');
	});
});
