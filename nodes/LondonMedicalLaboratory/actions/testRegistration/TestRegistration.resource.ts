import { defineResource } from '../../../shared/actions/actionNode';
import get from './get.operation';
import getMany from './getMany.operation';

export const testRegistration = defineResource(
	{ name: 'Test Registration', value: 'testRegistration' },
	[get, getMany],
);
