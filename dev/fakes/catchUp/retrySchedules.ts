/**
 * How long each provider waits before each delivery attempt of one webhook, as documented: the first
 * attempt at once, then the gaps between attempts. The fakes replay them compressed in time.
 *
 * - LML: at once, then 5 min, 10 min, 30 min, 1 h, 4 h, 12 h, 1 d, 1 d 12 h, 2 d, 3 d (8 d 5 h 45 min in all).
 * - Hurdle: at once, then 5 s, 10 s, 15 s ("3 times at 5 s × attempt", the Chronomics docs; 30 s in all).
 * - Junction (Svix): at once, then 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h (about 27.6 h in all).
 */
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

export const RETRY_GAPS_MS = {
	londonMedicalLaboratory: [
		0,
		5 * MINUTE,
		10 * MINUTE,
		30 * MINUTE,
		HOUR,
		4 * HOUR,
		12 * HOUR,
		DAY,
		DAY + 12 * HOUR,
		2 * DAY,
		3 * DAY,
	],
	hurdle: [0, 5 * SECOND, 10 * SECOND, 15 * SECOND],
	junction: [0, 5 * SECOND, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 5 * HOUR, 10 * HOUR, 10 * HOUR],
} as const;

export type RetryScheduleKey = keyof typeof RETRY_GAPS_MS;

/** When each attempt happens after the event, in the provider's real time. */
export function attemptOffsets(gaps: readonly number[]): number[] {
	let at = 0;
	return gaps.map((gap) => (at += gap));
}

/**
 * The attempt offsets compressed so that the whole schedule lasts `spanMs`: every gap keeps its share
 * of the schedule, so Junction's 5 s second attempt stays tiny next to its 10 h last ones.
 */
export function compressedOffsets(gaps: readonly number[], spanMs: number): number[] {
	const real = attemptOffsets(gaps);
	const total = real[real.length - 1] || 1;
	return real.map((offset) => Math.round((offset / total) * spanMs));
}
