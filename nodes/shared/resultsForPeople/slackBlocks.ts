import type { IDataObject } from 'n8n-workflow';

import type { LabResultRow, ReadyResults } from '../results';
import { reportView, type MarkerView } from './markerView';

/**
 * The results as a Slack Block Kit message: a header, the status and dates, a section per out-of-range
 * marker, and a context line with the rest. It is the object n8n's Slack node takes in Blocks
 * (`{ blocks, text }`, `text` being the notification). It keeps within Slack's limits for any number of
 * markers, leaving one block free for the Slack node's "Include Link to Workflow".
 */
export const SLACK_LIMITS = {
	/** Blocks in one message. */
	blocks: 50,
	headerText: 150,
	sectionText: 3000,
	contextElements: 10,
	/** A text object in a context block (Slack documents 3000 for text objects; this stays well inside). */
	contextText: 2000,
	/** chat.postMessage truncates `text` beyond 40,000 characters and recommends at most 4,000. */
	notificationText: 4000,
};

/** The blocks this message uses: one stays free for the Slack node's link to the workflow. */
const BLOCK_BUDGET = SLACK_LIMITS.blocks - 1;

export interface SlackMessage extends IDataObject {
	text: string;
	blocks: IDataObject[];
}

/** Slack reads `&`, `<` and `>` as markup (links, mentions such as <!channel>): reported text never is. */
export function escapeMrkdwn(text: string): string {
	return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Cuts text to at most `limit` UTF-16 code units (more than Slack counts for emoji, never fewer),
 * between whole characters, ending with an ellipsis when it had to.
 */
export function clip(text: string, limit: number): string {
	if (text.length <= limit) return text;
	let clipped = '';
	for (const character of text) {
		if (clipped.length + character.length > limit - 1) break;
		clipped += character;
	}
	return `${clipped}…`;
}

const mrkdwn = (text: string) => ({ type: 'mrkdwn', text });

function markerSection(marker: MarkerView): IDataObject {
	const { row, look } = marker;
	const details = [
		`${escapeMrkdwn(marker.value)}`,
		marker.range ? `range ${escapeMrkdwn(marker.range)}` : 'no reference range',
		marker.change
			? `${escapeMrkdwn(marker.change.text)} (was ${escapeMrkdwn(marker.change.previousText)})`
			: '',
	].filter(Boolean);
	const lines = [
		`${look.emoji} *${look.word}* · *${escapeMrkdwn(row.biomarker)}*`,
		details.join(' · '),
		row.comment ? `_${escapeMrkdwn(row.comment)}_` : '',
	].filter(Boolean);
	return { type: 'section', text: mrkdwn(clip(lines.join('\n'), SLACK_LIMITS.sectionText)) };
}

const briefly = (marker: MarkerView) =>
	`${escapeMrkdwn(marker.row.biomarker)} ${escapeMrkdwn(marker.value)}${marker.change ? ` ${escapeMrkdwn(marker.change.text)}` : ''}`;

/**
 * Entries joined with " · " into at most `maxTexts` texts of at most `limit` characters; what does not
 * fit is counted in a last "and N more".
 */
function packed(label: string, entries: string[], maxTexts: number, limit: number): string[] {
	const texts: string[] = [];
	let current = label;
	let index = 0;
	for (; index < entries.length; index++) {
		const entry = clip(entries[index], limit - 40);
		const joined = current === label ? `${current}${entry}` : `${current} · ${entry}`;
		if (joined.length <= limit - 20) {
			current = joined;
			continue;
		}
		if (texts.length + 1 >= maxTexts) break;
		texts.push(current);
		current = entry;
	}
	const left = entries.length - index;
	texts.push(left > 0 ? `${current} · and ${left} more` : current);
	return texts;
}

export interface SlackOptions {
	title?: string;
	previous?: LabResultRow[];
}

/** The Slack message of a results block. */
export function resultsSlackMessage(
	results: ReadyResults,
	options: SlackOptions = {},
): SlackMessage {
	const view = reportView(results, options.previous);
	const title = options.title ?? 'Lab results';
	const blocks: IDataObject[] = [
		{
			type: 'header',
			text: {
				type: 'plain_text',
				text: clip(`🧪 ${title}: ${view.headline}`, SLACK_LIMITS.headerText),
				emoji: true,
			},
		},
	];
	const facts = [
		...view.facts.map(({ label, value }) => `${escapeMrkdwn(label)}: *${escapeMrkdwn(value)}*`),
		...(view.incomplete ? ['Partial report: more results may follow'] : []),
	];
	if (facts.length)
		blocks.push({
			type: 'context',
			elements: [mrkdwn(clip(facts.join('  ·  '), SLACK_LIMITS.contextText))],
		});

	// The rest's context line always gets its block; out-of-range markers beyond the budget share one.
	const rest = view.rest.length ? 1 : 0;
	const room = BLOCK_BUDGET - blocks.length - rest;
	const ownSections =
		view.outOfRange.length <= room ? view.outOfRange : view.outOfRange.slice(0, room - 1);
	blocks.push(...ownSections.map(markerSection));
	const overflow = view.outOfRange.slice(ownSections.length);
	if (overflow.length) {
		const [text] = packed(
			'*Also out of range:* ',
			overflow.map(briefly),
			1,
			SLACK_LIMITS.sectionText,
		);
		blocks.push({ type: 'section', text: mrkdwn(text) });
	}
	if (rest) {
		const texts = packed(
			view.outOfRange.length ? 'Within range or not flagged: ' : '',
			view.rest.map((marker) => `${marker.look.symbol} ${briefly(marker)}`),
			SLACK_LIMITS.contextElements,
			SLACK_LIMITS.contextText,
		);
		blocks.push({ type: 'context', elements: texts.map(mrkdwn) });
	}
	const notification = [
		`${title}: ${view.headline}.`,
		...view.outOfRange.map((marker) => `${marker.look.word}: ${briefly(marker)}.`),
	].join(' ');
	return { text: clip(notification, SLACK_LIMITS.notificationText), blocks };
}
