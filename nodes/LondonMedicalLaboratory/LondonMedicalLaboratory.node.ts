import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { runOperations } from '../shared/actions/actionNode';
import { lmlActions } from './actions';
import { listSearch } from './actions/listSearch';

export class LondonMedicalLaboratory implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'London Medical Laboratory',
		name: 'londonMedicalLaboratory',
		icon: {
			light: 'file:londonMedicalLaboratory.svg',
			dark: 'file:londonMedicalLaboratory.dark.svg',
		},
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Create patients, orders and test registrations, and get results, orders and products from London Medical Laboratory',
		defaults: { name: 'London Medical Laboratory' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'londonMedicalLaboratoryApi', required: true }],
		properties: lmlActions.properties,
	};

	methods = { listSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await runOperations.call(this, lmlActions);
	}
}
