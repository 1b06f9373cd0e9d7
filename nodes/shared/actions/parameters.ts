import {
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INode,
	type INodeListSearchItems,
	type INodeListSearchResult,
	type INodeProperties,
	type INodePropertyOptions,
} from 'n8n-workflow';

/** The Return All / Limit pair of a Get Many operation. */
export function returnAllOrLimit(maxLimit?: number): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			typeOptions: { minValue: 1, ...(maxLimit ? { maxValue: maxLimit } : {}) },
			default: 50,
			description: 'Max number of results to return',
			displayOptions: { show: { returnAll: [false] } },
		},
	];
}

/** The Filters of a Get Many operation. */
export function filtersProperty(options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add filter',
		default: {},
		options,
	};
}

/** How a Get Many sorts, where the API lets the caller choose. */
export function sortProperty(options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Sort',
		name: 'sort',
		type: 'collection',
		placeholder: 'Add sort option',
		default: {},
		options,
	};
}

/** The optional fields of a create operation. */
export function additionalFieldsProperty(options: INodeProperties[]): INodeProperties {
	return {
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add field',
		default: {},
		options,
	};
}

/** One entry of a menu: its name, the value saved in workflows, and a description where it helps. */
export type MenuEntry = [name: string, value: string | boolean, description?: string];

/**
 * An Options parameter (a Multiple Options one when `default` is a list) whose entries are written
 * one per line, in the order shown.
 */
export function menuParameter(
	parameter: Omit<INodeProperties, 'type' | 'options'>,
	entries: MenuEntry[],
): INodeProperties {
	return {
		...parameter,
		type: Array.isArray(parameter.default) ? 'multiOptions' : 'options',
		options: entries.map(
			([name, value, description]): INodePropertyOptions =>
				description === undefined ? { name, value } : { name, value, description },
		),
	};
}

/** What the Return All / Limit pair asks for: a number of records, or undefined for all of them. */
export function requestedLimit(context: IExecuteFunctions, itemIndex: number): number | undefined {
	return context.getNodeParameter('returnAll', itemIndex)
		? undefined
		: (context.getNodeParameter('limit', itemIndex, 50) as number);
}

/** A required value, trimmed; an empty one stops the item with an error naming it by `label`. */
export function requireValue(
	node: INode,
	value: string,
	label: string,
	itemIndex?: number,
): string {
	const trimmed = value.trim();
	if (!trimmed) {
		throw new NodeOperationError(node, `${label} is empty`, {
			description: `Enter the ${label} to look up.`,
			itemIndex,
		});
	}
	return trimmed;
}

/** A required text parameter, trimmed; an empty one stops the item before any request. */
export function requiredText(
	context: IExecuteFunctions,
	name: string,
	label: string,
	itemIndex: number,
): string {
	const value = String(context.getNodeParameter(name, itemIndex, ''));
	return requireValue(context.getNode(), value, label, itemIndex);
}

/** A required ID parameter and its reader; `name` also names the record in the output. */
export interface IdParameter {
	name: string;
	property: INodeProperties;
	/** Its value for one item, trimmed; an empty one stops the item before any request. */
	at(context: IExecuteFunctions, itemIndex: number): string;
}

type IdHints = Pick<INodeProperties, 'displayName' | 'name' | 'placeholder' | 'description'>;

/** A required text ID; an empty one is called by its display name in the error. */
export function idParameter({ displayName, name, ...hints }: IdHints): IdParameter {
	return {
		name,
		property: { displayName, name, type: 'string', default: '', required: true, ...hints },
		at: (context, itemIndex) => requiredText(context, name, displayName, itemIndex),
	};
}

/**
 * A required ID picked from a searchable list (the node's `listSearch` method `searchListMethod`), or
 * entered By ID for expressions. Its reader returns the ID, trimmed; an empty one stops the item.
 */
export function resourceLocatorParameter({
	displayName,
	name,
	searchListMethod,
	placeholder,
	description,
}: IdHints & { searchListMethod: string }): IdParameter {
	return {
		name,
		property: {
			displayName,
			name,
			type: 'resourceLocator',
			default: { mode: 'list', value: '' },
			required: true,
			...(description ? { description } : {}),
			modes: [
				{
					displayName: 'From List',
					name: 'list',
					type: 'list',
					typeOptions: { searchListMethod, searchable: true },
				},
				{ displayName: 'By ID', name: 'id', type: 'string', placeholder },
			],
		},
		at: (context, itemIndex) =>
			requireValue(
				context.getNode(),
				String(context.getNodeParameter(name, itemIndex, '', { extractValue: true }) ?? ''),
				displayName,
				itemIndex,
			),
	};
}

/**
 * A page of a searchable list: the records whose name contains the filter (case-insensitive, for APIs
 * that cannot search), as `{name, value}` entries.
 */
export function listSearchResults<T>(
	records: T[],
	entry: (record: T) => INodeListSearchItems,
	filter?: string,
	paginationToken?: string,
): INodeListSearchResult {
	const wanted = filter?.trim().toLowerCase();
	const results = records
		.map(entry)
		.filter((item) => !wanted || item.name.toLowerCase().includes(wanted));
	return paginationToken ? { results, paginationToken } : { results };
}

/** A collection's values without the ones left empty (empty text, empty lists): those are not sent. */
export function nonEmptyFields(fields: IDataObject): IDataObject {
	return Object.fromEntries(
		Object.entries(fields).filter(([, value]) =>
			Array.isArray(value) ? value.length > 0 : value !== '' && value !== undefined,
		),
	);
}
