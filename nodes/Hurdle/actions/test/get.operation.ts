import { idParameter } from '../../../shared/actions/parameters';
import { defineOperation, toItems } from '../../../shared/actions/actionNode';
import {
	BIOMARKER_ROWS_OUTPUT,
	biomarkerRowItems,
	resultsOutputProperty,
} from '../../../shared/results';
import { withMessages } from '../../../shared/resultsForPeople/messages';
import {
	messageSettingsAt,
	resultsOptionsProperty,
} from '../../../shared/resultsForPeople/parameters';
import { FHIR_OUTPUT, fhirItems, fhirOptionsProperty } from '../../../shared/fhir/output';
import { hurdleFhirRecord } from '../../fhir';
import { hurdleResults } from '../../results';
import { getTest } from '../../transport';

const testId = idParameter({
	displayName: 'Test ID',
	name: 'testId',
	placeholder: 'e.g. 6377bcd6cd7907948cb56ff7',
	description:
		'Not the kit ID: Hurdle sends the test ID in test events from TEST.LAB_ACCESSIONED on',
});

export default defineOperation({
	name: 'Get',
	value: 'get',
	action: 'Get a test',
	description: 'Get a test with its results, as normalised rows',
	properties: [
		testId.property,
		resultsOutputProperty(
			{
				name: 'Test With Summary and Rows',
				description: 'The test, a summary of its results and the normalised rows',
			},
			[
				{
					name: 'Test as Returned',
					value: 'raw',
					description: 'The test exactly as Hurdle returns it',
				},
			],
		),
		fhirOptionsProperty(false),
		resultsOptionsProperty({ hide: { output: ['raw', FHIR_OUTPUT] } }),
	],
	async execute(itemIndex) {
		const id = testId.at(this, itemIndex);
		const output = this.getNodeParameter('output', itemIndex) as string;
		const settings = output === 'raw' ? {} : messageSettingsAt(this, itemIndex);
		const test = await getTest(this, id, itemIndex);
		if (output === 'raw') return toItems(test);
		const results = withMessages(hurdleResults(test), settings);
		if (output === FHIR_OUTPUT) {
			return await fhirItems(this, itemIndex, results, { testId: id }, () =>
				hurdleFhirRecord(test, id),
			);
		}
		if (output === BIOMARKER_ROWS_OUTPUT) {
			return biomarkerRowItems(results, { testId: id }, () => ({
				kitId: test.kitId ?? null,
				productCode: test.productCode ?? null,
				status: test.status ?? null,
			}));
		}
		return toItems({ ...test, results });
	},
});
