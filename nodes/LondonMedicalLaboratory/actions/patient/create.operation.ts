import { NodeOperationError, type IDataObject } from 'n8n-workflow';

import { defineOperation, toItems } from '../../../shared/actions/actionNode';
import { createFailure } from '../../../shared/actions/createOnce';
import { additionalFieldsProperty, requiredText } from '../../../shared/actions/parameters';
import { withoutEmpty } from '../../../shared/values';
import { lml } from '../../provider';
import { createRecord } from '../../transport';
import {
	addressBody,
	addressFieldProperties,
	addressProblems,
	type AddressFields,
} from '../address';
import {
	dateOfBirthOf,
	ethnicityProperty,
	genderOf,
	genderProperty,
	isEmail,
	phoneNumberOf,
} from './patientValues';

const ADDRESS_KEYS = ['line1', 'line2', 'line3', 'city', 'postcode', 'countryCode'];

export default defineOperation({
	name: 'Create',
	value: 'create',
	action: 'Create a patient',
	description:
		'Create a patient, or get the existing one: LML matches patients by first name, last name and date of birth',
	properties: [
		{ displayName: 'First Name', name: 'firstName', type: 'string', default: '', required: true },
		{ displayName: 'Last Name', name: 'lastName', type: 'string', default: '', required: true },
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'name@email.com',
			default: '',
			required: true,
		},
		{
			displayName: 'Date of Birth',
			name: 'dateOfBirth',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. 1990-05-15',
			description: 'As YYYY-MM-DD; DD/MM/YYYY and ISO date-times are read too',
		},
		genderProperty,
		additionalFieldsProperty([
			...addressFieldProperties.map((property) => ({
				...property,
				displayName: `Address › ${property.displayName}`,
				default: '',
			})),
			ethnicityProperty,
			{
				displayName: 'Foreign ID',
				name: 'foreignId',
				type: 'string',
				default: '',
				description: 'Your own reference for the patient; LML requires it to be unique per brand',
			},
			{
				displayName: 'Phone Number',
				name: 'phoneNumber',
				type: 'string',
				default: '',
				placeholder: 'e.g. +447700900123',
				description: 'In E.164 format, with the country code',
			},
		]),
	],
	async execute(itemIndex) {
		const node = this.getNode();
		const required = (name: string, label: string) => requiredText(this, name, label, itemIndex);
		const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
		const problems: string[] = [];
		const email = required('email', 'Email');
		if (!isEmail(email)) problems.push('Email is not an email address');
		const dateOfBirth = dateOfBirthOf(required('dateOfBirth', 'Date of Birth'));
		if (!dateOfBirth) problems.push('Date of Birth must be a date, written as YYYY-MM-DD');
		const gender = genderOf(this.getNodeParameter('gender', itemIndex, ''));
		if (!gender) problems.push('Gender must be female, male or other');
		const address = Object.fromEntries(
			ADDRESS_KEYS.map((key) => [key, additional[key]]),
		) as AddressFields;
		const hasAddress = ADDRESS_KEYS.some((key) => String(additional[key] ?? '').trim());
		if (hasAddress) problems.push(...addressProblems(address, 'Address › '));
		if (problems.length) {
			throw new NodeOperationError(node, `The patient is incomplete: ${problems.join('; ')}`, {
				description: 'Nothing was sent to LML.',
				itemIndex,
			});
		}
		const body = withoutEmpty({
			first_name: required('firstName', 'First Name'),
			last_name: required('lastName', 'Last Name'),
			email,
			date_of_birth: dateOfBirth,
			gender,
			ethnicity: additional.ethnicity,
			phone_number: phoneNumberOf(additional.phoneNumber),
			foreign_id: String(additional.foreignId ?? '').trim(),
			...(hasAddress ? { address: addressBody(address) } : {}),
		} as IDataObject);
		try {
			return toItems(await createRecord(this, 'patient', body, itemIndex));
		} catch (error) {
			throw createFailure(this, lml, error, {
				what: 'patient',
				itemIndex,
				description:
					'Running this again is safe: LML matches patients by first name, last name and date of birth, and returns the existing patient instead of creating another.',
			});
		}
	},
});
