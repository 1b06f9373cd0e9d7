import type { IDataObject } from 'n8n-workflow';

import { changeId } from '../shared/catchUp/keys';
import type { ReceivedEvent } from '../shared/trigger/source';
import { lml } from './provider';

/**
 * The change id of an LML event: the event and the record it is about (a retest's new registration),
 * the same whether a webhook carries it or a catch-up round finds it.
 */
export function lmlChangeId(event: ReceivedEvent<IDataObject>): string | undefined {
	const { fields } = event;
	const record =
		event.name === 'test_registration.retest'
			? fields.retestTestRegistrationId
			: (fields.testRegistrationId ?? fields.orderId);
	return typeof record === 'string' ? changeId(lml.key, [event.name, record]) : undefined;
}
