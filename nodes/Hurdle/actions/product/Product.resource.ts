import { defineResource } from '../../../shared/actions/actionNode';
import getMany from './getMany.operation';

export const product = defineResource({ name: 'Product', value: 'product' }, [getMany]);
