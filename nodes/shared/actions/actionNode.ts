import {
	NodeApiError,
	NodeOperationError,
	updateDisplayOptions,
	type IDataObject,
	type IDisplayOptions,
	type IExecuteFunctions,
	type INodeExecutionData,
	type INodeProperties,
	type INodePropertyOptions,
} from 'n8n-workflow';

import { applyPatientDataMode, patientDataProperty, type PatientDataMode } from '../privacy';
import type { LabProvider } from '../provider';

export type Operation = (
	this: IExecuteFunctions,
	itemIndex: number,
) => Promise<INodeExecutionData[]>;

/** resource → operation → implementation */
export type OperationTable = Record<string, Record<string, Operation>>;

/** An entry of a resource's Operation menu. Saved workflows hold `value`: it never changes. */
export interface OperationOption extends INodePropertyOptions {
	value: string;
	action: string;
	description: string;
}

/** An operation: its menu entry, its parameters and what it does for one input item. */
export interface OperationModule {
	option: OperationOption;
	/** As declared; its resource shows them only while it and this operation are selected. */
	properties: INodeProperties[];
	execute: Operation;
}

/** What an `<resource>/<operation>.operation.ts` declares: its menu entry, parameters and request. */
export interface OperationDefinition extends OperationOption {
	properties?: INodeProperties[];
	/** Runs the operation for one input item; `this` is the node's execute context. */
	execute: Operation;
}

/** `export default defineOperation({ name, value, action, description, properties, execute })` */
export function defineOperation({
	properties = [],
	execute,
	...option
}: OperationDefinition): OperationModule {
	return { option, properties, execute };
}

/** Shows an operation's parameters only while its resource and it are selected. */
function showFor(resource: string, operation: OperationOption): IDisplayOptions {
	return { show: { resource: [resource], operation: [operation.value] } };
}

export interface ResourceOption extends INodePropertyOptions {
	value: string;
}

export interface Resource {
	option: ResourceOption;
	/** The Operation menu and the parameters of every operation. */
	properties: INodeProperties[];
	operations: Record<string, Operation>;
}

const byName = (a: INodePropertyOptions, b: INodePropertyOptions) => a.name.localeCompare(b.name);

/** A resource built from its operations; the first is the menu's default. */
export function defineResource(option: ResourceOption, modules: OperationModule[]): Resource {
	const firstOperation = modules[0].option.value;
	const menu: INodeProperties = {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: [option.value] } },
		options: modules.map((module) => module.option).sort(byName),
		default: firstOperation,
	};
	return {
		option,
		properties: [
			menu,
			...modules.flatMap((module) =>
				updateDisplayOptions(showFor(option.value, module.option), module.properties),
			),
		],
		operations: Object.fromEntries(modules.map((module) => [module.option.value, module.execute])),
	};
}

export interface ActionNode {
	provider: LabProvider;
	resources: Resource[];
	/** Resource menu, each resource's Operation menu and parameters, and Patient Details last. */
	properties: INodeProperties[];
	operations: OperationTable;
}

/** An action node's parameters and operation table from its resources; the first is the default. */
export function defineActionNode(provider: LabProvider, resources: Resource[]): ActionNode {
	const firstResource = resources[0].option.value;
	const menu: INodeProperties = {
		displayName: 'Resource',
		name: 'resource',
		type: 'options',
		noDataExpression: true,
		options: resources.map((resource) => resource.option).sort(byName),
		default: firstResource,
	};
	return {
		provider,
		resources,
		properties: [
			menu,
			...resources.flatMap((resource) => resource.properties),
			patientDataProperty,
		],
		operations: Object.fromEntries(
			resources.map((resource) => [resource.option.value, resource.operations]),
		),
	};
}

export function toItems(data: IDataObject | IDataObject[]): INodeExecutionData[] {
	return (Array.isArray(data) ? data : [data]).map((json) => ({ json }));
}

/**
 * The one execute loop of every action node: runs the selected operation per input item, pairs each
 * output with its input, leaves out patient identifiers unless asked not to, and honours Continue On Fail.
 */
export async function runOperations(
	this: IExecuteFunctions,
	node: ActionNode,
): Promise<INodeExecutionData[][]> {
	const table = node.operations;
	const items = this.getInputData();
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			const resource = this.getNodeParameter('resource', itemIndex) as string;
			const operation = this.getNodeParameter('operation', itemIndex) as string;
			const run = table[resource]?.[operation];
			if (!run) {
				throw new NodeOperationError(
					this.getNode(),
					`Operation "${operation}" is not available for "${resource}"`,
					{
						itemIndex,
					},
				);
			}
			const mode = this.getNodeParameter('patientData', itemIndex, 'leaveOut') as PatientDataMode;
			const results = (await run.call(this, itemIndex)).map((result) => ({
				...result,
				json: applyPatientDataMode(result.json, mode, node.provider),
			}));
			// A loop, not push(...spread): spreading a Get Many of 150,000 items or more overflows the call stack.
			for (const paired of this.helpers.constructExecutionMetaData(results, {
				itemData: { item: itemIndex },
			}))
				output.push(paired);
		} catch (error) {
			if (this.continueOnFail()) {
				output.push({ json: { error: (error as Error).message }, pairedItem: { item: itemIndex } });
				continue;
			}
			throw asNodeError(this, error, itemIndex);
		}
	}
	return [output];
}

function asNodeError(
	context: IExecuteFunctions,
	error: unknown,
	itemIndex: number,
): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(context.getNode(), error as Error, { itemIndex });
}
