import { defineResource } from '../../../shared/actions/actionNode';
import get from './get.operation';
import getMany from './getMany.operation';
import getMarkers from './getMarkers.operation';

export const labTest = defineResource({ name: 'Lab Test', value: 'labTest' }, [
	getMany,
	get,
	getMarkers,
]);
