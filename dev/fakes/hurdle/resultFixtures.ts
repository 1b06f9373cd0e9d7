/**
 * A further Hurdle test the fake serves beside the sample test: a ">x" value Hurdle flags high, a
 * marker the lab could not result ("Quantity Not Sufficient", the error text a third party reports in
 * `result`), a marker without an interpretation rule (no range), a text result and a low one. Hurdle
 * never published its failure shape: this is the string form its `result` field allows.
 */
export const HURDLE_RESULT_TESTS = {
	textAndFailed: '6377bcd6cd7907948cb50422',
} as const;

type Row = Record<string, unknown>;

interface Marker {
	name: string;
	code: string;
	result: string;
	unit: string;
	interpretation: string | null;
	/** The interpretation rule's buckets; none, no rule at all. */
	buckets?: Record<string, string[]>;
}

const TEXT_AND_FAILED: Marker[] = [
	{
		name: 'Vitamin D (25 OH)',
		code: 'VITD',
		result: '>375',
		unit: 'nmol/L',
		interpretation: 'HIGH',
		buckets: { NORMAL: ['50-175'], LOW: ['<50'], HIGH: ['>175'] },
	},
	{
		name: 'Testosterone',
		code: 'TESTO',
		result: 'Quantity Not Sufficient',
		unit: 'nmol/L',
		interpretation: null,
		buckets: { NORMAL: ['8.64-29'], LOW: ['<8.64'], HIGH: ['>29'] },
	},
	{ name: 'Cortisol', code: 'CORT', result: '412', unit: 'nmol/L', interpretation: null },
	{
		name: 'Chlamydia trachomatis',
		code: 'CHLAM',
		result: 'Not Detected',
		unit: '',
		interpretation: 'NORMAL',
	},
	{
		name: 'Omega-3 Index',
		code: 'O3I',
		result: '6.2',
		unit: '%',
		interpretation: 'LOW',
		buckets: { NORMAL: ['>=8'], LOW: ['<8'] },
	},
];

function biomarkerResult(testId: string, index: number, marker: Marker): Row {
	return {
		id: `br_${testId.slice(-4)}_${index}`,
		result: marker.result,
		specimenId: `sp_${testId.slice(-4)}`,
		testId,
		interpretation: marker.interpretation,
		biomarker: {
			id: `bm_${marker.code.toLowerCase()}`,
			name: marker.name,
			code: marker.code,
			unit: marker.unit,
			...(marker.buckets ? { interpretationRule: { rule: 'RANGE', value: marker.buckets } } : {}),
			specimenType: 'CAPILLARY_BLOOD_DBS',
		},
	};
}

/** The biomarker results of each further test, by test id. */
export function hurdleResultFixtures(): Record<string, Row[]> {
	const id = HURDLE_RESULT_TESTS.textAndFailed;
	return {
		[id]: TEXT_AND_FAILED.map((marker, index) => biomarkerResult(id, index + 1, marker)),
	};
}
