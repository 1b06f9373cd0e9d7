import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { callApi } from '../../../shared/api';
import { additionalFieldsProperty, requiredText } from '../../../shared/descriptions';
import { defineOperation, toItems } from '../../../shared/operations';
import { hurdleApi } from '../../transport';

export default defineOperation({
	name: 'Create',
	value: 'create',
	action: 'Create an order',
	description: 'Order a kit or a phlebotomy test for someone',
	properties: [
		{
			displayName: 'Product Code',
			name: 'productCode',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. C1BLP10300',
			description: 'From Product › Get Many; the same in sandbox and production',
		},
		{
			displayName: 'Quantity',
			name: 'quantity',
			type: 'number',
			typeOptions: { minValue: 1 },
			default: 1,
		},
		{
			displayName: 'First Name',
			name: 'firstName',
			type: 'string',
			default: '',
			required: true,
		},
		{
			displayName: 'Last Name',
			name: 'lastName',
			type: 'string',
			default: '',
			required: true,
		},
		{
			displayName: 'Email',
			name: 'email',
			type: 'string',
			placeholder: 'name@email.com',
			default: '',
			required: true,
		},
		{
			displayName: 'Mobile Number',
			name: 'mobileNumber',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. 447789123456',
			description: 'With the country code, digits only',
		},
		{
			displayName: 'Address Line 1',
			name: 'addressLine1',
			type: 'string',
			default: '',
			required: true,
		},
		{
			displayName: 'City',
			name: 'city',
			type: 'string',
			default: '',
			required: true,
		},
		{
			displayName: 'Postcode',
			name: 'postcode',
			type: 'string',
			default: '',
			required: true,
		},
		{
			displayName: 'Country Code',
			name: 'countryCode',
			type: 'string',
			default: 'GB',
			required: true,
			description: 'Two-letter ISO country code',
		},
		additionalFieldsProperty([
			{
				displayName: 'Address Line 2',
				name: 'addressLine2',
				type: 'string',
				default: '',
			},
			{
				displayName: 'Appointment Slot ID',
				name: 'appointmentSlotId',
				type: 'string',
				default: '',
				description: 'For phlebotomy products: the slot booked for the blood draw',
			},
			{
				displayName: 'Notes',
				name: 'notes',
				type: 'string',
				default: '',
			},
		]),
	],
	async execute(itemIndex) {
		const body = orderBody(this, itemIndex);
		const response = await callApi<IDataObject | ''>(
			this,
			hurdleApi,
			{ method: 'POST', path: '/orders/v3', body },
			itemIndex,
		);
		const created =
			typeof response.body === 'object' && response.body !== null ? response.body : {};
		return toItems(
			Object.keys(created).length ? created : { created: true, productCode: body.productCode },
		);
	},
});

/** The `POST /orders/v3` body: the product, and a nested `delivery` with the recipient and address. */
function orderBody(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const node = context.getNode();
	const required = (name: string, label: string) => requiredText(context, name, label, itemIndex);
	const countryCode = required('countryCode', 'Country Code').toUpperCase();
	if (!/^[A-Z]{2}$/.test(countryCode)) {
		throw new NodeOperationError(node, 'Country Code must be a two-letter ISO code', {
			description: 'For example GB, IE or US.',
			itemIndex,
		});
	}
	const additional = context.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const optional = (name: string) => {
		const text = String(additional[name] ?? '').trim();
		return text ? { [name]: text } : {};
	};
	return {
		productCode: required('productCode', 'Product Code'),
		quantity: context.getNodeParameter('quantity', itemIndex, 1) as number,
		delivery: {
			address: {
				addressLine1: required('addressLine1', 'Address Line 1'),
				...optional('addressLine2'),
				city: required('city', 'City'),
				postcode: required('postcode', 'Postcode'),
				countryCode,
			},
			firstName: required('firstName', 'First Name'),
			lastName: required('lastName', 'Last Name'),
			email: required('email', 'Email'),
			mobileNumber: required('mobileNumber', 'Mobile Number'),
		},
		...optional('notes'),
		...optional('appointmentSlotId'),
	};
}
