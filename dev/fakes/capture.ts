/* eslint-disable @n8n/community-nodes/no-restricted-imports -- test support runs in Node, not inside n8n */
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';

import { FakeServer } from './fakeServer';
import { fetchOnFreshConnection } from '../n8n/fetch';

/**
 * Where the example workflows' notifications land in the demo and the e2e suite, so nothing leaves the
 * machine: chat messages arrive over HTTP (POST /slack/<method>), emails over SMTP. Everything received is
 * listed at GET /__messages on the HTTP side.
 */
export interface CapturedMessage {
	channel: 'slack' | 'email';
	to?: string;
	subject?: string;
	/** The message text; an email's plain-text part, a Slack message's notification text. */
	text: string;
	/** An email's HTML part. */
	html?: string;
	/** A Slack message's Block Kit blocks. */
	blocks?: unknown[];
	receivedAt: string;
}

/** Just enough SMTP for nodemailer without TLS or authentication. */
class SmtpCapture {
	private server: Server | undefined;

	port = 0;

	constructor(private readonly onMessage: (message: CapturedMessage) => void) {}

	async start(): Promise<number> {
		this.server = createServer((socket) => this.session(socket));
		await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
		this.port = (this.server.address() as AddressInfo).port;
		return this.port;
	}

	async stop(): Promise<void> {
		await new Promise<void>((resolve) =>
			this.server ? this.server.close(() => resolve()) : resolve(),
		);
	}

	private session(socket: Socket): void {
		let buffer = '';
		let inData = false;
		let data = '';
		const recipients: string[] = [];
		const reply = (line: string) => socket.write(`${line}\r\n`);
		reply('220 capture.localhost ESMTP');
		socket.on('data', (chunk) => {
			buffer += chunk.toString('utf8');
			let newline: number;
			while ((newline = buffer.indexOf('\r\n')) >= 0) {
				const line = buffer.slice(0, newline);
				buffer = buffer.slice(newline + 2);
				if (inData) {
					if (line === '.') {
						inData = false;
						this.onMessage(parseEmail(data, recipients));
						data = '';
						reply('250 OK: queued');
					} else {
						data += `${line.startsWith('..') ? line.slice(1) : line}\n`;
					}
					continue;
				}
				const command = line.slice(0, 4).toUpperCase();
				if (command === 'EHLO' || command === 'HELO') reply('250 capture.localhost');
				else if (command === 'MAIL') reply('250 OK');
				else if (command === 'RCPT') {
					recipients.push(line.replace(/^RCPT TO:\s*/i, '').replace(/[<>]/g, ''));
					reply('250 OK');
				} else if (command === 'DATA') {
					inData = true;
					reply('354 End data with <CR><LF>.<CR><LF>');
				} else if (command === 'QUIT') {
					reply('221 Bye');
					socket.end();
				} else reply('250 OK');
			}
		});
		socket.on('error', () => socket.destroy());
	}
}

interface MimePart {
	headers: string;
	body: string;
}

function splitHeaders(raw: string): MimePart {
	const [folded, ...bodyParts] = raw.split('\n\n');
	// Long header lines arrive folded onto continuation lines that start with whitespace.
	return { headers: folded.replace(/\n[ \t]+/g, ' '), body: bodyParts.join('\n\n') };
}

function decoded({ headers, body }: MimePart): string {
	const encoding = /^Content-Transfer-Encoding: *(\S+)/im.exec(headers)?.[1]?.toLowerCase();
	if (encoding === 'base64')
		return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
	if (encoding !== 'quoted-printable') return body;
	const bytes = body
		.replace(/=\n/g, '')
		.replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
	return Buffer.from(bytes, 'latin1').toString('utf8');
}

/** The leaf parts of a message, through nested multiparts. */
function leafParts(part: MimePart): MimePart[] {
	const boundary = /^Content-Type: *multipart\/[^;]+;.*boundary="?([^";]+)"?/im.exec(
		part.headers,
	)?.[1];
	if (!boundary) return [part];
	return part.body
		.split(`--${boundary}`)
		.slice(1)
		.filter((chunk) => !chunk.startsWith('--'))
		.flatMap((chunk) => leafParts(splitHeaders(chunk.replace(/^\n/, ''))));
}

function parseEmail(raw: string, recipients: string[]): CapturedMessage {
	const message = splitHeaders(raw);
	const subject = /^Subject: (.*)$/im.exec(message.headers)?.[1]?.trim();
	const parts = leafParts(message);
	const ofType = (type: string) =>
		parts.find(({ headers }) => new RegExp(`^Content-Type: *${type}`, 'im').test(headers));
	const textPart = ofType('text/plain') ?? parts[0];
	const htmlPart = ofType('text/html');
	return {
		channel: 'email',
		to: recipients.join(', '),
		subject,
		text: decoded(textPart).trim(),
		...(htmlPart ? { html: decoded(htmlPart).trim() } : {}),
		receivedAt: new Date().toISOString(),
	};
}

export class CaptureServer {
	readonly messages: CapturedMessage[] = [];

	private readonly http = new FakeServer();

	private readonly smtp = new SmtpCapture((message) => this.messages.push(message));

	get url(): string {
		return this.http.url;
	}

	get smtpPort(): number {
		return this.smtp.port;
	}

	async start(): Promise<void> {
		this.http
			.route('POST', '/slack/:method', (request) => {
				const body = JSON.parse(request.body || '{}') as {
					channel?: string;
					text?: string;
					blocks?: unknown[];
				};
				this.messages.push({
					channel: 'slack',
					to: body.channel,
					text: body.text ?? '',
					...(body.blocks ? { blocks: body.blocks } : {}),
					receivedAt: new Date().toISOString(),
				});
				return {
					status: 200,
					json: { ok: true, channel: body.channel, ts: String(Date.now() / 1000) },
				};
			})
			.route('GET', '/__messages', () => ({ status: 200, json: this.messages }));
		await this.http.start();
		await this.smtp.start();
	}

	async stop(): Promise<void> {
		await this.http.stop();
		await this.smtp.stop();
	}
}

/** Messages a capture server received, read over HTTP (works from any process). */
export async function capturedMessages(captureUrl: string): Promise<CapturedMessage[]> {
	const response = await fetchOnFreshConnection(`${captureUrl}/__messages`);
	return (await response.json()) as CapturedMessage[];
}
