import { lmlResultRow } from '../../../nodes/LondonMedicalLaboratory/results';

describe('lmlResultRow', () => {
	it('normalises a result LML flags as out of range', () => {
		expect(
			lmlResultRow({
				name: 'TSH',
				code: 'TSH',
				value: '6.8',
				min_range: '0.27',
				max_range: '4.2',
				unit_type: 'mU/L',
				out_of_range: 'high',
				comment: 'Raised',
			}),
		).toEqual({
			biomarker: 'TSH',
			code: 'TSH',
			codeSystem: 'LML',
			value: 6.8,
			valueText: '6.8',
			unit: 'mU/L',
			referenceLow: 0.27,
			referenceHigh: 4.2,
			flag: 'high',
			flagSource: 'provider',
			interpretation: 'high',
			comment: 'Raised',
		});
	});

	it('works out the flag from the range when LML gives none', () => {
		expect(
			lmlResultRow({ name: 'Vitamin D', value: '31', min_range: '50', max_range: '175' }),
		).toMatchObject({ flag: 'low', flagSource: 'range' });
		expect(
			lmlResultRow({ name: 'Ferritin', value: 88, min_range: 13, max_range: 150 }),
		).toMatchObject({ flag: 'normal', value: 88 });
	});

	it('reads positive/negative tests, which have no range', () => {
		expect(
			lmlResultRow({ name: 'Chlamydia', value: false, min_range: null, max_range: null }),
		).toMatchObject({
			valueText: 'Negative',
			value: null,
			flag: 'unknown',
			flagSource: 'none',
		});
	});

	it('does not flag a failed result, and keeps the reason', () => {
		expect(
			lmlResultRow({
				name: 'HbA1c',
				value: null,
				successful: false,
				error_reason: 'Haemolysed sample',
				min_range: '20',
				max_range: '42',
			}),
		).toMatchObject({
			flag: 'unknown',
			comment: 'Haemolysed sample',
		});
	});

	it('prefers the human-readable value as reported text', () => {
		expect(
			lmlResultRow({ name: 'CRP', value: '0.4', human_readable_value: '<0.5', max_range: '5' }),
		).toMatchObject({ valueText: '<0.5', value: 0.4, flag: 'normal' });
	});
});
