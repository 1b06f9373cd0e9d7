import type {
	Bundle as MedplumBundle,
	DiagnosticReport,
	Observation,
	OperationOutcome,
} from '@medplum/fhirtypes';

import { FhirServer } from '../../../../dev/fhir/server';
import { resultSamples } from '../../../../dev/fakes/resultSamples';
import { fhirBundles } from '../../../../nodes/shared/fhir/bundle';
import type { Bundle } from '../../../../nodes/shared/fhir/types';
import { fhirRecordOf } from '../../../support/fhir';

jest.setTimeout(60_000);

const server = new FhirServer();
beforeAll(async () => await server.start(), 30_000);
afterAll(async () => await server.stop());
beforeEach(() => server.reset());

const panel = resultSamples().find(
	(sample) => sample.name === 'londonMedicalLaboratory/full-panel-60',
)!;
const transactions = (maxEntries: number): Bundle[] =>
	fhirBundles(panel.results, fhirRecordOf(panel), {
		bundleType: 'transaction',
		maxEntries,
		includePatientDetails: false,
	});

async function post(
	body: unknown,
): Promise<{ status: number; json: MedplumBundle | OperationOutcome }> {
	const response = await fetch(server.baseUrl, {
		method: 'POST',
		headers: { 'content-type': 'application/fhir+json' },
		body: JSON.stringify(body),
	});
	return {
		status: response.status,
		json: (await response.json()) as MedplumBundle | OperationOutcome,
	};
}

const stored = async () => ({
	patients: (await server.all('Patient')).length,
	reports: (await server.all('DiagnosticReport')).length,
	observations: (await server.all('Observation')).length,
});

describe('the FHIR server of the e2e tests (Medplum router, in memory)', () => {
	it('files a 60-marker panel split into transactions of 8 once, however often it is posted', async () => {
		const bundles = transactions(8);
		expect(bundles).toHaveLength(10);
		const statuses: string[][] = [];
		for (let round = 0; round < 2; round++) {
			for (const bundle of bundles) {
				const { status, json } = await post(bundle);
				expect(status).toBe(200);
				statuses.push(
					((json as MedplumBundle).entry ?? []).map((entry) => entry.response?.status ?? ''),
				);
			}
		}
		expect(await stored()).toEqual({ patients: 1, reports: 1, observations: 60 });
		expect(statuses.slice(0, 10).flat()).toContain('201');
		expect(
			statuses
				.slice(10)
				.flat()
				.every((status) => status === '200'),
		).toBe(true);
	});

	it('links every Observation to the one Patient', async () => {
		for (const bundle of transactions(8)) await post(bundle);
		const [patient] = await server.all('Patient');
		const subjects = new Set(
			(await server.all<Observation>('Observation')).map((each) => each.subject?.reference),
		);
		expect([...subjects]).toEqual([`Patient/${patient.id}`]);
	});

	it('refuses one long transaction with conditional creates, as Medplum with transaction bundles on does', async () => {
		const [whole] = transactions(0);
		const { status, json } = await post(whole);
		expect(status).toBe(400);
		expect((json as OperationOutcome).issue?.[0].details?.text).toContain('strict isolation');
		expect(await stored()).toEqual({ patients: 0, reports: 0, observations: 0 });
	});

	it('files a short transaction whole, with the report pointing at its Observations', async () => {
		const sample = resultSamples().find((each) => each.name === 'junction/critical')!;
		const [bundle] = fhirBundles(sample.results, fhirRecordOf(sample), {
			bundleType: 'transaction',
			maxEntries: 0,
			includePatientDetails: false,
		});
		expect((await post(bundle)).status).toBe(200);
		const [report] = await server.all<DiagnosticReport>('DiagnosticReport');
		const ids = (await server.all('Observation')).map((each) => `Observation/${each.id}`);
		expect(ids).toHaveLength(6);
		expect(report.result?.map((each) => each.reference).sort()).toEqual(ids.sort());
	});

	it('validates what it stores', async () => {
		const { status, json } = await post({
			resourceType: 'Bundle',
			type: 'transaction',
			entry: [
				{
					fullUrl: 'urn:uuid:3d0f1b0e-5b7e-4d5e-9d1e-0a6f3c2b1a00',
					resource: { resourceType: 'Observation', code: { text: 'No status' } },
					request: { method: 'POST', url: 'Observation' },
				},
			],
		});
		expect(status).toBe(400);
		expect(JSON.stringify(json)).toContain('Observation.status');
		expect(await stored()).toEqual({ patients: 0, reports: 0, observations: 0 });
	});
});
