import { defineResource } from '../../../shared/actions/actionNode';
import create from './create.operation';
import get from './get.operation';
import getMany from './getMany.operation';

export const order = defineResource({ name: 'Order', value: 'order' }, [get, getMany, create]);
