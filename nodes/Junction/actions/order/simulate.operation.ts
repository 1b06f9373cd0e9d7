import {
	updateDisplayOptions,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
} from 'n8n-workflow';

import { showFor, toItems, type OperationOption } from '../../../shared/operations';
import { assertSandbox, junctionApi, simulateOrder } from '../../transport';
import { orderIdAt, orderIdProperty } from '../common';

export const option: OperationOption = {
	name: 'Simulate',
	value: 'simulate',
	action: 'Simulate an order in the sandbox',
	description: 'Walk a sandbox order through its lifecycle, firing its webhooks',
};

const parameters: INodeProperties[] = [
	{
		displayName:
			'Sandbox only: walks the order through its lifecycle and fires every webhook on the way. Refused, with nothing sent, when the credential points at production.',
		name: 'simulateNotice',
		type: 'notice',
		default: '',
	},
	orderIdProperty,
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
			{
				displayName: 'Interpretation',
				name: 'interpretation',
				type: 'options',
				options: [
					{ name: 'Abnormal', value: 'abnormal' },
					{
						name: 'Critical',
						value: 'critical',
						description: 'Also fires labtest.result.critical',
					},
					{ name: 'Normal', value: 'normal' },
				],
				default: 'normal',
				description: 'The interpretation of the simulated results',
			},
			{
				displayName: 'Result Types',
				name: 'result_types',
				type: 'multiOptions',
				options: [
					{ name: 'Coded Value', value: 'coded_value' },
					{ name: 'Comment', value: 'comment' },
					{ name: 'Numeric', value: 'numeric' },
					{ name: 'Range', value: 'range' },
				],
				default: [],
				description: 'Which kinds of result values to generate',
			},
		],
	},
];

export const properties = updateDisplayOptions(showFor('order', option), parameters);

export async function execute(
	this: IExecuteFunctions,
	itemIndex: number,
): Promise<INodeExecutionData[]> {
	const orderId = orderIdAt(this, itemIndex);
	assertSandbox(this.getNode(), await this.getCredentials(junctionApi.credentialType), itemIndex);
	const { finalStatus, delay, ...flags } = this.getNodeParameter(
		'simulation',
		itemIndex,
		{},
	) as IDataObject;
	if (Array.isArray(flags.result_types) && flags.result_types.length === 0)
		delete flags.result_types;
	const response = await simulateOrder(
		this,
		orderId,
		{
			finalStatus: typeof finalStatus === 'string' ? finalStatus.trim() : undefined,
			delaySeconds: typeof delay === 'number' ? delay : undefined,
			flags,
		},
		itemIndex,
	);
	return toItems({ orderId, simulated: true, response });
}
