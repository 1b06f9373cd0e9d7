import type {
	INodeProperties,
	INodeType,
	IHookFunctions,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';

import { receiveWebhook } from '../shared/webhook/receiveWebhook';
import { assertVerificationReady } from '../shared/webhook/setup';
import { DEFAULT_TOLERANCE_SECONDS } from '../shared/webhook/standardWebhooks';
import { EVENTS_SUBTITLE, labTrigger } from '../shared/trigger/description';
import {
	appointmentStatusOptions,
	junctionEventOptions,
	modalityOptions,
	orderStatusOptions,
} from './events';
import {
	endpointExists,
	registerEndpoint,
	removeEndpoint,
	usesAutomaticSetup,
	webhookSetupProperty,
} from './webhookEndpoint';
import { RESULTS_PDF_PROPERTY } from './fullData';
import { junction } from './provider';
import {
	JUNCTION_DUPLICATE_WINDOW_HOURS,
	junctionWebhookSource,
	malformedSigningSecret,
	missingSigningSecret,
} from './webhook';

const filterProperties: INodeProperties[] = [
	{
		displayName: 'Order Statuses',
		name: 'statuses',
		type: 'multiOptions',
		options: orderStatusOptions,
		default: [],
		description:
			'Only order events whose new low-level status is one of these; empty means every status, including ones Junction adds later. Other events are not filtered by order status.',
	},
	{
		displayName: 'Appointment Statuses',
		name: 'appointmentStatuses',
		type: 'multiOptions',
		options: appointmentStatusOptions,
		default: [],
		description:
			"Only appointment events whose status (Junction's event_status) is one of these; empty means every status",
	},
	{
		displayName: 'Modalities',
		name: 'modalities',
		type: 'multiOptions',
		options: modalityOptions,
		default: [],
		description:
			'Only order and appointment events of these collection methods (phlebotomy appointments are At-Home Phlebotomy, patient service center ones Walk-In Test); empty means all',
	},
];

const junctionOptions: INodeProperties[] = [
	{
		displayName: 'Attach Results PDF',
		name: 'attachResultsPdf',
		type: 'boolean',
		default: false,
		description: `Whether to also download the results report into the binary field "${RESULTS_PDF_PROPERTY}" (needs Fetch Full Data). The PDF names the patient whatever Patient Details says.`,
	},
	{
		displayName: 'Signature Tolerance (Seconds)',
		name: 'signatureToleranceSeconds',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: DEFAULT_TOLERANCE_SECONDS,
		description:
			'How far the svix-timestamp may be from the current time; older (replayed) or future messages are refused',
	},
];

export class JunctionTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Junction (Vital) Trigger',
		name: 'junctionTrigger',
		icon: { light: 'file:junction.svg', dark: 'file:junction.dark.svg' },
		group: ['trigger'],
		subtitle: EVENTS_SUBTITLE,
		description:
			'Starts the workflow when Junction (formerly Vital) reports a lab order, appointment or critical result',
		defaults: { name: 'Junction (Vital) Trigger' },
		credentials: [
			{ name: 'junctionApi', required: true },
			{
				name: 'junctionManagementApi',
				required: true,
				displayOptions: { show: { webhookSetup: ['automatic'] } },
			},
		],
		...labTrigger({
			provider: junction,
			whereToPaste:
				'in the Junction dashboard open Webhooks › Add Endpoint, paste the URL, then copy the Signing Secret of the endpoint into the credential. With Webhook Setup: Automatic, publishing registers it for you.',
			testEvents: {
				header: "Listen, then send a test event from Junction's dashboard",
				fromProvider:
					"in the Junction dashboard open <b>Webhooks</b>, add the test URL as an endpoint (its signing secret goes in the credential), open the endpoint's <b>Testing</b> tab, pick an event type and click <b>Send Example</b>. In the sandbox, the Junction node's <b>Order › Simulate</b> sends real order events too",
			},
			leadingProperties: [webhookSetupProperty],
			verification: {
				name: 'Svix Signature',
				description:
					'Check the Svix signature of every delivery against the signing secret(s) in the credential; refuse the rest with 401',
			},
			events: junctionEventOptions,
			otherEventsDescription:
				'Event types Junction adds later, and Svix notices such as message.attempt.exhausted, emitted as "other" with their name and payload',
			filterProperties,
			options: {
				duplicateWindowHours: JUNCTION_DUPLICATE_WINDOW_HOURS,
				fetchFullDataDescription:
					'Whether to fetch the results (a summary and one normalised row per biomarker) when the order is completed, partial or corrected, or a critical result is reported. Requests go to the API host in the credential.',
				extraOptions: junctionOptions,
			},
		}),
	};

	/**
	 * Manual setup: nothing to register; activation fails while the credential cannot verify deliveries.
	 * Automatic setup: the endpoint is created, adopted, updated and deleted through the Management API.
	 */
	webhookMethods = {
		default: {
			async checkExists(this: IHookFunctions): Promise<boolean> {
				if (!usesAutomaticSetup(this)) return false;
				await assertVerificationReady(this, junction.credentialType, malformedSigningSecret);
				return await endpointExists(this);
			},
			async create(this: IHookFunctions): Promise<boolean> {
				if (!usesAutomaticSetup(this))
					return await assertVerificationReady(this, junction.credentialType, missingSigningSecret);
				return await registerEndpoint(this);
			},
			async delete(this: IHookFunctions): Promise<boolean> {
				try {
					return await removeEndpoint(this);
				} catch (error) {
					// Deactivation goes on; the endpoint stays stored, so the next activation finds it again.
					this.logger.warn(
						`${this.getNode().name}: could not delete the Junction webhook endpoint: ${(error as Error).message}`,
					);
					return false;
				}
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		return await receiveWebhook(this, junctionWebhookSource);
	}
}
