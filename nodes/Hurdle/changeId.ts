import type { IDataObject } from 'n8n-workflow';

import { changeId } from '../shared/catchUp/keys';
import type { ReceivedEvent } from '../shared/trigger/source';
import { hurdle } from './provider';

/**
 * The change id of a Hurdle event: the event and the order (test events: the test) it is about, the
 * same whether a webhook carries it or a catch-up round finds it.
 */
export function hurdleChangeId(event: ReceivedEvent<IDataObject>): string | undefined {
	const record = event.name.startsWith('test.') ? event.fields.testId : event.fields.orderNumber;
	return typeof record === 'string' ? changeId(hurdle.key, [event.name, record]) : undefined;
}
