import {
	NodeConnectionTypes,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeType,
	type INodeTypeDescription,
} from 'n8n-workflow';

import { runOperations } from '../shared/actions/actionNode';
import { hurdleActions } from './actions';
import { listSearch } from './actions/listSearch';

export class Hurdle implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Hurdle (Chronomics)',
		name: 'hurdle',
		icon: { light: 'file:hurdle.svg', dark: 'file:hurdle.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Order kits, register them, and get tests with results and products from Hurdle (formerly Chronomics)',
		defaults: { name: 'Hurdle (Chronomics)' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'hurdleApi', required: true }],
		properties: hurdleActions.properties,
	};

	methods = { listSearch };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await runOperations.call(this, hurdleActions);
	}
}
