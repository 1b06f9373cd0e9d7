import { defineResource } from '../../../shared/operations';
import * as create from './create.operation';
import * as get from './get.operation';

export const user = defineResource({ name: 'User', value: 'user' }, [get, create]);
