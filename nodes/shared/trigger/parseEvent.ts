import type { z } from 'zod';

/**
 * Parse-or-report: a known event whose payload matches its schema comes back typed; one that does not
 * comes back with its payload and the list of issues, so the caller can still emit it (or reject it).
 * Issue messages never contain payload values, which may be patient data.
 */
export interface ValidationIssue {
	path: string;
	code: string;
	message: string;
}

export type EventSchemas = Record<string, z.ZodTypeAny>;

export type ParsedEvent<Schemas extends EventSchemas> =
	| {
			[Name in keyof Schemas & string]: {
				status: 'valid';
				event: Name;
				data: z.infer<Schemas[Name]>;
			};
	  }[keyof Schemas & string]
	| {
			status: 'invalid';
			event: keyof Schemas & string;
			payload: unknown;
			issues: ValidationIssue[];
	  }
	| { status: 'unknown'; event: string; payload: unknown };

export function parseEvent<Schemas extends EventSchemas>(
	schemas: Schemas,
	event: string,
	payload: unknown,
): ParsedEvent<Schemas> {
	if (!Object.prototype.hasOwnProperty.call(schemas, event)) {
		return { status: 'unknown', event, payload };
	}
	const result = schemas[event].safeParse(payload);
	if (result.success) {
		return { status: 'valid', event, data: result.data } as ParsedEvent<Schemas>;
	}
	return { status: 'invalid', event, payload, issues: result.error.issues.map(describeIssue) };
}

export function issuePath(path: ReadonlyArray<string | number>): string {
	return path.reduce<string>(
		(joined, part) =>
			typeof part === 'number' ? `${joined}[${part}]` : joined ? `${joined}.${part}` : part,
		'',
	);
}

/** Turns a zod issue into a message built from the schema only, never from the value received. */
export function describeIssue(issue: z.ZodIssue): ValidationIssue {
	const path = issuePath(issue.path);
	return { path: path || '(root)', code: issue.code, message: issueMessage(issue) };
}

function issueMessage(issue: z.ZodIssue): string {
	switch (issue.code) {
		case 'invalid_type':
			return issue.received === 'undefined'
				? 'Required'
				: `Expected ${issue.expected}, received ${issue.received}`;
		case 'invalid_literal':
			return `Expected ${JSON.stringify(issue.expected)}`;
		case 'invalid_enum_value':
			return `Expected one of: ${issue.options.join(', ')}`;
		case 'invalid_union':
		case 'invalid_union_discriminator':
			return 'Does not match any allowed shape';
		case 'invalid_string':
			return `Not a valid ${typeof issue.validation === 'string' ? issue.validation : 'string'}`;
		case 'invalid_date':
			return 'Not a valid date';
		case 'too_small':
			return `Too small (minimum ${String(issue.minimum)})`;
		case 'too_big':
			return `Too big (maximum ${String(issue.maximum)})`;
		case 'unrecognized_keys':
			return `Unexpected field(s): ${issue.keys.join(', ')}`;
		case 'custom':
			return issue.message;
		default:
			return 'Invalid value';
	}
}
