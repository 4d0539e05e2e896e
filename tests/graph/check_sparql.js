// oxigraph loads the fixture JSON-LD and N-Quads (the same quads) and answers
// SPARQL questions about the small fixture exactly.
// usage: node check_sparql.js <dir>
'use strict';
const fs = require('fs');
const path = require('path');
const oxigraph = require('oxigraph');

const PREFIXES = `
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX xsd: <http://www.w3.org/2001/XMLSchema#>
PREFIX schema: <http://schema.org/>
PREFIX ng: <https://newsgraph.example/vocab#>
`;

function fail(msg) {
  console.log('FAIL: ' + msg);
  process.exit(1);
}

function load(dir, name) {
  const j = new oxigraph.Store();
  j.load(fs.readFileSync(path.join(dir, name + '.jsonld'), 'utf8'), {format: 'application/ld+json'});
  const q = new oxigraph.Store();
  q.load(fs.readFileSync(path.join(dir, name + '.nq'), 'utf8'), {format: 'application/n-quads'});
  if (j.size !== q.size) fail(`${name}: ${j.size} quads from JSON-LD, ${q.size} from N-Quads`);
  for (const quad of j.match()) if (!q.has(quad)) fail(`${name}: N-Quads lack ${quad}`);
  return j;
}

function rows(store, query) {
  return store.query(PREFIXES + query).map((b) => [...b.values()].map((t) => t.value));
}

const {expect} = require('./expect');

const dir = process.argv[2];
const small = load(dir, 'small');
expect('small quads', small.size, 212);

expect('who met whom', rows(small, `
SELECT ?a ?b WHERE { ?x ng:metWith ?y . ?x schema:name ?a . ?y schema:name ?b } ORDER BY ?a ?b`),
[['Anna Kovač', 'Marek Horváth'], ['Marek Horváth', 'Anna Kovač']]);

expect('who visited where', rows(small, `
SELECT ?who ?where WHERE { ?x ng:visited ?y . ?x schema:name ?who . ?y schema:name ?where }
ORDER BY ?who ?where`),
[['Anna Kovač', 'Oslo'], ['Marek Horváth', 'Santiago'], ['Marek Horváth', 'São Paulo'],
  ['Omar Haddad', 'Santiago']]);

expect('who is sanctioned by whom', rows(small, `
SELECT ?who ?by WHERE { ?x ng:sanctionedBy ?y . ?x schema:name ?who . ?y schema:name ?by }
ORDER BY ?who ?by`),
[['Omar Haddad', 'European Union'], ['Omar Haddad', 'Norway']]);

expect('the documents behind the meeting of Kovač and Horváth', rows(small, `
SELECT ?doc ?date ?weight WHERE {
  ?a schema:name "Anna Kovač" . ?b schema:name "Marek Horváth" .
  ?s a rdf:Statement ; rdf:predicate ng:metWith ; ng:weight ?weight ; ng:source ?d .
  { ?s rdf:subject ?a ; rdf:object ?b } UNION { ?s rdf:subject ?b ; rdf:object ?a }
  ?d schema:identifier ?doc ; schema:datePublished ?date .
  FILTER(datatype(?date) = xsd:date)
} ORDER BY ?doc`),
[['nw-0001', '2024-03-01', '3'], ['nw-0002', '2024-03-05', '3'], ['nw-0003', '2024-02-20', '3']]);

expect('first and last seen are xsd:date', rows(small, `
SELECT ?first ?last WHERE {
  ?s rdf:predicate ng:heldExerciseWith ; ng:firstSeen ?first ; ng:lastSeen ?last .
  FILTER(datatype(?first) = xsd:date && datatype(?last) = xsd:date) }`),
[['2024-02-20', '2024-04-02']]);

expect('a planned visit is no fact', small.query(PREFIXES +
  'ASK { ?x ng:visited ?y . ?y schema:name "Japan" }'), false);

expect('symmetric relations are described', rows(small, `
SELECT ?p ?label WHERE { ?p a <http://www.w3.org/2002/07/owl#SymmetricProperty> ;
  <http://www.w3.org/2000/01/rdf-schema#label> ?label } ORDER BY ?p`),
[['https://newsgraph.example/vocab#heldExerciseWith', 'held an exercise with'],
  ['https://newsgraph.example/vocab#metWith', 'met with']]);

const hostile = load(dir, 'hostile');
expect('hostile quads', hostile.size, 476);
expect('a planned meeting is a statement, not a fact', rows(hostile, `
SELECT ?m ?fact WHERE {
  ?a schema:name "FOO BAR" . ?s rdf:subject ?a ; ng:modality ?m .
  BIND(EXISTS { ?a ng:metWith ?b } AS ?fact) }`), [['planned', 'false']]);
expect('labels come back intact', rows(hostile, `
SELECT ?n WHERE { ?x schema:name ?n . FILTER(?n IN ("He said \\"hi\\"", "back\\\\slash", "\\\\N",
  "line\\nbreak", "")) } ORDER BY ?n`),
[['', 'He said "hi"', '\\N', 'back\\slash', 'line\nbreak'].sort()].flat().map((x) => [x]));
console.log('ok: oxigraph answers the SPARQL questions on both fixtures');
