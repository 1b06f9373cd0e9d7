import { defineResource } from '../../../shared/actions/actionNode';
import create from './create.operation';
import get from './get.operation';

export const user = defineResource({ name: 'User', value: 'user' }, [get, create]);
