import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';
import { z } from 'zod';

import { apiPath, environmentBaseUrl, getRecord } from '../../../../nodes/shared/transport/api';
import {
	defineActionNode,
	defineOperation,
	defineResource,
	runOperations,
	toItems,
} from '../../../../nodes/shared/actions/actionNode';
import type { LabProvider } from '../../../../nodes/shared/provider';
import { receiveWebhook } from '../../../../nodes/shared/webhook/receiveWebhook';
import { manualWebhookMethods } from '../../../../nodes/shared/webhook/setup';
import {
	credentialSharedSecret,
	missingWebhookSecret,
} from '../../../../nodes/shared/webhook/sharedSecret';
import type { WebhookSource } from '../../../../nodes/shared/webhook/source';
import { EVENTS_SUBTITLE, labTrigger } from '../../../../nodes/shared/trigger/description';

/**
 * The nodes side of a toy provider, in one file: what nodes/<Provider>/ holds for a real one (its
 * descriptor, event schemas, webhook source, trigger and action node). Only the tests load it.
 */
export const toyLab: LabProvider = {
	key: 'toyLab',
	providerName: 'Toy Lab',
	credentialType: 'toyLabApi',
	baseUrl: environmentBaseUrl({ production: 'https://api.toylab.invalid' }, 'production'),
	authenticationHint: 'Check the API key in the credential.',
	patientFields: ['patient_name'],
};

const kitEvent = <Name extends string>(name: Name) =>
	z
		.object({
			type: z.literal(name),
			kit: z.object({ id: z.string().min(1), patient_name: z.string().optional() }).passthrough(),
		})
		.passthrough();

export const toyLabEventSchemas = {
	'kit.shipped': kitEvent('kit.shipped'),
	'kit.resulted': kitEvent('kit.resulted'),
};

type ToyLabFields = { kitId?: string };

const kitIdOf = (payload: IDataObject): ToyLabFields => {
	const kit = payload.kit as IDataObject | undefined;
	return typeof kit?.id === 'string' ? { kitId: kit.id } : {};
};

export const toyLabWebhookSource: WebhookSource<typeof toyLabEventSchemas, ToyLabFields> = {
	provider: toyLab,
	schemas: toyLabEventSchemas,
	defaultDuplicateWindowHours: 24,
	authenticate: credentialSharedSecret(toyLab.credentialType),
	eventName: (payload) => (typeof payload.type === 'string' ? payload.type : undefined),
	fingerprint: (_delivery, payload, event) => [event, payload.kit],
	identify: (_event, payload) => kitIdOf(payload),
	describe: (parsed) => kitIdOf(parsed as IDataObject),
};

export class ToyLabTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Toy Lab Trigger',
		name: 'toyLabTrigger',
		group: ['trigger'],
		subtitle: EVENTS_SUBTITLE,
		description: 'Starts the workflow when the toy lab reports a kit event',
		defaults: { name: 'Toy Lab Trigger' },
		credentials: [{ name: 'toyLabApi', required: true }],
		...labTrigger({
			provider: toyLab,
			whereToPaste: 'paste it into the toy lab.',
			verification: { name: 'Shared Secret', description: 'Require the webhook secret' },
			events: {
				'kit.shipped': { displayName: 'Kit Shipped', description: 'A kit left the lab' },
				'kit.resulted': { displayName: 'Kit Resulted', description: 'A kit has results' },
			},
			otherEventsDescription: 'Event types the toy lab adds later',
			options: { duplicateWindowHours: 24, fetchFullDataDescription: 'Whether to fetch the kit' },
		}),
	};

	webhookMethods = manualWebhookMethods(toyLab.credentialType, missingWebhookSecret);

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveWebhook(this, toyLabWebhookSource);
	}
}

export const toyLabActions = defineActionNode(toyLab, [
	defineResource({ name: 'Kit', value: 'kit' }, [
		defineOperation({
			name: 'Get',
			value: 'get',
			action: 'Get a kit',
			description: 'Get a kit by its ID',
			properties: [{ displayName: 'Kit ID', name: 'kitId', type: 'string', default: '' }],
			async execute(itemIndex) {
				const id = this.getNodeParameter('kitId', itemIndex) as string;
				return toItems(await getRecord(this, toyLab, apiPath('/kits', id), itemIndex));
			},
		}),
	]),
]);

export class ToyLab implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Toy Lab',
		name: 'toyLab',
		group: ['transform'],
		version: 1,
		description: 'Get kits from the toy lab',
		defaults: { name: 'Toy Lab' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'toyLabApi', required: true }],
		properties: toyLabActions.properties,
	};

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		return await runOperations.call(this, toyLabActions);
	}
}
