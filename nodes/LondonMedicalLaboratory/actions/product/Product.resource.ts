import { defineResource } from '../../../shared/actions/actionNode';
import get from './get.operation';
import getMany from './getMany.operation';

export const product = defineResource({ name: 'Product', value: 'product' }, [getMany, get]);
