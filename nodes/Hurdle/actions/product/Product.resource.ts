import { defineResource } from '../../../shared/operations';
import * as getMany from './getMany.operation';

export const product = defineResource({ name: 'Product', value: 'product' }, [getMany]);
