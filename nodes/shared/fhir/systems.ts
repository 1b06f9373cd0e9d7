import type { CodeableConcept, Coding, Identifier } from './types';

/**
 * The systems of the FHIR output. The package's own (provider codes, identifiers) live under one base
 * URI the package owns, its repository: receiving systems match codes on `system|code`, so these never
 * change once published.
 */
export const FHIR_BASE = 'https://github.com/n8n-nodes-lab-testing/n8n-nodes-lab-testing/fhir';

export const LOINC = 'http://loinc.org';
export const SNOMED = 'http://snomed.info/sct';
export const UCUM = 'http://unitsofmeasure.org';
const OBSERVATION_CATEGORY = 'http://terminology.hl7.org/CodeSystem/observation-category';
const REPORT_CATEGORY = 'http://terminology.hl7.org/CodeSystem/v2-0074';
const INTERPRETATION = 'http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation';
const DATA_ABSENT_REASON = 'http://terminology.hl7.org/CodeSystem/data-absent-reason';

/** `{BASE}/CodeSystem/junction-biomarker`: a provider's own codes (biomarkers, products). */
export function providerCodeSystem(provider: string, what: 'biomarker' | 'product'): string {
	return `${FHIR_BASE}/CodeSystem/${provider}-${what}`;
}

/** `{BASE}/sid/junction-order`: a provider's identifiers of one kind of record. */
export function identifierSystem(provider: string, what: string): string {
	return `${FHIR_BASE}/sid/${provider}-${what}`;
}

export function identifier(system: string, value: string): Identifier {
	return { system, value };
}

/** The `identifier=` search of a conditional create, escaped as the search syntax needs. */
export function identifierSearch({ system, value }: Identifier): string {
	const escape = (text: string) => text.replace(/[\\|,$]/g, (found) => `\\${found}`);
	const encode = (text: string) =>
		encodeURIComponent(escape(text)).replace(/%3A/g, ':').replace(/%2F/g, '/');
	return `identifier=${encode(system)}|${encode(value)}`;
}

export const LABORATORY_CATEGORY: CodeableConcept = {
	coding: [{ system: OBSERVATION_CATEGORY, code: 'laboratory', display: 'Laboratory' }],
};

export const LAB_REPORT_CATEGORY: CodeableConcept = {
	coding: [{ system: REPORT_CATEGORY, code: 'LAB', display: 'Laboratory' }],
};

/** LOINC's "Laboratory report", for a report whose product the provider does not name. */
export const LABORATORY_REPORT: Coding = {
	system: LOINC,
	code: '11502-2',
	display: 'Laboratory report',
};

const INTERPRETATIONS = {
	N: 'Normal',
	L: 'Low',
	H: 'High',
	LL: 'Critical low',
	HH: 'Critical high',
	A: 'Abnormal',
	AA: 'Critical abnormal',
	POS: 'Positive',
	NEG: 'Negative',
	DET: 'Detected',
	ND: 'Not detected',
} as const;

export type InterpretationCode = keyof typeof INTERPRETATIONS;

export function interpretationConcept(code: InterpretationCode): CodeableConcept {
	return { coding: [{ system: INTERPRETATION, code, display: INTERPRETATIONS[code] }] };
}

export type AbsentReason = 'as-text' | 'error' | 'unknown';

const ABSENT_REASONS: Record<AbsentReason, string> = {
	'as-text': 'As Text',
	error: 'Error',
	unknown: 'Unknown',
};

export function absentReason(code: AbsentReason, text?: string): CodeableConcept {
	const concept: CodeableConcept = {
		coding: [{ system: DATA_ABSENT_REASON, code, display: ABSENT_REASONS[code] }],
	};
	return text ? { ...concept, text } : concept;
}

/** Qualitative results with a SNOMED CT qualifier value, and the interpretation they carry. */
export const QUALITATIVE: Record<
	string,
	{ code: string; display: string; flag: InterpretationCode }
> = {
	positive: { code: '10828004', display: 'Positive', flag: 'POS' },
	negative: { code: '260385009', display: 'Negative', flag: 'NEG' },
	detected: { code: '260373001', display: 'Detected', flag: 'DET' },
	'not detected': { code: '260415000', display: 'Not detected', flag: 'ND' },
};
