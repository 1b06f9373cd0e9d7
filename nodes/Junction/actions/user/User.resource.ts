import { defineResource } from '../../../shared/operations';
import create from './create.operation';
import get from './get.operation';

export const user = defineResource({ name: 'User', value: 'user' }, [get, create]);
