import {
	biomarkerResults,
	junctionResultRow,
	junctionResults,
} from '../../../nodes/Junction/results';

describe('junctionResultRow', () => {
	it('prefers LOINC as the code and reads the range', () => {
		expect(
			junctionResultRow({
				name: 'Glucose',
				slug: 'glucose',
				result: '92',
				unit: 'mg/dL',
				min_range_value: 65,
				max_range_value: 99,
				interpretation: 'normal',
				loinc: '2345-7',
				notes: null,
			}),
		).toEqual({
			biomarker: 'Glucose',
			code: '2345-7',
			codeSystem: 'LOINC',
			value: 92,
			valueText: '92',
			unit: 'mg/dL',
			referenceLow: 65,
			referenceHigh: 99,
			flag: 'normal',
			flagSource: 'provider',
			interpretation: 'normal',
			comment: null,
		});
	});

	it("falls back to Junction's slug when there is no LOINC code", () => {
		expect(junctionResultRow({ name: 'Ferritin', slug: 'ferritin', result: '88' })).toMatchObject({
			code: 'ferritin',
			codeSystem: 'Junction',
		});
	});

	it.each([
		[{ interpretation: 'critical', is_above_max_range: true }, 'critical'],
		[{ interpretation: 'abnormal', is_above_max_range: true }, 'high'],
		[{ interpretation: 'abnormal', is_below_min_range: true }, 'low'],
		[{ interpretation: 'abnormal' }, 'abnormal'],
		[{ interpretation: 'normal' }, 'normal'],
	])('flags %o as %s, from the provider', (fields, flag) => {
		expect(junctionResultRow({ name: 'X', result: '5', ...fields })).toMatchObject({
			flag,
			flagSource: 'provider',
		});
	});

	it('works the flag out from the range when Junction gives no interpretation', () => {
		expect(
			junctionResultRow({ name: 'X', result: '12', min_range_value: 1, max_range_value: 10 }),
		).toMatchObject({ flag: 'high', flagSource: 'range' });
		expect(junctionResultRow({ name: 'X', result: 'Positive' })).toMatchObject({
			flag: 'unknown',
			flagSource: 'none',
			value: null,
		});
	});

	it('keeps text and bounded results as text, and ignores the deprecated value -1', () => {
		expect(
			junctionResultRow({ name: 'HbA1c', result: '<4.0', value: -1, interpretation: 'normal' }),
		).toMatchObject({ value: null, valueText: '<4.0' });
		expect(junctionResultRow({ name: 'HIV', result: 'Non-Reactive', value: -1 })).toMatchObject({
			value: null,
			valueText: 'Non-Reactive',
		});
		expect(junctionResultRow({ name: 'Old', value: -1 })).toMatchObject({ value: null });
		expect(junctionResultRow({ name: 'Old', value: 4.2 })).toMatchObject({ value: 4.2 });
	});

	it('carries the notes as the comment', () => {
		expect(
			junctionResultRow({ name: 'K', result: '6.9', notes: 'Called to physician' }).comment,
		).toBe('Called to physician');
	});
});

describe('biomarkerResults', () => {
	it('accepts the list and the legacy untyped dict', () => {
		expect(biomarkerResults({ results: [{ name: 'A' }, null, 'x'] })).toEqual([{ name: 'A' }]);
		expect(
			biomarkerResults({
				results: { ferritin: { result: '88', unit: 'ng/mL' }, tsh: '2.1', flag: 3 },
			}),
		).toEqual([
			{ name: 'ferritin', result: '88', unit: 'ng/mL' },
			{ name: 'tsh', result: '2.1' },
			{ name: 'flag', result: '3' },
		]);
		expect(biomarkerResults({})).toEqual([]);
	});
});

describe('junctionResults', () => {
	it('gives status, interpretation, summary, rows and the raw body', () => {
		const raw = {
			metadata: { status: 'partial', interpretation: 'abnormal' },
			results: [
				{
					name: 'LDL',
					result: '162',
					interpretation: 'abnormal',
					is_above_max_range: true,
					max_range_value: 99,
					unit: 'mg/dL',
				},
				{ name: 'HDL', result: '55', interpretation: 'normal' },
			],
		};
		const results = junctionResults(raw);
		expect(results).toMatchObject({
			ready: true,
			status: 'partial',
			interpretation: 'abnormal',
			raw,
		});
		expect(results.rows).toHaveLength(2);
		expect(results.summary).toMatchObject({ total: 2, high: 1, normal: 1, needingAttention: 1 });
		expect(String(results.summary.text)).toContain('LDL 162 mg/dL (high');
	});
});
