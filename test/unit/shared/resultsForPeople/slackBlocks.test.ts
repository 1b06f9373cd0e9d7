import { readyResults } from '../../../../nodes/shared/results';
import {
	clip,
	escapeMrkdwn,
	resultsSlackMessage,
} from '../../../../nodes/shared/resultsForPeople/slackBlocks';
import { blockKitProblems } from '../../../support/blockKit';
import { largePanel, ranged, row, thyroidPanel } from './rows';

type Block = { type: string; text?: { text: string }; elements?: Array<{ text: string }> };
const blocksOf = (message: { blocks: unknown[] }) => message.blocks as Block[];

describe('resultsSlackMessage', () => {
	const message = resultsSlackMessage(
		thyroidPanel({ status: 'final', dates: { reported: '2026-08-10' } }),
		{ title: 'LML results' },
	);
	const blocks = blocksOf(message);

	it('is a header, the status and dates, a section per out-of-range marker and a context line with the rest', () => {
		expect(blocks.map((block) => block.type)).toEqual([
			'header',
			'context',
			'section',
			'section',
			'context',
		]);
		expect(blocks[0].text!.text).toBe('🧪 LML results: 2 of 4 results need attention');
		expect(blocks[1].elements![0].text).toBe('Status: *Final*  ·  Reported: *10 Aug 2026*');
		expect(blocks[2].text!.text).toBe('🔺 *High* · *TSH*\n6.8 mU/L · range 0.27–4.2\n_Raised TSH_');
		expect(blocks[3].text!.text).toBe('🔻 *Low* · *Vitamin D*\n31 nmol/L · range 50–175');
		expect(blocks[4].elements![0].text).toBe(
			'Within range or not flagged: ✓ Free T4 14.2 pmol/L · ✓ Ferritin 88 ug/L',
		);
		expect(blockKitProblems(message)).toEqual([]);
	});

	it('carries a notification text that names the out-of-range markers', () => {
		expect(message.text).toBe(
			'LML results: 2 of 4 results need attention. High: TSH 6.8 mU/L. Low: Vitamin D 31 nmol/L.',
		);
	});

	it('shows each out-of-range marker’s change since the previous result', () => {
		const compared = resultsSlackMessage(thyroidPanel(), {
			previous: [row('Vitamin D', 42, 'low', { unit: 'nmol/L' })],
		});
		expect(blocksOf(compared)[2].text!.text).toBe(
			'🔻 *Low* · *Vitamin D*\n31 nmol/L · range 50–175 · ↓ −11 (was 42)',
		);
	});

	it('posts no section when every result is in range, and no context line when none is', () => {
		const inRange = blocksOf(
			resultsSlackMessage(readyResults([row('A', 2, 'normal', ranged(1, 3))], [])),
		);
		expect(inRange.map((block) => block.type)).toEqual(['header', 'context']);
		expect(inRange[0].text!.text).toBe('🧪 Lab results: The result is within range');
		expect(inRange[1].elements![0].text).toBe('✓ A 2 mmol/L');
		const allOut = blocksOf(
			resultsSlackMessage(readyResults([row('A', 9, 'high', ranged(1, 3))], [])),
		);
		expect(allOut.map((block) => block.type)).toEqual(['header', 'section']);
	});

	it('stays within Block Kit’s limits for 60 markers, all of them out of range, leaving a block for n8n’s link', () => {
		const everyOneHigh = resultsSlackMessage(largePanel(60, 1), { title: 'T'.repeat(400) });
		const sent = blocksOf(everyOneHigh);
		expect(blockKitProblems(everyOneHigh)).toEqual([]);
		expect(sent).toHaveLength(49);
		expect(sent.filter((block) => block.text?.text.startsWith('🔺 *High*'))).toHaveLength(46);
		expect(sent[48].text!.text).toMatch(
			/^\*Also out of range:\* Marker 47 with .* · Marker 60 with/,
		);
		expect(sent[0].text!.text).toHaveLength(150);
	});

	it('packs 60 in-range markers into at most 10 context texts, counting any that do not fit', () => {
		const mostlyInRange = resultsSlackMessage(largePanel(60, 20));
		const sent = blocksOf(mostlyInRange);
		expect(blockKitProblems(mostlyInRange)).toEqual([]);
		expect(sent.map((block) => block.type)).toEqual([
			'header',
			'context',
			'section',
			'section',
			'section',
			'context',
		]);
		const rest = sent[5].elements!.map((element) => element.text).join(' · ');
		expect(rest.match(/Marker \d+ with/g)).toHaveLength(57);
		const huge = resultsSlackMessage({
			...largePanel(600, 1000),
			rows: largePanel(600, 1000).rows.map((entry) => ({
				...entry,
				biomarker: entry.biomarker.repeat(4),
			})),
		});
		expect(blockKitProblems(huge)).toEqual([]);
		expect(blocksOf(huge).at(-1)!.elements!.at(-1)!.text).toMatch(/ · and \d+ more$/);
	});

	it('never lets a reported text mention a channel or link anywhere', () => {
		const hostile = readyResults(
			[
				row('<!channel> <https://evil.example|click>', 9, 'high', {
					...ranged(1, 3),
					comment: '<@U123> & co',
				}),
			],
			[],
			{ status: '<!here>' },
		);
		const sent = JSON.stringify(resultsSlackMessage(hostile));
		expect(sent).not.toMatch(/<[!@#h]/);
		expect(sent).toContain('&lt;!channel&gt; &lt;https://evil.example|click&gt;');
		expect(sent).toContain('&lt;@U123&gt; &amp; co');
	});
});

describe('clip and escapeMrkdwn', () => {
	it('cuts between whole characters, ellipsis included in the limit', () => {
		expect(clip('abcdef', 4)).toBe('abc…');
		expect(clip('abc', 3)).toBe('abc');
		expect(clip('🧪🧪🧪', 4)).toBe('🧪…');
	});

	it('escapes only what Slack reads as markup', () => {
		expect(escapeMrkdwn('a < b & c > d *e*')).toBe('a &lt; b &amp; c &gt; d *e*');
	});
});
