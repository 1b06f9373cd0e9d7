import { createHash } from 'node:crypto';

import type { LabResultRow, ReadyResults } from '../results';
import { ownEntry } from '../values';
import { fhirCode, fhirText, observationOf } from './observation';
import {
	identifier,
	identifierSearch,
	identifierSystem,
	LAB_REPORT_CATEGORY,
	LABORATORY_REPORT,
	providerCodeSystem,
} from './systems';
import type {
	Bundle,
	BundleEntry,
	CodeableConcept,
	DiagnosticReport,
	FhirResource,
	Identifier,
	Patient,
	Reference,
} from './types';

/**
 * What a provider says about the record its results belong to, in the shared terms: the only
 * provider-specific input of the FHIR output besides the rows (nodes/<Provider>/fhir.ts).
 */
export interface FhirRecord {
	/** The provider's key: it names the provider's code and identifier systems. */
	provider: string;
	providerName: string;
	/** The kind of record, in identifier systems: `test-registration`, `test`, `order`, … */
	kind: string;
	id: string;
	status: 'final' | 'partial';
	product?: { code?: string | null; name?: string | null };
	/** When the sample was collected: a date or a date-time with an offset. */
	collected?: string | null;
	/** When the lab released the results: an instant. */
	reported?: string | null;
	laboratory?: string | null;
	/** Patient details the provider gives, used only when Patient Details is Include. */
	patient?: { name?: string | null; birthDate?: string | null; gender?: string | null };
}

export interface FhirOptions {
	bundleType: 'collection' | 'transaction';
	/** Most entries per transaction; 0 for one transaction however many. */
	maxEntries: number;
	includePatientDetails: boolean;
	/** An existing Patient (`Patient/123`) to file the results against instead of a pseudonymous one. */
	patientReference?: string;
	pdf?: { data: string; title: string };
}

const DATE_TIME = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;
const GENDERS: Record<string, Patient['gender']> = {
	f: 'female',
	female: 'female',
	m: 'male',
	male: 'male',
	other: 'other',
	unknown: 'unknown',
};

/** A dateTime needs a time zone once it has a time; a date alone is fine. */
function dateTime(value: string | null | undefined): string | undefined {
	return value && DATE_TIME.test(value) ? value : undefined;
}

/** The same resource gets the same urn:uuid in every bundle: built from its identifier. */
function uuidOf({ system, value }: Identifier): string {
	const hex = createHash('sha256').update(`${system}|${value}`).digest('hex');
	const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
	return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function fullUrlOf(id: Identifier): string {
	return `urn:uuid:${uuidOf(id)}`;
}

/** Stable per marker: its code (or name), with a counter where a report holds the same marker twice. */
function observationIdentifiers(rows: LabResultRow[], record: FhirRecord): Identifier[] {
	const system = identifierSystem(record.provider, `${record.kind}-result`);
	const seen = new Map<string, number>();
	return rows.map((row) => {
		const key = fhirCode(row.code ?? '') ?? fhirCode(row.biomarker) ?? 'marker';
		const count = (seen.get(key) ?? 0) + 1;
		seen.set(key, count);
		return identifier(system, `${record.id}/${key}${count > 1 ? `/${count}` : ''}`);
	});
}

function patientOf(record: FhirRecord, options: FhirOptions): Patient {
	const patient: Patient = {
		resourceType: 'Patient',
		identifier: [
			identifier(identifierSystem(record.provider, `${record.kind}-subject`), record.id),
		],
	};
	if (!options.includePatientDetails || !record.patient) return patient;
	const name = fhirText(record.patient.name);
	const birthDate = record.patient.birthDate ?? '';
	const gender = ownEntry(GENDERS, (record.patient.gender ?? '').toLowerCase());
	return {
		...patient,
		...(name ? { name: [{ text: name }] } : {}),
		...(/^\d{4}-\d{2}-\d{2}$/.test(birthDate) ? { birthDate } : {}),
		...(gender ? { gender } : {}),
	};
}

function reportCode(record: FhirRecord): CodeableConcept {
	const code = fhirCode(record.product?.code ?? '');
	const text = fhirText(record.product?.name) ?? `${record.providerName} lab results`;
	const coding = code
		? { system: providerCodeSystem(record.provider, 'product'), code }
		: LABORATORY_REPORT;
	return { coding: [coding], text };
}

function reportOf(
	record: FhirRecord,
	subject: Reference,
	result: Reference[],
	options: FhirOptions,
): DiagnosticReport {
	// A partial report has an identifier of its own: a conditional create of the final one must not find it.
	const value = record.status === 'partial' ? `${record.id}/partial` : record.id;
	const laboratory = fhirText(record.laboratory);
	const effective = dateTime(record.collected);
	const issued = record.reported && INSTANT.test(record.reported) ? record.reported : undefined;
	return {
		resourceType: 'DiagnosticReport',
		identifier: [identifier(identifierSystem(record.provider, record.kind), value)],
		status: record.status,
		category: [LAB_REPORT_CATEGORY],
		code: reportCode(record),
		subject,
		...(effective ? { effectiveDateTime: effective } : {}),
		...(issued ? { issued } : {}),
		...(laboratory ? { performer: [{ display: laboratory }] } : {}),
		result,
		...(options.pdf
			? {
					presentedForm: [
						{ contentType: 'application/pdf', data: options.pdf.data, title: options.pdf.title },
					],
				}
			: {}),
	};
}

function entryOf(resource: FhirResource, type: Bundle['type']): BundleEntry {
	const [id] = resource.identifier;
	const entry: BundleEntry = { fullUrl: fullUrlOf(id), resource };
	if (type === 'transaction') {
		entry.request = {
			method: 'POST',
			url: resource.resourceType,
			ifNoneExist: identifierSearch(id),
		};
	}
	return entry;
}

function bundleOf(type: Bundle['type'], resources: FhirResource[]): Bundle {
	return { resourceType: 'Bundle', type, entry: resources.map((each) => entryOf(each, type)) };
}

/**
 * The results as FHIR R4: a Bundle with the Patient (unless an existing one is referenced), one
 * Observation per biomarker and the DiagnosticReport. As a transaction, every entry is a conditional
 * create on its identifier, so posting the same results again creates nothing. With `maxEntries`, a
 * transaction that would be longer is split: the Observations first, in bundles of their own, then the
 * report, which then names its Observations by identifier (their server ids are not known to it).
 */
export function fhirBundles(
	results: ReadyResults,
	given: FhirRecord,
	options: FhirOptions,
): Bundle[] {
	// Markers still pending stay out (a partial report); they come with the final one.
	const rows = results.rows.filter((row) => row.interpretation?.toLowerCase() !== 'pending');
	const record: FhirRecord =
		rows.length < results.rows.length ? { ...given, status: 'partial' } : given;
	const patient = options.patientReference ? undefined : patientOf(record, options);
	const subject: Reference = patient
		? { reference: fullUrlOf(patient.identifier[0]) }
		: { reference: options.patientReference };
	const effectiveDateTime = dateTime(record.collected);
	const issued = record.reported && INSTANT.test(record.reported) ? record.reported : undefined;
	const identifiers = observationIdentifiers(rows, record);
	const observations = rows.map((row, index) =>
		observationOf(row, identifiers[index], {
			provider: record.provider,
			subject,
			...(effectiveDateTime ? { effectiveDateTime } : {}),
			...(issued ? { issued } : {}),
		}),
	);
	const lead: FhirResource[] = patient ? [patient] : [];
	const total = lead.length + observations.length + 1;
	const limit = Math.max(options.maxEntries, lead.length + 1);
	if (options.bundleType === 'collection' || options.maxEntries <= 0 || total <= limit) {
		const result = identifiers.map((id) => ({ reference: fullUrlOf(id) }));
		const report = reportOf(record, subject, result, options);
		return [bundleOf(options.bundleType, [...lead, ...observations, report])];
	}
	const perBundle = limit - lead.length;
	const bundles: Bundle[] = [];
	for (let start = 0; start < observations.length; start += perBundle) {
		bundles.push(
			bundleOf('transaction', [...lead, ...observations.slice(start, start + perBundle)]),
		);
	}
	const result = identifiers.map((id) => ({ type: 'Observation', identifier: id }) as const);
	bundles.push(bundleOf('transaction', [...lead, reportOf(record, subject, result, options)]));
	return bundles;
}
