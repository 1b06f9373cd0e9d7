import {
	NodeOperationError,
	type ICredentialDataDecryptedObject,
	type IDataObject,
	type INode,
} from 'n8n-workflow';

import { apiPath, callApi } from '../../../shared/transport/api';
import { menuParameter } from '../../../shared/actions/parameters';
import { defineOperation, toItems } from '../../../shared/actions/actionNode';
import { isProduction, junction } from '../../provider';
import { orderId } from '../orderId';

export default defineOperation({
	name: 'Simulate',
	value: 'simulate',
	action: 'Simulate an order in the sandbox',
	description: 'Walk a sandbox order through its lifecycle, firing its webhooks',
	properties: [
		{
			displayName:
				'Sandbox only: walks the order through its lifecycle and fires every webhook on the way. Refused, with nothing sent, when the credential points at production.',
			name: 'simulateNotice',
			type: 'notice',
			default: '',
		},
		orderId.property,
		{
			displayName: 'Options',
			name: 'simulation',
			type: 'collection',
			placeholder: 'Add option',
			default: {},
			options: [
				{
					displayName: 'Delay (Seconds)',
					name: 'delay',
					type: 'number',
					typeOptions: { minValue: 0 },
					default: 0,
					description: 'Pause between the simulated status changes',
				},
				{
					displayName: 'Final Status',
					name: 'finalStatus',
					type: 'string',
					default: '',
					placeholder: 'e.g. completed.testkit.completed',
					description:
						'The full status to stop at (high_level.modality.low_level); empty runs to completion',
				},
				{
					displayName: 'Has Missing Results',
					name: 'has_missing_results',
					type: 'boolean',
					default: true,
					description: 'Whether some markers should come back without a result',
				},
				menuParameter(
					{
						displayName: 'Interpretation',
						name: 'interpretation',
						default: 'normal',
						description: 'The interpretation of the simulated results',
					},
					[
						['Abnormal', 'abnormal'],
						['Critical', 'critical', 'Also fires labtest.result.critical'],
						['Normal', 'normal'],
					],
				),
				menuParameter(
					{
						displayName: 'Result Types',
						name: 'result_types',
						default: [],
						description: 'Which kinds of result values to generate',
					},
					[
						['Coded Value', 'coded_value'],
						['Comment', 'comment'],
						['Numeric', 'numeric'],
						['Range', 'range'],
					],
				),
			],
		},
	],
	async execute(itemIndex) {
		const id = orderId.at(this, itemIndex);
		assertSandbox(this.getNode(), await this.getCredentials(junction.credentialType), itemIndex);
		const { finalStatus, delay, ...flags } = this.getNodeParameter(
			'simulation',
			itemIndex,
			{},
		) as IDataObject;
		if (Array.isArray(flags.result_types) && flags.result_types.length === 0)
			delete flags.result_types;
		const qs: IDataObject = {};
		if (typeof finalStatus === 'string' && finalStatus.trim()) qs.final_status = finalStatus.trim();
		if (typeof delay === 'number') qs.delay = delay;
		// POST /v3/order/{id}/test walks a sandbox order through its lifecycle, firing every webhook.
		const { body } = await callApi<IDataObject | string>(
			this,
			junction,
			{
				method: 'POST',
				path: `${apiPath('/v3/order', id)}/test`,
				qs,
				body: Object.keys(flags).length ? flags : undefined,
			},
			itemIndex,
		);
		const response = typeof body === 'object' && body !== null ? body : {};
		return toItems({ orderId: id, simulated: true, response });
	},
});

/** Refuses, before any request, to simulate against production: Junction only simulates sandbox orders. */
function assertSandbox(
	node: INode,
	credentials: ICredentialDataDecryptedObject,
	itemIndex?: number,
): void {
	if (isProduction(credentials)) {
		throw new NodeOperationError(node, 'Simulate only works in the Junction sandbox', {
			description:
				'The credential points at the production API (or holds a production pk_ key), so nothing was sent. Use a sandbox credential (sk_ key) to simulate orders.',
			itemIndex,
		});
	}
}
