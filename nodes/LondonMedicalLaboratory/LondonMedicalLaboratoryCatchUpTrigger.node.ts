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
import { lmlCatchUp } from './catchUp';
import { lml } from './provider';

export class LondonMedicalLaboratoryCatchUpTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'London Medical Laboratory Catch-Up Trigger',
		name: 'londonMedicalLaboratoryCatchUpTrigger',
		icon: {
			light: 'file:londonMedicalLaboratory.svg',
			dark: 'file:londonMedicalLaboratory.dark.svg',
		},
		group: ['trigger'],
		subtitle: '={{"every " + $parameter["interval"] + " " + $parameter["unit"]}}',
		description:
			'Runs the workflow for every London Medical Laboratory registration, result and order milestone, also those missed while n8n was down',
		defaults: { name: 'London Medical Laboratory Catch-Up Trigger' },
		credentials: [{ name: 'londonMedicalLaboratoryApi', required: true }],
		...catchUpTrigger({
			provider: lml,
			webhookTrigger: 'London Medical Laboratory Trigger',
			events: lmlCatchUp.events,
			reads: lmlCatchUp.reads,
			fetchFullDataDescription:
				'Whether to fetch the lab results, test registration or order the change is about, from the API host in the credential',
			snapshot: true,
		}),
	};

	async trigger(this: ITriggerFunctions): Promise<ITriggerResponse> {
		return await startCatchUp(this, lmlCatchUp);
	}

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await runCatchUpStep(this, lmlCatchUp);
	}
}
