import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { callApi } from '../../../shared/transport/api';
import {
	allowRepeatOrdersProperty,
	createOnce,
	itemReference,
} from '../../../shared/actions/createOnce';
import {
	additionalFieldsProperty,
	requiredText,
	resourceLocatorParameter,
} from '../../../shared/actions/parameters';
import { defineOperation, toItems } from '../../../shared/actions/actionNode';
import { findProduct } from '../../transport';
import { hurdle } from '../../provider';
import { orderBody, orderProblems, type HurdleOrder } from './orderRequest';
import { patientProperty, physicianDetailsProperty } from './people';

/** Saved workflows hold the code as text or as a locator: both are read. */
const productCode = resourceLocatorParameter({
	displayName: 'Product',
	name: 'productCode',
	searchListMethod: 'searchProducts',
	placeholder: 'e.g. C1BLP10300',
	description: 'The product to order: pick it from the list, or enter its product code',
});

export default defineOperation({
	name: 'Create',
	value: 'create',
	action: 'Create an order',
	description: 'Order a kit or a phlebotomy test for someone',
	properties: [
		productCode.property,
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
		patientProperty,
		physicianDetailsProperty,
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
				displayName: 'County',
				name: 'county',
				type: 'string',
				default: '',
				description: 'Of the delivery address; only for orders outside the US',
			},
			{
				displayName: 'Notes',
				name: 'notes',
				type: 'string',
				default: '',
			},
			{
				displayName: 'State',
				name: 'state',
				type: 'string',
				default: '',
				placeholder: 'e.g. CA',
				description: 'Of the delivery address; required for US orders, and only for them',
			},
		]),
		allowRepeatOrdersProperty('the earlier order number'),
	],
	async execute(itemIndex) {
		const order = readOrder(this, itemIndex);
		const product = await findProduct(this, order.productCode, itemIndex);
		const problems = orderProblems(order, product);
		if (problems.length) {
			throw new NodeOperationError(
				this.getNode(),
				`The order is incomplete: ${problems.join('; ')}`,
				{
					description:
						'The order was not sent to Hurdle. Products whose patientDataInput is REQUIRED_WITH_ORDER need Patient › First Name, Last Name, Date of Birth and Sex. US orders need a State, Physician Details (First Name, Last Name, NPI) and a quantity of 1, and take no County.',
					itemIndex,
				},
			);
		}
		const body = orderBody(order);
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const outcome = await createOnce(this, {
			api: hurdle,
			what: 'order',
			reference: itemReference(this, itemIndex, 'order.create', body),
			howToCheck:
				'Before running this again, look for it with Order › Get Many, in the ORDER.CREATED webhook (Hurdle Trigger) or in the partner portal. Should there be two, cancel one with Order › Cancel before it is dispatched.',
			allowRepeatParameter: 'Options › Allow Repeat Orders',
			allowRepeat: options.allowRepeat === true,
			itemIndex,
			idOf: (created) =>
				typeof created.orderNumber === 'string' ? created.orderNumber : undefined,
			create: async () => {
				const response = await callApi<IDataObject | ''>(
					this,
					hurdle,
					{ method: 'POST', path: '/orders/v3', body },
					itemIndex,
				);
				return typeof response.body === 'object' && response.body !== null ? response.body : {};
			},
		});
		if (!outcome.created) {
			return toItems({
				orderNumber: outcome.id,
				alreadyCreated: true,
				createdAt: outcome.at,
				message: outcome.message,
			});
		}
		const created = outcome.value;
		return toItems(
			Object.keys(created).length ? created : { created: true, productCode: body.productCode },
		);
	},
});

/** What the user entered, trimmed; empty optional fields left out. */
function readOrder(context: IExecuteFunctions, itemIndex: number): HurdleOrder {
	const node = context.getNode();
	const required = (name: string, label: string) => requiredText(context, name, label, itemIndex);
	const countryCode = required('countryCode', 'Country Code').toUpperCase();
	if (!/^[A-Z]{2}$/.test(countryCode)) {
		throw new NodeOperationError(node, 'Country Code must be a two-letter ISO code', {
			description: 'For example GB, IE or US.',
			itemIndex,
		});
	}
	const collection = (name: string) => context.getNodeParameter(name, itemIndex, {}) as IDataObject;
	const additional = collection('additionalFields');
	const patient = collection('patient');
	const physician = collection('physicianDetails');
	const text = (fields: IDataObject, name: string) =>
		String(fields[name] ?? '').trim() || undefined;
	return {
		productCode: productCode.at(context, itemIndex),
		quantity: Number(context.getNodeParameter('quantity', itemIndex, 1)),
		delivery: {
			address: {
				addressLine1: required('addressLine1', 'Address Line 1'),
				addressLine2: text(additional, 'addressLine2'),
				city: required('city', 'City'),
				postcode: required('postcode', 'Postcode'),
				countryCode,
				state: text(additional, 'state'),
				county: text(additional, 'county'),
			},
			firstName: required('firstName', 'First Name'),
			lastName: required('lastName', 'Last Name'),
			email: required('email', 'Email'),
			mobileNumber: required('mobileNumber', 'Mobile Number'),
		},
		patient: {
			firstName: text(patient, 'firstName'),
			lastName: text(patient, 'lastName'),
			dateOfBirth: text(patient, 'dateOfBirth'),
			sex: text(patient, 'sex'),
		},
		physicianDetails: {
			firstName: text(physician, 'firstName'),
			lastName: text(physician, 'lastName'),
			npi: text(physician, 'npi'),
		},
		notes: text(additional, 'notes'),
		appointmentSlotId: text(additional, 'appointmentSlotId'),
	};
}
