import type { FakeReply, FakeRequest } from '../fakeServer';

/** FastAPI's 422 for a query value it cannot parse as a date-time. */
function notADateTime(name: string, value: string): FakeReply {
	const message = 'Input should be a valid datetime or date';
	return {
		status: 422,
		json: {
			detail: [
				{ type: 'datetime_from_date_parsing', loc: ['query', name], msg: message, input: value },
			],
		},
	};
}

/**
 * GET /v3/orders' `updated_start_date` / `updated_end_date` on `updated_at`: a date (`YYYY-MM-DD`, the
 * start of that day, UTC) or an ISO date-time. The spec does not say whether the bounds are inclusive;
 * this fake includes the start and excludes the end (`inclusiveEnd` includes it too), and the catch-up
 * must be right either way. Answers a FastAPI 422 for a value it cannot read, undefined when unused.
 */
export function updatedRangeFilter(
	request: FakeRequest,
	inclusiveEnd = false,
): FakeReply | ((order: Record<string, unknown>) => boolean) | undefined {
	const bound = (name: string): number | FakeReply | undefined => {
		const value = request.param(name);
		if (value === undefined) return undefined;
		const time = /^\d{4}-\d{2}-\d{2}$/.test(value)
			? Date.parse(`${value}T00:00:00Z`)
			: Date.parse(value);
		return Number.isNaN(time) ? notADateTime(name, value) : time;
	};
	const start = bound('updated_start_date');
	const end = bound('updated_end_date');
	if (typeof start === 'object') return start;
	if (typeof end === 'object') return end;
	if (start === undefined && end === undefined) return undefined;
	return (order) => {
		const updated = Date.parse(String(order.updated_at));
		return (
			(start === undefined || updated >= start) &&
			(end === undefined || (inclusiveEnd ? updated <= end : updated < end))
		);
	};
}
