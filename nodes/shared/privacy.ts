import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { LabProvider } from './provider';

export type PatientDataMode = 'leaveOut' | 'include';

/**
 * Field names that hold direct patient identifiers in any provider's payloads: names, birth dates,
 * contact details and addresses. Each provider adds the names only its payloads use (its descriptor's
 * `patientFields`). Ids (order, test, user ids), sex and results stay: workflows need them, and alone
 * they identify nobody.
 */
export const PATIENT_IDENTIFIER_FIELDS: ReadonlySet<string> = new Set([
	'address',
	'customer',
	'date_of_birth',
	'dateOfBirth',
	'dob',
	'email',
	'first_name',
	'firstName',
	'full_name',
	'last_name',
	'lastName',
	'mobile_phone_number',
	'mobileNumber',
	'patient',
	'phone',
	'phone_number',
]);

const fieldsByProvider = new WeakMap<LabProvider, ReadonlySet<string>>();

/** The shared identifier fields and the provider's own. */
export function patientFieldsOf(provider: LabProvider): ReadonlySet<string> {
	let fields = fieldsByProvider.get(provider);
	if (!fields) {
		fields = new Set([...PATIENT_IDENTIFIER_FIELDS, ...provider.patientFields]);
		fieldsByProvider.set(provider, fields);
	}
	return fields;
}

/** A deep copy without the identifier fields, at any depth. */
export function withoutPatientIdentifiers<T>(value: T, fields: ReadonlySet<string>): T {
	// Runs on every event and every Get Many item: plain loops, no [key, value] pairs or callbacks.
	if (typeof value !== 'object' || value === null) return value;
	if (Array.isArray(value)) {
		const copy: unknown[] = new Array(value.length);
		for (let index = 0; index < value.length; index++)
			copy[index] = withoutPatientIdentifiers(value[index], fields);
		return copy as T;
	}
	if (Buffer.isBuffer(value)) return value;
	const copy: IDataObject = {};
	for (const key of Object.keys(value)) {
		if (!fields.has(key))
			copy[key] = withoutPatientIdentifiers((value as IDataObject)[key], fields);
	}
	return copy as T;
}

export function applyPatientDataMode<T>(
	value: T,
	mode: PatientDataMode | undefined,
	provider: LabProvider,
): T {
	if (mode === 'include') return value;
	return withoutPatientIdentifiers(value, patientFieldsOf(provider));
}

/** Patient Details, on every trigger and action node: leave them out unless asked. */
export const patientDataProperty: INodeProperties = {
	displayName: 'Patient Details',
	name: 'patientData',
	type: 'options',
	options: [
		{
			name: 'Include',
			value: 'include',
			description: 'Keep names, birth dates, contact details and addresses',
		},
		{
			name: 'Leave Out',
			value: 'leaveOut',
			description: 'Drop names, birth dates, contact details and addresses; keep IDs and results',
		},
	],
	default: 'leaveOut',
	description:
		'Lab data is special-category health data. Leave patient details out when the output goes to chat channels or shared sheets.',
};
