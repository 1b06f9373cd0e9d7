import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { identifier, looseObject, optionalText } from './common';
import { text, withoutEmpty } from '../../shared/values';
import { eventFamily } from './family';

/**
 * `lab_report.parsing_job.created` / `.updated` (Lab Report Parsing): a lab report PDF uploaded to
 * Junction is read into results. `data` is a `ParsingJob`; once `completed`, its `data.results` hold
 * the parsed results and `data.metadata` the patient as printed on the report.
 */
export const parsingJobSchema = z
	.object({
		id: identifier,
		/** upload_pending | started | completed | failed */
		status: z.string().min(1),
		failure_reason: optionalText,
		needs_human_review: z.boolean().nullish(),
		is_reviewed: z.boolean().nullish(),
		data: z
			.object({
				metadata: looseObject,
				results: z.array(z.object({ test_name: z.string() }).passthrough()).nullish(),
			})
			.passthrough()
			.nullish(),
	})
	.passthrough();

export type ParsingJob = z.infer<typeof parsingJobSchema>;

export interface ParsingJobFields extends IDataObject {
	parsingJobId?: string;
	jobStatus?: string;
	failureReason?: string;
	needsHumanReview?: boolean;
	isReviewed?: boolean;
	/** How many results the report held, once parsed. */
	resultCount?: number;
	labName?: string;
}

export function identifyParsingJob(data: IDataObject): ParsingJobFields {
	return withoutEmpty({ parsingJobId: text(data.id), jobStatus: text(data.status) });
}

export function describeParsingJob(job: ParsingJob): ParsingJobFields {
	return withoutEmpty({
		parsingJobId: job.id,
		jobStatus: job.status,
		failureReason: job.failure_reason ?? undefined,
		needsHumanReview: job.needs_human_review ?? undefined,
		isReviewed: job.is_reviewed ?? undefined,
		resultCount: job.data?.results?.length,
		labName: text(job.data?.metadata?.lab_name),
	});
}

export const parsingJobEvents = eventFamily({
	kind: 'parsingJob',
	data: parsingJobSchema,
	identify: identifyParsingJob,
	describe: describeParsingJob,
	events: {
		'lab_report.parsing_job.created': {
			displayName: 'Lab Report Parsing Started',
			description: 'Junction started reading an uploaded lab report',
		},
		'lab_report.parsing_job.updated': {
			displayName: 'Lab Report Parsing Finished',
			description: 'An uploaded lab report was read into results, or could not be',
		},
	},
});
