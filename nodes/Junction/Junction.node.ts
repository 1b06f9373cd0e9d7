import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { runOperations } from '../shared/actions/actionNode';
import { junctionActions } from './actions';

export class Junction implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Junction (Vital)',
		name: 'junction',
		icon: { light: 'file:junction.svg', dark: 'file:junction.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Get, list, cancel and simulate lab orders, fetch results and PDFs, list lab tests and manage users in Junction (formerly Vital)',
		defaults: { name: 'Junction (Vital)' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'junctionApi', required: true }],
		properties: junctionActions.properties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await runOperations.call(this, junctionActions);
	}
}
