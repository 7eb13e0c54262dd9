// Independent readability figures from the npm package text-readability, for comparison with ours.
// Usage: node readability.mjs <file.txt> [...]   Prints a JSON array, one entry per file.
// Each file is plain text; list markers at the start of a line ("- ", "1. ") are removed and all
// whitespace is collapsed, because the package splits sentences only at a single space before a capital.
// The package counts a numeral as no syllables at all, while Flesch's counting rule is "as read aloud"
// ("1918" is four): so each numeral is spelled out here, as one run-together word (so word counts do not
// change), and the package's own syllable counter counts it.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import rs from 'text-readability';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('readability.mjs: give one or more text files');
  process.exit(2);
}

const ones = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine'];
const teens = ['ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const tens = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
const under100 = (n) => n < 10 ? ones[n] : n < 20 ? teens[n - 10] : tens[Math.floor(n / 10)] + (n % 10 ? ones[n % 10] : '');
const under1000 = (n) => n < 100 ? under100(n) : ones[Math.floor(n / 100)] + 'hundred' + (n % 100 ? 'and' + under100(n % 100) : '');
function spelled(numeral) {
  const digits = numeral.replace(/,/g, '');
  if (digits.length > 6 || (digits.length > 1 && digits[0] === '0')) return [...digits].map((d) => ones[d]).join('');
  const n = Number(digits);
  if (digits.length === 4 && n >= 1100 && n <= 1999) {
    const rest = n % 100;
    return under100(Math.floor(n / 100)) + (rest === 0 ? 'hundred' : rest < 10 ? 'oh' + ones[rest] : under100(rest));
  }
  if (n < 1000) return under1000(n);
  const rest = n % 1000;
  return under1000(Math.floor(n / 1000)) + 'thousand' + (rest === 0 ? '' : (rest < 100 ? 'and' : '') + under1000(rest));
}

const results = files.map((file) => {
  const text = readFileSync(file, 'utf8')
    .replace(/^\s*(?:-|\d+\.)\s+/gm, '')
    .replace(/\d[\d,]*/g, spelled)
    .replace(/\s+/g, ' ')
    .trim();
  return {
    file: basename(file),
    words: rs.lexiconCount(text),
    sentences: rs.sentenceCount(text),
    syllables: rs.syllableCount(text),
    fleschReadingEase: rs.fleschReadingEase(text),
    fleschKincaidGrade: rs.fleschKincaidGrade(text),
    smog: rs.smogIndex(text),
  };
});
console.log(JSON.stringify(results, null, 2));
