import { defineResultsGet } from '../../../shared/actions/operationKinds';
import { lmlFhirRecord } from '../../fhir';
import { lmlResults } from '../../results';
import { downloadResultsPdf, getLabResults } from '../../transport';
import { testRegistrationId } from '../testRegistrationId';

export default defineResultsGet({
	action: 'Get lab results',
	description: 'Get the results of a test registration, as normalised rows',
	id: testRegistrationId,
	summary: {
		name: 'Summary and Rows',
		description: 'One item with a summary, the normalised rows and the raw results',
	},
	fetch: getLabResults,
	read: lmlResults,
	fhir: (_raw, id) => lmlFhirRecord(id),
	pdf: downloadResultsPdf,
});
