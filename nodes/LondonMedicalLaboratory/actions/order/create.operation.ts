import { NodeOperationError, type IDataObject, type IExecuteFunctions } from 'n8n-workflow';

import { defineOperation, toItems } from '../../../shared/actions/actionNode';
import { createOnce, itemReference } from '../../../shared/actions/createOnce';
import { requiredText } from '../../../shared/actions/parameters';
import { withoutEmpty } from '../../../shared/values';
import { lml } from '../../provider';
import { createRecord } from '../../transport';
import { addressBody, addressProblems, type AddressFields } from '../address';
import { isEmail, phoneNumberOf } from '../patient/patientValues';
import { productAt, productField, productProperty, productReferenceOf } from '../productLocator';
import { orderProperties } from './orderProperties';

/** What a user entered, as LML's `POST /api/order/` body, or the problems that keep it from being sent. */
function orderBody(context: IExecuteFunctions, itemIndex: number): IDataObject {
	const text = (name: string, label: string) => requiredText(context, name, label, itemIndex);
	const additional = context.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const problems: string[] = [];
	const quantity = Number(context.getNodeParameter('quantity', itemIndex, 1));
	if (!Number.isInteger(quantity) || quantity < 1)
		problems.push('Quantity must be a whole number of at least 1');
	const items: IDataObject[] = [{ ...productField(productAt(context, itemIndex)), quantity }];
	const more = ((additional.moreItems as IDataObject | undefined)?.item ?? []) as IDataObject[];
	more.forEach((item, index) => {
		const product = productReferenceOf({ mode: 'id', value: item.product });
		const count = Number(item.quantity ?? 1);
		if (!product) problems.push(`More Items › item ${index + 1}: Product is empty`);
		else if (!Number.isInteger(count) || count < 1)
			problems.push(
				`More Items › item ${index + 1}: Quantity must be a whole number of at least 1`,
			);
		else items.push({ ...productField(product), quantity: count });
	});

	const shippingId = String(
		context.getNodeParameter('shippingMethod', itemIndex, '', { extractValue: true }) ?? '',
	).trim();
	if (!shippingId) problems.push('Shipping Method is empty');

	let customer: IDataObject;
	if (context.getNodeParameter('customer', itemIndex, 'new') === 'existing') {
		customer = { customer_id: text('customerId', 'Customer ID') };
	} else {
		const email = text('customerEmail', 'Customer Email');
		if (!isEmail(email)) problems.push('Customer Email is not an email address');
		customer = {
			customer: withoutEmpty({
				email,
				first_name: text('customerFirstName', 'Customer First Name'),
				last_name: text('customerLastName', 'Customer Last Name'),
				phone_number: phoneNumberOf(context.getNodeParameter('customerPhoneNumber', itemIndex, '')),
			}),
		};
	}

	const address: AddressFields = {
		line1: String(context.getNodeParameter('line1', itemIndex, '')),
		line2: additional.line2 as string,
		line3: additional.line3 as string,
		city: String(context.getNodeParameter('city', itemIndex, '')),
		postcode: String(context.getNodeParameter('postcode', itemIndex, '')),
		countryCode: String(context.getNodeParameter('countryCode', itemIndex, '')),
		company: additional.company as string,
	};
	problems.push(...addressProblems(address));
	const shippingDate = String(additional.shippingDate ?? '').trim();
	if (shippingDate && !/^\d{4}-\d{2}-\d{2}$/.test(shippingDate))
		problems.push('Shipping Date must be written as YYYY-MM-DD');

	if (problems.length) {
		throw new NodeOperationError(
			context.getNode(),
			`The order is incomplete: ${problems.join('; ')}`,
			{
				description: 'Nothing was sent to LML.',
				itemIndex,
			},
		);
	}
	return withoutEmpty({
		items,
		shipping_id: shippingId,
		...customer,
		address: addressBody(address),
		shipping_date: shippingDate,
	} as IDataObject);
}

export default defineOperation({
	name: 'Create',
	value: 'create',
	action: 'Create an order',
	description:
		'Order a test kit or a blood draw: a product, its shipping method, the customer and the address. LML creates a test registration per item. Never placed twice for the same item by this node.',
	properties: [productProperty(), ...orderProperties],
	async execute(itemIndex) {
		const body = orderBody(this, itemIndex);
		const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
		const outcome = await createOnce(this, {
			api: lml,
			what: 'order',
			reference: itemReference(this, itemIndex, 'order.create', body),
			howToCheck:
				"Before running this again, look for the order with Order › Get Many or in LML's dashboard.",
			allowRepeatParameter: 'Options › Allow Repeat Orders',
			allowRepeat: options.allowRepeat === true,
			itemIndex,
			idOf: (created) => (typeof created.id === 'string' ? created.id : undefined),
			create: async () => await createRecord(this, 'order', body, itemIndex),
		});
		return toItems(
			outcome.created
				? outcome.value
				: { id: outcome.id, alreadyCreated: true, createdAt: outcome.at, message: outcome.message },
		);
	},
});
