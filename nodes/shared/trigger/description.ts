import {
	NodeConnectionTypes,
	type IHttpRequestMethods,
	type INodeProperties,
	type INodeTypeDescription,
	type IWebhookDescription,
	type TriggerPanelDefinition,
} from 'n8n-workflow';

import { FHIR_OUTPUT, fhirTriggerOptions } from '../fhir/output';
import { patientDataProperty } from '../privacy';
import type { LabProvider } from '../provider';

import { DEFAULT_FULL_DATA_TIME_LIMIT_SECONDS } from './items';
import { includeMessagesOption, messageTitleOption } from '../resultsForPeople/messages';
import { eventsProperty, type EventOption } from './eventsProperty';

/** `verified` names the check this provider's trigger performs (shared secret, signature). */
export function authenticationProperties(verified: {
	name: string;
	description: string;
}): INodeProperties[] {
	return [
		{
			displayName: 'Authentication',
			name: 'authentication',
			type: 'options',
			options: [
				{
					name: 'None (Insecure)',
					value: 'none',
					description: 'Accept any request that reaches the URL',
				},
				{ name: verified.name, value: 'verify', description: verified.description },
			],
			default: 'verify',
		},
		{
			displayName:
				'Anyone who learns this webhook URL can start the workflow with made-up events. Use this only for local tests.',
			name: 'insecureNotice',
			type: 'notice',
			default: '',
			displayOptions: { show: { authentication: ['none'] } },
		},
	];
}

/** Output, and the FHIR options it offers: the same for the webhook trigger and the catch-up. */
export const outputOptions: INodeProperties[] = [
	{
		displayName: 'Output',
		name: 'output',
		type: 'options',
		options: [
			{
				name: 'One Item per Biomarker',
				value: 'biomarkerRows',
				description: 'Split fetched results into one item per biomarker (needs Fetch Full Data)',
			},
			{ name: 'One Item per Event', value: 'event' },
			{
				name: 'FHIR R4 Bundle',
				value: FHIR_OUTPUT,
				description:
					'Fetched results as a FHIR R4 Bundle, one item per bundle (needs Fetch Full Data); other events as one item',
			},
		],
		default: 'event',
	},
	...fhirTriggerOptions,
];

export interface TriggerOptionsSettings {
	duplicateWindowHours: number;
	fetchFullDataDescription: string;
	extraOptions?: INodeProperties[];
}

export function triggerOptionsProperty({
	duplicateWindowHours,
	fetchFullDataDescription,
	extraOptions = [],
}: TriggerOptionsSettings): INodeProperties {
	const options: INodeProperties[] = [
		{
			displayName: 'Deduplicate',
			name: 'deduplicate',
			type: 'boolean',
			default: true,
			description:
				'Whether to drop redeliveries of an event already received, so the workflow runs once per event',
		},
		{
			displayName: 'Duplicate Memory (Deliveries)',
			name: 'duplicateMemory',
			type: 'number',
			typeOptions: { minValue: 100 },
			default: 10000,
			description:
				'How many recent deliveries to remember; the oldest are forgotten first. n8n loads and saves this memory on every call (about 18 bytes per delivery), so keep it near the deliveries you get within the Duplicate Window.',
		},
		{
			displayName: 'Duplicate Window (Hours)',
			name: 'duplicateWindowHours',
			type: 'number',
			typeOptions: { minValue: 0.01 },
			default: duplicateWindowHours,
			description:
				"How long a delivery is remembered; the default covers the provider's retry schedule",
		},
		{
			displayName: 'Fetch Full Data',
			name: 'fetchFullData',
			type: 'boolean',
			default: false,
			description: fetchFullDataDescription,
		},
		{
			displayName: 'Full Data Time Limit (Seconds)',
			name: 'fullDataTimeLimitSeconds',
			type: 'number',
			typeOptions: { minValue: 0.5, maxValue: 60 },
			default: DEFAULT_FULL_DATA_TIME_LIMIT_SECONDS,
			description:
				'How long Fetch Full Data may take. The provider is answered only once the workflow has started, and gives up after about 15 s; past this limit the event is emitted without the full data, saying why.',
		},
		{
			displayName: 'On Invalid Payload',
			name: 'onInvalidPayload',
			type: 'options',
			options: [
				{
					name: 'Emit With Issues',
					value: 'emit',
					description: 'Start the workflow anyway, with the validation issues in the output',
				},
				{
					name: 'Reject With 422',
					value: 'reject',
					description: 'Answer 422 and do not start the workflow (the provider may retry)',
				},
			],
			default: 'emit',
			description:
				'What to do with a genuine event whose payload does not match its documented shape',
		},
		...outputOptions,
		includeMessagesOption(' (needs Fetch Full Data and Output: One Item per Event)'),
		messageTitleOption,
		...extraOptions,
	];
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: options.sort((a, b) => a.displayName.localeCompare(b.displayName)),
	};
}

/**
 * The trigger's webhook on each method. n8n answers "onReceived" only once it has created (in queue
 * mode: enqueued) the execution, and with an error when it cannot; the body is then the trigger's own
 * answer (webhookResponse), which an empty responseData selects.
 */
export function triggerWebhooks(...methods: IHttpRequestMethods[]): IWebhookDescription[] {
	return methods.map((httpMethod) => ({
		name: 'default',
		httpMethod,
		responseMode: 'onReceived',
		responseData: '',
		path: 'webhook',
	}));
}

/** Where the README tells an n8n user how to test a trigger, with a sample output of every event. */
export const TESTING_GUIDE_URL =
	'https://github.com/n8n-nodes-lab-testing/n8n-nodes-lab-testing#testing-a-trigger-while-you-build';

/** How a user of n8n gets a test event to the trigger while building. */
export interface TestEvents {
	/** The panel's heading. */
	header: string;
	/** HTML: how to have the provider send one, after "Click Listen for test event, then"; none if it cannot. */
	fromProvider?: string;
}

/**
 * The panel before the first event. It names only what a user of n8n has: the provider's own test
 * sender where there is one, and n8n's Set mock data with the sample output of each event in the README
 * (the editor has no way for a trigger to fill Set mock data itself: it starts from the last run or
 * placeholder items, and shows no schema preview for triggers).
 */
export function triggerPanel(
	providerName: string,
	whereToPaste: string,
	testEvents: TestEvents = {
		header: `Listen for an event from ${providerName}, or pin a sample event`,
	},
): TriggerPanelDefinition {
	const send = testEvents.fromProvider
		? `Click <b>Listen for test event</b>, then ${testEvents.fromProvider}`
		: `${providerName} has no way to send a test event on request`;
	const mockData = `No event at hand? Click <b>Set mock data</b> in the output panel and paste the <a href="${TESTING_GUIDE_URL}" target="_blank">sample output of your event</a>.`;
	return {
		header: testEvents.header,
		executionsHelp: {
			inactive: `${send}. ${mockData}<br /><br />Once you publish the workflow, ${providerName} must call the production URL: ${whereToPaste}`,
			active: `The workflow runs whenever ${providerName} calls the production URL. ${whereToPaste}`,
		},
		// Manual setup cannot be published before the credential holds the provider's secret.
		activationHint: `Give ${providerName} the production URL, and publish once the credential holds the webhook secret: ${whereToPaste}`,
	};
}

export interface LabTriggerSettings {
	provider: LabProvider;
	/** The check Authentication: Verify performs. */
	verification: { name: string; description: string };
	events: Record<string, EventOption>;
	otherEventsDescription: string;
	/** Where the production URL goes at the provider, ending with a full stop. */
	whereToPaste: string;
	/** How to get a test event; by default, a sample in Set mock data only. */
	testEvents?: TestEvents;
	options: TriggerOptionsSettings;
	methods?: IHttpRequestMethods[];
	/** Parameters shown before Authentication, and filters shown after Events. */
	leadingProperties?: INodeProperties[];
	filterProperties?: INodeProperties[];
}

/** What n8n's lint reads from each node file itself (name, icon, credentials, …) stays there. */
type TriggerIdentity =
	| 'displayName'
	| 'name'
	| 'icon'
	| 'group'
	| 'subtitle'
	| 'description'
	| 'defaults'
	| 'credentials';

export const EVENTS_SUBTITLE =
	'={{$parameter["events"].includes("*") ? "All events" : $parameter["events"].join(", ")}}';

/** The part of a lab trigger's description every provider shares: versions, webhooks, parameters. */
export function labTrigger(
	settings: LabTriggerSettings,
): Omit<INodeTypeDescription, TriggerIdentity> {
	return {
		// 1.1 behaves as 1. n8n evaluates a Webhook-node-v1 option as an expression on every request to any
		// trigger at version 1, which costs a run in its expression sandbox; from 1.1 on it does not.
		version: [1, 1.1],
		defaultVersion: 1.1,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		webhooks: triggerWebhooks(...(settings.methods ?? ['POST'])),
		triggerPanel: triggerPanel(
			settings.provider.providerName,
			settings.whereToPaste,
			settings.testEvents,
		),
		properties: [
			...(settings.leadingProperties ?? []),
			...authenticationProperties(settings.verification),
			eventsProperty(settings.events, {
				description:
					'The events that start the workflow; others are answered with 200 and ignored (an unknown type with a warning in the n8n log)',
				allDescription: 'Every event, including types this node does not know yet (as "other")',
				otherDescription: settings.otherEventsDescription,
			}),
			...(settings.filterProperties ?? []),
			patientDataProperty,
			triggerOptionsProperty(settings.options),
		],
	};
}
