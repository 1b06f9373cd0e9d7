import type { IDataObject } from 'n8n-workflow';

import { defineOperation, toItems } from '../../../shared/actions/actionNode';
import { additionalFieldsProperty } from '../../../shared/actions/parameters';
import { callApi } from '../../../shared/transport/api';
import { junction } from '../../provider';
import { labTestLocator, userLocator } from '../locators';
import { addressProperty, readAddress } from '../patient';

export default defineOperation({
	name: 'Create Registrable Test Kit',
	value: 'createTestKit',
	action: 'Create a registrable test kit order',
	description:
		'Ship a test kit that is registered to a patient later (Register Test Kit): for stock kits or kits handed out in person. It waits at awaiting_registration until then.',
	properties: [
		{
			...userLocator.property,
			description:
				'The user the kit is ordered for; may be a stock user, as registration can move the order to the patient',
		},
		labTestLocator.property,
		addressProperty(
			'shipping',
			'shippingAddress',
			'Shipping Address',
			'Where the kit goes: receiver, address and phone are all required',
		),
		additionalFieldsProperty([
			{
				displayName: 'Lab Account ID',
				name: 'lab_account_id',
				type: 'string',
				default: '',
				description: 'Order through this lab account of your team',
			},
			{
				displayName: 'Passthrough',
				name: 'passthrough',
				type: 'string',
				default: '',
				description:
					'Your own reference, returned on the order and its webhooks (the event delivery ID, say, to spot a kit ordered twice)',
			},
		]),
	],
	async execute(itemIndex) {
		const fields = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
		const body: IDataObject = {
			user_id: userLocator.at(this, itemIndex),
			lab_test_id: labTestLocator.at(this, itemIndex),
			shipping_details: readAddress(
				this,
				itemIndex,
				'shipping',
				'shippingAddress',
				'Shipping Address',
			),
		};
		for (const key of ['lab_account_id', 'passthrough']) {
			const text = String(fields[key] ?? '').trim();
			if (text) body[key] = text;
		}
		// Junction takes no idempotency key here (only POST /v3/order does): sent once, never repeated.
		const { body: answer } = await callApi<IDataObject>(
			this,
			junction,
			{ method: 'POST', path: '/v3/order/testkit', body },
			itemIndex,
		);
		return toItems(answer);
	},
});
