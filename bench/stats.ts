/* eslint-disable @n8n/community-nodes/no-restricted-globals -- benchmarks run in Node, not inside n8n */
/** Small helpers the benchmarks share: timing loops, medians, a table printer. */
export function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

export function percentile(values: number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

/** Runs `operation` over and over for about `milliseconds` and returns operations per second. */
export function opsPerSecond(operation: (index: number) => unknown, milliseconds = 400): number {
	for (let index = 0; index < 200; index++) operation(index); // warm-up
	let count = 0;
	const started = process.hrtime.bigint();
	const deadline = started + BigInt(milliseconds) * 1_000_000n;
	let now = started;
	while (now < deadline) {
		for (let batch = 0; batch < 64; batch++) operation(count++);
		now = process.hrtime.bigint();
	}
	return count / (Number(now - started) / 1e9);
}

export function formatNumber(value: number, digits = 0): string {
	return value.toLocaleString('en-GB', {
		maximumFractionDigits: digits,
		minimumFractionDigits: digits,
	});
}

export function table(headers: string[], rows: Array<Array<string | number>>): string {
	const cells = [headers, ...rows.map((row) => row.map(String))];
	const widths = headers.map((_, column) => Math.max(...cells.map((row) => row[column].length)));
	const line = (row: string[]) =>
		`| ${row.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`;
	return [
		line(cells[0]),
		`| ${widths.map((width) => '-'.repeat(width)).join(' | ')} |`,
		...cells.slice(1).map(line),
	].join('\n');
}
