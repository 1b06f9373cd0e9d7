import { defineResource } from '../../../shared/actions/actionNode';
import getMany from './getMany.operation';

export const labTest = defineResource({ name: 'Lab Test', value: 'labTest' }, [getMany]);
