import { readyResults } from '../../../../nodes/shared/results';
import { escapeHtml, resultsHtml } from '../../../../nodes/shared/resultsForPeople/html';
import { ranged, row, thyroidPanel } from './rows';

/** The text of an HTML fragment as a reader sees it: tags dropped, the escapes this renderer writes read back. */
function visibleText(html: string): string {
	return html
		.replace(/<[^>]*>/g, ' ')
		.replace(/&nbsp;/g, ' ')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&quot;/g, '"')
		.replace(/&#39;/g, "'")
		.replace(/&amp;/g, '&')
		.replace(/\s+/g, ' ');
}

/** The `<td …data-part="range"…>` cell of the bar in the table row of `marker`, with its content. */
function rangeCellOf(html: string, marker: string): string {
	const name = html.indexOf(`>${marker}</div>`);
	const open = html.lastIndexOf('<td', html.indexOf('data-part="range"', name));
	let depth = 0;
	for (let at = open; name >= 0 && at < html.length; at++) {
		if (html.startsWith('<td', at)) depth++;
		if (html.startsWith('</td>', at) && --depth === 0) return html.slice(open, at + 5);
	}
	throw new Error(`no range cell for ${marker}`);
}

describe('resultsHtml', () => {
	const html = resultsHtml(
		thyroidPanel({ status: 'final', dates: { collected: '2026-08-06', reported: '2026-08-10' } }),
		{ title: 'Results for registration R-1' },
	);

	it('says what the report is: title, headline, status and dates', () => {
		const text = visibleText(html);
		expect(text).toContain('Results for registration R-1');
		expect(text).toContain('2 of 4 results need attention');
		expect(text).toContain('Status: Final · Collected: 6 Aug 2026 · Reported: 10 Aug 2026');
		expect(text).not.toContain('Partial report');
		expect(visibleText(resultsHtml(thyroidPanel({ status: 'partial' })))).toContain(
			'Partial report: more results may follow.',
		);
	});

	it('has one row per marker, out-of-range first, each with value, unit, range and its flag in words', () => {
		const text = visibleText(html);
		const order = ['TSH', 'Vitamin D', 'Free T4', 'Ferritin'].map((name) =>
			text.indexOf(` ${name} `),
		);
		expect(order.every((position) => position > 0)).toBe(true);
		expect([...order].sort((a, b) => a - b)).toEqual(order);
		expect(text).toMatch(/TSH Raised TSH 6\.8 mU\/L 0\.27–4\.2 ▲ High/);
		expect(text).toMatch(/Vitamin D 31 nmol\/L 50–175 ▼ Low/);
		expect(text).toMatch(/Free T4 14\.2 pmol\/L 12–22 ✓ Normal/);
	});

	it('puts an out-of-range value’s mark outside the range box and an in-range one inside', () => {
		expect(rangeCellOf(html, 'TSH')).not.toContain('data-part="value"');
		expect(rangeCellOf(html, 'Vitamin D')).not.toContain('data-part="value"');
		expect(rangeCellOf(html, 'Free T4')).toContain('data-part="value"');
		expect(html.match(/data-part="value"/g)).toHaveLength(4);
	});

	it('says when there is no range, and draws no mark for a value that is not a number', () => {
		const text = resultsHtml(
			readyResults(
				[
					row('Covid antigen', null, 'unknown', { valueText: 'Negative', unit: null }),
					row('CRP', null, 'unknown', { ...ranged(null, 5), valueText: '<0.5', unit: 'mg/L' }),
				],
				[],
			),
		);
		expect(visibleText(text)).toContain('Covid antigen Negative No reference range – Not flagged');
		expect(visibleText(text)).toContain('CRP <0.5 mg/L ≤ 5');
		expect(text).toContain('data-part="range"');
		expect(text).not.toContain('data-part="value"');
	});

	it('shows the change since the previous result of each marker', () => {
		const text = visibleText(
			resultsHtml(thyroidPanel(), {
				previous: [row('TSH', 5.2, 'high', { unit: 'mU/L', code: 'TSH', codeSystem: 'LML' })],
			}),
		);
		expect(text).toContain('6.8 mU/L ↑ +1.6 (was 5.2)');
		expect(text.match(/\(was /g)).toHaveLength(1);
	});

	it('escapes every reported text, so a marker name or comment never becomes markup', () => {
		const hostile = '<script>alert(1)</script><img src=x onerror="alert(2)">';
		const text = resultsHtml(
			readyResults(
				[
					row(hostile, 7, 'high', {
						...ranged(1, 5),
						comment: `"'><a href="https://evil.example">click</a>`,
						unit: '<b>u</b>',
						valueText: '7&<',
					}),
				],
				[],
				{ status: '<i>final</i>', dates: { reported: '<svg onload=x>' } },
			),
			{ title: '</table><h1>Title</h1>' },
		);
		for (const tag of ['<script', '<img', '<a ', '<b>u', '<i>', '<svg', '<h1>', '</table><h1>'])
			expect(text).not.toContain(tag);
		expect(visibleText(text)).toContain(hostile);
		expect(visibleText(text)).toContain('<a href="https://evil.example">click</a>');
		expect(visibleText(text)).toContain('7&< <b>u</b>');
	});

	it('holds nothing an email client strips or blocks: no scripts, images, fonts, classes or stylesheets', () => {
		for (const banned of [
			/<script/i,
			/<img/i,
			/<link/i,
			/<style/i,
			/@import/i,
			/url\(/i,
			/ class=/i,
			/https?:/i,
		])
			expect(html).not.toMatch(banned);
		// Every cell sets its background, so dark modes invert the block as a whole.
		const cells = html.match(/<td[^>]*>/g)!;
		expect(cells.length).toBeGreaterThan(20);
		expect(cells.filter((cell) => !/background-color:|padding:0;font-size:0/.test(cell))).toEqual(
			[],
		);
	});

	it('escapes the five characters that matter in HTML', () => {
		expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
			'&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
		);
	});
});
