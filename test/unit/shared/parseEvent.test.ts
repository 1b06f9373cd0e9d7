import { z } from 'zod';

import { describeIssue, issuePath, parseEvent } from '../../../nodes/shared/trigger/parseEvent';

const schemas = {
	'order.shipped': z.object({
		event: z.literal('order.shipped'),
		data: z.object({
			order_id: z.string(),
			status: z.enum(['shipped', 'delivered']),
			items: z.array(z.object({ sku: z.string() })),
		}),
	}),
};

describe('parseEvent', () => {
	it('returns typed data for a payload that matches its schema', () => {
		const parsed = parseEvent(schemas, 'order.shipped', {
			event: 'order.shipped',
			data: { order_id: 'o-1', status: 'shipped', items: [{ sku: 'A' }] },
		});
		expect(parsed.status).toBe('valid');
		if (parsed.status === 'valid') expect(parsed.data.data.order_id).toBe('o-1');
	});

	it('reports each issue with its path, and keeps the payload', () => {
		const payload = {
			event: 'order.shipped',
			data: { order_id: 7, status: 'lost', items: [{ sku: 'A' }, {}] },
		};
		const parsed = parseEvent(schemas, 'order.shipped', payload);
		expect(parsed.status).toBe('invalid');
		if (parsed.status !== 'invalid') return;
		expect(parsed.payload).toBe(payload);
		expect(parsed.issues.map((issue) => issue.path).sort()).toEqual([
			'data.items[1].sku',
			'data.order_id',
			'data.status',
		]);
	});

	it('never puts the received value into an issue message', () => {
		const parsed = parseEvent(schemas, 'order.shipped', {
			event: 'order.shipped',
			data: { order_id: 'o-1', status: 'Jane Smith 1990-05-15', items: [] },
		});
		expect(JSON.stringify(parsed.status === 'invalid' && parsed.issues)).not.toContain('Jane');
		expect(parsed.status === 'invalid' && parsed.issues[0].message).toBe(
			'Expected one of: shipped, delivered',
		);
	});

	it('reports an unknown event as such instead of throwing', () => {
		expect(parseEvent(schemas, 'order.teleported', {})).toEqual({
			status: 'unknown',
			event: 'order.teleported',
			payload: {},
		});
		expect(parseEvent(schemas, 'toString', {}).status).toBe('unknown');
	});
});

describe('issue messages', () => {
	it('describe missing fields, types and sizes from the schema only', () => {
		const result = z
			.object({ a: z.string(), b: z.number(), c: z.string().min(3), d: z.string().datetime() })
			.safeParse({ b: 'x', c: 'ab', d: 'yesterday' });
		expect(result.success).toBe(false);
		if (result.success) return;
		const messages = Object.fromEntries(
			result.error.issues.map((issue) => [issue.path[0], describeIssue(issue).message]),
		);
		expect(messages).toEqual({
			a: 'Required',
			b: 'Expected number, received string',
			c: 'Too small (minimum 3)',
			d: 'Not a valid datetime',
		});
	});

	it('describe every other kind of issue, written out', () => {
		const issuesOf = (schema: z.ZodTypeAny, value: unknown) => {
			const result = schema.safeParse(value);
			if (result.success) throw new Error('expected the value to fail its schema');
			return result.error.issues.map(describeIssue);
		};
		expect(issuesOf(z.literal('order.shipped'), 'order.lost')).toEqual([
			{ path: '(root)', code: 'invalid_literal', message: 'Expected "order.shipped"' },
		]);
		expect(issuesOf(z.union([z.string(), z.number()]), true)).toEqual([
			{ path: '(root)', code: 'invalid_union', message: 'Does not match any allowed shape' },
		]);
		expect(
			issuesOf(
				z.discriminatedUnion('kind', [
					z.object({ kind: z.literal('a') }),
					z.object({ kind: z.literal('b') }),
				]),
				{ kind: 'c' },
			),
		).toEqual([
			{
				path: 'kind',
				code: 'invalid_union_discriminator',
				message: 'Does not match any allowed shape',
			},
		]);
		expect(issuesOf(z.object({ mail: z.string().email() }), { mail: 'nobody' })).toEqual([
			{ path: 'mail', code: 'invalid_string', message: 'Not a valid email' },
		]);
		// zod names some string checks with an object, not a word: the message stays generic.
		expect(issuesOf(z.string().startsWith('ord_'), 'x-1')).toEqual([
			{ path: '(root)', code: 'invalid_string', message: 'Not a valid string' },
		]);
		expect(issuesOf(z.date(), new Date('not a date'))).toEqual([
			{ path: '(root)', code: 'invalid_date', message: 'Not a valid date' },
		]);
		expect(issuesOf(z.array(z.string()).max(2), ['a', 'b', 'c'])).toEqual([
			{ path: '(root)', code: 'too_big', message: 'Too big (maximum 2)' },
		]);
		expect(issuesOf(z.object({ id: z.string() }).strict(), { id: 'x', a: 1, b: 2 })).toEqual([
			{ path: '(root)', code: 'unrecognized_keys', message: 'Unexpected field(s): a, b' },
		]);
		expect(issuesOf(z.number().multipleOf(5), 7)).toEqual([
			{ path: '(root)', code: 'not_multiple_of', message: 'Invalid value' },
		]);
		expect(
			issuesOf(
				z.string().refine(() => false, { message: 'Not an order id' }),
				'x',
			),
		).toEqual([{ path: '(root)', code: 'custom', message: 'Not an order id' }]);
	});

	it('join paths with dots and indexes', () => {
		expect(issuePath(['data', 'items', 0, 'sku'])).toBe('data.items[0].sku');
		expect(issuePath([])).toBe('');
	});
});
