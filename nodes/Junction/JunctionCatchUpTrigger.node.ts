import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	ITriggerFunctions,
	ITriggerResponse,
} from 'n8n-workflow';

import { catchUpTrigger } from '../shared/catchUp/description';
import { startCatchUp } from '../shared/catchUp/rounds';
import { runCatchUpStep } from '../shared/catchUp/step';
import { junctionCatchUp, junctionCatchUpOptions } from './catchUp';
import { junction } from './provider';

export class JunctionCatchUpTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Junction (Vital) Catch-Up Trigger',
		name: 'junctionCatchUpTrigger',
		icon: { light: 'file:junction.svg', dark: 'file:junction.dark.svg' },
		group: ['trigger'],
		subtitle: '={{"every " + $parameter["interval"] + " " + $parameter["unit"]}}',
		description:
			'Runs the workflow for every Junction (formerly Vital) order status change, also those missed while n8n was down',
		defaults: { name: 'Junction (Vital) Catch-Up Trigger' },
		credentials: [{ name: junction.credentialType, required: true }],
		...catchUpTrigger({
			provider: junction,
			webhookTrigger: 'Junction (Vital) Trigger',
			events: junctionCatchUp.events,
			reads: junctionCatchUp.reads,
			fetchFullDataDescription:
				'Whether to fetch the results (a summary and one normalised row per biomarker) when the order is completed, partial or corrected',
			extraOptions: junctionCatchUpOptions,
		}),
	};

	async trigger(this: ITriggerFunctions): Promise<ITriggerResponse> {
		return await startCatchUp(this, junctionCatchUp);
	}

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await runCatchUpStep(this, junctionCatchUp);
	}
}
