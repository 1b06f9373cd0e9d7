import type { IDataObject } from 'n8n-workflow';
import { requestedLimit } from '../../../nodes/shared/actions/parameters';
import {
	collectPages,
	MAX_PAGES,
	type Page,
	type PageRequest,
} from '../../../nodes/shared/transport/pagination';
import { executeContext } from '../../support/contexts';

/** A page-number API over `total` records, recording each request. */
function pagedApi(total: number, maxPageSize: number) {
	const requests: PageRequest[] = [];
	const fetchPage = async (request: PageRequest): Promise<Page<number>> => {
		requests.push(request);
		const page = (request.cursor as number | undefined) ?? 1;
		const size = Math.min(request.pageSize, maxPageSize);
		const items = Array.from(
			{ length: Math.max(0, Math.min(size, total - (page - 1) * size)) },
			(_, i) => (page - 1) * size + i,
		);
		return { items, next: page * size < total ? page + 1 : null };
	};
	return { requests, fetchPage };
}

describe('collectPages', () => {
	it.each([
		[0, 1],
		[1, 1],
		[100, 1],
		[101, 2],
		[250, 3],
		[1000, 10],
	])(
		'returns all %i records in ceil(n / page size) = %i requests',
		async (total, expectedRequests) => {
			const api = pagedApi(total, 100);
			const records = await collectPages(api.fetchPage, { maxPageSize: 100 });
			expect(records).toEqual([...Array(total).keys()]);
			expect(api.requests).toHaveLength(expectedRequests);
			expect(api.requests.every((request) => request.pageSize === 100)).toBe(true);
		},
	);

	it('stops at the limit and asks for no more than it needs', async () => {
		const api = pagedApi(1000, 100);
		expect(await collectPages(api.fetchPage, { maxPageSize: 100, limit: 30 })).toEqual([
			...Array(30).keys(),
		]);
		expect(api.requests).toEqual([{ cursor: undefined, pageSize: 30 }]);
		const wider = pagedApi(1000, 100);
		expect(await collectPages(wider.fetchPage, { maxPageSize: 100, limit: 250 })).toHaveLength(250);
		expect(wider.requests).toHaveLength(3);
	});

	it('follows opaque cursors', async () => {
		const pages: Record<string, Page<string>> = {
			start: { items: ['a', 'b'], next: 'c2' },
			c2: { items: ['c'], next: 'c3' },
			c3: { items: ['d'], next: null },
		};
		const seen: Array<string | number | undefined> = [];
		const records = await collectPages(
			async ({ cursor }) => {
				seen.push(cursor);
				return pages[(cursor as string) ?? 'start'];
			},
			{ maxPageSize: 2 },
		);
		expect(records).toEqual(['a', 'b', 'c', 'd']);
		expect(seen).toEqual([undefined, 'c2', 'c3']);
	});

	it('stops on an empty page or a cursor it has already followed', async () => {
		let calls = 0;
		const looping = await collectPages(
			async () => {
				calls++;
				return { items: [calls], next: 'same' };
			},
			{ maxPageSize: 10 },
		);
		expect(looping).toEqual([1, 2]);
		const empty = await collectPages(async () => ({ items: [], next: 'more' }), {
			maxPageSize: 10,
		});
		expect(empty).toEqual([]);
	});

	it('stops a server that never ends its pages at the page cap, far beyond real accounts, with a clear error', async () => {
		let calls = 0;
		// Gives up itself well past the cap: a collector without a bound must fail here, not hang.
		const endless = async ({ cursor }: PageRequest): Promise<Page<number>> => {
			calls++;
			if (calls > 100_000) throw new Error('the collector did not stop');
			const page = (cursor as number | undefined) ?? 0;
			return { items: [page], next: page + 1 };
		};
		await expect(collectPages(endless, { maxPageSize: 100 })).rejects.toThrow(
			`The API still had more pages after ${MAX_PAGES} pages (${MAX_PAGES} records); stopped rather than return part of the list`,
		);
		expect(calls).toBe(MAX_PAGES);
		expect(MAX_PAGES).toBeGreaterThanOrEqual(1000);
		// The last page allowed ends the list: that is a whole list, not a cut one.
		let pages = 0;
		const exactlyAtTheCap = async ({ cursor }: PageRequest): Promise<Page<number>> => {
			pages++;
			const page = (cursor as number | undefined) ?? 0;
			return { items: [page], next: page + 1 < MAX_PAGES ? page + 1 : null };
		};
		expect(await collectPages(exactlyAtTheCap, { maxPageSize: 100 })).toHaveLength(MAX_PAGES);
		expect(pages).toBe(MAX_PAGES);
	});

	it('reads Return All as no limit, and Limit otherwise', () => {
		const limitOf = (parameters: IDataObject) =>
			requestedLimit(executeContext({ parameters, credentials: {} }), 0);
		expect(limitOf({ returnAll: true, limit: 7 })).toBeUndefined();
		expect(limitOf({ returnAll: false, limit: 7 })).toBe(7);
		expect(limitOf({ returnAll: false })).toBe(50);
	});
});
