import { NodeOperationError, type IDataObject } from 'n8n-workflow';

import { defineOperation, toItems } from '../../../shared/actions/actionNode';
import { additionalFieldsProperty, requiredText } from '../../../shared/actions/parameters';
import { apiPath, callApi, getRecord } from '../../../shared/transport/api';
import { withoutEmpty } from '../../../shared/values';
import { lml } from '../../provider';
import { getTestRegistration } from '../../transport';
import { testRegistrationId } from '../testRegistrationId';
import { phoneNumberOf } from '../patient/patientValues';

/** The patient's fields LML's SDK copies onto a registration when it assigns the patient. */
const COPIED_PATIENT_FIELDS = [
	'first_name',
	'last_name',
	'email',
	'date_of_birth',
	'gender',
	'ethnicity',
];

export default defineOperation({
	name: 'Assign Patient',
	value: 'assignPatient',
	action: 'Assign a patient to a test registration',
	description:
		'Give a test registration its patient (after an order, or for a retest). A registration that already has this patient is returned unchanged.',
	properties: [
		testRegistrationId.property,
		{
			displayName: 'Patient ID',
			name: 'patientId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. a1b2c3d4-0000-4000-8000-000000000001',
			description: 'From Patient › Create, or the patient_id of the original registration',
		},
		additionalFieldsProperty([
			{
				displayName: 'Copy Patient Details',
				name: 'copyPatientDetails',
				type: 'boolean',
				default: false,
				description:
					"Whether to also send the patient's name, email, date of birth, gender and ethnicity, read from LML, as LML's own SDK does. Turn on if LML does not take them from the patient ID alone.",
			},
			{
				displayName: 'Mobile Phone Number',
				name: 'mobilePhoneNumber',
				type: 'string',
				default: '',
				placeholder: 'e.g. +447700900123',
				description: 'For the registration, in E.164 format',
			},
		]),
	],
	async execute(itemIndex) {
		const id = testRegistrationId.at(this, itemIndex);
		const patientId = requiredText(this, 'patientId', 'Patient ID', itemIndex);
		const additional = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;

		const registration = await getTestRegistration(this, id, itemIndex);
		if (registration.patient_id === patientId) {
			return toItems({
				...registration,
				alreadyAssigned: true,
				message: 'Not sent again: the registration already has this patient',
			});
		}
		if (registration.patient_id) {
			throw new NodeOperationError(this.getNode(), 'The test registration has another patient', {
				description:
					'Nothing was changed. LML locks a registration once it has its patient; ask LML to correct it.',
				itemIndex,
			});
		}
		const copied = additional.copyPatientDetails
			? await getRecord(this, lml, apiPath('/api/patient', patientId), itemIndex)
			: {};
		const body = withoutEmpty({
			patient_id: patientId,
			...Object.fromEntries(COPIED_PATIENT_FIELDS.map((field) => [field, copied[field]])),
			mobile_phone_number: phoneNumberOf(additional.mobilePhoneNumber),
		} as IDataObject);
		// By the registration's own UUID, whichever identifier found it.
		const registrationPath = apiPath('/api/test_registration', String(registration.id ?? id));
		const { body: answer } = await callApi<IDataObject | ''>(
			this,
			lml,
			{ method: 'PATCH', path: registrationPath, body },
			itemIndex,
		);
		// LML documents no answer to the PATCH: the registration is read back if it sends none.
		const updated =
			typeof answer === 'object' && answer !== null && answer.id
				? answer
				: await getTestRegistration(this, String(registration.id ?? id), itemIndex);
		return toItems(updated);
	},
});
