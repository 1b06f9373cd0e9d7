import {
	NodeOperationError,
	type IDisplayOptions,
	type IExecuteFunctions,
	type INodeProperties,
} from 'n8n-workflow';

import { SUMMARY_OUTPUT } from '../results';
import {
	includeMessagesOption,
	messageTitleOption,
	previousResultsOption,
	previousRowsOf,
	type MessageSettings,
} from './messages';

/**
 * The Options of a results operation: the messages (with Output: the results in one item) and the
 * comparison with an earlier result set (either Output). `displayOptions` hides them for other Outputs.
 */
export function resultsOptionsProperty(displayOptions?: IDisplayOptions): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		...(displayOptions ? { displayOptions } : {}),
		options: [
			{
				...includeMessagesOption(''),
				displayOptions: { show: { '/output': [SUMMARY_OUTPUT] } },
			},
			{ ...messageTitleOption, displayOptions: { show: { '/output': [SUMMARY_OUTPUT] } } },
			previousResultsOption,
		],
	};
}

/** The Options of a results operation for one item; a Previous Results that is not results fails, naming it. */
export function messageSettingsAt(context: IExecuteFunctions, itemIndex: number): MessageSettings {
	const options = context.getNodeParameter('options', itemIndex, {}) as {
		includeMessages?: string[];
		messageTitle?: string;
		previousResults?: unknown;
	};
	const previous = previousRowsOf(options.previousResults);
	if (typeof previous === 'string') {
		throw new NodeOperationError(context.getNode(), `Previous Results ${previous}`, {
			itemIndex,
			description:
				"Pass the output of an earlier Get of results, e.g. {{ $('Get Parent Results').item.json }}, its results block or its rows",
		});
	}
	const output = context.getNodeParameter('output', itemIndex, SUMMARY_OUTPUT) as string;
	return {
		includeMessages: output === SUMMARY_OUTPUT ? options.includeMessages : undefined,
		messageTitle: options.messageTitle,
		previous,
	};
}
