import { defineResource } from '../../../shared/operations';
import getMany from './getMany.operation';

export const product = defineResource({ name: 'Product', value: 'product' }, [getMany]);
