import { defineOperation, toItems } from '../../../shared/actions/actionNode';
import { apiPath, getRecord } from '../../../shared/transport/api';
import { junction } from '../../provider';
import { labTestLocator } from '../locators';

export default defineOperation({
	name: 'Get',
	value: 'get',
	action: 'Get a lab test',
	description: 'Get a lab test: its lab, collection method, sample type, price and markers',
	properties: [labTestLocator.property],
	async execute(itemIndex) {
		const id = labTestLocator.at(this, itemIndex);
		return toItems(await getRecord(this, junction, apiPath('/v3/lab_tests', id), itemIndex));
	},
});
