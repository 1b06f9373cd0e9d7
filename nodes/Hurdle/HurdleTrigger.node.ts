import type {
	INodeProperties,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { receiveWebhook } from '../shared/webhook/receiveWebhook';
import { manualWebhookMethods } from '../shared/webhook/setup';
import { missingWebhookSecret } from '../shared/webhook/sharedSecret';
import { EVENTS_SUBTITLE, labTrigger } from '../shared/trigger/description';
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
		subtitle: EVENTS_SUBTITLE,
		description:
			'Starts the workflow when Hurdle (formerly Chronomics) reports an order, test or phlebotomy event',
		defaults: { name: 'Hurdle (Chronomics) Trigger' },
		credentials: [{ name: 'hurdleApi', required: true }],
		...labTrigger({
			provider: hurdle,
			// Hurdle can be set to deliver by POST (JSON body) or GET (query parameters): both reach webhook().
			methods: ['POST', 'GET'],
			whereToPaste:
				'add it as a webhook in the Hurdle partner portal (Developers section), with the secret from the credential as a custom header.',
			testEvents: {
				header: "Listen, then move a sandbox test forward in Hurdle's portal",
				fromProvider:
					'in the Hurdle sandbox partner portal add the test URL as a webhook, open <b>Developer › Test Data</b> and create an order or move one to its next status: each step sends its event',
			},
			verification: {
				name: 'Shared Secret',
				description:
					'Require the webhook secret from the credential, in its header or as ?token= in the URL',
			},
			events: hurdleEventOptions,
			otherEventsDescription:
				'Event types Hurdle adds later (e.g. other PHLEBOTOMY.* ones), emitted as "other" with their name and payload',
			options: {
				duplicateWindowHours: HURDLE_DUPLICATE_WINDOW_HOURS,
				fetchFullDataDescription:
					'Whether to fetch the test with its results (test events) or the order (order events), from the API host in the credential',
				extraOptions: [fieldNamesOption],
			},
		}),
	};

	webhookMethods = manualWebhookMethods(hurdle.credentialType, missingWebhookSecret);

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveWebhook(this, hurdleWebhookSource);
	}
}
