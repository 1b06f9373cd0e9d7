import type { IDataObject } from 'n8n-workflow';

import { flagFromRange, numericValue, type LabResultRow, type ResultFlag } from '../shared/results';

function text(value: unknown): string | null {
	if (typeof value === 'string') return value.trim() || null;
	if (typeof value === 'number') return String(value);
	return null;
}

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
	let flag: ResultFlag;
	let flagSource: LabResultRow['flagSource'];
	if (outOfRange === 'high' || outOfRange === 'low') {
		flag = outOfRange;
		flagSource = 'provider';
	} else if (result.successful === false || result.status === 'failed') {
		flag = 'unknown';
		flagSource = 'none';
	} else {
		flag = flagFromRange(value, low, high);
		flagSource = flag === 'unknown' ? 'none' : 'range';
	}
	return {
		biomarker: text(result.name) ?? text(result.code) ?? 'Unnamed biomarker',
		code: text(result.code),
		codeSystem: text(result.code) ? 'LML' : null,
		value,
		valueText: reportedText(result),
		unit: text(result.unit_type) ?? text(result.unit),
		referenceLow: low,
		referenceHigh: high,
		flag,
		flagSource,
		interpretation: text(outOfRange) ?? text(result.status),
		comment: text(result.comment) ?? text(result.error_reason),
	};
}
