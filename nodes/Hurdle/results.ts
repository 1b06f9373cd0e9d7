import type { IDataObject } from 'n8n-workflow';

import {
	flagWithSource,
	numericValue,
	pendingResults,
	readyResults,
	textOrNull as text,
	type LabResultRow,
	type LabResults,
	type ResultFlag,
} from '../shared/results';
import { ownEntry, withoutEmpty } from '../shared/values';

function object(value: unknown): IDataObject {
	return typeof value === 'object' && value !== null && !Array.isArray(value)
		? (value as IDataObject)
		: {};
}

export interface ReferenceRange {
	low: number | null;
	high: number | null;
}

const NUMBER = '[-+]?(?:\\d+\\.?\\d*|\\.\\d+)';
const BOUND = new RegExp(`^(<=|>=|<|>|≤|≥)\\s*(${NUMBER})$`);
const BETWEEN = new RegExp(`^(${NUMBER})\\s*(?:-|–|to)\\s*(${NUMBER})$`);

/** One condition of an interpretation rule ("<=99", ">=4", "4-10", "<7.00") as the bounds it sets. */
export function boundsOf(condition: string): ReferenceRange {
	const trimmed = condition.trim();
	const between = BETWEEN.exec(trimmed);
	if (between) return { low: Number(between[1]), high: Number(between[2]) };
	const bound = BOUND.exec(trimmed);
	if (!bound) return { low: null, high: null };
	const limit = Number(bound[2]);
	return bound[1].startsWith('<') || bound[1] === '≤'
		? { low: null, high: limit }
		: { low: limit, high: null };
}

function conditions(value: unknown): string[] {
	if (typeof value === 'string') return [value];
	return Array.isArray(value)
		? value.filter((entry): entry is string => typeof entry === 'string')
		: [];
}

/**
 * The normal range from a rule such as `{rule: 'RANGE', value: {NORMAL: ['<=99'], HIGH: ['>99']}}`.
 * The NORMAL conditions give it directly; where they leave a side open, the LOW and HIGH conditions
 * close it (anything above the LOW bucket's upper bound is no longer low).
 */
export function referenceRangeFrom(rule: unknown): ReferenceRange {
	const buckets = object(object(rule).value);
	const range: ReferenceRange = { low: null, high: null };
	for (const condition of conditions(buckets.NORMAL)) {
		const bounds = boundsOf(condition);
		range.low ??= bounds.low;
		range.high ??= bounds.high;
	}
	for (const condition of conditions(buckets.LOW)) range.low ??= boundsOf(condition).high;
	for (const condition of conditions(buckets.HIGH)) range.high ??= boundsOf(condition).low;
	return range;
}

const PROVIDER_FLAGS: Record<string, ResultFlag> = { NORMAL: 'normal', LOW: 'low', HIGH: 'high' };

/** One entry of a Hurdle test's `biomarkerResults` as a normalised row. */
export function hurdleResultRow(result: IDataObject): LabResultRow {
	const biomarker = object(result.biomarker);
	const value = numericValue(result.result);
	const { low, high } = referenceRangeFrom(biomarker.interpretationRule);
	const interpretation = text(result.interpretation);
	const providerFlag = interpretation
		? ownEntry(PROVIDER_FLAGS, interpretation.toUpperCase())
		: undefined;
	const code = text(biomarker.code);
	return {
		biomarker: text(biomarker.name) ?? code ?? 'Unnamed biomarker',
		code,
		codeSystem: code ? 'Hurdle' : null,
		value,
		valueText: text(result.result),
		unit: text(biomarker.unit),
		referenceLow: low,
		referenceHigh: high,
		...flagWithSource(providerFlag, value, low, high),
		interpretation,
		comment: text(result.comment),
		specimenId: text(result.specimenId),
	};
}

function biomarkerResultsOf(test: IDataObject): IDataObject[] {
	const results = Array.isArray(test.biomarkerResults) ? (test.biomarkerResults as unknown[]) : [];
	return results.filter(
		(result): result is IDataObject => typeof result === 'object' && result !== null,
	);
}

/** The normalised rows of a test from `GET /tests/v2/{testId}`: none until the lab has released results. */
export function hurdleResultRows(test: IDataObject): LabResultRow[] {
	return biomarkerResultsOf(test).map(hurdleResultRow);
}

const NO_RESULTS_YET = 'Hurdle has no results for this test yet';

/** A test's results as the shared results block: not ready until it has biomarker results. */
export function hurdleResults(test: IDataObject): LabResults {
	const rows = hurdleResultRows(test);
	if (rows.length === 0) return pendingResults(NO_RESULTS_YET);
	const [specimen] = Array.isArray(test.specimens) ? (test.specimens as unknown[]) : [];
	return readyResults(rows, biomarkerResultsOf(test), {
		status: text(test.status),
		dates: withoutEmpty({
			received: text(object(specimen).accessionedAt),
			reported: text(object(specimen).processedAt),
		}),
	});
}
