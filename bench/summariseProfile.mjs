#!/usr/bin/env node
// `node bench/summariseProfile.mjs <file.cpuprofile> [requests]`: where n8n's CPU went in a V8 CPU profile
// written by `npm run bench -- --profile-n8n` (one n8n process, one target), over the load only (the
// first to the last sample inside n8n's executeWebhook). Prints self time by part
// (this package's code, n8n's static-data load and save, the database driver, JSON, expression isolates,
// garbage collection, the rest) and the inclusive time of the calls that matter to a webhook trigger,
// per request when the number of requests the profile covers is given.
import { readFileSync } from 'node:fs';

const [file, requestsText] = process.argv.slice(2);
if (!file) {
	process.stderr.write('usage: node bench/summariseProfile.mjs <file.cpuprofile> [requests]\n');
	process.exit(2);
}
const requests = Number(requestsText ?? 0);
const profile = JSON.parse(readFileSync(file, 'utf8'));

const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parentOf = new Map();
for (const node of profile.nodes)
	for (const child of node.children ?? []) parentOf.set(child, node.id);

/** Whether a sample's stack runs n8n's handling of a webhook call. */
function inWebhookCall(id) {
	for (let at = id; at !== undefined; at = parentOf.get(at))
		if (byId.get(at).callFrame.functionName === 'executeWebhook') return true;
	return false;
}

// Only the load: from the first sample inside a webhook call to the last (n8n's start-up is left out).
const first = profile.samples.findIndex(inWebhookCall);
const last = profile.samples.findLastIndex(inWebhookCall);
if (first < 0) throw new Error('No sample inside executeWebhook: did the profile cover the load?');
const selfMs = new Map();
for (let index = first; index <= last; index++) {
	const id = profile.samples[index];
	selfMs.set(id, (selfMs.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000);
}

/** The part a frame belongs to, by the file it runs in or its name. */
function partOf({ url, functionName }) {
	if (url.includes('n8n-nodes-lab-testing')) return 'this package';
	if (functionName === '(garbage collector)') return 'garbage collection';
	if (functionName === '(idle)' || functionName === '(program)') return functionName;
	if (/isolated-vm|expression-(engine|evaluator)|isolate/i.test(url)) return 'expression isolates';
	if (/sqlite3|typeorm|better-sqlite|@n8n\/db/.test(url)) return 'database (TypeORM, SQLite)';
	if (functionName === 'parse' || functionName === 'stringify') return 'JSON';
	return 'rest of n8n and Node';
}

const parts = new Map();
let total = 0;
for (const [id, ms] of selfMs) {
	const part = partOf(byId.get(id).callFrame);
	parts.set(part, (parts.get(part) ?? 0) + ms);
	if (part !== '(idle)') total += ms;
}

/** Inclusive time of every frame whose function name matches, counted once per sample. */
function inclusiveMs(pattern) {
	let ms = 0;
	for (const [id, self] of selfMs) {
		for (let at = id; at !== undefined; at = parentOf.get(at)) {
			if (pattern.test(byId.get(at).callFrame.functionName)) {
				ms += self;
				break;
			}
		}
	}
	return ms;
}

const perRequest = (ms) => (requests > 0 ? `${(ms / requests).toFixed(2)} ms/req` : '');
const line = (name, ms) =>
	`${name.padEnd(52)} ${ms.toFixed(0).padStart(8)} ms ${((ms / total) * 100).toFixed(1).padStart(5)}%  ${perRequest(ms)}`;

process.stdout.write(
	`${file}\nbusy (not idle): ${total.toFixed(0)} ms ${perRequest(total)}\n\nself time by part\n`,
);
for (const [part, ms] of [...parts].sort((a, b) => b[1] - a[1]))
	if (part !== '(idle)') process.stdout.write(`${line(part, ms)}\n`);
process.stdout.write('\ninclusive time of\n');
for (const [name, pattern] of [
	["n8n's static-data save (saveStaticData…)", /^saveStaticData/],
	[
		"n8n's workflow load for a webhook (findOne, getStaticData…)",
		/^(getStaticDataById|findWorkflow|getWebhookMethods|findOne)$/,
	],
	['the trigger node’s webhook()', /^webhook$/],
	["the trigger's pipeline (receiveWebhook)", /^receiveWebhook$/],
	["our ledger's toJSON at n8n's save", /^toJSON$/],
	['execution start (WorkflowRunner.run)', /^run$/],
])
	process.stdout.write(`${line(name, inclusiveMs(pattern))}\n`);
