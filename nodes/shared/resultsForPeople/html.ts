import type { LabResultRow, ReadyResults } from '../results';
import { reportView, type MarkerView, type RangeBar, type ReportView } from './markerView';

/**
 * The results as an HTML block for an email body: nested tables and inline styles only (what email
 * clients keep), no scripts, images, fonts or classes. Every cell sets its own text and background
 * colour, so a client's dark mode inverts the whole block consistently instead of leaving dark text on
 * a darkened background. Every reported text is escaped. `data-part` names the range box and the
 * value's mark of each bar, for tests that read the rendered layout.
 */
const INK = '#1f2328';
const MUTED = '#57606a';
const PAPER = '#ffffff';
const RULE = '#d0d7de';
const TRACK = '#eaeef2';
const BOX = '#b7dfc1';
const BOX_EDGE = '#4d9a62';
const FONT = 'Arial,Helvetica,sans-serif';
const BAR_WIDTH = 140;

const ENTITIES: Record<string, string> = {
	'&': '&amp;',
	'<': '&lt;',
	'>': '&gt;',
	'"': '&quot;',
	"'": '&#39;',
};

export function escapeHtml(text: string): string {
	return text.replace(/[&<>"']/g, (character) => ENTITIES[character]);
}

const cell = (style: string, content: string, attributes = '') =>
	`<td${attributes} style="${style}">${content}</td>`;

interface Segment {
	width: number;
	colour: string;
	content: string;
	attributes?: string;
	style?: string;
}

/** One row of bar segments, widths in % of the bar; empty segments are left out. */
function segments(parts: Segment[]): string {
	const cells = parts
		.filter(({ width }) => width > 0)
		.map(
			({ width, colour, content, attributes = '', style = '' }) =>
				`<td width="${width}%" bgcolor="${colour}"${attributes} style="width:${width}%;background-color:${colour};height:10px;padding:0;font-size:0;line-height:0;${style}">${content}</td>`,
		)
		.join('');
	return `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="border-collapse:collapse;width:100%"><tr>${cells}</tr></table>`;
}

const EMPTY = 'padding:0;font-size:0;line-height:0';

/** The value's mark: a 4 px dark cell at `at` % of the segment it falls in. */
function withMark(at: number, colour: string, label: string): string {
	const mark = `<td width="4" bgcolor="${INK}" data-part="value" title="${label}" style="width:4px;min-width:4px;background-color:${INK};height:10px;${EMPTY}">&nbsp;</td>`;
	const before = at > 0 ? `<td width="${at}%" style="width:${at}%;${EMPTY}"></td>` : '';
	const after = at < 100 ? `<td style="${EMPTY}"></td>` : '';
	return `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" bgcolor="${colour}" style="border-collapse:collapse;width:100%;background-color:${colour}"><tr>${before}${mark}${after}</tr></table>`;
}

function barHtml(bar: RangeBar, marker: MarkerView): string {
	const before = bar.boxStart;
	const box = Math.max(bar.boxEnd - bar.boxStart, 1);
	const after = Math.max(100 - before - box, 0);
	const label = escapeHtml(`${marker.value}, reference range ${marker.range ?? ''}`);
	const markIn = (side: RangeBar['side'], from: number, width: number, colour: string) => {
		if (bar.mark === null || bar.side !== side) return '';
		const offset = ((bar.mark - from) / width) * 100;
		return withMark(Math.round(Math.min(100, Math.max(0, offset)) * 10) / 10, colour, label);
	};
	return segments([
		{ width: before, colour: TRACK, content: markIn('below', 0, before, TRACK) },
		{
			width: box,
			colour: BOX,
			content: markIn('within', before, box, BOX),
			attributes: ` data-part="range" title="Reference range ${escapeHtml(marker.range ?? '')}"`,
			style: `border-left:1px solid ${BOX_EDGE};border-right:1px solid ${BOX_EDGE}`,
		},
		{ width: after, colour: TRACK, content: markIn('above', before + box, after, TRACK) },
	]);
}

function rangeCell(marker: MarkerView): string {
	const style = `padding:8px 8px;border-bottom:1px solid ${RULE};background-color:${PAPER};color:${MUTED};font-family:${FONT};font-size:12px;width:${BAR_WIDTH}px`;
	if (!marker.bar) return cell(style, 'No reference range');
	const bar = `<div style="width:${BAR_WIDTH}px">${barHtml(marker.bar, marker)}</div>`;
	return cell(
		style,
		`${bar}<div style="padding-top:3px;color:${MUTED}">${escapeHtml(marker.range!)}</div>`,
	);
}

function flagCell(marker: MarkerView): string {
	const { look } = marker;
	const pill = `<span style="display:inline-block;padding:2px 8px;border-radius:10px;background-color:${look.background};color:${look.text};font-weight:bold;white-space:nowrap">${look.symbol} ${look.word}</span>`;
	return cell(
		`padding:8px 8px;border-bottom:1px solid ${RULE};background-color:${PAPER};font-family:${FONT};font-size:12px;text-align:right`,
		pill,
	);
}

function markerRow(marker: MarkerView): string {
	const base = `padding:8px 8px;border-bottom:1px solid ${RULE};background-color:${PAPER};color:${INK};font-family:${FONT};font-size:14px;vertical-align:top`;
	const comment = marker.row.comment
		? `<div style="padding-top:2px;color:${MUTED};font-size:12px">${escapeHtml(marker.row.comment)}</div>`
		: '';
	const change = marker.change
		? `<div style="padding-top:2px;color:${MUTED};font-size:12px;white-space:nowrap">${escapeHtml(marker.change.text)} <span style="color:${MUTED}">(was ${escapeHtml(marker.change.previousText)})</span></div>`
		: '';
	const weight = marker.look.outOfRange ? 'font-weight:bold;' : '';
	return `<tr>${cell(base, `<div style="${weight}">${escapeHtml(marker.row.biomarker)}</div>${comment}`)}${cell(`${base};white-space:nowrap`, `<div style="${weight}">${escapeHtml(marker.value)}</div>${change}`)}${rangeCell(marker)}${flagCell(marker)}</tr>`;
}

function header(view: ReportView, title: string): string {
	const facts = view.facts
		.map(({ label, value }) => `${escapeHtml(label)}: <b>${escapeHtml(value)}</b>`)
		.join(' &nbsp;·&nbsp; ');
	const incomplete = view.incomplete
		? `<div style="margin-top:8px;padding:6px 10px;background-color:#fef3c7;color:#713f12;font-size:13px">Partial report: more results may follow.</div>`
		: '';
	return `<tr><td colspan="4" style="padding:16px 8px 12px;background-color:${PAPER};color:${INK};font-family:${FONT}"><div style="font-size:18px;font-weight:bold">${escapeHtml(title)}</div><div style="padding-top:4px;font-size:14px">${escapeHtml(view.headline)}</div>${facts ? `<div style="padding-top:4px;font-size:12px;color:${MUTED}">${facts}</div>` : ''}${incomplete}</td></tr>`;
}

function columnHeads(): string {
	const head = (text: string, align = 'left') =>
		cell(
			`padding:6px 8px;border-bottom:2px solid ${RULE};background-color:${PAPER};color:${MUTED};font-family:${FONT};font-size:11px;text-transform:uppercase;letter-spacing:0.04em;text-align:${align}`,
			text,
		);
	return `<tr>${head('Marker')}${head('Result')}${head('Range')}${head('Flag', 'right')}</tr>`;
}

export interface HtmlOptions {
	title?: string;
	/** Rows of an earlier result set of the same person (a retest's parent). */
	previous?: LabResultRow[];
}

/** The email HTML of a results block. */
export function resultsHtml(results: ReadyResults, options: HtmlOptions = {}): string {
	const view = reportView(results, options.previous);
	const rows = view.markers.map(markerRow).join('');
	return `<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" bgcolor="${PAPER}" style="border-collapse:collapse;width:100%;max-width:680px;background-color:${PAPER};color:${INK};font-family:${FONT}">${header(view, options.title ?? 'Lab results')}${rows ? columnHeads() + rows : ''}</table>`;
}
