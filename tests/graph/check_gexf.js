// graphology-gexf parses the fixture GEXF (it keeps viz and attributes; it
// ignores time, which check_gexf.py checks).  usage: node check_gexf.js <dir>
'use strict';
const fs = require('fs');
const path = require('path');
const Graph = require('graphology');
const {parse} = require('graphology-gexf');

const {expect} = require('./expect');

const dir = process.argv[2];
const small = parse(Graph, fs.readFileSync(path.join(dir, 'small.gexf'), 'utf8'));
expect('small order', small.order, 9);
expect('small size', small.size, 8);
expect('directed', small.type, 'directed');
const anna = small.getNodeAttributes('anna-kovac');
expect('anna label', anna.label, 'Anna Kovač');
expect('anna position', [anna.x, anna.y], [-566.1, 822.4]);
expect('anna size', anna.size, 16.2);
expect('anna colour', anna.color, 'rgb(31,119,180)');
const met = small.edges('anna-kovac', 'marek-horvath');
expect('met edges', met.length, 1);
const a = small.getEdgeAttributes(met[0]);
expect('met weight', a.weight, 3);
expect('met dates', [a.first_seen, a.last_seen], ['2024-02-20', '2024-03-05']);
expect('met sources', a.sources, 'nw-0001|nw-0002|nw-0003');

const hostile = parse(Graph, fs.readFileSync(path.join(dir, 'hostile.gexf'), 'utf8'));
expect('hostile order', hostile.order, 26);
expect('hostile size', hostile.size, 17);
expect('quote label', hostile.getNodeAttribute('he-said-hi', 'label'), 'He said "hi"');
console.log('ok: graphology-gexf read both fixtures');
