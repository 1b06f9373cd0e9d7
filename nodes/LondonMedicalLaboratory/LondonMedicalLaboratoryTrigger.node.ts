import type {
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { receiveWebhook } from '../shared/webhook/receiveWebhook';
import { manualWebhookMethods } from '../shared/webhook/setup';
import { missingWebhookSecret } from '../shared/webhook/sharedSecret';
import { EVENTS_SUBTITLE, labTrigger } from '../shared/trigger/description';
import { lmlEventOptions } from './events';
import { lml } from './provider';
import { LML_DUPLICATE_WINDOW_HOURS, lmlWebhookSource } from './webhook';

export class LondonMedicalLaboratoryTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'London Medical Laboratory Trigger',
		name: 'londonMedicalLaboratoryTrigger',
		icon: {
			light: 'file:londonMedicalLaboratory.svg',
			dark: 'file:londonMedicalLaboratory.dark.svg',
		},
		group: ['trigger'],
		subtitle: EVENTS_SUBTITLE,
		description:
			'Starts the workflow when London Medical Laboratory reports a registration, sample, result or order event',
		defaults: { name: 'London Medical Laboratory Trigger' },
		credentials: [{ name: 'londonMedicalLaboratoryApi', required: true }],
		...labTrigger({
			provider: lml,
			whereToPaste: 'send it, with the webhook secret header, to your LML account manager.',
			verification: {
				name: 'Shared Secret',
				description:
					'Require the webhook secret from the credential, in its header or as ?token= in the URL',
			},
			events: lmlEventOptions,
			otherEventsDescription:
				'Event types LML adds later, emitted as "other" with their name and payload',
			options: {
				duplicateWindowHours: LML_DUPLICATE_WINDOW_HOURS,
				fetchFullDataDescription:
					'Whether to fetch the lab results, test registration or order the event is about, from the API host in the credential',
			},
		}),
	};

	webhookMethods = manualWebhookMethods(lml.credentialType, missingWebhookSecret);

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveWebhook(this, lmlWebhookSource);
	}
}
