import { defineResource } from '../../../shared/operations';
import * as get from './get.operation';
import * as getMany from './getMany.operation';

export const testRegistration = defineResource(
	{ name: 'Test Registration', value: 'testRegistration' },
	[get, getMany],
);
