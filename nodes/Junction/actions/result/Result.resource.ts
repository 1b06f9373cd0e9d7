import { defineResource } from '../../../shared/operations';
import * as get from './get.operation';
import * as getPdf from './getPdf.operation';

export const result = defineResource({ name: 'Lab Result', value: 'result' }, [get, getPdf]);
