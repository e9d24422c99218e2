// approx-compare.js
//
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Places the marks written by bench-reanchor-compare with the npm package
// approx-string-match, scored as the Hypothesis client's matchQuote does
// (quote 50, prefix 20, suffix 20, position 2), and prints how many landed
// where the quote now is.
//
//   node approx-compare.js MARKS.json   (approx-string-match in NODE_PATH)

'use strict';

const fs = require('fs');
const search = require('approx-string-match').default;

function textMatchScore(text, str) {
  if (str.length === 0 || text.length === 0)
    return 0.0;
  const matches = search(text, str, str.length);
  return 1 - matches[0].errors / str.length;
}

function matchQuote(text, quote, context) {
  if (quote.length === 0)
    return null;
  const maxErrors = Math.min(256, quote.length / 2);
  const matches = search(text, quote, maxErrors);
  if (matches.length === 0)
    return null;

  const score = (match) => {
    const quoteScore = 1 - match.errors / quote.length;
    const prefixScore = context.prefix
      ? textMatchScore(text.slice(Math.max(0, match.start - context.prefix.length), match.start), context.prefix)
      : 1.0;
    const suffixScore = context.suffix
      ? textMatchScore(text.slice(match.end, match.end + context.suffix.length), context.suffix)
      : 1.0;
    let posScore = 1.0;
    if (typeof context.hint === 'number')
      posScore = 1.0 - Math.abs(match.start - context.hint) / text.length;
    return (50 * quoteScore + 20 * prefixScore + 20 * suffixScore + 2 * posScore) / 92;
  };

  let best = null;
  for (const m of matches) {
    const s = score(m);
    if (best === null || s > best.score)
      best = { start: m.start, end: m.end, score: s };
  }
  return best;
}

// Offsets in the JSON are in characters; JavaScript counts UTF-16 units.
function unitsToChars(text) {
  const map = new Int32Array(text.length + 1);
  let c = 0;
  for (let i = 0; i < text.length; i++) {
    map[i] = c;
    const code = text.charCodeAt(i);
    if (code < 0xd800 || code > 0xdbff)
      c++;
  }
  map[text.length] = c;
  return map;
}

const data = JSON.parse(fs.readFileSync(process.argv[2], 'utf8'));
const text = data.text;
const toChars = unitsToChars(text);
let right = 0, near = 0, wrong = 0, orphan = 0;
const t0 = process.hrtime.bigint();
for (const mark of data.marks) {
  const m = matchQuote(text, mark.quote, { prefix: mark.prefix, suffix: mark.suffix, hint: mark.hint });
  if (m === null) {
    orphan++;
    continue;
  }
  const start = toChars[m.start], end = toChars[m.end];
  if (start === mark.trueStart && end === mark.trueEnd)
    right++;
  else if (Math.abs(start - mark.trueStart) <= 2 && Math.abs(end - mark.trueEnd) <= 2)
    near++;
  else
    wrong++;
}
const ms = Number(process.hrtime.bigint() - t0) / 1e6;
console.log(`RESULT approx-string-match right=${right} near=${near} wrong=${wrong} orphan=${orphan} ms=${ms.toFixed(1)}`);
