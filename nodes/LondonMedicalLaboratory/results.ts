import type { IDataObject } from 'n8n-workflow';

import {
	flagWithSource,
	numericValue,
	readyResults,
	textOrNull as text,
	type LabResultRow,
	type ReadyResults,
	type ResultFlag,
} from '../shared/results';

/** LML reports positive/negative tests as booleans, with no range. */
function reportedText(result: IDataObject): string | null {
	if (typeof result.value === 'boolean') return result.value ? 'Positive' : 'Negative';
	return text(result.human_readable_value) ?? text(result.value);
}

/** One LML lab result (`name, code, value, min_range, max_range, out_of_range, unit_type, …`) as a normalised row. */
export function lmlResultRow(result: IDataObject): LabResultRow {
	const value = numericValue(result.value);
	const low = numericValue(result.min_range);
	const high = numericValue(result.max_range);
	const outOfRange = result.out_of_range;
	const providerFlag: ResultFlag | undefined =
		outOfRange === 'high' || outOfRange === 'low' ? outOfRange : undefined;
	// A failed test has no value to hold against the range.
	const failed = result.successful === false || result.status === 'failed';
	return {
		biomarker: text(result.name) ?? text(result.code) ?? 'Unnamed biomarker',
		code: text(result.code),
		codeSystem: text(result.code) ? 'LML' : null,
		value,
		valueText: reportedText(result),
		unit: text(result.unit_type) ?? text(result.unit),
		referenceLow: low,
		referenceHigh: high,
		...flagWithSource(providerFlag, failed ? null : value, low, high),
		interpretation: text(outOfRange) ?? text(result.status),
		comment: text(result.comment) ?? text(result.error_reason),
	};
}

/** LML's lab results (a list of result objects) as the shared results block. */
export function lmlResults(results: IDataObject[]): ReadyResults {
	return readyResults(results.map(lmlResultRow), results);
}
