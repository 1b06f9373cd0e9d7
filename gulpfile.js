const { rmSync } = require('node:fs');
const { execFileSync } = require('node:child_process');
const { src, dest, series } = require('gulp');

function clean(done) {
	rmSync('dist', { recursive: true, force: true });
	done();
}

function compile(done) {
	execFileSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.json'], {
		stdio: 'inherit',
	});
	done();
}

// Icons and codex files (*.node.json) sit next to the compiled node files, where n8n looks for them.
function copyNodeAssets() {
	return src(['nodes/**/*.svg', 'nodes/**/*.png', 'nodes/**/*.node.json'], { encoding: false }).pipe(
		dest('dist/nodes'),
	);
}

function copyCredentialAssets() {
	return src(['credentials/**/*.svg', 'credentials/**/*.png'], {
		encoding: false,
		allowEmpty: true,
	}).pipe(dest('dist/credentials'));
}

exports.clean = clean;
exports['build:icons'] = series(copyNodeAssets, copyCredentialAssets);
exports.build = series(clean, compile, copyNodeAssets, copyCredentialAssets);
