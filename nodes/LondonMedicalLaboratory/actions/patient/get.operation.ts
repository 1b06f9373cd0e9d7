import { defineGet } from '../../../shared/actions/operationKinds';
import { idParameter } from '../../../shared/actions/parameters';
import { getRecord, apiPath } from '../../../shared/transport/api';
import { lml } from '../../provider';

export default defineGet({
	action: 'Get a patient',
	description: 'Get a patient by ID',
	id: idParameter({
		displayName: 'Patient ID',
		name: 'patientId',
		placeholder: 'e.g. a1b2c3d4-0000-4000-8000-000000000001',
		description: 'The ID LML returned when the patient was created (Patient › Create)',
	}),
	get: async (context, id, itemIndex) =>
		await getRecord(context, lml, apiPath('/api/patient', id), itemIndex),
});
