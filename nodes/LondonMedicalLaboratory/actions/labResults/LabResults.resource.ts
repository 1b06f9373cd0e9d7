import { defineResource } from '../../../shared/operations';
import * as downloadPdf from './downloadPdf.operation';
import * as get from './get.operation';

export const labResults = defineResource({ name: 'Lab Result', value: 'labResults' }, [
	get,
	downloadPdf,
]);
