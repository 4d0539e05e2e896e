// graphology-graphml parses the fixture GraphML.  usage: node check_graphology.js <dir>
'use strict';
const fs = require('fs');
const path = require('path');
const Graph = require('graphology');
const {parse} = require('graphology-graphml');

const {expect} = require('./expect');

const dir = process.argv[2];
const small = parse(Graph, fs.readFileSync(path.join(dir, 'small.graphml'), 'utf8'));
expect('small order', small.order, 9);
expect('small size', small.size, 8);
expect('directed', small.type, 'directed');
expect('anna label', small.getNodeAttribute('anna-kovac', 'label'), 'Anna Kovač');
expect('anna mentions', small.getNodeAttribute('anna-kovac', 'mentions'), 5);
const met = small.edges('anna-kovac', 'marek-horvath');
expect('met edges', met.length, 1);
expect('met weight', small.getEdgeAttribute(met[0], 'weight'), 3);
expect('met symmetric', small.getEdgeAttribute(met[0], 'symmetric'), true);
expect('met sources', small.getEdgeAttribute(met[0], 'sources'), 'nw-0001|nw-0002|nw-0003');

const hostile = parse(Graph, fs.readFileSync(path.join(dir, 'hostile.graphml'), 'utf8'));
expect('hostile order', hostile.order, 26);
expect('hostile size', hostile.size, 17);
expect('hostile is multi', hostile.multi, true);
expect('quote label', hostile.getNodeAttribute('he-said-hi', 'label'), 'He said "hi"');
expect('backslash N label', hostile.getNodeAttribute('n', 'label'), '\\N');
console.log('ok: graphology-graphml read both fixtures');
