/**
 * One biomarker result, the same shape for every provider, so a workflow can route and format results
 * without knowing where they came from.
 */
export type ResultFlag = 'normal' | 'low' | 'high' | 'critical' | 'abnormal' | 'unknown';

export interface LabResultRow {
	[key: string]: string | number | boolean | null;
	biomarker: string;
	/** LOINC where the provider gives one, else the provider's own code. */
	code: string | null;
	codeSystem: string | null;
	value: number | null;
	/** The value exactly as reported ("4.2", "<0.5", "Negative"). */
	valueText: string | null;
	unit: string | null;
	referenceLow: number | null;
	referenceHigh: number | null;
	flag: ResultFlag;
	/** Whether the flag came from the provider or was worked out here from the reference range. */
	flagSource: 'provider' | 'range' | 'none';
	interpretation: string | null;
	comment: string | null;
}

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;

/** A plain number from a reported value, or null for text and bounded values such as "<0.5". */
export function numericValue(reported: unknown): number | null {
	if (typeof reported === 'number') return Number.isFinite(reported) ? reported : null;
	if (typeof reported !== 'string') return null;
	const trimmed = reported.trim();
	return NUMBER.test(trimmed) ? Number(trimmed) : null;
}

export function flagFromRange(
	value: number | null,
	low: number | null,
	high: number | null,
): ResultFlag {
	if (value === null || (low === null && high === null)) return 'unknown';
	if (low !== null && value < low) return 'low';
	if (high !== null && value > high) return 'high';
	return 'normal';
}

export function needsAttention(row: LabResultRow): boolean {
	return row.flag !== 'normal' && row.flag !== 'unknown';
}

function formatRange(row: LabResultRow): string | undefined {
	const { referenceLow: low, referenceHigh: high } = row;
	if (low !== null && high !== null) return `range ${low}–${high}`;
	if (low !== null) return `range ≥ ${low}`;
	if (high !== null) return `range ≤ ${high}`;
	return undefined;
}

/** "LDL Cholesterol 4.2 mmol/L (high, range 0–3)" */
export function describeResult(row: LabResultRow): string {
	const value = [row.valueText ?? (row.value === null ? '—' : String(row.value)), row.unit]
		.filter(Boolean)
		.join(' ');
	const details = [row.flag, formatRange(row)].filter(Boolean).join(', ');
	return `${row.biomarker} ${value} (${details})`;
}

export interface ResultSummary {
	[key: string]: string | number | string[];
	total: number;
	normal: number;
	low: number;
	high: number;
	critical: number;
	abnormal: number;
	unknown: number;
	needingAttention: number;
	/** One line per result outside its range, critical ones first. */
	attentionLines: string[];
	/** Ready to paste into a Slack or email message. */
	text: string;
}

const FLAG_ORDER: ResultFlag[] = ['critical', 'high', 'low', 'abnormal'];

export function summariseResults(rows: LabResultRow[]): ResultSummary {
	const count = (flag: ResultFlag) => rows.filter((row) => row.flag === flag).length;
	const attention = rows
		.filter(needsAttention)
		.sort((a, b) => FLAG_ORDER.indexOf(a.flag) - FLAG_ORDER.indexOf(b.flag));
	const attentionLines = attention.map(describeResult);
	const text =
		rows.length === 0
			? 'No results yet.'
			: attention.length === 0
				? `All ${rows.length} results are within range.`
				: `${attention.length} of ${rows.length} results need attention: ${attentionLines.join('; ')}.`;
	return {
		total: rows.length,
		normal: count('normal'),
		low: count('low'),
		high: count('high'),
		critical: count('critical'),
		abnormal: count('abnormal'),
		unknown: count('unknown'),
		needingAttention: attention.length,
		attentionLines,
		text,
	};
}
