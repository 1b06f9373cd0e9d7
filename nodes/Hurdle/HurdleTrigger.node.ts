import {
	NodeConnectionTypes,
	type INodeProperties,
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
import { hurdleEventOptions } from './events';
import { hurdle } from './provider';
import { HURDLE_DUPLICATE_WINDOW_HOURS, hurdleWebhookSource } from './webhook';

const fieldNamesOption: INodeProperties = {
	displayName: 'Field Names',
	name: 'fieldNames',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add field name',
	default: {},
	description:
		'If you renamed body properties in the Hurdle webhook settings, map your names back to the documented ones (e.g. type → eventType)',
	options: [
		{
			displayName: 'Mapping',
			name: 'mappings',
			values: [
				{
					displayName: 'Name Sent by Hurdle',
					name: 'from',
					type: 'string',
					default: '',
					placeholder: 'e.g. type',
				},
				{
					displayName: 'Documented Name',
					name: 'to',
					type: 'string',
					default: '',
					placeholder: 'e.g. eventType',
				},
			],
		},
	],
};

export class HurdleTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Hurdle (Chronomics) Trigger',
		name: 'hurdleTrigger',
		icon: { light: 'file:hurdle.svg', dark: 'file:hurdle.dark.svg' },
		group: ['trigger'],
		// 1.1 behaves as 1. n8n evaluates a Webhook-node-v1 option as an expression on every request to any
		// trigger at version 1, which costs a run in its expression sandbox; from 1.1 on it does not.
		version: [1, 1.1],
		defaultVersion: 1.1,
		subtitle:
			'={{$parameter["events"].includes("*") ? "All events" : $parameter["events"].join(", ")}}',
		description:
			'Starts the workflow when Hurdle (formerly Chronomics) reports an order, test or phlebotomy event',
		defaults: { name: 'Hurdle (Chronomics) Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'hurdleApi', required: true }],
		// Hurdle can be set to deliver by POST (JSON body) or GET (query parameters): both reach webhook().
		webhooks: triggerWebhooks('POST', 'GET'),
		triggerPanel: triggerPanel(
			'Hurdle',
			'add it as a webhook in the Hurdle partner portal (Developers section), with the secret from the credential as a custom header.',
		),
		properties: [
			...authenticationProperties({
				name: 'Shared Secret',
				description:
					'Require the webhook secret from the credential, in its header or as ?token= in the URL',
			}),
			eventsProperty(
				hurdleEventOptions,
				'Event types Hurdle adds later (e.g. other PHLEBOTOMY.* ones), emitted as "other" with their name and payload',
			),
			patientDataProperty,
			triggerOptionsProperty({
				duplicateWindowHours: HURDLE_DUPLICATE_WINDOW_HOURS,
				fetchFullDataDescription:
					'Whether to fetch the test with its results (test events) or the order (order events), from the API host in the credential',
				extraOptions: [fieldNamesOption],
			}),
		],
	};

	webhookMethods = manualWebhookMethods(hurdle.credentialType, missingWebhookSecret);

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveWebhook(this, hurdleWebhookSource);
	}
}
