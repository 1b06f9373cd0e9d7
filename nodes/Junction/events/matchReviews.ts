import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { identifier, optionalText } from './common';
import { text, withoutEmpty } from '../../shared/values';
import { eventFamily } from './family';

/**
 * `labtest.match_review.created` / `.updated` (Unmatched Results): a result the lab sent that Junction
 * could not match to an order with confidence waits for review. `data` is a
 * `MatchReviewWebhookPayload`; its `id` is the raw result's, for GET /v3/unmatched_result/{id}.
 */
export const matchReviewSchema = z
	.object({
		id: identifier,
		/** matched | pending_customer_review | pending_ops_review | resolved */
		status: z.string().min(1),
		decision_code: optionalText,
		sub_reason_codes: z.array(z.string()).nullish(),
		/** accept | reject | unsure */
		resolution_action: optionalText,
		resolved_user_id: optionalText,
		resolved_order_id: optionalText,
	})
	.passthrough();

export type MatchReview = z.infer<typeof matchReviewSchema>;

export interface MatchReviewFields extends IDataObject {
	unmatchedResultId?: string;
	reviewStatus?: string;
	decisionCode?: string;
	subReasonCodes?: string[];
	resolutionAction?: string;
	resolvedUserId?: string;
	/** The order the result was matched to once the review was resolved. */
	resolvedOrderId?: string;
}

export function identifyMatchReview(data: IDataObject): MatchReviewFields {
	return withoutEmpty({
		unmatchedResultId: text(data.id),
		reviewStatus: text(data.status),
		resolvedOrderId: text(data.resolved_order_id),
	});
}

export function describeMatchReview(review: MatchReview): MatchReviewFields {
	return withoutEmpty({
		unmatchedResultId: review.id,
		reviewStatus: review.status,
		decisionCode: review.decision_code ?? undefined,
		subReasonCodes: review.sub_reason_codes?.length ? review.sub_reason_codes : undefined,
		resolutionAction: review.resolution_action ?? undefined,
		resolvedUserId: review.resolved_user_id ?? undefined,
		resolvedOrderId: review.resolved_order_id ?? undefined,
	});
}

export const matchReviewEvents = eventFamily({
	kind: 'matchReview',
	data: matchReviewSchema,
	identify: identifyMatchReview,
	describe: describeMatchReview,
	events: {
		'labtest.match_review.created': {
			displayName: 'Unmatched Result Awaiting Review',
			description: 'A lab result Junction could not match to an order waits for your review',
		},
		'labtest.match_review.updated': {
			displayName: 'Unmatched Result Review Updated',
			description: 'The review of an unmatched result changed: escalated, matched or resolved',
		},
	},
});
