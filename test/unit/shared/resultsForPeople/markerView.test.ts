import {
	changeSince,
	rangeBar,
	readableDate,
	reportView,
} from '../../../../nodes/shared/resultsForPeople/markerView';
import { ranged, row, thyroidPanel } from './rows';

describe('reportView', () => {
	it('puts out-of-range markers first, the most urgent first, then the rest in the lab’s order', () => {
		const view = reportView({
			...thyroidPanel(),
			rows: [
				row('A', 1, 'normal'),
				row('B', 1, 'low'),
				row('C', null, 'unknown'),
				row('D', 1, 'critical'),
				row('E', 1, 'abnormal'),
				row('F', 1, 'high'),
				row('G', 1, 'normal'),
			],
		});
		expect(view.markers.map((marker) => marker.row.biomarker)).toEqual([
			'D',
			'F',
			'B',
			'E',
			'A',
			'G',
			'C',
		]);
		expect(view.outOfRange.map((marker) => marker.look.word)).toEqual([
			'Critical',
			'High',
			'Low',
			'Abnormal',
		]);
		expect(view.rest.map((marker) => marker.look.word)).toEqual([
			'Normal',
			'Normal',
			'Not flagged',
		]);
		expect(view.headline).toBe('4 of 7 results need attention');
	});

	it('reads the status and the dates the provider gave, and says when the report is partial', () => {
		const view = reportView(
			thyroidPanel({
				status: 'partial',
				dates: { collected: '2026-08-06', reported: '2026-08-10T12:00:00Z' },
			}),
		);
		expect(view.facts).toEqual([
			{ label: 'Status', value: 'Partial' },
			{ label: 'Collected', value: '6 Aug 2026' },
			{ label: 'Reported', value: '10 Aug 2026' },
		]);
		expect(view.incomplete).toBe(true);
		expect(reportView(thyroidPanel({ status: 'PROCESSED' })).facts).toEqual([
			{ label: 'Status', value: 'Processed' },
		]);
		expect(reportView(thyroidPanel()).facts).toEqual([]);
		expect(reportView(thyroidPanel()).incomplete).toBe(false);
	});

	it('words the headline for all in range, one result and none', () => {
		expect(reportView({ ...thyroidPanel(), rows: [row('A', 1, 'normal')] }).headline).toBe(
			'The result is within range',
		);
		expect(
			reportView({ ...thyroidPanel(), rows: [row('A', 1, 'normal'), row('B', 2, 'unknown')] })
				.headline,
		).toBe('All 2 results are within range');
		expect(reportView({ ...thyroidPanel(), rows: [] }).headline).toBe('No results yet');
	});
});

describe('rangeBar', () => {
	it('gives a closed range the middle half and puts each value on its side of it', () => {
		expect(rangeBar(row('TSH', 6.8, 'high', ranged(0.27, 4.2)))).toMatchObject({
			boxStart: 25,
			boxEnd: 75,
			side: 'above',
		});
		const low = rangeBar(row('Vit D', 31, 'low', ranged(50, 175)))!;
		expect(low.side).toBe('below');
		expect(low.mark!).toBeLessThan(low.boxStart);
		const inside = rangeBar(row('FT4', 14.2, 'normal', ranged(12, 22)))!;
		expect(inside.mark!).toBeGreaterThan(inside.boxStart);
		expect(inside.mark!).toBeLessThan(inside.boxEnd);
	});

	it('keeps a value just above the range on the outside even where the % rounds onto the edge', () => {
		const bar = rangeBar(row('LDL', 99.04, 'high', ranged(0, 99)))!;
		expect(bar.mark).toBe(bar.boxEnd);
		expect(bar.side).toBe('above');
		expect(rangeBar(row('LDL', 99, 'normal', ranged(0, 99)))!.side).toBe('within');
	});

	it('runs an open range to the bar’s end and stops far-out values at the ends', () => {
		expect(rangeBar(row('CRP', 3, 'normal', ranged(null, 5)))).toMatchObject({
			boxStart: 0,
			side: 'within',
		});
		expect(rangeBar(row('HDL', 1.5, 'normal', ranged(1, null)))).toMatchObject({
			boxEnd: 100,
			side: 'within',
		});
		expect(rangeBar(row('K', 1000, 'critical', ranged(3.5, 5.3)))!.mark).toBe(100);
		expect(rangeBar(row('K', -1000, 'critical', ranged(3.5, 5.3)))!.mark).toBe(0);
	});

	it('draws no mark for a value that is not a number, and no bar without a range', () => {
		expect(
			rangeBar(row('HbA1c', null, 'unknown', { ...ranged(0, 5.6), valueText: '<0.5' })),
		).toMatchObject({
			mark: null,
			side: null,
		});
		expect(rangeBar(row('Note', 4, 'unknown'))).toBeNull();
	});
});

describe('changeSince', () => {
	it('shows the difference in the values’ own precision, with an arrow', () => {
		expect(changeSince(row('TSH', 6.8, 'high'), row('TSH', 6, 'high'))).toEqual({
			previousText: '6',
			text: '↑ +0.8',
		});
		expect(changeSince(row('TSH', 4.25, 'high'), row('TSH', 6.8, 'high'))!.text).toBe('↓ −2.55');
		expect(changeSince(row('TSH', 5, 'high'), row('TSH', 5, 'high'))!.text).toBe('→ no change');
	});

	it('compares nothing across units, or without two numbers', () => {
		expect(
			changeSince(
				row('Glucose', 5, 'normal', { unit: 'mmol/L' }),
				row('Glucose', 90, 'normal', { unit: 'mg/dL' }),
			),
		).toBeNull();
		expect(changeSince(row('CRP', null, 'unknown'), row('CRP', 3, 'normal'))).toBeNull();
		expect(changeSince(row('CRP', 3, 'normal'), undefined)).toBeNull();
	});
});

describe('readableDate', () => {
	it.each([
		['2026-08-06', '6 Aug 2026'],
		['2022-11-23T14:20:00.000Z', '23 Nov 2022'],
		['last Tuesday', 'last Tuesday'],
		['2026-13-01', '2026-13-01'],
	])('reads %j as %j', (input, expected) => expect(readableDate(input)).toBe(expected));
});

describe('the value as shown', () => {
	it.each([
		[row('TSH', 6.8, 'high', { unit: 'mU/L' }), '6.8 mU/L'],
		[row('CRP', null, 'unknown', { valueText: '<0.5', unit: 'mg/L' }), '<0.5 mg/L'],
		[row('eGFR', null, 'unknown', { valueText: '>= 90', unit: 'mL/min' }), '>= 90 mL/min'],
		[row('WBC', null, 'unknown', { valueText: '0-5', unit: '/HPF' }), '0-5 /HPF'],
		[
			row('Testosterone', null, 'unknown', { valueText: 'Quantity Not Sufficient', unit: 'ng/dL' }),
			'Quantity Not Sufficient',
		],
		[row('HIV', null, 'normal', { valueText: 'Non-Reactive', unit: null }), 'Non-Reactive'],
		[row('Missing', null, 'unknown', { valueText: null, unit: 'g/L' }), '—'],
	])('shows %#', (source, expected) =>
		expect(reportView({ ...thyroidPanel(), rows: [source] }).markers[0].value).toBe(expected),
	);
});
