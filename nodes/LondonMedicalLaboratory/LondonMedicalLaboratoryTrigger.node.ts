import {
	NodeConnectionTypes,
	type INodeType,
	type INodeTypeDescription,
	type IWebhookFunctions,
	type IWebhookResponseData,
} from 'n8n-workflow';

import { patientDataProperty } from '../shared/descriptions';
import { receiveWebhook } from '../shared/webhook/receiveWebhook';
import { manualWebhookMethods } from '../shared/webhook/setup';
import { missingWebhookSecret } from '../shared/webhook/sharedSecret';
import {
	authenticationProperties,
	eventsProperty,
	triggerOptionsProperty,
	triggerPanel,
	triggerWebhooks,
} from '../shared/webhook/triggerDescription';
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
		// 1.1 behaves as 1. n8n evaluates a Webhook-node-v1 option as an expression on every request to any
		// trigger at version 1, which costs a run in its expression sandbox; from 1.1 on it does not.
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle:
			'={{$parameter["events"].includes("*") ? "All events" : $parameter["events"].join(", ")}}',
		description:
			'Starts the workflow when London Medical Laboratory reports a registration, sample, result or order event',
		defaults: { name: 'London Medical Laboratory Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'londonMedicalLaboratoryApi', required: true }],
		webhooks: triggerWebhooks('POST'),
		triggerPanel: triggerPanel(
			'London Medical Laboratory',
			'send it, with the webhook secret header, to your LML account manager.',
		),
		properties: [
			...authenticationProperties({
				name: 'Shared Secret',
				description:
					'Require the webhook secret from the credential, in its header or as ?token= in the URL',
			}),
			eventsProperty(
				lmlEventOptions,
				'Event types LML adds later, emitted as "other" with their name and payload',
			),
			patientDataProperty,
			triggerOptionsProperty({
				duplicateWindowHours: LML_DUPLICATE_WINDOW_HOURS,
				fetchFullDataDescription:
					'Whether to fetch the lab results, test registration or order the event is about, from the API host in the credential',
			}),
		],
	};

	webhookMethods = manualWebhookMethods(lml.credentialType, missingWebhookSecret);

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveWebhook(this, lmlWebhookSource);
	}
}
