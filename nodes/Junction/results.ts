import type { IDataObject } from 'n8n-workflow';

import {
	flagWithSource,
	numericValue,
	readyResults,
	textOrNull,
	type LabResultRow,
	type ReadyResults,
	type ResultFlag,
} from '../shared/results';
import { withoutEmpty } from '../shared/values';

/** Junction also reports booleans, which read as "true"/"false". */
function reportedText(value: unknown): string | null {
	return typeof value === 'boolean' ? String(value) : textOrNull(value);
}

/** The lab's judgement: Junction's `interpretation` (normal | abnormal | critical) refined by the range flags. */
function providerFlag(result: IDataObject): ResultFlag | undefined {
	switch (result.interpretation) {
		case 'critical':
			return 'critical';
		case 'abnormal':
			if (result.is_above_max_range === true) return 'high';
			if (result.is_below_min_range === true) return 'low';
			return 'abnormal';
		case 'normal':
			return 'normal';
		default:
			return undefined;
	}
}

/** The reported value as a number. `value` is deprecated and -1 for non-numeric results, so it is only a fallback. */
function reportedNumber(result: IDataObject): number | null {
	if (result.result !== undefined && result.result !== null) return numericValue(result.result);
	return typeof result.value === 'number' && result.value !== -1
		? numericValue(result.value)
		: null;
}

/** One Junction `BiomarkerResult` as a normalised row. */
export function junctionResultRow(result: IDataObject): LabResultRow {
	const value = reportedNumber(result);
	const low = numericValue(result.min_range_value);
	const high = numericValue(result.max_range_value);
	const loinc = reportedText(result.loinc);
	const slug = reportedText(result.slug);
	return {
		biomarker: reportedText(result.name) ?? slug ?? 'Unnamed biomarker',
		code: loinc ?? slug,
		codeSystem: loinc ? 'LOINC' : slug ? 'Junction' : null,
		value,
		valueText: reportedText(result.result),
		unit: reportedText(result.unit),
		referenceLow: low,
		referenceHigh: high,
		...flagWithSource(providerFlag(result), value, low, high),
		interpretation: reportedText(result.interpretation),
		comment: reportedText(result.notes),
	};
}

/**
 * `results` is a list of `BiomarkerResult`; for backwards compatibility Junction may still send an
 * untyped dict, keyed by marker, of result objects or bare values. Both become a list.
 */
export function biomarkerResults(raw: IDataObject): IDataObject[] {
	const results = raw.results;
	if (Array.isArray(results)) {
		return results.filter(
			(entry): entry is IDataObject => typeof entry === 'object' && entry !== null,
		);
	}
	if (typeof results !== 'object' || results === null) return [];
	return Object.entries(results as IDataObject).map(([key, entry]) =>
		typeof entry === 'object' && entry !== null && !Array.isArray(entry)
			? { name: key, ...(entry as IDataObject) }
			: { name: key, result: reportedText(entry) },
	);
}

/** `LabResultsRaw` as the shared results block, with the lab's status (final | partial) and overall interpretation. */
export function junctionResults(raw: IDataObject): ReadyResults {
	const metadata = (
		typeof raw.metadata === 'object' && raw.metadata !== null ? raw.metadata : {}
	) as IDataObject;
	return readyResults(biomarkerResults(raw).map(junctionResultRow), raw, {
		status: reportedText(metadata.status),
		interpretation: reportedText(metadata.interpretation),
		dates: withoutEmpty({
			collected: reportedText(metadata.date_collected),
			received: reportedText(metadata.date_received),
			reported: reportedText(metadata.date_reported),
		}),
	});
}

/** The lab's judgement of a parsed report result: its interpretation, refined by the range flags. */
function parsedFlag(result: IDataObject): ResultFlag | undefined {
	if (result.interpretation === 'unknown') return undefined;
	return providerFlag(result);
}

/** One result Junction read from an uploaded lab report (`LabReportResult`), as a normalised row. */
export function parsedReportRow(result: IDataObject): LabResultRow {
	const value = result.type === 'numeric' ? numericValue(result.value) : null;
	const low = numericValue(result.min_reference_range);
	const high = numericValue(result.max_reference_range);
	const matches = Array.isArray(result.loinc_matches)
		? (result.loinc_matches as IDataObject[])
		: [];
	const loinc =
		result.loinc_match_status === 'auto_match' ? reportedText(matches[0]?.loinc_code) : null;
	return {
		biomarker: reportedText(result.test_name) ?? 'Unnamed result',
		code: loinc,
		codeSystem: loinc ? 'LOINC' : null,
		value,
		valueText: reportedText(result.value),
		unit: reportedText(result.units),
		referenceLow: low,
		referenceHigh: high,
		...flagWithSource(parsedFlag(result), value, low, high),
		interpretation: reportedText(result.interpretation),
		comment: null,
	};
}

/** A completed lab report parsing job (`ParsingJob`) as the shared results block. */
export function parsedReportResults(job: IDataObject): ReadyResults {
	const parsed = (typeof job.data === 'object' && job.data !== null ? job.data : {}) as IDataObject;
	const results = Array.isArray(parsed.results) ? (parsed.results as IDataObject[]) : [];
	return readyResults(results.map(parsedReportRow), job, { status: reportedText(job.status) });
}
