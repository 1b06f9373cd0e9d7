import type { IDataObject } from 'n8n-workflow';

import { defineOperation, toItems } from '../../../shared/actions/actionNode';
import { additionalFieldsProperty, idParameter } from '../../../shared/actions/parameters';
import { callApi } from '../../../shared/transport/api';
import { junction } from '../../provider';
import { consentsBody, consentsOption, physicianBody, physicianOption } from '../orderFields';
import { addressProperty, patientProperty, readAddress, readPatient } from '../patient';

const sampleId = idParameter({
	displayName: 'Sample ID',
	name: 'sampleId',
	placeholder: 'e.g. SMP-20260803-0042',
	description: 'The ID printed on the kit: it identifies the order',
});

export default defineOperation({
	name: 'Register Test Kit',
	value: 'registerTestKit',
	action: 'Register a test kit to a patient',
	description:
		'Register a kit from Create Registrable Test Kit to the patient who will use it, by the sample ID on the kit; the order then moves on to the lab',
	properties: [
		sampleId.property,
		patientProperty,
		addressProperty('patient', 'patientAddress', 'Patient Address', "The patient's home address"),
		additionalFieldsProperty([
			consentsOption,
			physicianOption,
			{
				displayName: 'User ID',
				name: 'user_id',
				type: 'string',
				default: '',
				description:
					'Move the order to this user of your team (from a stock user to the patient); empty keeps its user',
			},
		]),
	],
	async execute(itemIndex) {
		const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
		const body: IDataObject = {
			sample_id: sampleId.at(this, itemIndex),
			patient_details: readPatient(this, itemIndex),
			patient_address: readAddress(this, itemIndex, 'patient', 'patientAddress', 'Patient Address'),
		};
		const userId = String(fields.user_id ?? '').trim();
		if (userId) body.user_id = userId;
		const physician = physicianBody(fields);
		if (physician) body.physician = physician;
		const consents = consentsBody(fields);
		if (consents) body.consents = consents;
		const { body: answer } = await callApi<IDataObject>(
			this,
			junction,
			{ method: 'POST', path: '/v3/order/testkit/register', body },
			itemIndex,
		);
		return toItems(answer);
	},
});
