import { defineResource } from '../../../shared/actions/actionNode';
import get from './get.operation';
import registerKit from './registerKit.operation';

export const test = defineResource({ name: 'Test', value: 'test' }, [get, registerKit]);
