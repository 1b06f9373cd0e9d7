import type { IDataObject } from 'n8n-workflow';

import {
	flagFromRange,
	numericValue,
	summariseResults,
	type LabResultRow,
	type ResultFlag,
} from '../shared/results';

function text(value: unknown): string | null {
	if (typeof value === 'string') return value.trim() || null;
	if (typeof value === 'number' || typeof value === 'boolean') return String(value);
	return null;
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
	const fromProvider = providerFlag(result);
	const fromRange = flagFromRange(value, low, high);
	const loinc = text(result.loinc);
	const slug = text(result.slug);
	return {
		biomarker: text(result.name) ?? slug ?? 'Unnamed biomarker',
		code: loinc ?? slug,
		codeSystem: loinc ? 'LOINC' : slug ? 'Junction' : null,
		value,
		valueText: text(result.result),
		unit: text(result.unit),
		referenceLow: low,
		referenceHigh: high,
		flag: fromProvider ?? fromRange,
		flagSource: fromProvider ? 'provider' : fromRange === 'unknown' ? 'none' : 'range',
		interpretation: text(result.interpretation),
		comment: text(result.notes),
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
			: { name: key, result: text(entry) },
	);
}

export interface NormalisedResults extends IDataObject {
	ready: true;
	/** final | partial */
	status: string | null;
	interpretation: string | null;
	summary: IDataObject;
	rows: LabResultRow[];
	raw: IDataObject;
}

/** `LabResultsRaw` as the status, the lab's overall interpretation, a summary and one row per biomarker. */
export function normaliseResults(raw: IDataObject): NormalisedResults {
	const metadata = (
		typeof raw.metadata === 'object' && raw.metadata !== null ? raw.metadata : {}
	) as IDataObject;
	const rows = biomarkerResults(raw).map(junctionResultRow);
	return {
		ready: true,
		status: text(metadata.status),
		interpretation: text(metadata.interpretation),
		summary: summariseResults(rows),
		rows,
		raw,
	};
}
