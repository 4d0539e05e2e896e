// The assertion the graph consumer checks share: exact equality, else exit 1.
'use strict';

function expect(what, got, want) {
  if (JSON.stringify(got) !== JSON.stringify(want)) {
    console.log(`FAIL: ${what}:\n  got  ${JSON.stringify(got)}\n  want ${JSON.stringify(want)}`);
    process.exit(1);
  }
}

module.exports = {expect};
