import type { LabResultRow, ReadyResults, ResultFlag } from '../results';

/**
 * What every picture of a result set shows, worked out once: the flag in words, a symbol and colours
 * (never colour alone), out-of-range markers first, each value's place against its reference range, the
 * change since a previous result, and the report's status and dates. html.ts and slackBlocks.ts only
 * lay this out.
 */
export interface FlagLook {
	word: string;
	/** A shape that says the same as the colour, for readers who cannot tell the colours apart. */
	symbol: string;
	/** Slack shows emoji, not colours. */
	emoji: string;
	text: string;
	background: string;
	outOfRange: boolean;
}

export const FLAG_LOOKS: Record<ResultFlag, FlagLook> = {
	critical: {
		word: 'Critical',
		symbol: '‼',
		emoji: '🚨',
		text: '#ffffff',
		background: '#b42318',
		outOfRange: true,
	},
	high: {
		word: 'High',
		symbol: '▲',
		emoji: '🔺',
		text: '#7c2d12',
		background: '#fed7aa',
		outOfRange: true,
	},
	low: {
		word: 'Low',
		symbol: '▼',
		emoji: '🔻',
		text: '#1e3a8a',
		background: '#bfdbfe',
		outOfRange: true,
	},
	abnormal: {
		word: 'Abnormal',
		symbol: '◆',
		emoji: '⚠️',
		text: '#713f12',
		background: '#fde68a',
		outOfRange: true,
	},
	normal: {
		word: 'Normal',
		symbol: '✓',
		emoji: '✅',
		text: '#14532d',
		background: '#bbf7d0',
		outOfRange: false,
	},
	unknown: {
		word: 'Not flagged',
		symbol: '–',
		emoji: '▫️',
		text: '#374151',
		background: '#e5e7eb',
		outOfRange: false,
	},
};

/** Out-of-range first, the most urgent first; the lab's own order within each flag. */
const FLAG_ORDER: ResultFlag[] = ['critical', 'high', 'low', 'abnormal', 'normal', 'unknown'];

/**
 * Where the value sits against the reference range, as percentages of the bar's width: the range's
 * box spans `boxStart`–`boxEnd`, the value's mark is at `mark` (null when the value is not a number).
 */
export interface RangeBar {
	boxStart: number;
	boxEnd: number;
	mark: number | null;
	/** Which part of the bar the mark belongs in, from the value itself rather than the rounded %. */
	side: 'below' | 'within' | 'above' | null;
}

export interface ResultChange {
	previousText: string;
	/** "↑ +0.8", "↓ −1.2" or "→ no change". */
	text: string;
}

export interface MarkerView {
	row: LabResultRow;
	look: FlagLook;
	/** "6.8 mU/L", "<0.5 mg/L", "Negative". */
	value: string;
	/** "0.27–4.2", "≤ 5", "≥ 50", or null without a range. */
	range: string | null;
	bar: RangeBar | null;
	change: ResultChange | null;
}

export interface ReportFact {
	label: string;
	value: string;
}

export interface ReportView {
	/** "2 of 4 results need attention" / "All 4 results are within range". */
	headline: string;
	/** Status and dates, in the order a person reads them. */
	facts: ReportFact[];
	/** Partial or preliminary: more results may follow. */
	incomplete: boolean;
	markers: MarkerView[];
	outOfRange: MarkerView[];
	rest: MarkerView[];
}

function formatNumber(value: number): string {
	return String(Number(value.toPrecision(12)));
}

/** A number, a bounded one ("<0.5", ">= 90") or a count range ("0-5") reads with its unit; words do not. */
const QUANTITY = /^[<>≤≥]?=?\s*[-+]?\.?\d/;

function valueOf(row: LabResultRow): string {
	const reported = row.valueText ?? (row.value === null ? '—' : formatNumber(row.value));
	const quantity = row.value !== null || QUANTITY.test(reported);
	return row.unit && quantity ? `${reported} ${row.unit}` : reported;
}

function rangeOf(row: LabResultRow): string | null {
	const { referenceLow: low, referenceHigh: high } = row;
	if (low !== null && high !== null) return `${formatNumber(low)}–${formatNumber(high)}`;
	if (low !== null) return `≥ ${formatNumber(low)}`;
	if (high !== null) return `≤ ${formatNumber(high)}`;
	return null;
}

const percent = (value: number) => Math.round(Math.min(100, Math.max(0, value)) * 10) / 10;

/**
 * The bar shows the range as a box with room either side, so a value outside it lands outside the box:
 * a closed range takes the middle half; an open one runs to the bar's end on its open side. Values far
 * outside stop at the bar's end.
 */
export function rangeBar(row: LabResultRow): RangeBar | null {
	const { referenceLow: low, referenceHigh: high, value } = row;
	if (low === null && high === null) return null;
	let start: number;
	let end: number;
	let boxFrom: number;
	let boxTo: number;
	if (low !== null && high !== null) {
		const span = high > low ? high - low : Math.max(Math.abs(low), 1);
		[start, end, boxFrom, boxTo] = [low - span / 2, high + span / 2, low, high];
	} else if (high !== null) {
		start = high > 0 ? 0 : high - Math.max(Math.abs(high), 1);
		end = high + (high - start) / 2;
		[boxFrom, boxTo] = [start, high];
	} else {
		const from = low!;
		end = from + Math.max(Math.abs(from), 1);
		start = from - (end - from) / 2;
		[boxFrom, boxTo] = [from, end];
	}
	const at = (point: number) => percent(((point - start) / (end - start)) * 100);
	const side =
		value === null
			? null
			: low !== null && value < low
				? 'below'
				: high !== null && value > high
					? 'above'
					: 'within';
	return {
		boxStart: at(boxFrom),
		boxEnd: at(boxTo),
		mark: value === null ? null : at(value),
		side,
	};
}

function decimals(value: number): number {
	const [, fraction = ''] = formatNumber(value).split('.');
	return fraction.length;
}

/** The change from the previous value of the same marker, when both are plain numbers in one unit. */
export function changeSince(
	row: LabResultRow,
	previous: LabResultRow | undefined,
): ResultChange | null {
	if (!previous || row.value === null || previous.value === null) return null;
	if (row.unit && previous.unit && row.unit.toLowerCase() !== previous.unit.toLowerCase())
		return null;
	const places = Math.max(decimals(row.value), decimals(previous.value));
	const difference = Number((row.value - previous.value).toFixed(places));
	const previousText = previous.valueText ?? formatNumber(previous.value);
	if (difference === 0) return { previousText, text: '→ no change' };
	const size = Math.abs(difference).toFixed(places);
	return { previousText, text: difference > 0 ? `↑ +${size}` : `↓ −${size}` };
}

/** A marker's identity across two result sets: its code where it has one, else its name. */
function markerKeys(row: LabResultRow): string[] {
	const keys = [`name:${row.biomarker.trim().toLowerCase()}`];
	if (row.code)
		keys.unshift(`code:${(row.codeSystem ?? '').toLowerCase()}:${row.code.toLowerCase()}`);
	return keys;
}

export function previousByMarker(
	previous: LabResultRow[],
): (row: LabResultRow) => LabResultRow | undefined {
	const index = new Map<string, LabResultRow>();
	for (const row of previous)
		for (const key of markerKeys(row)) if (!index.has(key)) index.set(key, row);
	return (row) =>
		markerKeys(row)
			.map((key) => index.get(key))
			.find(Boolean);
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2026-08-10" or "2022-11-23T14:20:00Z" as "10 Aug 2026"; anything else as given. */
export function readableDate(value: string): string {
	const date = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
	const month = date ? MONTHS[Number(date[2]) - 1] : undefined;
	return date && month ? `${Number(date[3])} ${month} ${date[1]}` : value;
}

const DATE_LABELS: Array<[key: string, label: string]> = [
	['collected', 'Collected'],
	['received', 'Received'],
	['reported', 'Reported'],
];

function capitalised(text: string): string {
	if (text === text.toUpperCase()) text = text.toLowerCase();
	return text.charAt(0).toUpperCase() + text.slice(1).replace(/_/g, ' ');
}

function reportFacts(results: ReadyResults): ReportFact[] {
	const facts: ReportFact[] = [];
	if (typeof results.status === 'string' && results.status)
		facts.push({ label: 'Status', value: capitalised(results.status) });
	const dates = (results.dates ?? {}) as Record<string, unknown>;
	for (const [key, label] of DATE_LABELS) {
		const date = dates[key];
		if (typeof date === 'string' && date) facts.push({ label, value: readableDate(date) });
	}
	return facts;
}

function headlineOf(total: number, outOfRange: number): string {
	if (total === 0) return 'No results yet';
	if (outOfRange === 0)
		return total === 1 ? 'The result is within range' : `All ${total} results are within range`;
	return `${outOfRange} of ${total} ${total === 1 ? 'result needs' : 'results need'} attention`;
}

/** The view of a results block; `previous` are the rows of an earlier result set of the same person. */
export function reportView(results: ReadyResults, previous: LabResultRow[] = []): ReportView {
	const previousOf = previousByMarker(previous);
	const markers = results.rows
		.map((row, position) => ({ row, position }))
		.sort(
			(a, b) =>
				FLAG_ORDER.indexOf(a.row.flag) - FLAG_ORDER.indexOf(b.row.flag) || a.position - b.position,
		)
		.map(({ row }) => ({
			row,
			look: FLAG_LOOKS[row.flag] ?? FLAG_LOOKS.unknown,
			value: valueOf(row),
			range: rangeOf(row),
			bar: rangeBar(row),
			change: changeSince(row, previousOf(row)),
		}));
	const outOfRange = markers.filter((marker) => marker.look.outOfRange);
	const status = typeof results.status === 'string' ? results.status : '';
	return {
		headline: headlineOf(markers.length, outOfRange.length),
		facts: reportFacts(results),
		incomplete: /partial|preliminary/i.test(status),
		markers,
		outOfRange,
		rest: markers.filter((marker) => !marker.look.outOfRange),
	};
}
