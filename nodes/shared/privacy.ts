import type { IDataObject } from 'n8n-workflow';

export type PatientDataMode = 'leaveOut' | 'include';

/**
 * Field names that hold direct patient identifiers in any of the providers' payloads: names, birth dates,
 * contact details, addresses and national numbers. Ids (order, test, user ids), sex and results stay:
 * workflows need them, and alone they identify nobody.
 */
export const PATIENT_IDENTIFIER_FIELDS: ReadonlySet<string> = new Set([
	'address',
	'billing_address',
	'customer',
	'date_of_birth',
	'dateOfBirth',
	'delivery',
	'deliveryAddress1',
	'deliveryAddress2',
	'deliveryCity',
	'deliveryCounty',
	'deliveryPostcode',
	'dob',
	'email',
	'fallback_birth_date',
	'first_name',
	'firstName',
	'full_name',
	'last_name',
	'lastName',
	// Junction appointments: the coordinates of the address the phlebotomist visits.
	'location',
	'mobile_phone_number',
	'mobileNumber',
	'name_of_patient',
	'nhs_number',
	'patient',
	'patient_address',
	'patient_details',
	'phone',
	'phone_number',
	'receiver_name',
	'shipping_details',
	'shippingAddress',
	'uk_address',
]);

/** A deep copy without the identifier fields, at any depth. */
export function withoutPatientIdentifiers<T>(value: T, fields: ReadonlySet<string> = PATIENT_IDENTIFIER_FIELDS): T {
	if (Array.isArray(value)) return value.map((entry) => withoutPatientIdentifiers(entry, fields)) as T;
	if (typeof value !== 'object' || value === null || Buffer.isBuffer(value)) return value;
	const copy: IDataObject = {};
	for (const [key, entry] of Object.entries(value)) {
		if (!fields.has(key)) copy[key] = withoutPatientIdentifiers(entry, fields) as IDataObject;
	}
	return copy as T;
}

export function applyPatientDataMode<T>(value: T, mode: PatientDataMode | undefined): T {
	return mode === 'include' ? value : withoutPatientIdentifiers(value);
}
