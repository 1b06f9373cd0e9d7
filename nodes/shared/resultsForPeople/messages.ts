import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { LabResultRow, LabResults, ReadyResults } from '../results';
import { resultsHtml } from './html';
import { previousByMarker } from './markerView';
import { resultsSlackMessage } from './slackBlocks';

/**
 * The options that add the results laid out for people (`html`, `slackBlocks`) next to `summary`, and
 * compare with an earlier result set. Both are opt-in, so items stay small unless asked; saved
 * workflows hold the option values, so they never change.
 */
export const HTML_MESSAGE = 'html';
export const SLACK_MESSAGE = 'slackBlocks';
export const DEFAULT_MESSAGE_TITLE = 'Lab results';

export interface MessageSettings {
	includeMessages?: string[];
	messageTitle?: string;
	/** Rows of an earlier result set of the same person. */
	previous?: LabResultRow[];
}

export function includeMessagesOption(needs: string): INodeProperties {
	return {
		displayName: 'Include Messages',
		name: 'includeMessages',
		type: 'multiOptions',
		default: [],
		description: `Add the results laid out for people next to the summary, ready for an email or Slack node${needs}`,
		options: [
			{
				name: 'Email HTML',
				value: HTML_MESSAGE,
				description:
					'Html: an email-safe table with each value, its place in its reference range and its flag, out-of-range first',
			},
			{
				name: 'Slack Blocks',
				value: SLACK_MESSAGE,
				description:
					"SlackBlocks: a Block Kit message for the Slack node's Blocks field, with a section per out-of-range result",
			},
		],
	};
}

export const messageTitleOption: INodeProperties = {
	displayName: 'Message Title',
	name: 'messageTitle',
	type: 'string',
	default: DEFAULT_MESSAGE_TITLE,
	description: 'The heading of the email HTML and the Slack message',
};

export const previousResultsOption: INodeProperties = {
	displayName: 'Previous Results',
	name: 'previousResults',
	type: 'json',
	default: '',
	description:
		"An earlier result set of the same person (a retest's parent), to show each marker's change: the output of an earlier Get of results, its results block or its rows. Each row then gets previousValue and change.",
	placeholder: "e.g. {{ $('Get Parent Results').item.json }}",
};

const isObject = (value: unknown): value is IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

const isRow = (value: unknown): value is IDataObject =>
	isObject(value) && typeof value.biomarker === 'string';

const numberOrNull = (value: unknown) =>
	typeof value === 'number' && Number.isFinite(value) ? value : null;
const textOrNull = (value: unknown) => (typeof value === 'string' && value ? value : null);

function asRow(value: IDataObject): LabResultRow {
	return {
		...(value as LabResultRow),
		biomarker: value.biomarker as string,
		code: textOrNull(value.code),
		codeSystem: textOrNull(value.codeSystem),
		value: numberOrNull(value.value),
		valueText: textOrNull(value.valueText),
		unit: textOrNull(value.unit),
	};
}

/**
 * The rows of what a user passed as Previous Results: an item of an earlier Get (`{results}` or the
 * block itself), its rows, or items of One Item per Biomarker. Undefined when nothing was passed; a
 * string when it is none of these (the reason, naming no value).
 */
export function previousRowsOf(passed: unknown): LabResultRow[] | undefined | string {
	let value = passed;
	if (value === undefined || value === null || value === '') return undefined;
	if (typeof value === 'string') {
		try {
			value = JSON.parse(value) as unknown;
		} catch {
			return 'is not valid JSON';
		}
	}
	if (isObject(value) && isObject(value.json)) value = value.json;
	if (isObject(value) && isObject(value.results)) value = value.results;
	if (isObject(value) && value.ready === false) return [];
	if (isObject(value) && Array.isArray(value.rows)) value = value.rows;
	if (isRow(value)) value = [value];
	if (!Array.isArray(value))
		return 'must be an earlier results item, its results block or its rows';
	const rows = value.map((entry) => (isObject(entry) && isObject(entry.json) ? entry.json : entry));
	if (!rows.every(isRow)) return 'must hold result rows, each with a biomarker name';
	return rows.map(asRow);
}

/** Each row with its marker's previous value and the change, when both are plain numbers. */
function withChanges(rows: LabResultRow[], previous: LabResultRow[]): LabResultRow[] {
	const previousOf = previousByMarker(previous);
	return rows.map((row) => {
		const before = previousOf(row);
		const previousValue = before?.value ?? null;
		const change =
			previousValue === null || row.value === null
				? null
				: Number((row.value - previousValue).toPrecision(12));
		return { ...row, previousValue, change };
	});
}

/** The results block with the messages asked for and, given previous rows, the changes. */
export function withMessages(results: LabResults, settings: MessageSettings): LabResults {
	if (!results.ready) return results;
	const formats = settings.includeMessages ?? [];
	const { previous } = settings;
	if (!formats.length && !previous) return results;
	const { rows, raw, ...head } = results;
	const options = { title: settings.messageTitle || DEFAULT_MESSAGE_TITLE, previous };
	const messages: IDataObject = {};
	if (formats.includes(HTML_MESSAGE)) messages.html = resultsHtml(results, options);
	if (formats.includes(SLACK_MESSAGE)) messages.slackBlocks = resultsSlackMessage(results, options);
	// Beside the summary, before the long rows and raw data.
	return {
		...head,
		...messages,
		rows: previous ? withChanges(rows, previous) : rows,
		raw,
	} as ReadyResults;
}

/** A trigger's fetched full data with the messages its Options ask for added to its `results`. */
export function withMessagesInEnrichment(
	json: IDataObject,
	settings: MessageSettings,
): IDataObject {
	const results = json.results as LabResults | undefined;
	if (!settings.includeMessages?.length || !results?.ready) return json;
	return { ...json, results: withMessages(results, { ...settings, previous: undefined }) };
}
