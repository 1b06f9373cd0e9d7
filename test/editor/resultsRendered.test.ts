import type { Page } from 'playwright-core';

import { emailPage, slackPage } from '../../dev/demo/resultPictures';
import { resultSamples, type ResultSample } from '../../dev/fakes/resultSamples';
import { launchChromium, type LaunchedChromium } from '../../dev/n8n/browser';
import { FLAG_LOOKS, reportView } from '../../nodes/shared/resultsForPeople/markerView';
import { resultsHtml } from '../../nodes/shared/resultsForPeople/html';
import { resultsSlackMessage } from '../../nodes/shared/resultsForPeople/slackBlocks';
import type { LabResultRow, ReadyResults } from '../../nodes/shared/results';
import { blockKitProblems } from '../support/blockKit';
import { editor } from './environment';

/**
 * The email HTML of every result sample of every provider, rendered in the editor tests' Chromium and
 * judged from the rendered layout: each value's mark against its range's box, the flags as text, and
 * markup in reported texts shown as text. The Slack message of each sample is held to Block Kit's limits.
 */
const state = editor();

let chromium: LaunchedChromium;
let page: Page;

beforeAll(async () => {
	chromium = await launchChromium({
		executablePath: state.chromium,
		viewport: { width: 760, height: 900 },
	});
	// Nothing the HTML asks for may leave the page: any request at all fails the check below.
	page = await chromium.context.newPage();
});

afterAll(async () => await chromium?.close());

interface RenderedRow {
	name: string;
	flagText: string;
	rangeBox: { left: number; right: number } | null;
	mark: { left: number; right: number } | null;
}

/** Each marker row of the rendered table, with the rectangles of its range box and value mark. */
async function renderedRows(html: string): Promise<{ rows: RenderedRow[]; requests: string[] }> {
	const requests: string[] = [];
	const listener = (request: { url(): string }) => requests.push(request.url());
	page.on('request', listener);
	await page.setContent(emailPage(html), { waitUntil: 'load' });
	page.off('request', listener);
	// Run in the page (as text: the tests are type-checked without the DOM's types).
	const rows = await page.evaluate<RenderedRow[]>(`(() => {
		const box = (element) => {
			if (!element) return null;
			const rect = element.getBoundingClientRect();
			return { left: rect.left, right: rect.right };
		};
		// The marker rows: rows of the outer table with four cells, the last holding the flag.
		const outer = document.querySelector('#mail table');
		return Array.from(outer.querySelectorAll(':scope > tbody > tr'))
			.filter((row) => row.children.length === 4 && row.querySelector('span'))
			.map((row) => ({
				name: row.children[0].firstElementChild.innerText,
				flagText: row.children[3].innerText.trim(),
				rangeBox: box(row.querySelector('[data-part="range"]')),
				mark: box(row.querySelector('[data-part="value"]')),
			}));
	})()`);
	return { rows, requests: requests.filter((url) => !url.startsWith('about:')) };
}

/** Where a row's value lies against its range, from the numbers the row itself reports. */
function expectedSide(row: LabResultRow): 'below' | 'above' | 'within' | null {
	const { value, referenceLow: low, referenceHigh: high } = row;
	if (value === null || (low === null && high === null)) return null;
	if (low !== null && value < low) return 'below';
	if (high !== null && value > high) return 'above';
	return 'within';
}

const samples = resultSamples();

describe('the email HTML of every result sample, rendered', () => {
	it('covers every provider, the 60-marker panel and values outside their ranges', () => {
		expect(new Set(samples.map((sample) => sample.provider)).size).toBe(3);
		expect(samples.some((sample) => sample.results.rows.length >= 60)).toBe(true);
	});

	test.each(samples.map((sample) => [sample.name, sample] as [string, ResultSample]))(
		'%s: every mark on its side of its range box, every flag in words, nothing fetched',
		async (_name, sample) => {
			const { rows, requests } = await renderedRows(resultsHtml(sample.results));
			expect(requests).toEqual([]);
			// The rendered order is the view's: out-of-range first.
			const sources = reportView(sample.results).markers.map((marker) => marker.row);
			expect(rows.map((row) => row.name)).toEqual(sources.map((source) => source.biomarker));
			let outside = 0;
			for (const [index, row] of rows.entries()) {
				const source = sources[index];
				expect(row.flagText).toBe(
					`${FLAG_LOOKS[source.flag].symbol} ${FLAG_LOOKS[source.flag].word}`,
				);
				const side = expectedSide(source);
				if (side === null) {
					expect(row.mark).toBeNull();
					continue;
				}
				expect(row.rangeBox).not.toBeNull();
				expect(row.mark).not.toBeNull();
				const { rangeBox: range, mark } = { rangeBox: row.rangeBox!, mark: row.mark! };
				expect(mark.right - mark.left).toBeGreaterThanOrEqual(3);
				if (side === 'above') expect(mark.left).toBeGreaterThanOrEqual(range.right - 0.5);
				if (side === 'below') expect(mark.right).toBeLessThanOrEqual(range.left + 0.5);
				if (side === 'within') {
					expect(mark.left).toBeGreaterThanOrEqual(range.left - 0.5);
					expect(mark.right).toBeLessThanOrEqual(range.right + 0.5);
				}
				if (side !== 'within') outside++;
			}
			expect(outside).toBe(
				sources.filter((source) => ['above', 'below'].includes(String(expectedSide(source))))
					.length,
			);
		},
	);

	it('has samples with marks on both outer sides, so the side checks above are exercised', () => {
		const sides = samples.flatMap((sample) => sample.results.rows.map(expectedSide));
		expect(sides).toContain('above');
		expect(sides).toContain('below');
		expect(sides).toContain('within');
	});

	it('shows markup in a marker name, comment or unit as text, and runs none of it', async () => {
		const [first] = samples;
		const hostileName = '<img src=x onerror="window.injected=1"><b id="bold">Bold</b>';
		const results: ReadyResults = {
			...first.results,
			rows: first.results.rows.map((row, index) =>
				index === 0
					? {
							...row,
							biomarker: hostileName,
							comment: '<script>window.injected=2</script>',
							unit: '<i>u</i>',
						}
					: row,
			),
		};
		const { rows, requests } = await renderedRows(resultsHtml(results));
		expect(requests).toEqual([]);
		expect(rows.map((row) => row.name)).toContain(hostileName);
		const found = await page.evaluate<{ injected: unknown; elements: number; text: string }>(`({
			injected: window.injected ?? null,
			elements: document.querySelectorAll('#mail img, #mail b#bold, #mail script, #mail i').length,
			text: document.querySelector('#mail').textContent,
		})`);
		expect(found).toMatchObject({ injected: null, elements: 0 });
		expect(found.text).toContain('<script>window.injected=2</script>');
		expect(found.text).toContain('<i>u</i>');
	});
});

describe('the Slack message of every result sample', () => {
	test.each(samples.map((sample) => [sample.name, sample] as [string, ResultSample]))(
		'%s: within Block Kit’s limits, one section per out-of-range marker that fits',
		async (_name, sample) => {
			const message = resultsSlackMessage(sample.results);
			expect(blockKitProblems(message)).toEqual([]);
			expect(message.blocks.length).toBeLessThanOrEqual(49);
			await page.setContent(slackPage(message));
			const sections = await page.locator('[data-block="section"]').allInnerTexts();
			const needingAttention = sample.results.summary.needingAttention;
			expect(sections.length).toBe(needingAttention);
			for (const text of sections) expect(text).toMatch(/^\S+ (Critical|High|Low|Abnormal) · /);
		},
	);
});
