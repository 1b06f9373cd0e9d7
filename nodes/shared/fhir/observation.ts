import type { LabResultRow } from '../results';
import {
	absentReason,
	interpretationConcept,
	LABORATORY_CATEGORY,
	LOINC,
	providerCodeSystem,
	QUALITATIVE,
	SNOMED,
	type InterpretationCode,
} from './systems';
import type {
	CodeableConcept,
	Identifier,
	Observation,
	QuantityComparator,
	Reference,
} from './types';
import { quantity } from './units';

/** What every Observation of one report shares. */
export interface ObservationContext {
	provider: string;
	subject: Reference;
	effectiveDateTime?: string;
	issued?: string;
}

const NUMBER = '[-+]?(?:\\d+\\.?\\d*|\\.\\d+)';
const BOUNDED = new RegExp(`^(<=|>=|<|>|≤|≥)\\s*(${NUMBER})$`);
const RANGE = new RegExp(`^(${NUMBER})\\s*-\\s*(${NUMBER})$`);
const COMPARATORS: Record<string, QuantityComparator> = {
	'<': '<',
	'<=': '<=',
	'>': '>',
	'>=': '>=',
	'≤': '<=',
	'≥': '>=',
};

/**
 * What a lab writes, in the value or the comment, when it could not result a marker. Matched as whole
 * words; a value that is a number is never a failure.
 */
const NOT_RESULTED =
	/\b(quantity not sufficient|qns|insufficient|not sufficient|haemoly[sz]ed|hemoly[sz]ed|unsuitable|clotted|not processed|not performed|test failed|failed|cancell?ed|sample error)\b/i;
const FAILED_STATUSES = new Set(['failed', 'fail', 'error', 'cancelled', 'canceled']);

/** A FHIR `code`: no leading, trailing or doubled whitespace. */
export function fhirCode(text: string): string | undefined {
	const code = text.trim().replace(/\s+/g, ' ');
	return code || undefined;
}

/** Text for a FHIR string: trimmed, empty as none. */
export function fhirText(text: string | null | undefined): string | undefined {
	const trimmed = typeof text === 'string' ? text.trim() : '';
	return trimmed || undefined;
}

function codeOf(row: LabResultRow, provider: string): CodeableConcept {
	const code = row.code === null ? undefined : fhirCode(row.code);
	const text = fhirText(row.biomarker);
	const system = row.codeSystem === 'LOINC' ? LOINC : providerCodeSystem(provider, 'biomarker');
	if (!code) return { text: text ?? 'Unnamed biomarker' };
	const concept: CodeableConcept = { coding: [{ system, code }] };
	return text ? { ...concept, text } : concept;
}

function failedReason(row: LabResultRow): string | undefined | false {
	const interpretation = (row.interpretation ?? '').toLowerCase();
	const said = fhirText(row.valueText) ?? fhirText(row.comment);
	if (FAILED_STATUSES.has(interpretation)) return said;
	if (said && NOT_RESULTED.test(said)) return said;
	return false;
}

type ValueFields = Pick<
	Observation,
	'valueQuantity' | 'valueCodeableConcept' | 'valueString' | 'valueRange' | 'dataAbsentReason'
>;

/** Exactly one value[x], or a dataAbsentReason: the number, a bound, a range, a coded or a text value. */
function valueOf(row: LabResultRow): { fields: ValueFields; qualitative?: InterpretationCode } {
	if (row.value !== null && Number.isFinite(row.value))
		return { fields: { valueQuantity: quantity(row.value, row.unit) } };
	const text = fhirText(row.valueText);
	if (!text) {
		const comment = fhirText(row.comment);
		return {
			fields: {
				dataAbsentReason: comment ? absentReason('as-text', comment) : absentReason('unknown'),
			},
		};
	}
	const bounded = BOUNDED.exec(text);
	if (bounded) {
		const comparator = COMPARATORS[bounded[1]];
		return { fields: { valueQuantity: { comparator, ...quantity(Number(bounded[2]), row.unit) } } };
	}
	const range = RANGE.exec(text);
	if (range && Number(range[1]) <= Number(range[2])) {
		return {
			fields: {
				valueRange: {
					low: quantity(Number(range[1]), row.unit),
					high: quantity(Number(range[2]), row.unit),
				},
			},
		};
	}
	const coded = QUALITATIVE[text.toLowerCase()];
	if (coded) {
		return {
			fields: {
				valueCodeableConcept: {
					coding: [{ system: SNOMED, code: coded.code, display: coded.display }],
					text,
				},
			},
			qualitative: coded.flag,
		};
	}
	return { fields: { valueString: text } };
}

/** The v3 interpretation of our flag; a critical one takes its direction from the range. */
function interpretationOf(row: LabResultRow, qualitative?: InterpretationCode) {
	switch (row.flag) {
		case 'normal':
			return 'N';
		case 'low':
			return 'L';
		case 'high':
			return 'H';
		case 'abnormal':
			return 'A';
		case 'critical': {
			const { value, referenceLow: low, referenceHigh: high } = row;
			if (value !== null && high !== null && value > high) return 'HH';
			if (value !== null && low !== null && value < low) return 'LL';
			return 'AA';
		}
		default:
			return qualitative;
	}
}

function referenceRangeOf(row: LabResultRow): Observation['referenceRange'] {
	const { referenceLow: low, referenceHigh: high } = row;
	if (low === null && high === null) return undefined;
	return [
		{
			...(low !== null ? { low: quantity(low, row.unit) } : {}),
			...(high !== null ? { high: quantity(high, row.unit) } : {}),
		},
	];
}

/** One biomarker row as an Observation; a marker the lab could not result is cancelled, with why. */
export function observationOf(
	row: LabResultRow,
	id: Identifier,
	context: ObservationContext,
): Observation {
	const failed = row.value === null ? failedReason(row) : false;
	const { fields, qualitative } =
		failed === false
			? valueOf(row)
			: { fields: { dataAbsentReason: absentReason(failed ? 'as-text' : 'error', failed) } };
	const interpretation =
		failed === false && !fields.dataAbsentReason ? interpretationOf(row, qualitative) : undefined;
	const note = fhirText(row.comment);
	const referenceRange = referenceRangeOf(row);
	return {
		resourceType: 'Observation',
		identifier: [id],
		status: failed === false ? 'final' : 'cancelled',
		category: [LABORATORY_CATEGORY],
		code: codeOf(row, context.provider),
		subject: context.subject,
		...(context.effectiveDateTime ? { effectiveDateTime: context.effectiveDateTime } : {}),
		...(context.issued ? { issued: context.issued } : {}),
		...fields,
		...(interpretation ? { interpretation: [interpretationConcept(interpretation)] } : {}),
		...(note && !(fields.dataAbsentReason?.text === note) ? { note: [{ text: note }] } : {}),
		...(referenceRange ? { referenceRange } : {}),
	};
}
