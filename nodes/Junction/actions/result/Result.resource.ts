import { defineResource } from '../../../shared/operations';
import get from './get.operation';
import getPdf from './getPdf.operation';

export const result = defineResource({ name: 'Lab Result', value: 'result' }, [get, getPdf]);
