import { hurdlePage } from '../../../nodes/Hurdle/transport';

const items = [{ productCode: 'A' }, { productCode: 'B' }];

describe('hurdlePage', () => {
	it('treats a bare array as the whole list', () => {
		expect(hurdlePage(items, 1)).toEqual({ items, next: null });
	});

	it.each(['data', 'items', 'orders', 'products', 'results'])(
		'finds the items under "%s"',
		(key) => {
			expect(hurdlePage({ [key]: items }, 1).items).toEqual(items);
		},
	);

	it('follows a next cursor', () => {
		expect(hurdlePage({ data: items, nextCursor: 'c_2' }, 1).next).toBe('c_2');
		expect(hurdlePage({ data: items, next_cursor: null }, 1).next).toBeNull();
	});

	it('follows a next page number, also given as text', () => {
		expect(hurdlePage({ data: items, nextPage: 3 }, 2).next).toBe(3);
		expect(hurdlePage({ data: items, next: '3' }, 2).next).toBe(3);
		expect(hurdlePage({ data: items, next: null }, 2).next).toBeNull();
	});

	it('reduces a next link to its cursor or page, whatever host it names', () => {
		expect(
			hurdlePage({ data: items, next: 'https://elsewhere.example/products/v1?page=4&limit=2' }, 3)
				.next,
		).toBe(4);
		expect(hurdlePage({ data: items, next: '/orders/v3?cursor=abc&limit=2' }, 1).next).toBe('abc');
		expect(
			hurdlePage({ data: items, next: 'https://elsewhere.example/products/v1' }, 1).next,
		).toBeNull();
	});

	it('counts pages from page and totalPages, at the top or under meta/pagination', () => {
		expect(hurdlePage({ data: items, page: 1, totalPages: 3 }, 1).next).toBe(2);
		expect(hurdlePage({ data: items, meta: { page: 3, totalPages: 3 } }, 3).next).toBeNull();
		expect(hurdlePage({ items, pagination: { current_page: 2, total_pages: 5 } }, 2).next).toBe(3);
	});

	it('uses hasMore with the page it asked for', () => {
		expect(hurdlePage({ data: items, hasMore: true }, 4).next).toBe(5);
		expect(hurdlePage({ data: items, has_more: false }, 4).next).toBeNull();
	});

	it('stops when nothing says there is more', () => {
		expect(hurdlePage({ data: items }, 1)).toEqual({ items, next: null });
		expect(hurdlePage('not a list', 1)).toEqual({ items: [], next: null });
		expect(hurdlePage({ message: 'ok' }, 1)).toEqual({ items: [], next: null });
	});
});
