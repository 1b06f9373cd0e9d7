import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

/**
 * The people and addresses of Junction's write requests, entered once per item as one group each.
 * Parameter names are Junction's own field names, so a group is read straight into the body. Errors
 * name the fields that are missing or malformed, never what was entered: this is patient data.
 */
interface Field {
	name: string;
	displayName: string;
	required?: boolean;
	placeholder?: string;
	description?: string;
	options?: Array<{ name: string; value: string }>;
	default?: string;
}

const GENDERS = [
	{ name: 'Female', value: 'female' },
	{ name: 'Male', value: 'male' },
	{ name: 'Other', value: 'other' },
	{ name: 'Unknown', value: 'unknown' },
];

const DATE = /^\d{4}-\d{2}-\d{2}/;

const PERSON: Field[] = [
	{ name: 'first_name', displayName: 'First Name', required: true },
	{ name: 'last_name', displayName: 'Last Name', required: true },
	{
		name: 'dob',
		displayName: 'Date of Birth',
		required: true,
		placeholder: 'YYYY-MM-DD',
		description: 'As YYYY-MM-DD (an ISO date-time is cut to its date)',
	},
	{
		name: 'gender',
		displayName: 'Sex',
		required: true,
		options: GENDERS,
		default: 'unknown',
		description: 'Sex as the lab needs it',
	},
	{
		name: 'phone_number',
		displayName: 'Phone Number',
		required: true,
		placeholder: '+15555550123',
	},
	{ name: 'email', displayName: 'Email', required: true, placeholder: 'name@email.com' },
];

const line = (name: string, displayName: string, required = false): Field => ({
	name,
	displayName,
	required,
});

const STREET: Field[] = [
	line('first_line', 'Address Line 1', true),
	line('second_line', 'Address Line 2'),
];
const TOWN: Field[] = [line('city', 'City', true), line('state', 'State', true)];
const ZIP: Field = {
	name: 'zip',
	displayName: 'ZIP Code',
	required: true,
	placeholder: '85004',
	description: 'Five digits, or ZIP+4 (12345-6789)',
};
const COUNTRY: Field = { ...line('country', 'Country', true), default: 'US' };
const ACCESS_NOTES: Field = {
	...line('access_notes', 'Access Notes'),
	description: 'How to get in (gate code, floor), up to 1,000 characters',
};

/** The address kinds of Junction's schemas: each its own keys and required fields. */
const ADDRESSES = {
	/** `PatientAddressWithValidation` (orders, kit registration). */
	patient: [
		...STREET,
		...TOWN,
		ZIP,
		COUNTRY,
		ACCESS_NOTES,
		line('receiver_name', 'Receiver Name'),
		line('phone_number', 'Phone Number'),
	],
	/** `ShippingAddressWithValidation` (registrable test kits). */
	shipping: [
		line('receiver_name', 'Receiver Name', true),
		...STREET,
		...TOWN,
		ZIP,
		COUNTRY,
		line('phone_number', 'Phone Number', true),
	],
	/** `UserAddress` (a user's demographics). */
	user: [...STREET, ...TOWN, { ...ZIP, description: undefined }, COUNTRY, ACCESS_NOTES],
	/** `USAddress` (where a phlebotomist visits): `zip_code`, US only. */
	visit: [...STREET, ...TOWN, { ...ZIP, name: 'zip_code' }, ACCESS_NOTES],
};

export type AddressKind = keyof typeof ADDRESSES;

function fieldProperty(field: Field): INodeProperties {
	const common = {
		displayName: field.displayName,
		name: field.name,
		required: field.required,
		...(field.placeholder ? { placeholder: field.placeholder } : {}),
		...(field.description ? { description: field.description } : {}),
	};
	return field.options
		? { ...common, type: 'options', options: field.options, default: field.default ?? '' }
		: { ...common, type: 'string', default: field.default ?? '' };
}

function groupProperty(
	name: string,
	displayName: string,
	fields: Field[],
	description: string,
): INodeProperties {
	return {
		displayName,
		name,
		type: 'fixedCollection',
		placeholder: `Add ${displayName.toLowerCase()}`,
		default: {},
		required: true,
		description,
		options: [{ displayName, name: 'values', values: fields.map(fieldProperty) }],
	};
}

/** The person a request is about, as the `patient` parameter; `label` names it in the editor and errors. */
export function personProperty(
	label = 'Patient',
	description = "The patient's name, date of birth, sex and contact details; names in plain letters (no accents), as the lab requires",
): INodeProperties {
	return groupProperty('patient', label, PERSON, description);
}

export const patientProperty = personProperty();

export function addressProperty(
	kind: AddressKind,
	name: string,
	displayName: string,
	description: string,
): INodeProperties {
	return groupProperty(name, displayName, ADDRESSES[kind], description);
}

/** The text fields of a group that are set; the required ones must be, or the item stops naming them. */
function readGroup(
	context: IExecuteFunctions,
	itemIndex: number,
	name: string,
	displayName: string,
	fields: Field[],
): IDataObject {
	const group = context.getNodeParameter(`${name}.values`, itemIndex, {}) as IDataObject;
	const body: IDataObject = {};
	for (const field of fields) {
		const value = group[field.name];
		const text =
			typeof value === 'string' ? value.trim() : value === undefined ? '' : String(value);
		if (text) body[field.name] = text;
	}
	const missing = fields.filter((field) => field.required && !body[field.name]);
	if (missing.length) {
		throw new NodeOperationError(
			context.getNode(),
			`${displayName}: ${missing.map((field) => field.displayName).join(', ')} ${missing.length === 1 ? 'is' : 'are'} empty`,
			{ description: `Fill in every required field of ${displayName}.`, itemIndex },
		);
	}
	return body;
}

/** `PatientDetailsWithValidation` from the Patient group; the birth date cut to YYYY-MM-DD. */
export function readPatient(
	context: IExecuteFunctions,
	itemIndex: number,
	label = 'Patient',
): IDataObject {
	const patient = readGroup(context, itemIndex, 'patient', label, PERSON);
	return { ...patient, dob: dateOnly(context, String(patient.dob), 'Date of Birth', itemIndex) };
}

export function readAddress(
	context: IExecuteFunctions,
	itemIndex: number,
	kind: AddressKind,
	name: string,
	displayName: string,
): IDataObject {
	return readGroup(context, itemIndex, name, displayName, ADDRESSES[kind]);
}

/** A date as YYYY-MM-DD from a date or an ISO date-time (its date as written, no time-zone shift). */
export function dateOnly(
	context: IExecuteFunctions,
	value: string,
	label: string,
	itemIndex: number,
): string {
	const text = value.trim();
	if (!DATE.test(text) || Number.isNaN(Date.parse(text.slice(0, 10)))) {
		throw new NodeOperationError(context.getNode(), `${label} is not a date`, {
			description: `Give ${label} as YYYY-MM-DD.`,
			itemIndex,
		});
	}
	return text.slice(0, 10);
}
