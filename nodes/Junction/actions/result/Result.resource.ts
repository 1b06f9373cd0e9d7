import { defineResource } from '../../../shared/actions/actionNode';
import get from './get.operation';
import getPdf from './getPdf.operation';
import getTransactionPdf from './getTransactionPdf.operation';
import getTransactionResults from './getTransactionResults.operation';

export const result = defineResource({ name: 'Lab Result', value: 'result' }, [
	get,
	getPdf,
	getTransactionResults,
	getTransactionPdf,
]);
