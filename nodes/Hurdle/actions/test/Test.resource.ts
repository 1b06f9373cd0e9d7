import { defineResource } from '../../../shared/operations';
import * as get from './get.operation';
import * as registerKit from './registerKit.operation';

export const test = defineResource({ name: 'Test', value: 'test' }, [get, registerKit]);
