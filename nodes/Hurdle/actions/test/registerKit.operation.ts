import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { callApi } from '../../../shared/transport/api';
import { additionalFieldsProperty, requiredText } from '../../../shared/actions/parameters';
import { sexProperty } from '../order/people';
import { defineOperation, toItems } from '../../../shared/actions/actionNode';
import { hurdle } from '../../provider';

export default defineOperation({
	name: 'Register Kit',
	value: 'registerKit',
	action: 'Register a kit',
	description: 'Register a kit to the person taking the test',
	properties: [
		{
			displayName: 'Kit ID',
			name: 'kitId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. MMM1234535',
			description: 'Printed on the kit; sent in ORDER.DISPATCHED and later events',
		},
		{
			displayName: 'First Name',
			name: 'firstName',
			type: 'string',
			default: '',
			required: true,
			description: 'Of the person taking the test',
		},
		{
			displayName: 'Last Name',
			name: 'lastName',
			type: 'string',
			default: '',
			required: true,
		},
		{
			displayName: 'Date of Birth',
			name: 'dateOfBirth',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. 1990-05-12',
			description: 'As YYYY-MM-DD',
		},
		sexProperty,
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'name@email.com',
			default: '',
			required: true,
		},
		additionalFieldsProperty([
			{
				displayName: 'Barcode',
				name: 'barcode',
				type: 'string',
				default: '',
				description: 'Only needed when the barcode is not linked to a test yet',
			},
			{
				displayName: 'Mobile Number',
				name: 'mobileNumber',
				type: 'string',
				default: '',
				placeholder: 'e.g. 447789123456',
			},
		]),
	],
	async execute(itemIndex) {
		const body = registrationBody(this, itemIndex);
		// Registration is asynchronous: Hurdle answers 202 and sends TEST.REGISTERED once it is done.
		const { statusCode, body: answer } = await callApi<IDataObject | string>(
			this,
			hurdle,
			{ method: 'POST', path: '/tests/v2', body },
			itemIndex,
		);
		const response =
			typeof answer === 'object' && answer !== null && !Array.isArray(answer) ? answer : {};
		return toItems({
			kitId: body.kitId,
			...(body.barcode ? { barcode: body.barcode } : {}),
			accepted: true,
			statusCode,
			message:
				'Hurdle accepted the registration; a TEST.REGISTERED event follows once it is processed',
			...(Object.keys(response).length ? { response } : {}),
		});
	},
});

/** The `POST /tests/v2` body: the kit, the person taking the test and, if not linked yet, the barcode. */
function registrationBody(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const node = context.getNode();
	const required = (name: string, label: string) => requiredText(context, name, label, itemIndex);
	const dateOfBirth = required('dateOfBirth', 'Date of Birth');
	if (!/^\d{4}-\d{2}-\d{2}$/.test(dateOfBirth) || Number.isNaN(Date.parse(dateOfBirth))) {
		throw new NodeOperationError(node, 'Date of Birth must be a date written as YYYY-MM-DD', {
			itemIndex,
		});
	}
	const additional = context.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const barcode = String(additional.barcode ?? '').trim();
	const mobileNumber = String(additional.mobileNumber ?? '').trim();
	return {
		kitId: required('kitId', 'Kit ID'),
		user: {
			firstName: required('firstName', 'First Name'),
			lastName: required('lastName', 'Last Name'),
			dateOfBirth,
			sex: context.getNodeParameter('sex', itemIndex) as string,
			email: required('email', 'Email'),
			...(mobileNumber ? { mobileNumber } : {}),
		},
		...(barcode ? { barcode } : {}),
	};
}
