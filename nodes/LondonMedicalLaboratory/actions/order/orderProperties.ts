import type { INodeProperties } from 'n8n-workflow';

import { allowRepeatOrdersProperty } from '../../../shared/actions/createOnce';
import { additionalFieldsProperty } from '../../../shared/actions/parameters';
import { countryCodeProperty, moreAddressLines } from '../address';

const forCustomer = (customer: string) => ({ displayOptions: { show: { customer: [customer] } } });

/** The parameters of Order › Create after the product. */
export const orderProperties: INodeProperties[] = [
	{
		displayName: 'Quantity',
		name: 'quantity',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 1,
	},
	{
		displayName: 'Shipping Method',
		name: 'shippingMethod',
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		description:
			"How the product reaches the patient (a postal kit, a walk-in appointment, a home phlebotomist): the chosen product's methods",
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod: 'searchShippingMethods', searchable: true },
			},
			{ displayName: 'By ID', name: 'id', type: 'string', placeholder: 'e.g. 4a1e…' },
		],
	},
	{
		displayName: 'Customer',
		name: 'customer',
		type: 'options',
		options: [
			{ name: 'New Customer', value: 'new', description: 'Enter the customer’s details' },
			{ name: 'Existing Customer', value: 'existing', description: 'An LML customer ID' },
		],
		default: 'new',
		description: 'Who places the order',
	},
	{
		displayName: 'Customer Email',
		name: 'customerEmail',
		type: 'string',
		placeholder: 'name@email.com',
		default: '',
		required: true,
		...forCustomer('new'),
	},
	{
		displayName: 'Customer First Name',
		name: 'customerFirstName',
		type: 'string',
		default: '',
		required: true,
		...forCustomer('new'),
	},
	{
		displayName: 'Customer Last Name',
		name: 'customerLastName',
		type: 'string',
		default: '',
		required: true,
		...forCustomer('new'),
	},
	{
		displayName: 'Customer Phone Number',
		name: 'customerPhoneNumber',
		type: 'string',
		default: '',
		placeholder: 'e.g. +447700900123',
		...forCustomer('new'),
	},
	{
		displayName: 'Customer ID',
		name: 'customerId',
		type: 'string',
		default: '',
		required: true,
		...forCustomer('existing'),
	},
	{
		displayName: 'Address Line 1',
		name: 'line1',
		type: 'string',
		default: '',
		required: true,
		description: 'Where the kit is sent',
	},
	{ displayName: 'City', name: 'city', type: 'string', default: '', required: true },
	{ displayName: 'Postcode', name: 'postcode', type: 'string', default: '', required: true },
	countryCodeProperty,
	additionalFieldsProperty([
		...moreAddressLines,
		{ displayName: 'Company', name: 'company', type: 'string', default: '' },
		{
			displayName: 'More Items',
			name: 'moreItems',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			default: {},
			placeholder: 'Add item',
			description:
				'Further products in the same order (the shipping method is the first product’s)',
			options: [
				{
					displayName: 'Item',
					name: 'item',
					values: [
						{
							displayName: 'Product',
							name: 'product',
							type: 'string',
							default: '',
							description: 'The product’s ID or SKU',
						},
						{
							displayName: 'Quantity',
							name: 'quantity',
							type: 'number',
							typeOptions: { minValue: 1 },
							default: 1,
						},
					],
				},
			],
		},
		{
			displayName: 'Shipping Date',
			name: 'shippingDate',
			type: 'string',
			default: '',
			placeholder: 'e.g. 2026-01-15',
			description: 'Preferred shipping date, as YYYY-MM-DD',
		},
	]),
	allowRepeatOrdersProperty('the earlier order’s ID'),
];
