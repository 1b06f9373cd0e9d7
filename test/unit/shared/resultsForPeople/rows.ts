import {
	readyResults,
	type LabResultRow,
	type ReadyResults,
} from '../../../../nodes/shared/results';

/** Hand-built rows and result sets for the renderers' unit tests. */
export function row(
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

export const ranged = (low: number | null, high: number | null): Partial<LabResultRow> => ({
	referenceLow: low,
	referenceHigh: high,
});

/** A thyroid panel: one high, one low, two in range, in the lab's order. */
export function thyroidPanel(details = {}): ReadyResults {
	return readyResults(
		[
			row('Free T4', 14.2, 'normal', {
				...ranged(12, 22),
				unit: 'pmol/L',
				code: 'FT4',
				codeSystem: 'LML',
			}),
			row('TSH', 6.8, 'high', {
				...ranged(0.27, 4.2),
				unit: 'mU/L',
				code: 'TSH',
				codeSystem: 'LML',
				comment: 'Raised TSH',
			}),
			row('Vitamin D', 31, 'low', {
				...ranged(50, 175),
				unit: 'nmol/L',
				code: 'VITD',
				codeSystem: 'LML',
			}),
			row('Ferritin', 88, 'normal', {
				...ranged(13, 150),
				unit: 'ug/L',
				code: 'FERR',
				codeSystem: 'LML',
			}),
		],
		[],
		details,
	);
}

/** `count` markers, every `outOfRangeEvery`th high, with long names: the largest panel a lab sends. */
export function largePanel(count: number, outOfRangeEvery: number): ReadyResults {
	return readyResults(
		Array.from({ length: count }, (_, index) =>
			row(
				`Marker ${index + 1} with a long descriptive laboratory name`,
				index % outOfRangeEvery === 0 ? 12 : 5,
				index % outOfRangeEvery === 0 ? 'high' : 'normal',
				{ ...ranged(1, 10), comment: 'A comment from the lab '.repeat(20) },
			),
		),
		[],
		{ status: 'final' },
	);
}
