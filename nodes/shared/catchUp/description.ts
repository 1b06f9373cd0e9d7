import { NodeConnectionTypes, type INodeProperties, type INodeTypeDescription } from 'n8n-workflow';

import { patientDataProperty } from '../privacy';
import type { LabProvider } from '../provider';
import { includeMessagesOption, messageTitleOption } from '../resultsForPeople/messages';
import { outputOptions } from '../trigger/description';
import { eventsProperty, type EventOption } from '../trigger/eventsProperty';
import { DEFAULT_FULL_DATA_TIME_LIMIT_SECONDS } from '../trigger/items';
import {
	DEFAULT_CHANGE_WINDOW_HOURS,
	DEFAULT_MAX_CHANGES_PER_ROUND,
	DEFAULT_ROUND_BUDGET_SECONDS,
	DEFAULT_SNAPSHOT_SIZE,
} from './settings';

export interface CatchUpDescriptionSettings {
	provider: LabProvider;
	/** The webhook trigger's display name, for the notice. */
	webhookTrigger: string;
	events: Record<string, EventOption>;
	/** What a round reads, in words. */
	reads: string;
	fetchFullDataDescription: string;
	/** Options of this provider only (Junction: how changes are found). */
	extraOptions?: INodeProperties[];
	/** Providers without "what changed since" keep a snapshot of recent records. */
	snapshot?: boolean;
}

type Identity =
	| 'displayName'
	| 'name'
	| 'icon'
	| 'group'
	| 'subtitle'
	| 'description'
	| 'defaults'
	| 'credentials';

function optionsProperty(settings: CatchUpDescriptionSettings): INodeProperties {
	const options: INodeProperties[] = [
		{
			displayName: 'Duplicate Window (Hours)',
			name: 'duplicateWindowHours',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: DEFAULT_CHANGE_WINDOW_HOURS,
			description:
				"How long a change that ran is remembered, so that a webhook or a later round does not run it again; the default matches n8n's execution pruning age",
		},
		{
			displayName: 'Fetch Full Data',
			name: 'fetchFullData',
			type: 'boolean',
			default: false,
			description: settings.fetchFullDataDescription,
		},
		{
			displayName: 'Full Data Time Limit (Seconds)',
			name: 'fullDataTimeLimitSeconds',
			type: 'number',
			typeOptions: { minValue: 0.5, maxValue: 60 },
			default: DEFAULT_FULL_DATA_TIME_LIMIT_SECONDS,
			description:
				'How long Fetch Full Data may take per change; past it the change is emitted without the full data, saying why',
		},
		{
			displayName: 'Max Changes per Round',
			name: 'maxChangesPerRound',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: DEFAULT_MAX_CHANGES_PER_ROUND,
			description: 'A larger backlog is worked through over several rounds, in order',
		},
		...outputOptions,
		includeMessagesOption(' (needs Fetch Full Data and Output: One Item per Event)'),
		messageTitleOption,
		{
			displayName: 'Round Time Budget (Seconds)',
			name: 'roundBudgetSeconds',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 600 },
			default: DEFAULT_ROUND_BUDGET_SECONDS,
			description:
				'How long one round may spend reading from the API; what it has not read by then is read by the next round',
		},
		{
			displayName: 'Start From',
			name: 'startFrom',
			type: 'dateTime',
			default: '',
			description:
				'On the first activation, also run the workflow for the changes since this moment. Empty: only changes after the first activation.',
		},
		...(settings.snapshot
			? [
					{
						displayName: 'Records Remembered',
						name: 'snapshotSize',
						type: 'number' as const,
						typeOptions: { minValue: 100 },
						default: DEFAULT_SNAPSHOT_SIZE,
						description:
							'How many of the most recently created records the catch-up follows; older ones are no longer followed',
					},
				]
			: []),
		...(settings.extraOptions ?? []),
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

/** The part of a catch-up trigger's description every provider shares. */
export function catchUpTrigger(
	settings: CatchUpDescriptionSettings,
): Omit<INodeTypeDescription, Identity> {
	return {
		version: 1,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		properties: [
			{
				displayName: `Runs the workflow once for every change ${settings.reads}, also those n8n missed while it was down. Put it next to the ${settings.webhookTrigger} in the same workflow: a change both see runs once.`,
				name: 'catchUpNotice',
				type: 'notice',
				default: '',
			},
			eventsProperty(settings.events, {
				description: 'The changes that start the workflow; the others are passed over',
				allDescription: 'Every change a round can find',
			}),
			{
				displayName: 'Check Every',
				name: 'interval',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 5,
				description: 'How often a round asks the API what changed',
			},
			{
				displayName: 'Unit',
				name: 'unit',
				type: 'options',
				options: [
					{ name: 'Seconds (10 to 59)', value: 'seconds' },
					{ name: 'Minutes', value: 'minutes' },
					{ name: 'Hours', value: 'hours' },
				],
				default: 'minutes',
			},
			patientDataProperty,
			optionsProperty(settings),
		],
	};
}
