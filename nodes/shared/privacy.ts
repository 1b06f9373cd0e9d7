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
	// Junction's lab report parsing: the patient as printed on the report.
	'patient_first_name',
	'patient_last_name',
	'phone',
	'phone_number',
	'receiver_name',
	'shipping_details',
	'shippingAddress',
	'uk_address',
]);

/** A deep copy without the identifier fields, at any depth. */
export function withoutPatientIdentifiers<T>(
	value: T,
	fields: ReadonlySet<string> = PATIENT_IDENTIFIER_FIELDS,
): T {
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

export function applyPatientDataMode<T>(value: T, mode: PatientDataMode | undefined): T {
	return mode === 'include' ? value : withoutPatientIdentifiers(value);
}
