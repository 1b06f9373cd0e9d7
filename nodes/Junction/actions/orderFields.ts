import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { menuParameter } from '../../shared/actions/parameters';

/** Fields an order and a kit registration share: the physician, consents, and list splitting. */

export const physicianOption: INodeProperties = {
	displayName: 'Physician',
	name: 'physician',
	type: 'fixedCollection',
	placeholder: 'Add physician',
	default: {},
	description: "Your own ordering physician; leave out to use Junction's physician network",
	options: [
		{
			displayName: 'Physician',
			name: 'values',
			values: [
				{
					displayName: 'Email',
					name: 'email',
					type: 'string',
					default: '',
					placeholder: 'name@email.com',
				},
				{ displayName: 'First Name', name: 'first_name', type: 'string', default: '' },
				{ displayName: 'Last Name', name: 'last_name', type: 'string', default: '' },
				{
					displayName: 'Licensed States',
					name: 'licensed_states',
					type: 'string',
					default: '',
					placeholder: 'e.g. AZ, CA',
					description: 'Two-letter state codes, separated by commas',
				},
				{
					displayName: 'NPI',
					name: 'npi',
					type: 'string',
					default: '',
					description: 'National Provider Identifier',
				},
			],
		},
	],
};

export const consentsOption = menuParameter(
	{
		displayName: 'Consents',
		name: 'consents',
		default: [],
		description:
			"What the patient agreed to; needed with Junction's physician network. Sent as version 1.0.",
	},
	[
		['HIPAA Authorization', 'hipaa-authorization'],
		['Mobile Terms and Conditions', 'mobile-terms-and-conditions'],
		['Notice of Privacy Practices', 'notice-of-privacy-practices'],
		['Privacy Policy', 'privacy-policy'],
		['Telehealth Informed Consent', 'telehealth-informed-consent'],
		['Terms of Use', 'terms-of-use'],
	],
);

/** "a, b ,c" or a list from an expression → ['a', 'b', 'c']. */
export function listOf(value: unknown): string[] {
	const entries = Array.isArray(value) ? value : String(value ?? '').split(',');
	return entries.map((entry) => String(entry).trim()).filter(Boolean);
}

/** The physician group as Junction's `PhysicianCreateRequest`, or undefined when none was added. */
export function physicianBody(fields: IDataObject): IDataObject | undefined {
	const values = (fields.physician as IDataObject | undefined)?.values as IDataObject | undefined;
	if (!values) return undefined;
	const physician: IDataObject = {};
	for (const key of ['first_name', 'last_name', 'npi', 'email']) {
		const text = String(values[key] ?? '').trim();
		if (text) physician[key] = text;
	}
	const states = listOf(values.licensed_states);
	if (states.length) physician.licensed_states = states;
	return Object.keys(physician).length ? physician : undefined;
}

/** Consent types as Junction's `Consent` objects (camelCase keys on the wire). */
export function consentsBody(fields: IDataObject): IDataObject[] | undefined {
	const types = listOf(fields.consents);
	return types.length ? types.map((consentType) => ({ consentType, version: '1.0' })) : undefined;
}
