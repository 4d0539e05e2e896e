// jsonld.js (toRDF) turns the fixture JSON-LD into exactly the triples of the
// fixture N-Quads, without fetching anything.  usage: node check_jsonld.js <dir>
'use strict';
const fs = require('fs');
const path = require('path');
const jsonld = require('jsonld');

const EXPECTED = {small: 212, hostile: 476};

function fail(msg) {
  console.log('FAIL: ' + msg);
  process.exit(1);
}

// The context is inline: any attempt to load a document is an error.
const documentLoader = async (url) => fail(`jsonld tried to load ${url}`);

async function check(dir, name) {
  const doc = JSON.parse(fs.readFileSync(path.join(dir, name + '.jsonld'), 'utf8'));
  const nq = await jsonld.toRDF(doc, {format: 'application/n-quads', documentLoader, safe: true});
  const ours = fs.readFileSync(path.join(dir, name + '.nq'), 'utf8');
  const a = new Set(nq.split('\n').filter(Boolean));
  const b = new Set(ours.split('\n').filter(Boolean));
  if (a.size !== EXPECTED[name]) fail(`${name}: toRDF gave ${a.size} quads, want ${EXPECTED[name]}`);
  if (b.size !== EXPECTED[name]) fail(`${name}: the N-Quads hold ${b.size} lines, want ${EXPECTED[name]}`);
  for (const line of a) if (!b.has(line)) fail(`${name}: toRDF gave a quad the N-Quads lack: ${line}`);
}

(async () => {
  for (const name of Object.keys(EXPECTED)) await check(process.argv[2], name);
  console.log('ok: jsonld toRDF matches the N-Quads of both fixtures');
})().catch((e) => fail(e.stack || String(e)));
