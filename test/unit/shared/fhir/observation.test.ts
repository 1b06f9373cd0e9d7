import { resultSamples } from '../../../../dev/fakes/resultSamples';
import { fhirBundles, type FhirRecord } from '../../../../nodes/shared/fhir/bundle';
import { identifierSearch } from '../../../../nodes/shared/fhir/systems';
import type { DiagnosticReport, Observation } from '../../../../nodes/shared/fhir/types';
import { readyResults, type LabResultRow } from '../../../../nodes/shared/results';
import { fhirRecordOf } from '../../../support/fhir';

const RECORD: FhirRecord = {
	provider: 'junction',
	providerName: 'Junction',
	kind: 'order',
	id: 'order-1',
	status: 'final',
};

function row(fields: Partial<LabResultRow>): LabResultRow {
	return {
		biomarker: 'Marker',
		code: 'marker',
		codeSystem: 'Junction',
		value: null,
		valueText: null,
		unit: null,
		referenceLow: null,
		referenceHigh: null,
		flag: 'unknown',
		flagSource: 'none',
		interpretation: null,
		comment: null,
		...fields,
	};
}

function observation(fields: Partial<LabResultRow>): Observation {
	const [bundle] = fhirBundles(readyResults([row(fields)], []), RECORD, {
		bundleType: 'collection',
		maxEntries: 0,
		includePatientDetails: false,
	});
	return bundle.entry[1].resource as Observation;
}

const interpretationOf = (found: Observation) => found.interpretation?.[0].coding?.[0].code;

describe('a biomarker row as an Observation', () => {
	it('gives a number with its UCUM unit and the range in the same unit', () => {
		const found = observation({
			value: 2.1,
			valueText: '2.1',
			unit: 'mIU/L',
			referenceLow: 0.27,
			referenceHigh: 4.2,
			flag: 'normal',
		});
		const ucum = { unit: 'mIU/L', system: 'http://unitsofmeasure.org', code: 'm[IU]/L' };
		expect(found.valueQuantity).toEqual({ value: 2.1, ...ucum });
		expect(found.referenceRange).toEqual([
			{ low: { value: 0.27, ...ucum }, high: { value: 4.2, ...ucum } },
		]);
		expect(interpretationOf(found)).toBe('N');
	});

	it.each([
		['µmol/L', 'umol/L'],
		['x10^9/L', '10*9/L'],
		['mL/min/1.73m2', 'mL/min/{1.73_m2}'],
		['mg/dl', 'mg/dL'],
	])('maps %s to UCUM %s', (unit, code) => {
		expect(observation({ value: 1, unit }).valueQuantity).toMatchObject({ unit, code });
	});

	it('sends a unit it cannot map as the lab wrote it, with no UCUM code', () => {
		expect(observation({ value: 1, unit: 'Index' }).valueQuantity).toEqual({
			value: 1,
			unit: 'Index',
		});
	});

	it.each([
		['<0.6', '<', 0.6],
		['>90', '>', 90],
		['<=5', '<=', 5],
		['≥ 1.5', '>=', 1.5],
	])('reads "%s" as comparator %s and %d', (valueText, comparator, value) => {
		const found = observation({ valueText, unit: 'mg/L' });
		expect(found.valueQuantity).toEqual({
			comparator,
			value,
			unit: 'mg/L',
			system: 'http://unitsofmeasure.org',
			code: 'mg/L',
		});
		expect(found).not.toHaveProperty('valueString');
	});

	it('reads "0-5" as a range', () => {
		expect(observation({ valueText: '0-5', unit: '/HPF' }).valueRange).toEqual({
			low: { value: 0, unit: '/HPF', system: 'http://unitsofmeasure.org', code: '/[HPF]' },
			high: { value: 5, unit: '/HPF', system: 'http://unitsofmeasure.org', code: '/[HPF]' },
		});
	});

	it.each([
		['Positive', '10828004', 'POS'],
		['negative', '260385009', 'NEG'],
		['Not Detected', '260415000', 'ND'],
	])('codes "%s" in SNOMED CT (%s) with interpretation %s', (valueText, code, flag) => {
		const found = observation({ valueText });
		expect(found.valueCodeableConcept).toEqual({
			coding: [{ system: 'http://snomed.info/sct', code, display: expect.any(String) }],
			text: valueText,
		});
		expect(interpretationOf(found)).toBe(flag);
	});

	it('keeps other text as text, even with a qualitative word in it', () => {
		const found = observation({ valueText: 'A RhD Positive' });
		expect(found.valueString).toBe('A RhD Positive');
		expect(found).not.toHaveProperty('interpretation');
	});

	it.each([
		[{ valueText: 'Quantity Not Sufficient', flag: 'normal' as const }, 'Quantity Not Sufficient'],
		[{ interpretation: 'failed', comment: 'Sample haemolysed' }, 'Sample haemolysed'],
	])('cancels a marker the lab could not result (%o), saying why', (fields, why) => {
		const found = observation(fields);
		expect(found.status).toBe('cancelled');
		expect(found.dataAbsentReason).toEqual({
			coding: [expect.objectContaining({ code: 'as-text' })],
			text: why,
		});
		for (const key of ['valueQuantity', 'valueString', 'interpretation', 'note'])
			expect(found).not.toHaveProperty(key);
	});

	it('gives a comment-only marker as text with no value', () => {
		const found = observation({ comment: 'Normal red cell morphology' });
		expect(found.status).toBe('final');
		expect(found.dataAbsentReason?.text).toBe('Normal red cell morphology');
	});

	it.each([
		[{ value: 6.9, referenceLow: 3.5, referenceHigh: 5.3 }, 'HH'],
		[{ value: 2.6, referenceLow: 3.5, referenceHigh: 5.3 }, 'LL'],
		[{ value: 1 }, 'AA'],
	])('gives a critical flag its direction: %o is %s', (fields, code) => {
		expect(interpretationOf(observation({ ...fields, flag: 'critical' }))).toBe(code);
	});

	it.each([
		['low', 'L'],
		['high', 'H'],
		['abnormal', 'A'],
	] as const)('gives flag %s as %s', (flag, code) => {
		expect(interpretationOf(observation({ value: 1, flag }))).toBe(code);
	});

	it("codes with LOINC when the provider gives it, else under the provider's own system", () => {
		expect(observation({ code: '2345-7', codeSystem: 'LOINC' }).code.coding).toEqual([
			{ system: 'http://loinc.org', code: '2345-7' },
		]);
		expect(observation({ code: 'ldl' }).code.coding).toEqual([
			{
				system:
					'https://github.com/n8n-nodes-lab-testing/n8n-nodes-lab-testing/fhir/CodeSystem/junction-biomarker',
				code: 'ldl',
			},
		]);
	});
});

describe('the report', () => {
	const sample = (name: string) => resultSamples().find((each) => each.name === name)!;
	const report = (name: string) => {
		const found = sample(name);
		const [bundle] = fhirBundles(found.results, fhirRecordOf(found), {
			bundleType: 'transaction',
			maxEntries: 0,
			includePatientDetails: false,
		});
		return bundle.entry.find((entry) => entry.resource.resourceType === 'DiagnosticReport')!;
	};

	it('is partial for partial results, under an identifier of its own', () => {
		const partial = report('junction/partial');
		expect((partial.resource as DiagnosticReport).status).toBe('partial');
		expect(partial.resource.identifier[0].value).toMatch(/\/partial$/);
		const final = report('junction/critical');
		expect((final.resource as DiagnosticReport).status).toBe('final');
		expect(final.resource.identifier[0].value).not.toMatch(/partial/);
	});

	it('carries the collection date and the laboratory', () => {
		expect(report('junction/critical').resource).toMatchObject({
			effectiveDateTime: '2026-08-06',
			performer: [{ display: 'Example Reference Laboratory' }],
			category: [
				{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0074', code: 'LAB' }] },
			],
		});
	});

	it('is the same bundle each time: fullUrls and identifiers follow from the results', () => {
		expect(report('junction/critical')).toEqual(report('junction/critical'));
		expect(report('junction/critical').fullUrl).toMatch(
			/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
		);
	});

	it('tells apart a marker reported twice (an order and its redraw, combined)', () => {
		const rows = [row({ value: 5.9 }), row({ value: 6.1 }), row({ code: 'other', value: 1 })];
		const [bundle] = fhirBundles(readyResults(rows, []), RECORD, {
			bundleType: 'collection',
			maxEntries: 0,
			includePatientDetails: false,
		});
		const values = bundle.entry
			.filter((entry) => entry.resource.resourceType === 'Observation')
			.map((entry) => entry.resource.identifier[0].value);
		expect(values).toEqual(['order-1/marker', 'order-1/marker/2', 'order-1/other']);
	});

	it('searches identifiers with the separator and escapes intact', () => {
		expect(identifierSearch({ system: 'https://x.org/sid', value: 'a|b&c' })).toBe(
			'identifier=https://x.org/sid|a%5C%7Cb%26c',
		);
	});
});
