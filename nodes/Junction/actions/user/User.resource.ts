import { defineResource } from '../../../shared/actions/actionNode';
import create from './create.operation';
import deleteUser from './delete.operation';
import get from './get.operation';
import getByClientUserId from './getByClientUserId.operation';
import getMany from './getMany.operation';
import updateDemographics from './updateDemographics.operation';

export const user = defineResource({ name: 'User', value: 'user' }, [
	get,
	create,
	deleteUser,
	getByClientUserId,
	getMany,
	updateDemographics,
]);
