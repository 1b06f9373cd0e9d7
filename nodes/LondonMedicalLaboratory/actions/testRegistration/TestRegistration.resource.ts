import { defineResource } from '../../../shared/actions/actionNode';
import assignPatient from './assignPatient.operation';
import create from './create.operation';
import get from './get.operation';
import getMany from './getMany.operation';

export const testRegistration = defineResource(
	{ name: 'Test Registration', value: 'testRegistration' },
	[get, getMany, create, assignPatient],
);
