/**
 * Slack's documented limits for a Block Kit message (docs.slack.dev, Block Kit reference: blocks,
 * header, section, context and text objects; chat.postMessage for `text`), as a checker that lists every
 * breach. The renderer keeps one block free for n8n's Slack node, whose "Include Link to Workflow" adds one.
 */
export const BLOCK_KIT = {
	blocksPerMessage: 50,
	headerText: 150,
	sectionText: 3000,
	sectionFields: 10,
	sectionFieldText: 2000,
	contextElements: 10,
	textObject: 3000,
	blockId: 255,
	messageText: 40000,
};

type Json = Record<string, unknown>;

function textProblems(
	where: string,
	text: unknown,
	type: string | string[],
	limit: number,
): string[] {
	const object = text as Json | undefined;
	if (!object || typeof object !== 'object') return [`${where}: no text object`];
	const types = Array.isArray(type) ? type : [type];
	const problems: string[] = [];
	if (!types.includes(object.type as string))
		problems.push(`${where}: type ${String(object.type)}`);
	if (typeof object.text !== 'string' || object.text.length === 0)
		problems.push(`${where}: empty text`);
	else if (object.text.length > limit)
		problems.push(`${where}: ${object.text.length} characters, over ${limit}`);
	return problems;
}

/** Every breach of Slack's limits in `{ text, blocks }`; empty when Slack accepts it. */
export function blockKitProblems(message: { text?: unknown; blocks?: unknown }): string[] {
	const problems: string[] = [];
	if (typeof message.text === 'string' && message.text.length > BLOCK_KIT.messageText)
		problems.push(`text: over ${BLOCK_KIT.messageText}`);
	if (!Array.isArray(message.blocks)) return ['blocks: not a list'];
	if (message.blocks.length > BLOCK_KIT.blocksPerMessage)
		problems.push(`${message.blocks.length} blocks, over ${BLOCK_KIT.blocksPerMessage}`);
	message.blocks.forEach((raw, index) => {
		const block = raw as Json;
		const where = `blocks[${index}] (${String(block.type)})`;
		if (typeof block.block_id === 'string' && block.block_id.length > BLOCK_KIT.blockId)
			problems.push(`${where}: block_id too long`);
		switch (block.type) {
			case 'header':
				problems.push(...textProblems(where, block.text, 'plain_text', BLOCK_KIT.headerText));
				break;
			case 'section': {
				const fields = block.fields as unknown[] | undefined;
				if (!block.text && !fields) problems.push(`${where}: neither text nor fields`);
				if (block.text)
					problems.push(
						...textProblems(where, block.text, ['mrkdwn', 'plain_text'], BLOCK_KIT.sectionText),
					);
				if (fields && fields.length > BLOCK_KIT.sectionFields)
					problems.push(`${where}: too many fields`);
				for (const field of fields ?? [])
					problems.push(
						...textProblems(
							`${where} field`,
							field,
							['mrkdwn', 'plain_text'],
							BLOCK_KIT.sectionFieldText,
						),
					);
				break;
			}
			case 'context': {
				const elements = block.elements as unknown[] | undefined;
				if (!elements?.length || elements.length > BLOCK_KIT.contextElements)
					problems.push(
						`${where}: ${elements?.length ?? 0} elements, 1 to ${BLOCK_KIT.contextElements} allowed`,
					);
				for (const element of elements ?? [])
					problems.push(
						...textProblems(
							`${where} element`,
							element,
							['mrkdwn', 'plain_text'],
							BLOCK_KIT.textObject,
						),
					);
				break;
			}
			case 'divider':
				break;
			default:
				problems.push(`${where}: not a block type this message should use`);
		}
	});
	return problems;
}
