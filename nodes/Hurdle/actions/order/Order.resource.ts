import { defineResource } from '../../../shared/operations';
import create from './create.operation';
import get from './get.operation';
import getMany from './getMany.operation';

export const order = defineResource({ name: 'Order', value: 'order' }, [get, create, getMany]);
