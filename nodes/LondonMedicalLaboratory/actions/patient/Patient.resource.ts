import { defineResource } from '../../../shared/actions/actionNode';
import create from './create.operation';
import get from './get.operation';

export const patient = defineResource({ name: 'Patient', value: 'patient' }, [create, get]);
