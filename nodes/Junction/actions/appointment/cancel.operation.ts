import type { IDataObject } from 'n8n-workflow';

import { defineOperation, toItems } from '../../../shared/actions/actionNode';
import { callApi } from '../../../shared/transport/api';
import { junction } from '../../provider';
import { cancellationReasonLocator } from '../locators';
import { orderId } from '../orderId';
import { appointmentPath, appointmentTypeOf, appointmentTypeProperty } from './appointmentType';

export default defineOperation({
	name: 'Cancel',
	value: 'cancel',
	action: 'Cancel an appointment',
	description:
		"Cancel an order's appointment, giving one of Junction's cancellation reasons. The order itself stays open (Order › Cancel ends it).",
	properties: [
		appointmentTypeProperty,
		orderId.property,
		cancellationReasonLocator.property,
		{
			displayName: 'Note',
			name: 'note',
			type: 'string',
			default: '',
			description: 'Why, in your words',
		},
	],
	async execute(itemIndex) {
		const type = appointmentTypeOf(this, itemIndex);
		const reason = cancellationReasonLocator.at(this, itemIndex);
		const note = String(this.getNodeParameter('note', itemIndex, '')).trim();
		// The two APIs spell the body differently (the spec and Junction's SDK agree on these keys).
		const body: IDataObject =
			type === 'psc'
				? { cancellationReasonId: reason, ...(note ? { note } : {}) }
				: { cancellation_reason_id: reason, ...(note ? { notes: note } : {}) };
		const { body: appointment } = await callApi<IDataObject>(
			this,
			junction,
			{ method: 'PATCH', path: appointmentPath(orderId.at(this, itemIndex), type, 'cancel'), body },
			itemIndex,
		);
		return toItems(appointment);
	},
});
