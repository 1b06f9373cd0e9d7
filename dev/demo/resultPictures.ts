/**
 * Pages that show the results messages as people see them, for `npm run screenshot` and the editor
 * tests' rendering checks: the email HTML inside a plain mail-reader frame, and a Slack message drawn
 * from its Block Kit blocks (Slack's look imitated: header, sections, context lines, *bold*, _italic_).
 */
const PAGE_STYLE =
	'margin:0;padding:24px;background:#f6f8fa;font-family:-apple-system,Segoe UI,Helvetica,Arial,sans-serif';

const escape = (text: string) =>
	text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** A full page with the email HTML as its body, under a subject and sender line. */
export function emailPage(
	html: string,
	subject = 'Lab results',
	to = 'lab-team@example.com',
): string {
	return `<!doctype html><html><head><meta charset="utf-8"><title>${escape(subject)}</title></head><body style="${PAGE_STYLE}"><div id="mail" style="max-width:720px;background:#ffffff;border:1px solid #d0d7de;border-radius:6px"><div style="padding:12px 16px;border-bottom:1px solid #d0d7de;font-size:13px;color:#57606a"><div style="font-size:16px;color:#1f2328;font-weight:600">${escape(subject)}</div>From n8n@example.com to ${escape(to)}</div><div style="padding:8px 8px 16px">${html}</div></div></body></html>`;
}

interface TextObject {
	type: string;
	text: string;
}

interface Block {
	type: string;
	text?: TextObject;
	elements?: TextObject[];
}

/**
 * Slack's mrkdwn as HTML. The text is already escaped the way Slack wants (&amp; &lt; &gt;), which
 * HTML reads the same; a raw `<` or `>` (a Slack link or mention) is shown as text.
 */
function mrkdwn(text: string): string {
	return text
		.replace(/</g, '&lt;')
		.replace(/>/g, '&gt;')
		.replace(/\*([^*\n]+)\*/g, '<b>$1</b>')
		.replace(/(^|[\s(])_([^_\n]+)_/g, '$1<i>$2</i>')
		.replace(/\n/g, '<br>');
}

/**
 * The headless Chromium that takes the pictures has no emoji font; Slack draws emoji as images. These
 * stand in for the ones the messages use, in the colours of Slack's.
 */
const EMOJI: Record<string, string> = {
	'🧪': '',
	'🚨': '<span style="color:#e01e5a">‼</span>',
	'🔺': '<span style="color:#e01e5a">▲</span>',
	'🔻': '<span style="color:#1264a3">▼</span>',
	'⚠️': '<span style="color:#e8912d">◆</span>',
	'✅': '<span style="color:#2eb67d">✓</span>',
	'▫️': '–',
};

const withEmoji = (html: string) =>
	Object.entries(EMOJI).reduce((text, [emoji, glyph]) => text.split(emoji).join(glyph), html);

function blockHtml(block: Block): string {
	switch (block.type) {
		case 'header':
			return `<div style="font-size:18px;font-weight:800;margin:4px 0 8px">${escape(block.text?.text ?? '')}</div>`;
		case 'section':
			return `<div data-block="section" style="margin:6px 0;line-height:1.45">${mrkdwn(block.text?.text ?? '')}</div>`;
		case 'context':
			return `<div data-block="context" style="margin:6px 0;font-size:12.5px;color:#616061;line-height:1.45">${(block.elements ?? []).map((element) => mrkdwn(element.text)).join(' ')}</div>`;
		case 'divider':
			return '<hr style="border:0;border-top:1px solid #ddd">';
		default:
			return '';
	}
}

/** A page showing one Slack message in a channel, as the Slack client lays it out. */
export function slackPage(message: { blocks?: unknown[] }, channel = '#lab-results'): string {
	const blocks = withEmoji(((message.blocks ?? []) as Block[]).map(blockHtml).join(''));
	return `<!doctype html><html><head><meta charset="utf-8"><title>${escape(channel)}</title></head><body style="${PAGE_STYLE}"><div id="slack" style="max-width:720px;background:#ffffff;border:1px solid #d0d7de;border-radius:6px;font-size:15px;color:#1d1c1d"><div style="padding:10px 16px;border-bottom:1px solid #d0d7de;font-weight:800"># ${escape(channel.replace(/^#/, ''))}</div><div style="display:flex;padding:12px 16px"><div style="width:36px;height:36px;border-radius:6px;background:#ea4b71;color:#fff;font-weight:800;display:flex;align-items:center;justify-content:center;margin-right:10px;flex:none">n8n</div><div style="flex:1"><div><b>n8n</b> <span style="font-size:11px;background:#e8e8e8;color:#616061;padding:1px 4px;border-radius:3px">APP</span> <span style="font-size:12px;color:#616061">12:00</span></div>${blocks}</div></div></div></body></html>`;
}
