/**
 * Further LML lab results the fake serves beside the sample registration's, each at a registration of
 * its own: qualitative and bounded values, failed markers, and a 60-marker panel. Shaped as LML's lab
 * result items (`name, code, value, min_range, max_range, out_of_range, unit_type, successful, …`).
 */
export const LML_RESULT_REGISTRATIONS = {
	/** Positive/negative booleans, text values, "<x" and ">x", a comment only, no range, units to map. */
	qualitative: 'f0000000-0000-4000-8000-000000000301',
	/** Two markers the lab could not result (insufficient, haemolysed) beside one it could. */
	failed: 'f0000000-0000-4000-8000-000000000422',
	/** A 60-marker health check: blood count, kidney, liver, lipids, iron, thyroid, hormones. */
	fullPanel: 'f0000000-0000-4000-8000-000000000060',
} as const;

type Row = Record<string, unknown>;

function result(index: number, fields: Row): Row {
	return {
		id: `r-${index}`,
		value: null,
		min_range: null,
		max_range: null,
		unit_type: null,
		out_of_range: null,
		successful: true,
		status: 'success',
		comment: null,
		biomarker_id: `bm-${String(fields.code).toLowerCase()}`,
		...fields,
	};
}

function qualitativeResults(): Row[] {
	return [
		{ name: 'Hepatitis C Antibody', code: 'HCVAB', value: false },
		{ name: 'Helicobacter pylori Antigen', code: 'HPYL', value: true },
		{ name: 'Blood Group', code: 'ABO', value: 'A RhD Positive' },
		{ name: 'C-Reactive Protein', code: 'CRP', value: '<0.6', min_range: '0', max_range: '5' },
		{ name: 'eGFR', code: 'EGFR', value: '>90', min_range: '90', unit_type: 'mL/min/1.73m2' },
		{
			name: 'TSH',
			code: 'TSH',
			value: '1.9',
			min_range: '0.27',
			max_range: '4.2',
			unit_type: 'mIU/L',
		},
		{
			name: 'Creatinine',
			code: 'CREA',
			value: '61',
			min_range: '59',
			max_range: '104',
			unit_type: 'µmol/L',
		},
		{
			name: 'White Cell Count',
			code: 'WBC',
			value: '3.1',
			min_range: '4',
			max_range: '11',
			unit_type: 'x10^9/L',
			out_of_range: 'low',
		},
		{ name: 'Cortisol', code: 'CORT', value: '412', unit_type: 'nmol/L' },
		{ name: 'Blood Film', code: 'FILM', comment: 'Normal red cell morphology' },
	].map((fields, index) => result(index + 1, fields));
}

function failedResults(): Row[] {
	return [
		{
			name: 'Vitamin B12',
			code: 'B12',
			min_range: '197',
			max_range: '771',
			unit_type: 'ng/L',
			successful: false,
			status: 'failed',
			error_reason: 'Insufficient sample',
		},
		{
			name: 'Potassium',
			code: 'K',
			min_range: '3.5',
			max_range: '5.3',
			unit_type: 'mmol/L',
			successful: false,
			status: 'failed',
			error_reason: 'Sample haemolysed',
		},
		{
			name: 'Ferritin',
			code: 'FERR',
			value: '88',
			min_range: '13',
			max_range: '150',
			unit_type: 'ug/L',
		},
	].map((fields, index) => result(index + 1, fields));
}

/** name, code, value, unit, low, high (null: no bound), LML's flag. */
type PanelMarker = [string, string, string, string | null, number | null, number | null, string?];

const FULL_PANEL: PanelMarker[] = [
	['Haemoglobin', 'HB', '142', 'g/L', 130, 170],
	['White Cell Count', 'WBC', '6.2', 'x10^9/L', 4, 11],
	['Red Cell Count', 'RBC', '4.8', 'x10^12/L', 4.5, 6.5],
	['Haematocrit', 'HCT', '0.43', 'L/L', 0.4, 0.54],
	['Mean Cell Volume', 'MCV', '89', 'fL', 80, 100],
	['Mean Cell Haemoglobin', 'MCH', '29.6', 'pg', 27, 32],
	['MCHC', 'MCHC', '333', 'g/L', 315, 345],
	['Red Cell Distribution Width', 'RDW', '13.1', '%', 11.5, 15],
	['Platelets', 'PLT', '245', 'x10^9/L', 150, 400],
	['Mean Platelet Volume', 'MPV', '10.2', 'fL', 7, 13],
	['Neutrophils', 'NEUT', '3.6', 'x10^9/L', 2, 7.5],
	['Lymphocytes', 'LYMPH', '1.9', 'x10^9/L', 1, 4],
	['Monocytes', 'MONO', '0.5', 'x10^9/L', 0.2, 0.8],
	['Eosinophils', 'EOS', '0.15', 'x10^9/L', 0, 0.4],
	['Basophils', 'BASO', '0.05', 'x10^9/L', 0, 0.1],
	['Sodium', 'NA', '140', 'mmol/L', 133, 146],
	['Potassium', 'K', '4.4', 'mmol/L', 3.5, 5.3],
	['Chloride', 'CL', '102', 'mmol/L', 95, 108],
	['Bicarbonate', 'HCO3', '26', 'mmol/L', 22, 29],
	['Urea', 'UREA', '5.1', 'mmol/L', 2.5, 7.8],
	['Creatinine', 'CREA', '118', 'µmol/L', 59, 104, 'high'],
	['eGFR', 'EGFR', '>90', 'mL/min/1.73m2', 90, null],
	['Alanine Transaminase (ALT)', 'ALT', '32', 'U/L', 0, 50],
	['Aspartate Transaminase (AST)', 'AST', '28', 'U/L', 0, 40],
	['Alkaline Phosphatase', 'ALP', '78', 'U/L', 30, 130],
	['Gamma GT', 'GGT', '45', 'U/L', 0, 60],
	['Bilirubin', 'BILI', '11', 'µmol/L', 0, 21],
	['Albumin', 'ALB', '44', 'g/L', 35, 50],
	['Total Protein', 'TP', '72', 'g/L', 60, 80],
	['Globulin', 'GLOB', '28', 'g/L', 20, 35],
	['Total Cholesterol', 'CHOL', '5.9', 'mmol/L', 0, 5, 'high'],
	['HDL Cholesterol', 'HDL', '1.3', 'mmol/L', 1, null],
	['LDL Cholesterol', 'LDL', '3.8', 'mmol/L', 0, 3, 'high'],
	['Triglycerides', 'TRIG', '1.6', 'mmol/L', 0, 1.7],
	['Non-HDL Cholesterol', 'NHDL', '4.6', 'mmol/L', 0, 4, 'high'],
	['Total Cholesterol : HDL Ratio', 'CHR', '4.5', 'ratio', 0, 5],
	['HbA1c', 'HBA1C', '38', 'mmol/mol', 20, 41],
	['Glucose', 'GLU', '5.2', 'mmol/L', 3, 6],
	['Ferritin', 'FERR', '88', 'ug/L', 30, 400],
	['Iron', 'FE', '18', 'µmol/L', 10, 30],
	['Total Iron Binding Capacity', 'TIBC', '60', 'µmol/L', 45, 72],
	['Transferrin Saturation', 'TSAT', '30', '%', 20, 50],
	['TSH', 'TSH', '2.1', 'mIU/L', 0.27, 4.2],
	['Free T4', 'FT4', '15.1', 'pmol/L', 12, 22],
	['Free T3', 'FT3', '4.9', 'pmol/L', 3.1, 6.8],
	['Thyroid Peroxidase Antibodies', 'TPO', '<9', 'IU/mL', 0, 34],
	['Thyroglobulin Antibodies', 'TGAB', '12', 'IU/mL', 0, 115],
	['Vitamin D', 'VITD', '42', 'nmol/L', 50, 175, 'low'],
	['Vitamin B12', 'B12', '380', 'ng/L', 197, 771],
	['Folate', 'FOL', '7.8', 'µg/L', 3.9, 26.8],
	['High Sensitivity CRP', 'HSCRP', '<0.6', 'mg/L', 0, 5],
	['Testosterone', 'TESTO', '18.2', 'nmol/L', 8.64, 29],
	['Sex Hormone Binding Globulin', 'SHBG', '34', 'nmol/L', 18.3, 54.1],
	['Free Testosterone', 'FTES', '0.38', 'nmol/L', 0.2, 0.62],
	['Oestradiol', 'E2', '98', 'pmol/L', 41.4, 159],
	['Follicle Stimulating Hormone', 'FSH', '4.2', 'IU/L', 1.5, 12.4],
	['Luteinising Hormone', 'LH', '5.1', 'IU/L', 1.7, 8.6],
	['Prolactin', 'PRL', '210', 'mIU/L', 86, 324],
	['Cortisol', 'CORT', '412', 'nmol/L', null, null],
	['Uric Acid', 'URATE', '0.38', 'mmol/L', 0.2, 0.42],
];

function fullPanelResults(): Row[] {
	return FULL_PANEL.map(([name, code, value, unit, low, high, flag], index) =>
		result(index + 1, {
			name,
			code,
			value,
			unit_type: unit,
			min_range: low === null ? null : String(low),
			max_range: high === null ? null : String(high),
			out_of_range: flag ?? null,
		}),
	);
}

/** The registrations these results belong to, and the results by registration id. */
export function lmlResultFixtures(): Record<string, Row[]> {
	return {
		[LML_RESULT_REGISTRATIONS.qualitative]: qualitativeResults(),
		[LML_RESULT_REGISTRATIONS.failed]: failedResults(),
		[LML_RESULT_REGISTRATIONS.fullPanel]: fullPanelResults(),
	};
}
