import { defineGet } from '../../../shared/actions/operationKinds';
import { getTestRegistration } from '../../transport';
import { testRegistrationId } from '../testRegistrationId';

export default defineGet({
	action: 'Get a test registration',
	description: 'Get a test registration by UUID, TRF code or foreign ID',
	id: testRegistrationId,
	get: getTestRegistration,
});
