import type { FakeReply, FakeRequest } from '../../fakeServer';

/**
 * Request checking as Junction's FastAPI (pydantic v2) does it: a schema per body or query, written
 * from the OpenAPI (0.4.687), and every problem reported at once as a 422 whose `detail` lists
 * `{type, loc, msg, input}` (the input echoed back, as FastAPI does: the nodes must never repeat it).
 * Unknown fields are ignored, as pydantic does by default.
 */
export type Schema = (
	| { kind: 'string'; min?: number; max?: number; pattern?: RegExp; format?: Format }
	| { kind: 'int'; min?: number; max?: number }
	| { kind: 'bool' }
	| { kind: 'enum'; values: readonly string[] }
	| { kind: 'list'; items: Schema; max?: number }
	| { kind: 'object'; fields: Record<string, Schema>; required?: readonly string[] }
) & { nullable?: boolean };

type Format = 'uuid' | 'date' | 'date-time' | 'email';

export interface Issue {
	type: string;
	loc: Array<string | number>;
	msg: string;
	input: unknown;
}

export const text = (options: Omit<Extract<Schema, { kind: 'string' }>, 'kind'> = {}): Schema => ({
	kind: 'string',
	...options,
});
export const uuid = (): Schema => text({ format: 'uuid' });
export const date = (): Schema => text({ format: 'date' });
export const dateTime = (): Schema => text({ format: 'date-time' });
export const email = (): Schema => text({ format: 'email' });
export const int = (min?: number, max?: number): Schema => ({ kind: 'int', min, max });
export const bool = (): Schema => ({ kind: 'bool' });
export const oneOf = (values: readonly string[]): Schema => ({ kind: 'enum', values });
export const list = (items: Schema, max?: number): Schema => ({ kind: 'list', items, max });
export const object = (
	fields: Record<string, Schema>,
	required: readonly string[] = [],
): Schema => ({
	kind: 'object',
	fields,
	required,
});
export const nullable = (schema: Schema): Schema => ({ ...schema, nullable: true });

const UUID = /^[0-9a-f]{8}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{4}-?[0-9a-f]{12}$/i;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;
const EMAIL = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

const quoted = (values: readonly string[]) => {
	const all = values.map((value) => `'${value}'`);
	return all.length > 1 ? `${all.slice(0, -1).join(', ')} or ${all[all.length - 1]}` : all[0];
};

function checkFormat(format: Format, value: string): Omit<Issue, 'loc' | 'input'> | undefined {
	if (format === 'uuid' && !UUID.test(value))
		return { type: 'uuid_parsing', msg: 'Input should be a valid UUID' };
	if (format === 'date' && (!DATE.test(value) || Number.isNaN(Date.parse(value))))
		return { type: 'date_from_datetime_parsing', msg: 'Input should be a valid date' };
	if (format === 'date-time' && (!DATE_TIME.test(value) || Number.isNaN(Date.parse(value))))
		return { type: 'datetime_from_date_parsing', msg: 'Input should be a valid datetime' };
	if (format === 'email' && !EMAIL.test(value))
		return { type: 'value_error', msg: 'value is not a valid email address' };
	return undefined;
}

/** Every problem of `value` against `schema`, at `loc`. */
export function check(schema: Schema, value: unknown, loc: Array<string | number>): Issue[] {
	if (value === null && schema.nullable) return [];
	const issue = (type: string, msg: string): Issue[] => [{ type, loc, msg, input: value }];
	switch (schema.kind) {
		case 'string': {
			if (typeof value !== 'string') return issue('string_type', 'Input should be a valid string');
			if (schema.min !== undefined && value.length < schema.min)
				return issue(
					'string_too_short',
					`String should have at least ${schema.min} character${schema.min === 1 ? '' : 's'}`,
				);
			if (schema.max !== undefined && value.length > schema.max)
				return issue('string_too_long', `String should have at most ${schema.max} characters`);
			if (schema.pattern && !schema.pattern.test(value))
				return issue(
					'string_pattern_mismatch',
					`String should match pattern '${schema.pattern.source}'`,
				);
			const bad = schema.format && checkFormat(schema.format, value);
			return bad ? issue(bad.type, bad.msg) : [];
		}
		case 'int':
			if (typeof value !== 'number' || !Number.isInteger(value))
				return issue('int_type', 'Input should be a valid integer');
			if (schema.min !== undefined && value < schema.min)
				return issue(
					'greater_than_equal',
					`Input should be greater than or equal to ${schema.min}`,
				);
			if (schema.max !== undefined && value > schema.max)
				return issue('less_than_equal', `Input should be less than or equal to ${schema.max}`);
			return [];
		case 'bool':
			return typeof value === 'boolean'
				? []
				: issue('bool_type', 'Input should be a valid boolean');
		case 'enum':
			return typeof value === 'string' && schema.values.includes(value)
				? []
				: issue('enum', `Input should be ${quoted(schema.values)}`);
		case 'list': {
			if (!Array.isArray(value)) return issue('list_type', 'Input should be a valid list');
			if (schema.max !== undefined && value.length > schema.max)
				return issue(
					'too_long',
					`List should have at most ${schema.max} items after validation, not ${value.length}`,
				);
			return value.flatMap((entry, index) => check(schema.items, entry, [...loc, index]));
		}
		case 'object': {
			if (typeof value !== 'object' || value === null || Array.isArray(value))
				return issue(
					'model_attributes_type',
					'Input should be a valid dictionary or object to extract fields from',
				);
			const record = value as Record<string, unknown>;
			const missing: Issue[] = (schema.required ?? [])
				.filter((name) => record[name] === undefined)
				.map((name) => ({
					type: 'missing',
					loc: [...loc, name],
					msg: 'Field required',
					input: value,
				}));
			const wrong = Object.entries(schema.fields)
				.filter(([name]) => record[name] !== undefined)
				.flatMap(([name, field]) => check(field, record[name], [...loc, name]));
			return [...missing, ...wrong];
		}
	}
}

export function unprocessable(issues: Issue[]): FakeReply {
	return { status: 422, json: { detail: issues } };
}

/** The JSON body checked against `schema`: the parsed body, or the 422 to answer. */
export function checkBody(
	request: FakeRequest,
	schema: Schema,
): { body: Record<string, unknown> } | { reply: FakeReply } {
	let body: unknown;
	try {
		body = JSON.parse(request.body || 'null');
	} catch {
		return {
			reply: unprocessable([
				{ type: 'json_invalid', loc: ['body', 0], msg: 'JSON decode error', input: {} },
			]),
		};
	}
	if (body === null)
		return {
			reply: unprocessable([
				{ type: 'missing', loc: ['body'], msg: 'Field required', input: null },
			]),
		};
	const issues = check(schema, body, ['body']);
	return issues.length
		? { reply: unprocessable(issues) }
		: { body: body as Record<string, unknown> };
}

/** A query parameter as FastAPI reads it: numbers and booleans parsed from text, lists from repeats. */
function fromQuery(schema: Schema, request: FakeRequest, name: string): unknown {
	if (schema.kind === 'list') {
		const values = request.list(name);
		return values.length ? values : undefined;
	}
	const raw = request.param(name);
	if (raw === undefined) return undefined;
	if (schema.kind === 'int') return /^-?\d+$/.test(raw) ? Number(raw) : raw;
	if (schema.kind === 'bool')
		return ['true', '1', 'yes', 'on'].includes(raw.toLowerCase())
			? true
			: ['false', '0', 'no', 'off'].includes(raw.toLowerCase())
				? false
				: raw;
	return raw;
}

/** The query checked against `fields`: the parsed values, or the 422 to answer. */
export function checkQuery(
	request: FakeRequest,
	fields: Record<string, Schema>,
	required: readonly string[] = [],
): { query: Record<string, unknown> } | { reply: FakeReply } {
	const query: Record<string, unknown> = {};
	for (const [name, schema] of Object.entries(fields)) {
		const value = fromQuery(schema, request, name);
		if (value !== undefined) query[name] = value;
	}
	const issues = check(object(fields, required), query, []).map((issue) => ({
		...issue,
		loc: ['query', ...issue.loc],
		input: issue.type === 'missing' ? null : issue.input,
	}));
	return issues.length ? { reply: unprocessable(issues) } : { query };
}

/** A path id that must be a UUID: undefined when it is one, else the 422. */
export function checkPathUuid(name: string, value: string): FakeReply | undefined {
	const issues = check(uuid(), value, ['path', name]);
	return issues.length ? unprocessable(issues) : undefined;
}
