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
import { hurdleCatchUp } from './catchUp';
import { hurdle } from './provider';

export class HurdleCatchUpTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Hurdle (Chronomics) Catch-Up Trigger',
		name: 'hurdleCatchUpTrigger',
		icon: { light: 'file:hurdle.svg', dark: 'file:hurdle.dark.svg' },
		group: ['trigger'],
		subtitle: '={{"every " + $parameter["interval"] + " " + $parameter["unit"]}}',
		description:
			'Runs the workflow for every Hurdle (formerly Chronomics) order created or dispatched, also those missed while n8n was down',
		defaults: { name: 'Hurdle (Chronomics) Catch-Up Trigger' },
		credentials: [{ name: 'hurdleApi', required: true }],
		...catchUpTrigger({
			provider: hurdle,
			webhookTrigger: 'Hurdle (Chronomics) Trigger',
			events: hurdleCatchUp.events,
			reads: hurdleCatchUp.reads,
			fetchFullDataDescription: 'Whether to fetch the order, from the API host in the credential',
			snapshot: true,
		}),
	};

	async trigger(this: ITriggerFunctions): Promise<ITriggerResponse> {
		return await startCatchUp(this, hurdleCatchUp);
	}

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await runCatchUpStep(this, hurdleCatchUp);
	}
}
