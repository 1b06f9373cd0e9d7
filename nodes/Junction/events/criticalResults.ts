import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { identifier, optionalText } from './common';
import { text, withoutEmpty } from '../../shared/values';
import { eventFamily } from './family';

/** `labtest.result.critical`: `data` is a `ClientFacingCriticalResult`. */
export const criticalResultSchema = z
	.object({
		order_id: identifier,
		sample_id: optionalText,
		/** final | partial */
		status: optionalText,
		interpretation: optionalText,
		user_id: optionalText,
		team_id: optionalText,
		created_at: optionalText,
	})
	.passthrough();

export type CriticalResult = z.infer<typeof criticalResultSchema>;

export interface CriticalResultFields extends IDataObject {
	orderId?: string;
	sampleId?: string | null;
	resultStatus?: string | null;
	interpretation?: string | null;
	reportedAt?: string;
}

export function identifyCriticalResult(data: IDataObject): CriticalResultFields {
	return withoutEmpty({ orderId: text(data.order_id) });
}

export function describeCriticalResult(result: CriticalResult): CriticalResultFields {
	return {
		orderId: result.order_id,
		sampleId: result.sample_id ?? null,
		resultStatus: result.status ?? null,
		interpretation: result.interpretation ?? null,
		...withoutEmpty({ reportedAt: result.created_at ?? undefined }),
	};
}

export const criticalResultEvents = eventFamily({
	kind: 'criticalResult',
	data: criticalResultSchema,
	identify: identifyCriticalResult,
	describe: describeCriticalResult,
	events: {
		'labtest.result.critical': {
			displayName: 'Critical Result',
			description: 'The lab reported a critical value and has called the physician',
		},
	},
});
