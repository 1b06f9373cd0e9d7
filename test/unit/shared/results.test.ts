import {
	describeResult,
	flagFromRange,
	numericValue,
	resultsOutputProperty,
	summariseResults,
	textOrNull,
	type LabResultRow,
} from '../../../nodes/shared/results';

function row(
	biomarker: string,
	value: number | null,
	flag: LabResultRow['flag'],
	extra: Partial<LabResultRow> = {},
): LabResultRow {
	return {
		biomarker,
		code: null,
		codeSystem: null,
		value,
		valueText: value === null ? null : String(value),
		unit: 'mmol/L',
		referenceLow: null,
		referenceHigh: null,
		flag,
		flagSource: 'provider',
		interpretation: null,
		comment: null,
		...extra,
	};
}

describe('numericValue', () => {
	it.each([
		['4.2', 4.2],
		[' 70 ', 70],
		['-1.5', -1.5],
		['.5', 0.5],
		['.25', 0.25],
		['1e3', 1000],
		['1e10', 1e10],
		['1e-3', 0.001],
		['2.5E+2', 250],
		[12, 12],
	])('reads %j as %p', (input, expected) => expect(numericValue(input)).toBe(expected));

	it.each([
		'<0.5',
		'>90',
		'Negative',
		'Quantity Not Sufficient',
		'4.2 mmol/L',
		'12 (repeat)',
		'',
		null,
		undefined,
		true,
		Number.NaN,
	])('gives null for %p', (input) => expect(numericValue(input)).toBeNull());
});

describe('textOrNull', () => {
	it.each([
		['  Negative ', 'Negative'],
		['   ', null],
		[4.2, '4.2'],
		[0, '0'],
		[null, null],
		[true, null],
		[{ text: 'x' }, null],
	])('reads %j as %p', (input, expected) => expect(textOrNull(input)).toBe(expected));
});

describe('flagFromRange', () => {
	it('flags values outside either bound and leaves the rest normal', () => {
		expect(flagFromRange(2, 3, 5)).toBe('low');
		expect(flagFromRange(6, 3, 5)).toBe('high');
		expect(flagFromRange(3, 3, 5)).toBe('normal');
		expect(flagFromRange(5, 3, 5)).toBe('normal');
		expect(flagFromRange(6, null, 5)).toBe('high');
		expect(flagFromRange(1, 3, null)).toBe('low');
	});

	it('cannot flag what has no number or no range', () => {
		expect(flagFromRange(null, 3, 5)).toBe('unknown');
		expect(flagFromRange(4, null, null)).toBe('unknown');
	});
});

describe('summariseResults', () => {
	it('counts every flag and lists what needs attention, critical first', () => {
		const summary = summariseResults([
			row('Ferritin', 88, 'normal'),
			row('LDL Cholesterol', 4.2, 'high', { referenceLow: 0, referenceHigh: 3 }),
			row('Vitamin D', 31, 'low', { referenceLow: 50, referenceHigh: 175, unit: 'nmol/L' }),
			row('Potassium', 6.9, 'critical'),
			row('HIV', null, 'unknown'),
		]);
		expect(summary).toMatchObject({
			total: 5,
			normal: 1,
			high: 1,
			low: 1,
			critical: 1,
			abnormal: 0,
			unknown: 1,
			needingAttention: 3,
		});
		expect(summary.attentionLines).toEqual([
			'Potassium 6.9 mmol/L (critical)',
			'LDL Cholesterol 4.2 mmol/L (high, range 0–3)',
			'Vitamin D 31 nmol/L (low, range 50–175)',
		]);
		expect(summary.text).toBe(
			`3 of 5 results need attention: ${summary.attentionLines.join('; ')}.`,
		);
	});

	it('says so when everything is in range, or nothing has arrived', () => {
		expect(summariseResults([row('A', 1, 'normal'), row('B', 2, 'normal')]).text).toBe(
			'All 2 results are within range.',
		);
		expect(summariseResults([]).text).toBe('No results yet.');
	});

	it('shows one-sided ranges and the value as reported', () => {
		expect(
			describeResult(
				row('CRP', null, 'high', { valueText: '>90', referenceHigh: 5, unit: 'mg/L' }),
			),
		).toBe('CRP >90 mg/L (high, range ≤ 5)');
		expect(describeResult(row('eGFR', 55, 'low', { referenceLow: 60, unit: null }))).toBe(
			'eGFR 55 (low, range ≥ 60)',
		);
	});

	it('shows a number without its reported text, and a dash where neither was reported', () => {
		expect(describeResult(row('HbA1c', 48, 'high', { valueText: null, unit: 'mmol/mol' }))).toBe(
			'HbA1c 48 mmol/mol (high)',
		);
		expect(describeResult(row('Glucose', null, 'abnormal', { valueText: null }))).toBe(
			'Glucose — mmol/L (abnormal)',
		);
	});
});

describe('resultsOutputProperty', () => {
	it('offers the Output options a user sees, in alphabetical order, Summary by default', () => {
		const property = resultsOutputProperty(
			{ name: 'Test With Summary and Rows', description: 'The test and its results' },
			[{ name: 'Test as Returned', value: 'raw', description: 'The test as the API returns it' }],
		);
		expect(property).toEqual({
			displayName: 'Output',
			name: 'output',
			type: 'options',
			default: 'summary',
			options: [
				{
					name: 'FHIR R4 Bundle',
					value: 'fhir',
					description:
						'A FHIR R4 Bundle: a DiagnosticReport, one Observation per biomarker and a pseudonymous Patient',
				},
				{
					name: 'One Item per Biomarker',
					value: 'biomarkerRows',
					description: 'A normalised row per biomarker, ready for a sheet or a loop',
				},
				{ name: 'Test as Returned', value: 'raw', description: 'The test as the API returns it' },
				{
					name: 'Test With Summary and Rows',
					value: 'summary',
					description: 'The test and its results',
				},
			],
		});
	});
});
