/** Events about no order: unmatched-result reviews (`labtest.match_review.*`) and lab report parsing jobs. */
import { idsOf, JUNCTION_SAMPLE_PATIENT, text, type Overrides } from './common';

/** A `MatchReviewWebhookPayload`: a lab result waiting to be matched to an order. */
export function junctionMatchReview(
	overrides: Overrides = {},
	defaultStatus = 'pending_customer_review',
): Record<string, unknown> {
	const ids = idsOf(overrides);
	const status = text(overrides, 'reviewStatus', defaultStatus);
	const resolved = status === 'resolved';
	return {
		id: ids.unmatchedResultId,
		status,
		decision_code: 'match_sample_id_mismatch_demo',
		sub_reason_codes: [],
		...(resolved
			? {
					resolution_action: text(overrides, 'resolutionAction', 'accept'),
					resolved_user_id: ids.userId,
					resolved_order_id: ids.orderId,
				}
			: {}),
	};
}

/** A `ParsingJob`: an uploaded lab report being read into results. */
export function junctionParsingJob(
	overrides: Overrides = {},
	defaultStatus = 'started',
): Record<string, unknown> {
	const ids = idsOf(overrides);
	const status = text(overrides, 'jobStatus', defaultStatus);
	return {
		id: ids.parsingJobId,
		status,
		failure_reason: status === 'failed' ? 'not_english' : null,
		needs_human_review: false,
		is_reviewed: false,
		data:
			status === 'completed'
				? {
						metadata: {
							patient_first_name: JUNCTION_SAMPLE_PATIENT.first_name,
							patient_last_name: JUNCTION_SAMPLE_PATIENT.last_name,
							dob: JUNCTION_SAMPLE_PATIENT.dob,
							gender: 'other',
							lab_name: 'Example Labs',
							date_reported: '2026-08-02',
							date_collected: '2026-07-31',
							specimen_number: 'SPEC-0042',
						},
						results: PARSED_REPORT_RESULTS,
					}
				: null,
	};
}

/** What Junction read from the sample lab report: one normal, one high result, and a comment. */
export const PARSED_REPORT_RESULTS = [
	{
		test_name: 'Glucose',
		value: '91',
		type: 'numeric',
		units: 'mg/dL',
		min_reference_range: 70,
		max_reference_range: 99,
		sample_type: 'serum_plasma_blood',
		loinc_match_status: 'auto_match',
		loinc_matches: [
			{
				loinc_code: '2345-7',
				loinc_name: 'Glucose [Mass/volume] in Serum or Plasma',
				display_name: 'Glucose',
				aliases: [],
				confidence_score: 0.97,
			},
		],
		interpretation: 'normal',
		is_above_max_range: false,
		is_below_min_range: false,
	},
	{
		test_name: 'LDL Cholesterol',
		value: '162',
		type: 'numeric',
		units: 'mg/dL',
		max_reference_range: 99,
		loinc_match_status: 'needs_review',
		loinc_matches: [],
		interpretation: 'abnormal',
		is_above_max_range: true,
		is_below_min_range: false,
	},
	{ test_name: 'Comment', value: 'Fasting sample', type: 'comment', interpretation: 'unknown' },
];
