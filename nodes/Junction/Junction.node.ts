import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { runOperations } from '../shared/actions/actionNode';
import { junctionActions } from './actions';
import * as listSearch from './actions/listSearch';

export class Junction implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Junction (Vital)',
		name: 'junction',
		icon: { light: 'file:junction.svg', dark: 'file:junction.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Place, schedule, cancel and simulate lab orders, book draws, fetch results and PDFs, look up lab tests and manage users in Junction (formerly Vital)',
		defaults: { name: 'Junction (Vital)' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'junctionApi', required: true }],
		properties: junctionActions.properties,
	};

	methods = { listSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await runOperations.call(this, junctionActions);
	}
}
