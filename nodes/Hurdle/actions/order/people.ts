import type { INodeProperties } from 'n8n-workflow';

import { menuParameter } from '../../../shared/actions/parameters';

const nameFields: INodeProperties[] = [
	{ displayName: 'First Name', name: 'firstName', type: 'string', default: '' },
	{ displayName: 'Last Name', name: 'lastName', type: 'string', default: '' },
];

export const sexProperty = menuParameter(
	{
		displayName: 'Sex',
		name: 'sex',
		default: 'f',
		description: 'Sex at birth; the lab uses it for reference ranges',
	},
	[
		['Female', 'f'],
		['Male', 'm'],
	],
);

/** The people of a Hurdle order besides the delivery contact; where they go in the body: orderRequest.ts. */
export const patientProperty: INodeProperties = {
	displayName: 'Patient',
	name: 'patient',
	type: 'collection',
	placeholder: 'Add patient field',
	default: {},
	description:
		'The person taking the test. Required with the order for products whose patientDataInput is REQUIRED_WITH_ORDER (see Product › Get Many); otherwise optional.',
	options: [
		{
			displayName: 'Date of Birth',
			name: 'dateOfBirth',
			type: 'string',
			default: '',
			placeholder: 'e.g. 1990-05-12',
			description: 'As YYYY-MM-DD',
		},
		...nameFields,
		sexProperty,
	],
};

export const physicianDetailsProperty: INodeProperties = {
	displayName: 'Physician Details',
	name: 'physicianDetails',
	type: 'collection',
	placeholder: 'Add physician field',
	default: {},
	description: 'The ordering physician. Required for US orders.',
	options: [
		...nameFields,
		{
			displayName: 'NPI',
			name: 'npi',
			type: 'string',
			default: '',
			placeholder: 'e.g. 1234567893',
			description: "The physician's 10-digit National Provider Identifier",
		},
	],
};
