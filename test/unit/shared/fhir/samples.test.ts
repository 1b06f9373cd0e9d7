import type { Bundle as MedplumBundle } from '@medplum/fhirtypes';

import { resultSamples } from '../../../../dev/fakes/resultSamples';
import { fhirBundles, type FhirOptions } from '../../../../nodes/shared/fhir/bundle';
import type { Bundle } from '../../../../nodes/shared/fhir/types';
import { mappedUcumCodes } from '../../../../nodes/shared/fhir/units';
import { fhirIssues, fhirRecordOf, isValidUcum, ucumCodesIn } from '../../../support/fhir';

/** Compile-time: what the module emits is a FHIR R4 Bundle as @medplum/fhirtypes types it. */
const asMedplum = (bundle: Bundle): MedplumBundle => bundle;

const VARIANTS: Array<[string, Omit<FhirOptions, 'includePatientDetails'>]> = [
	['collection', { bundleType: 'collection', maxEntries: 0 }],
	['transaction', { bundleType: 'transaction', maxEntries: 0 }],
	['transactions of 8', { bundleType: 'transaction', maxEntries: 8 }],
];

const cases = resultSamples().flatMap((sample) =>
	VARIANTS.flatMap(([variant, options]) =>
		[false, true].map(
			(includePatientDetails) =>
				[
					sample.name,
					variant,
					includePatientDetails ? 'with' : 'without',
					sample,
					{ ...options, includePatientDetails },
				] as const,
		),
	),
);

const resources = (bundles: Bundle[], type: string) =>
	bundles
		.flatMap((bundle) => bundle.entry.map((entry) => entry.resource))
		.filter((resource) => resource.resourceType === type);

describe('FHIR output of every result sample', () => {
	it.each(cases)(
		'%s as %s, %s patient details: valid R4, valid UCUM, one Observation per biomarker',
		(_name, _variant, _details, sample, options) => {
			const bundles = fhirBundles(sample.results, fhirRecordOf(sample), options);
			for (const bundle of bundles) {
				expect(fhirIssues(asMedplum(bundle))).toEqual([]);
				for (const code of ucumCodesIn(bundle))
					expect([code, isValidUcum(code)]).toEqual([code, true]);
				for (const entry of bundle.entry) {
					if (options.bundleType === 'transaction') {
						expect(entry.request).toMatchObject({
							method: 'POST',
							ifNoneExist: expect.stringMatching(/^identifier=/),
						});
					} else {
						expect(entry).not.toHaveProperty('request');
					}
				}
				if (options.maxEntries) expect(bundle.entry.length).toBeLessThanOrEqual(options.maxEntries);
			}
			const observations = resources(bundles, 'Observation');
			expect(observations).toHaveLength(sample.results.rows.length);
			const [report] = resources(bundles, 'DiagnosticReport');
			expect(resources(bundles, 'DiagnosticReport')).toHaveLength(1);
			expect(report.resourceType === 'DiagnosticReport' && report.result).toHaveLength(
				observations.length,
			);
			const identifiers = observations.map((each) => JSON.stringify(each.identifier));
			expect(new Set(identifiers).size).toBe(identifiers.length);
		},
	);
});

describe('the validators are live', () => {
	const [sample] = resultSamples();
	const [bundle] = fhirBundles(sample.results, fhirRecordOf(sample), {
		bundleType: 'collection',
		maxEntries: 0,
		includePatientDetails: false,
	});

	it('reject an Observation without a status inside the bundle', () => {
		const broken = JSON.parse(JSON.stringify(bundle)) as Bundle;
		delete (broken.entry[1].resource as { status?: string }).status;
		expect(() => fhirIssues(broken)).not.toThrow();
		expect(fhirIssues(broken)).toEqual(
			expect.arrayContaining([expect.objectContaining({ severity: 'error' })]),
		);
	});

	it('reject a string where a number belongs', () => {
		const broken = JSON.parse(JSON.stringify(bundle)) as Bundle;
		const observation = broken.entry.find((entry) => 'valueQuantity' in entry.resource)!;
		Object.assign((observation.resource as { valueQuantity: object }).valueQuantity, {
			value: '6.8',
		});
		expect(fhirIssues(broken).map((issue) => issue.details?.text)).toEqual(
			expect.arrayContaining([expect.stringContaining('Invalid JSON type')]),
		);
	});

	it('tell valid UCUM from what labs write', () => {
		expect(['mIU/L', 'µmol/L', 'x10^9/L'].map(isValidUcum)).toEqual([false, false, false]);
		expect(['m[IU]/L', 'umol/L', '10*9/L'].map(isValidUcum)).toEqual([true, true, true]);
	});

	it('hold every UCUM code of the unit table valid', () => {
		const codes = mappedUcumCodes();
		expect(codes.length).toBeGreaterThan(30);
		expect(codes.filter((code) => !isValidUcum(code))).toEqual([]);
	});
});
