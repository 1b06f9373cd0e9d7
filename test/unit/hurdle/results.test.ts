import type { IDataObject } from 'n8n-workflow';

import {
	boundsOf,
	hurdleResultRow,
	hurdleResultRows,
	referenceRangeFrom,
} from '../../../nodes/Hurdle/results';
import { summariseResults } from '../../../nodes/shared/results';
import { hurdleFakeData } from '../../../dev/fakes/hurdle/api';
import { HURDLE_SAMPLE_IDS } from '../../../dev/fakes/hurdle/samples';

describe('boundsOf', () => {
	it.each([
		['<=99', { low: null, high: 99 }],
		['<99', { low: null, high: 99 }],
		['>=4', { low: 4, high: null }],
		['> 4.5', { low: 4.5, high: null }],
		['4-10', { low: 4, high: 10 }],
		['4 – 10', { low: 4, high: 10 }],
		['<7.00', { low: null, high: 7 }],
		['≤ 5', { low: null, high: 5 }],
		['POSITIVE', { low: null, high: null }],
		['', { low: null, high: null }],
	])('reads %s', (condition, bounds) => {
		expect(boundsOf(condition)).toEqual(bounds);
	});
});

describe('referenceRangeFrom', () => {
	it('takes the range from the NORMAL bucket', () => {
		expect(
			referenceRangeFrom({ rule: 'RANGE', value: { NORMAL: ['<=99'], HIGH: ['>99'] } }),
		).toEqual({ low: null, high: 99 });
		expect(referenceRangeFrom({ rule: 'RANGE', value: { NORMAL: ['>=4', '<=10'] } })).toEqual({
			low: 4,
			high: 10,
		});
	});

	it('closes open sides from the LOW and HIGH buckets when NORMAL is missing', () => {
		expect(referenceRangeFrom({ rule: 'RANGE', value: { LOW: ['<4'], HIGH: ['>10'] } })).toEqual({
			low: 4,
			high: 10,
		});
	});

	it('gives no range for rules it cannot read', () => {
		expect(referenceRangeFrom(undefined)).toEqual({ low: null, high: null });
		expect(referenceRangeFrom({ rule: 'CATEGORY', value: 'POSITIVE' })).toEqual({
			low: null,
			high: null,
		});
	});
});

describe('hurdleResultRow', () => {
	const rows = hurdleResultRows(hurdleFakeData().tests[HURDLE_SAMPLE_IDS.testId] as IDataObject);

	it('normalises every biomarker result of a test', () => {
		expect(rows.map((row) => row.code)).toEqual(['LDL', 'HDL', 'HBA1C', 'FERR']);
		expect(rows[0]).toMatchObject({
			biomarker: 'LDL Cholesterol',
			codeSystem: 'Hurdle',
			value: 131,
			valueText: '131',
			unit: 'mg/dl',
			referenceLow: null,
			referenceHigh: 99,
			flag: 'high',
			flagSource: 'provider',
			interpretation: 'HIGH',
		});
	});

	it("keeps a bounded result as text and trusts Hurdle's interpretation for it", () => {
		expect(rows[2]).toMatchObject({
			value: null,
			valueText: '<7.00',
			flag: 'normal',
			flagSource: 'provider',
		});
	});

	it('works the flag out from the range when Hurdle gives no interpretation', () => {
		expect(rows[3]).toMatchObject({
			value: 9,
			referenceLow: 13,
			referenceHigh: 150,
			flag: 'low',
			flagSource: 'range',
		});
	});

	it('reports text results such as "Quantity Not Sufficient" with no flag', () => {
		const row = hurdleResultRow({
			result: 'Quantity Not Sufficient',
			biomarker: { name: 'TSH', code: 'TSH' },
		});
		expect(row).toMatchObject({
			value: null,
			valueText: 'Quantity Not Sufficient',
			flag: 'unknown',
			flagSource: 'none',
		});
	});

	it('feeds the shared summary', () => {
		const summary = summariseResults(rows);
		expect(summary).toMatchObject({ total: 4, high: 1, low: 1, normal: 2, needingAttention: 2 });
		expect(summary.text).toContain('LDL Cholesterol 131 mg/dl (high');
	});

	it('gives no rows for a test without results', () => {
		expect(hurdleResultRows({ id: 'x', status: 'LAB_ACCESSIONED' })).toEqual([]);
		expect(hurdleResultRows({ biomarkerResults: [null, 'x'] } as never)).toEqual([]);
	});
});
