// Validates a JSON array of xAPI statements (or one statement) with
// Learning Locker's validator. Usage: node validate.js FILE
// Exits 1 and prints every problem when any statement is invalid.
'use strict';
const fs = require('fs');
const validate = require('@learninglocker/xapi-validation').default;

const file = process.argv[2];
if (!file) {
  console.error('usage: node validate.js STATEMENTS.json');
  process.exit(2);
}
let data;
try {
  data = JSON.parse(fs.readFileSync(file, 'utf8'));
} catch (error) {
  console.error(`error: ${file} is not JSON: ${error.message}`);
  process.exit(1);
}
const statements = Array.isArray(data) ? data : [data];
if (statements.length === 0) {
  console.error(`error: ${file} holds no statement`);
  process.exit(1);
}
let failed = 0;
const verbs = {};
statements.forEach((statement, index) => {
  const warnings = validate(statement);
  const verb = statement && statement.verb && statement.verb.display
    ? statement.verb.display['en-US'] : '?';
  verbs[verb] = (verbs[verb] || 0) + 1;
  if (warnings.length > 0) {
    failed += 1;
    console.error(`statement ${index} (${statement && statement.id}):`);
    for (const warning of warnings) {
      console.error(`  ${warning.path.join('.')}: ${warning.constructor.name} ${JSON.stringify(warning.data)}`);
    }
  }
});
const byVerb = Object.keys(verbs).sort().map((v) => `${verbs[v]} ${v}`).join(', ');
console.log(`xAPI: ${statements.length - failed} statements valid, ${failed} invalid`);
console.log(`statements by verb: ${byVerb}`);
process.exit(failed > 0 ? 1 : 0);
