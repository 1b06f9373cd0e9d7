import { defineResource } from '../../../shared/operations';
import getMany from './getMany.operation';

export const labTest = defineResource({ name: 'Lab Test', value: 'labTest' }, [getMany]);
