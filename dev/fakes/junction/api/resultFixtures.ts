/**
 * Further Junction results the fake serves, each at an order of its own: a partial report (the lab has
 * released some markers; the rest follow) and a final report with what a lab sends besides plain
 * numbers: a marker it could not result, a marker without a range, a ">x" value, a range value, coded
 * values and a critical low. `LabResultsRaw` as the spec gives it.
 */
export const JUNCTION_RESULT_ORDERS = {
	/** `metadata.status: partial`: three markers released so far. */
	partial: 'a0000000-0000-4000-8000-000000000206',
	/** Final, with a "Quantity Not Sufficient" marker, no range, ">x", "0-5", coded values, critical low. */
	unusualValues: 'a0000000-0000-4000-8000-000000000422',
} as const;

type Row = Record<string, unknown>;

function metadata(status: 'final' | 'partial', interpretation: string): Row {
	return {
		age: 56,
		dob: '1970-01-01',
		'clia_#': '03D0000000',
		patient: 'Testy McTestface',
		provider: 'Doctor Example',
		laboratory: 'Example Reference Laboratory',
		date_reported: '2026-08-09',
		date_collected: '2026-08-06',
		specimen_number: 'SMP-20260806-0206',
		status,
		interpretation,
		patient_id: 'P-0042',
	};
}

function marker(fields: Row): Row {
	return {
		type: 'numeric',
		unit: null,
		interpretation: 'normal',
		is_above_max_range: false,
		is_below_min_range: false,
		timestamp: '2026-08-09T15:30:00+00:00',
		notes: null,
		...fields,
	};
}

function partialResults(): Row {
	return {
		metadata: metadata('partial', 'abnormal'),
		results: [
			marker({
				name: 'Glucose',
				slug: 'glucose',
				result: '88',
				unit: 'mg/dL',
				min_range_value: 65,
				max_range_value: 99,
				loinc: '2345-7',
				value: 88,
			}),
			marker({
				name: 'Hemoglobin A1c',
				slug: 'hba1c',
				result: '6.1',
				unit: '%',
				min_range_value: 4,
				max_range_value: 5.6,
				is_above_max_range: true,
				interpretation: 'abnormal',
				loinc: '4548-4',
				value: 6.1,
			}),
			marker({
				name: 'Apolipoprotein B',
				slug: 'apolipoprotein-b',
				result: '84',
				unit: 'mg/dL',
				max_range_value: 90,
				value: 84,
			}),
		],
		missing_results: [],
		sample_information: {},
	};
}

function unusualValueResults(): Row {
	return {
		metadata: { ...metadata('final', 'critical'), date_reported: '2026-08-10' },
		results: [
			marker({
				name: 'Testosterone, Total',
				slug: 'testosterone-total',
				result: 'Quantity Not Sufficient',
				type: 'comment',
				unit: 'ng/dL',
				min_range_value: 264,
				max_range_value: 916,
				value: -1,
				notes: 'Please recollect',
			}),
			marker({ name: 'Cortisol', slug: 'cortisol', result: '14.2', unit: 'ug/dL', value: 14.2 }),
			marker({
				name: 'Ferritin',
				slug: 'ferritin',
				result: '>1650',
				type: 'range',
				unit: 'ng/mL',
				min_range_value: 30,
				max_range_value: 400,
				is_above_max_range: true,
				interpretation: 'abnormal',
				value: -1,
			}),
			marker({
				name: 'White Blood Cells, Urine',
				slug: 'wbc-urine',
				result: '0-5',
				type: 'range',
				unit: '/HPF',
				value: -1,
			}),
			marker({
				name: 'Chlamydia trachomatis RNA',
				slug: 'chlamydia-trachomatis-rna',
				result: 'Not Detected',
				type: 'coded_value',
				value: -1,
			}),
			marker({
				name: 'Hepatitis B Surface Antigen',
				slug: 'hepatitis-b-surface-antigen',
				result: 'Positive',
				type: 'coded_value',
				interpretation: 'abnormal',
				value: -1,
			}),
			marker({
				name: 'Potassium',
				slug: 'potassium',
				result: '2.6',
				unit: 'mmol/L',
				min_range_value: 3.5,
				max_range_value: 5.3,
				is_below_min_range: true,
				interpretation: 'critical',
				loinc: '2823-3',
				value: 2.6,
				notes: 'Called to physician',
			}),
		],
		missing_results: [],
		sample_information: {},
	};
}

/** The results of each further order, by order id. */
export function junctionResultFixtures(): Record<string, Row> {
	return {
		[JUNCTION_RESULT_ORDERS.partial]: partialResults(),
		[JUNCTION_RESULT_ORDERS.unusualValues]: unusualValueResults(),
	};
}
