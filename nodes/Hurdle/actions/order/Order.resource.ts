import { defineResource } from '../../../shared/operations';
import * as create from './create.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';

export const order = defineResource({ name: 'Order', value: 'order' }, [get, create, getMany]);
