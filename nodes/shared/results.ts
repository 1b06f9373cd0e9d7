import type {
	IDataObject,
	INodeExecutionData,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import type { Fetched } from './transport/fetched';
import { toItems } from './actions/actionNode';
import { FHIR_OUTPUT_OPTION } from './fhir/output';

/**
 * The results pipeline every provider shares: one normalised row per biomarker, the flag rule, the
 * summary, the `results` block (`{ready, summary, rows, raw}` or `{ready: false, message}`), and how
 * actions and triggers output it. A provider adds only its row mapper.
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

/** The provider's own flag where it gives one; else the reference range's; else none. */
export function flagWithSource(
	providerFlag: ResultFlag | undefined,
	value: number | null,
	low: number | null,
	high: number | null,
): Pick<LabResultRow, 'flag' | 'flagSource'> {
	if (providerFlag) return { flag: providerFlag, flagSource: 'provider' };
	const flag = flagFromRange(value, low, high);
	return { flag, flagSource: flag === 'unknown' ? 'none' : 'range' };
}

/** A reported string (trimmed, empty as null) or number as text; anything else is null. */
export function textOrNull(value: unknown): string | null {
	if (typeof value === 'string') return value.trim() || null;
	if (typeof value === 'number') return String(value);
	return null;
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

/** When the sample was collected, reached the lab and was reported, where the provider says. */
export interface ResultDates extends IDataObject {
	collected?: string;
	received?: string;
	reported?: string;
}

export interface ReadyResults extends IDataObject {
	ready: true;
	/** The report's status where the provider gives one (Junction: final, partial, …). */
	status?: string | null;
	dates?: ResultDates;
	summary: ResultSummary;
	rows: LabResultRow[];
	/** The provider's own results, as fetched. */
	raw: IDataObject | IDataObject[];
}

export interface PendingResults extends IDataObject {
	ready: false;
	message: string;
}

/** The `results` block the README promises for every provider. */
export type LabResults = ReadyResults | PendingResults;

/** `details` are provider fields shown before the summary (Junction's status and overall interpretation). */
export function readyResults(
	rows: LabResultRow[],
	raw: ReadyResults['raw'],
	details: IDataObject = {},
): ReadyResults {
	return { ready: true, ...details, summary: summariseResults(rows), rows, raw };
}

export function pendingResults(message: string): PendingResults {
	return { ready: false, message };
}

/** The results block of a fetch that may find nothing yet; `read` is the provider's part. */
export function labResults<Raw>(
	fetched: Fetched<Raw>,
	read: (raw: Raw) => ReadyResults,
): LabResults {
	return fetched.found ? read(fetched.value) : pendingResults(fetched.message);
}

/** What a trigger's Fetch Full Data adds: `results` beside `json`, and the rows for One Item per Biomarker. */
export function resultsEnrichment(
	results: LabResults,
	json: IDataObject = {},
): { json: IDataObject; rows?: LabResultRow[] } {
	const enriched = { ...json, results };
	return results.ready ? { json: enriched, rows: results.rows } : { json: enriched };
}

/**
 * The values of a results operation's Output. Saved workflows hold them, so once published they never
 * change. One item per biomarker is `biomarkerRows`, as in the triggers' Output.
 */
export const BIOMARKER_ROWS_OUTPUT = 'biomarkerRows';
export const SUMMARY_OUTPUT = 'summary';

/** Output of a results operation: one item per biomarker, or one item with the results block. */
export function resultsOutputProperty(
	summary: Omit<INodePropertyOptions, 'value'>,
	moreOptions: INodePropertyOptions[] = [],
): INodeProperties {
	const options: INodePropertyOptions[] = [
		{
			name: 'One Item per Biomarker',
			value: BIOMARKER_ROWS_OUTPUT,
			description: 'A normalised row per biomarker, ready for a sheet or a loop',
		},
		{ ...summary, value: SUMMARY_OUTPUT },
		FHIR_OUTPUT_OPTION,
		...moreOptions,
	];
	return {
		displayName: 'Output',
		name: 'output',
		type: 'options',
		options: options.sort((a, b) => a.name.localeCompare(b.name)),
		default: SUMMARY_OUTPUT,
	};
}

/**
 * One item per biomarker, each with `identity` (which record the results are of) and `rowFields`; or,
 * while the results are not ready, one item saying so.
 */
export function biomarkerRowItems(
	results: LabResults,
	identity: IDataObject,
	rowFields?: (results: ReadyResults) => IDataObject,
): INodeExecutionData[] {
	if (!results.ready) return toItems({ ...identity, ...results });
	const fields = { ...identity, ...rowFields?.(results) };
	return toItems(results.rows.map((row) => ({ ...fields, ...row })));
}

/** The items of a results operation for the chosen Output, with `identity` first on each. */
export function resultsItems(
	results: LabResults,
	output: string,
	identity: IDataObject,
	rowFields?: (results: ReadyResults) => IDataObject,
): INodeExecutionData[] {
	if (output === BIOMARKER_ROWS_OUTPUT) return biomarkerRowItems(results, identity, rowFields);
	return toItems({ ...identity, ...results });
}
