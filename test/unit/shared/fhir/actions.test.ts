import type { IDataObject, INodeExecutionData, INodeType } from 'n8n-workflow';

import { TEST_PROVIDERS, type ProviderKey } from '../../../../dev/fakes';
import type { FakeServer } from '../../../../dev/fakes/fakeServer';
import { HURDLE_SAMPLE_IDS } from '../../../../dev/fakes/hurdle/samples';
import { JUNCTION_SAMPLE_IDS } from '../../../../dev/fakes/junction/samples';
import {
	LML_PENDING_REGISTRATION,
	LML_RESULT_REGISTRATIONS,
} from '../../../../dev/fakes/londonMedicalLaboratory/api';
import type {
	Bundle,
	DiagnosticReport,
	Observation,
	Patient,
} from '../../../../nodes/shared/fhir/types';
import { executeContext } from '../../../support/contexts';
import { fhirIssues } from '../../../support/fhir';

jest.setTimeout(30_000);

const providers = Object.fromEntries(
	TEST_PROVIDERS.map((test) => [test.key, { test, fake: test.createFake() }]),
) as Record<ProviderKey, { test: (typeof TEST_PROVIDERS)[number]; fake: FakeServer }>;

beforeAll(async () => {
	for (const { fake } of Object.values(providers)) await fake.start();
});
afterAll(async () => {
	for (const { fake } of Object.values(providers)) await fake.stop();
});

async function run(provider: ProviderKey, parameters: IDataObject) {
	const { test, fake } = providers[provider];
	const node = new test.Action() as INodeType;
	const context = executeContext({
		parameters: { patientData: 'leaveOut', ...parameters },
		credentials: { [test.provider.credentialType]: test.credentials({ baseUrl: fake.url }) },
	});
	const [items] = (await node.execute!.call(context)) as INodeExecutionData[][];
	return items.map((item) => item.json);
}

const lmlResults = (id: string, more: IDataObject = {}) =>
	run('londonMedicalLaboratory', {
		resource: 'labResults',
		operation: 'get',
		testRegistrationId: { mode: 'id', value: id },
		output: 'fhir',
		...more,
	});

const resourcesOf = (bundles: IDataObject[], type: string) =>
	(bundles as unknown as Bundle[])
		.flatMap((bundle) => bundle.entry.map((entry) => entry.resource))
		.filter((resource) => resource.resourceType === type);

describe('Output: FHIR R4 Bundle', () => {
	it('is an Output option of every results operation', () => {
		const outputs = TEST_PROVIDERS.flatMap((test) =>
			test.actions.properties
				.filter((property) => property.name === 'output')
				.map((property) => ({
					shown: property.displayOptions?.show,
					values: (property.options as Array<{ value: string }>).map((option) => option.value),
				})),
		);
		const withFhir = outputs.filter((output) => output.values.includes('fhir'));
		expect(withFhir.map((output) => output.shown?.operation?.[0]).sort()).toEqual(
			['get', 'get', 'get', 'getTransactionResults'].sort(),
		);
		for (const output of withFhir) expect(output.values).toContain('summary');
	});

	it('gives a 60-marker panel as transactions of at most 8 entries, valid, in the order to post them', async () => {
		const bundles = await lmlResults(LML_RESULT_REGISTRATIONS.fullPanel, {
			fhirOptions: { bundleType: 'transaction', maxEntries: 8 },
		});
		expect(bundles).toHaveLength(10);
		for (const bundle of bundles) {
			expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'transaction' });
			expect((bundle as unknown as Bundle).entry.length).toBeLessThanOrEqual(8);
			expect(fhirIssues(bundle as unknown as Bundle)).toEqual([]);
		}
		expect(resourcesOf(bundles, 'Observation')).toHaveLength(60);
		expect(resourcesOf(bundles.slice(-1), 'DiagnosticReport')).toHaveLength(1);
		const [patient] = resourcesOf(bundles, 'Patient') as Patient[];
		expect(Object.keys(patient).sort()).toEqual(['identifier', 'resourceType']);
	});

	it('embeds the results PDF when asked', async () => {
		const { fake } = providers.londonMedicalLaboratory;
		const id = LML_RESULT_REGISTRATIONS.qualitative;
		const pdf = Buffer.from(
			await (
				await fetch(`${fake.url}/api/test_registration/${id}/download_pdf`, {
					headers: { authorization: 'Bearer lml-test-token' },
				})
			).arrayBuffer(),
		);
		expect(pdf.subarray(0, 4).toString()).toBe('%PDF');
		const [bundle] = await lmlResults(id, { fhirOptions: { includePdf: true } });
		const [report] = resourcesOf([bundle], 'DiagnosticReport') as DiagnosticReport[];
		expect(report.presentedForm).toEqual([
			expect.objectContaining({ contentType: 'application/pdf', data: pdf.toString('base64') }),
		]);
		const [plain] = await lmlResults(id);
		expect(resourcesOf([plain], 'DiagnosticReport')[0]).not.toHaveProperty('presentedForm');
	});

	it('says the results are not ready, as the other outputs do', async () => {
		const items = await lmlResults(LML_PENDING_REGISTRATION);
		expect(items).toEqual([expect.objectContaining({ ready: false })]);
	});

	it('refuses a Patient Reference that is not Patient/<id>, without echoing it', async () => {
		const error = await lmlResults(LML_RESULT_REGISTRATIONS.failed, {
			fhirOptions: { patientReference: 'Jane Smith 1990' },
		}).catch((caught: Error) => caught);
		expect((error as Error).message).toContain('Patient Reference');
		expect((error as Error).message).not.toContain('Jane');
	});

	it('files against an existing Patient when given one', async () => {
		const [bundle] = await lmlResults(LML_RESULT_REGISTRATIONS.failed, {
			fhirOptions: { patientReference: 'Patient/abc-123' },
		});
		expect(resourcesOf([bundle], 'Patient')).toHaveLength(0);
		expect(
			(resourcesOf([bundle], 'Observation') as Observation[]).map((each) => each.subject),
		).toEqual(Array(3).fill({ reference: 'Patient/abc-123' }));
	});

	it.each([
		['leaveOut', undefined],
		['include', { name: [{ text: 'Testy McTestface' }], birthDate: '1970-01-01' }],
	])('gives Junction transaction results, Patient Details %s', async (patientData, details) => {
		const [bundle] = await run('junction', {
			resource: 'result',
			operation: 'getTransactionResults',
			orderTransactionId: JUNCTION_SAMPLE_IDS.orderTransactionId,
			output: 'fhir',
			patientData,
		});
		expect(fhirIssues(bundle as unknown as Bundle)).toEqual([]);
		const [report] = resourcesOf([bundle], 'DiagnosticReport') as DiagnosticReport[];
		expect(report.identifier[0]).toEqual({
			system: expect.stringMatching(/\/sid\/junction-order-transaction$/),
			value: JUNCTION_SAMPLE_IDS.orderTransactionId,
		});
		expect(resourcesOf([bundle], 'Observation')).toHaveLength(7);
		const [patient] = resourcesOf([bundle], 'Patient');
		if (details) expect(patient).toMatchObject(details);
		else expect(JSON.stringify(bundle)).not.toMatch(/Testy|1970-01-01/);
	});

	it("gives a Hurdle test's results with its product as the report code", async () => {
		const [bundle] = await run('hurdle', {
			resource: 'test',
			operation: 'get',
			testId: HURDLE_SAMPLE_IDS.testId,
			output: 'fhir',
		});
		expect(fhirIssues(bundle as unknown as Bundle)).toEqual([]);
		const [report] = resourcesOf([bundle], 'DiagnosticReport') as DiagnosticReport[];
		expect(report.code.coding).toEqual([
			{
				system: expect.stringMatching(/CodeSystem\/hurdle-product$/),
				code: HURDLE_SAMPLE_IDS.productCode,
			},
		]);
		expect(report.issued).toBe('2022-11-23T14:20:00.000Z');
	});
});
