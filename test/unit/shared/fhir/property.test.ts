import fc from 'fast-check';

import {
	fhirBundles,
	type FhirOptions,
	type FhirRecord,
} from '../../../../nodes/shared/fhir/bundle';
import { readyResults, type LabResultRow, type ResultFlag } from '../../../../nodes/shared/results';
import { fhirIssues, isValidUcum, ucumCodesIn } from '../../../support/fhir';

jest.setTimeout(120_000);

/** Text as the row mappers leave it: trimmed, never empty, anything else allowed. */
const text = fc
	.oneof(
		fc.string({ minLength: 1, maxLength: 30 }),
		fc.constantFrom(
			'Positive',
			'Not Detected',
			'Quantity Not Sufficient',
			'QNS',
			'haemolysed',
			'0-5',
			'5-1',
		),
		fc
			.tuple(
				fc.constantFrom('<', '>', '<=', '>=', '≤', '≥', ''),
				fc.double({ min: -1e6, max: 1e6, noNaN: true }),
			)
			.map(([sign, number]) => `${sign}${number}`),
	)
	.map((value) => value.trim())
	.filter((value) => value.length > 0);

const UNITS = [
	'mmol/L',
	'µmol/L',
	'μmol/l',
	'mIU/L',
	'x10^9/L',
	'%',
	'ratio',
	'mg/dl',
	'mL/min/1.73m2',
	'furlongs',
	'U/L',
	'/HPF',
	'IU/mL',
];
const number = fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e12, max: 1e12 });
const FLAGS: ResultFlag[] = ['normal', 'low', 'high', 'critical', 'abnormal', 'unknown'];

const row: fc.Arbitrary<LabResultRow> = fc.record({
	biomarker: text,
	code: fc.option(text, { nil: null }),
	codeSystem: fc.constantFrom('LOINC', 'Junction', 'LML', 'Hurdle', null),
	value: fc.option(number, { nil: null }),
	valueText: fc.option(text, { nil: null }),
	unit: fc.option(fc.oneof(fc.constantFrom(...UNITS), text), { nil: null }),
	referenceLow: fc.option(number, { nil: null }),
	referenceHigh: fc.option(number, { nil: null }),
	flag: fc.constantFrom(...FLAGS),
	flagSource: fc.constantFrom('provider' as const, 'range' as const, 'none' as const),
	interpretation: fc.option(
		fc.oneof(fc.constantFrom('failed', 'pending', 'normal', 'HIGH'), text),
		{ nil: null },
	),
	comment: fc.option(text, { nil: null }),
});

const record: fc.Arbitrary<FhirRecord> = fc.record({
	provider: fc.constantFrom('londonMedicalLaboratory', 'hurdle', 'junction'),
	providerName: fc.constantFrom('London Medical Laboratory', 'Hurdle', 'Junction'),
	kind: fc.constantFrom('order', 'test', 'test-registration'),
	id: text,
	status: fc.constantFrom('final' as const, 'partial' as const),
	collected: fc.option(
		fc.constantFrom('2026-08-06', '2026-08-06T09:30:00+01:00', '06/08/2026', ''),
		{ nil: null },
	),
	reported: fc.option(fc.constantFrom('2026-08-10T12:00:00Z', '2026-08-10', 'yesterday'), {
		nil: null,
	}),
	laboratory: fc.option(text, { nil: null }),
	patient: fc.record({
		name: fc.option(text, { nil: null }),
		birthDate: fc.option(fc.constantFrom('1970-01-01', '01/01/1970'), { nil: null }),
		gender: fc.option(fc.constantFrom('f', 'M', 'other', 'x'), { nil: null }),
	}),
});

const options: fc.Arbitrary<FhirOptions> = fc.record({
	bundleType: fc.constantFrom('collection' as const, 'transaction' as const),
	maxEntries: fc.constantFrom(0, 1, 2, 3, 8),
	includePatientDetails: fc.boolean(),
});

describe('FHIR output of generated biomarker rows', () => {
	it('is always a valid R4 bundle with valid UCUM, one Observation per resulted row', () => {
		fc.assert(
			fc.property(
				fc.array(row, { minLength: 1, maxLength: 12 }),
				record,
				options,
				(rows, described, chosen) => {
					const bundles = fhirBundles(readyResults(rows, []), described, chosen);
					const observations = bundles
						.flatMap((bundle) => bundle.entry)
						.filter((entry) => entry.resource.resourceType === 'Observation');
					const pending = rows.filter(
						(each) => each.interpretation?.toLowerCase() === 'pending',
					).length;
					expect(observations).toHaveLength(rows.length - pending);
					for (const bundle of bundles) {
						expect(fhirIssues(bundle)).toEqual([]);
						expect(ucumCodesIn(bundle).filter((code) => !isValidUcum(code))).toEqual([]);
						for (const entry of bundle.entry) {
							const resource = entry.resource as unknown as Record<string, unknown>;
							const values = Object.keys(resource).filter((key) => key.startsWith('value'));
							expect(values.length + (resource.dataAbsentReason ? 1 : 0)).toBe(
								resource.resourceType === 'Observation' ? 1 : 0,
							);
						}
					}
				},
			),
			{ numRuns: 150 },
		);
	});
});
