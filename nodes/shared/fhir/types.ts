/**
 * The FHIR R4 shapes this package emits, and only those. The tests hold them to @medplum/fhirtypes
 * (a dev dependency nodes/ may not import), so a field or code the spec does not allow fails to compile.
 */
export interface Coding {
	system?: string;
	code?: string;
	display?: string;
}

export interface CodeableConcept {
	coding?: Coding[];
	text?: string;
}

export interface Identifier {
	system: string;
	value: string;
}

export interface Reference {
	reference?: string;
	type?: 'Observation';
	identifier?: Identifier;
	display?: string;
}

export type QuantityComparator = '<' | '<=' | '>=' | '>';

export interface Quantity {
	value: number;
	comparator?: QuantityComparator;
	unit?: string;
	system?: string;
	code?: string;
}

export type SimpleQuantity = Omit<Quantity, 'comparator'>;

export interface Range {
	low?: SimpleQuantity;
	high?: SimpleQuantity;
}

export interface ReferenceRange extends Range {
	text?: string;
}

export interface Attachment {
	contentType: string;
	data?: string;
	url?: string;
	title?: string;
}

export type ObservationStatus = 'final' | 'preliminary' | 'cancelled';

export interface Observation {
	resourceType: 'Observation';
	identifier: Identifier[];
	status: ObservationStatus;
	category: CodeableConcept[];
	code: CodeableConcept;
	subject: Reference;
	effectiveDateTime?: string;
	issued?: string;
	valueQuantity?: Quantity;
	valueCodeableConcept?: CodeableConcept;
	valueString?: string;
	valueRange?: Range;
	dataAbsentReason?: CodeableConcept;
	interpretation?: CodeableConcept[];
	note?: Array<{ text: string }>;
	referenceRange?: ReferenceRange[];
}

export interface DiagnosticReport {
	resourceType: 'DiagnosticReport';
	identifier: Identifier[];
	status: 'final' | 'partial';
	category: CodeableConcept[];
	code: CodeableConcept;
	subject: Reference;
	effectiveDateTime?: string;
	issued?: string;
	performer?: Reference[];
	result: Reference[];
	presentedForm?: Attachment[];
}

export interface Patient {
	resourceType: 'Patient';
	identifier: Identifier[];
	name?: Array<{ text: string }>;
	birthDate?: string;
	gender?: 'male' | 'female' | 'other' | 'unknown';
}

export type FhirResource = Observation | DiagnosticReport | Patient;

export interface BundleEntry {
	fullUrl: string;
	resource: FhirResource;
	request?: { method: 'POST'; url: FhirResource['resourceType']; ifNoneExist: string };
}

export interface Bundle {
	resourceType: 'Bundle';
	type: 'collection' | 'transaction';
	entry: BundleEntry[];
}
