/** An ISO 8601 date and time without a UTC offset, as some providers write local times. */
const LOCAL_DATE_TIME =
	/^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?$/;
const HOUR = 3_600_000;

/** The zone's offset from UTC at an instant, in milliseconds (from the runtime's time-zone data). */
function offsetAt(instant: number, timeZone: string): number {
	const parts = new Intl.DateTimeFormat('en-GB', {
		timeZone,
		hourCycle: 'h23',
		year: 'numeric',
		month: '2-digit',
		day: '2-digit',
		hour: '2-digit',
		minute: '2-digit',
		second: '2-digit',
	}).formatToParts(new Date(instant));
	const part = (type: string) => Number(parts.find((each) => each.type === type)?.value);
	const wallClock = Date.UTC(
		part('year'),
		part('month') - 1,
		part('day'),
		part('hour'),
		part('minute'),
		part('second'),
	);
	return wallClock - (instant - (instant % 1000));
}

/**
 * The instant a local date and time in `timeZone` denotes, as ISO 8601 UTC; undefined for text that is
 * not one. A wall-clock time that happens twice (the hour clocks go back) is taken as the first; one
 * that never happens (the hour clocks go forward) as if the clocks had not changed yet.
 */
export function localTimeToIso(text: string, timeZone: string): string | undefined {
	const match = LOCAL_DATE_TIME.exec(text.trim());
	if (!match) return undefined;
	const [, year, month, day, hour, minute, second = '0', millisecond = '0'] = match;
	const wallClock = Date.UTC(
		Number(year),
		Number(month) - 1,
		Number(day),
		Number(hour),
		Number(minute),
		Number(second),
		Number(millisecond.padEnd(3, '0')),
	);
	if (Number.isNaN(wallClock)) return undefined;
	const before = offsetAt(wallClock - 3 * HOUR, timeZone);
	const after = offsetAt(wallClock + 3 * HOUR, timeZone);
	const consistent = [wallClock - before, wallClock - after].filter(
		(instant) => offsetAt(instant, timeZone) === wallClock - instant,
	);
	const instant = consistent.length ? Math.min(...consistent) : wallClock - before;
	return new Date(instant).toISOString();
}

/** ISO 8601 UTC for a date-time with an offset, or a local one read in `timeZone`; undefined otherwise. */
export function timestampToIso(text: string, localTimeZone: string): string | undefined {
	const local = localTimeToIso(text, localTimeZone);
	if (local) return local;
	if (!/^\d{4}-\d{2}-\d{2}T.*(Z|[+-]\d{2}:?\d{2})$/i.test(text.trim())) return undefined;
	const time = Date.parse(text);
	return Number.isNaN(time) ? undefined : new Date(time).toISOString();
}
