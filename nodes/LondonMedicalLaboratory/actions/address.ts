import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { withoutEmpty } from '../../shared/values';

/** An address as LML's patient and order bodies take it: `{line1, line2, line3, city, postal_code, country_code, company}`. */
export interface AddressFields {
	line1?: string;
	line2?: string;
	line3?: string;
	city?: string;
	postcode?: string;
	countryCode?: string;
	company?: string;
}

/** The parts LML requires of any address it takes. */
export const REQUIRED_ADDRESS_FIELDS: Array<[keyof AddressFields, string]> = [
	['line1', 'Address Line 1'],
	['city', 'City'],
	['postcode', 'Postcode'],
	['countryCode', 'Country Code'],
];

export const countryCodeProperty: INodeProperties = {
	displayName: 'Country Code',
	name: 'countryCode',
	type: 'string',
	default: 'GB',
	required: true,
	placeholder: 'e.g. GB',
	description: 'Two-letter ISO country code',
};

/** The optional lines of an address. */
export const moreAddressLines: INodeProperties[] = [
	{ displayName: 'Address Line 2', name: 'line2', type: 'string', default: '' },
	{ displayName: 'Address Line 3', name: 'line3', type: 'string', default: '' },
];

/** Every field of an address, for a collection that holds one. */
export const addressFieldProperties: INodeProperties[] = [
	{ displayName: 'Address Line 1', name: 'line1', type: 'string', default: '' },
	...moreAddressLines,
	{ displayName: 'City', name: 'city', type: 'string', default: '' },
	{ displayName: 'Postcode', name: 'postcode', type: 'string', default: '' },
	{ ...countryCodeProperty, required: false },
];

const trimmed = (value: unknown) => (typeof value === 'string' ? value.trim() : value);

/**
 * Why LML would refuse the address, naming the parameters (never their values); `prefix` names the
 * collection it is in ("Address › ").
 */
export function addressProblems(address: AddressFields, prefix = ''): string[] {
	const problems = REQUIRED_ADDRESS_FIELDS.filter(([key]) => !trimmed(address[key])).map(
		([, label]) => `${prefix}${label} is empty`,
	);
	const country = String(trimmed(address.countryCode) ?? '');
	if (country && !/^[A-Za-z]{2}$/.test(country))
		problems.push(`${prefix}Country Code must be a two-letter ISO code, such as GB`);
	return problems;
}

/** The address as LML's body names its parts; empty parts left out. */
export function addressBody(address: AddressFields): IDataObject {
	return withoutEmpty({
		line1: trimmed(address.line1),
		line2: trimmed(address.line2),
		line3: trimmed(address.line3),
		city: trimmed(address.city),
		postal_code: trimmed(address.postcode),
		country_code: String(trimmed(address.countryCode) ?? '').toUpperCase(),
		company: trimmed(address.company),
	} as IDataObject);
}
