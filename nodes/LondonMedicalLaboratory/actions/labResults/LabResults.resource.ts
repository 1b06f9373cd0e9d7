import { defineResource } from '../../../shared/actions/actionNode';
import downloadPdf from './downloadPdf.operation';
import get from './get.operation';

export const labResults = defineResource({ name: 'Lab Result', value: 'labResults' }, [
	get,
	downloadPdf,
]);
