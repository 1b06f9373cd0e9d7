import {
	NodeApiError,
	NodeOperationError,
	type IDataObject,
	type IExecuteFunctions,
	type INodeExecutionData,
} from 'n8n-workflow';

import { applyPatientDataMode, type PatientDataMode } from './privacy';

export type Operation = (
	this: IExecuteFunctions,
	itemIndex: number,
) => Promise<INodeExecutionData[]>;

/** resource → operation → implementation */
export type OperationTable = Record<string, Record<string, Operation>>;

export function toItems(data: IDataObject | IDataObject[]): INodeExecutionData[] {
	return (Array.isArray(data) ? data : [data]).map((json) => ({ json }));
}

/**
 * The one execute loop of every action node: runs the selected operation per input item, pairs each
 * output with its input, leaves out patient identifiers unless asked not to, and honours Continue On Fail.
 */
export async function runOperations(
	this: IExecuteFunctions,
	table: OperationTable,
): Promise<INodeExecutionData[][]> {
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
				json: applyPatientDataMode(result.json, mode),
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
