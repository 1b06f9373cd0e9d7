import { defineResource } from '../../../shared/operations';
import * as get from './get.operation';
import * as getMany from './getMany.operation';

export const order = defineResource({ name: 'Order', value: 'order' }, [get, getMany]);
