/**
 * Identifier-aware tokenisation shared by the built-in embedder and the FTS5 side of the index:
 * splits snake_case / camelCase / digits, lowercases, expands common schema abbreviations, folds
 * plurals and maps business synonyms to one canonical word, so "cust_qty" and "customer
 * quantities" meet on the same tokens.
 */

/** Abbreviations found in column names → the word a question would use. */
export const ABBREVIATIONS: Readonly<Record<string, string>> = {
  qty: 'quantity', amt: 'amount', cust: 'customer', num: 'number', no: 'number', nbr: 'number',
  dt: 'date', desc: 'description', addr: 'address', acct: 'account', acc: 'account', emp: 'employee',
  empl: 'employee', dept: 'department', mgr: 'manager', prod: 'product', inv: 'invoice',
  txn: 'transaction', trans: 'transaction', tx: 'transaction', pmt: 'payment', pymt: 'payment', ord: 'order',
  usr: 'user', msg: 'message', img: 'image', pct: 'percent', perc: 'percent', avg: 'average',
  tot: 'total', cnt: 'count', loc: 'location', tel: 'phone', ph: 'phone', dob: 'birthday', bday: 'birthday',
  yr: 'year', mo: 'month', mth: 'month', wk: 'week', hr: 'hour', sec: 'second',
  lang: 'language', info: 'information', org: 'organization', co: 'company', corp: 'company',
  sched: 'schedule', stat: 'statistic', stats: 'statistic', temp: 'temperature', ref: 'reference',
  seq: 'sequence', src: 'source', dest: 'destination', dst: 'destination', cur: 'currency', curr: 'currency',
  ccy: 'currency', lat: 'latitude', lng: 'longitude', lon: 'longitude',
  sal: 'salary', bal: 'balance', prc: 'price', vol: 'volume', wt: 'weight', ht: 'height',
  fname: 'first name', lname: 'last name', zip: 'postal', zipcode: 'postal', postcode: 'postal',
};

/** Words with one meaning in a business schema → the canonical word both sides are mapped to. */
export const SYNONYMS: Readonly<Record<string, string>> = {
  client: 'customer', buyer: 'customer', purchaser: 'customer', shopper: 'customer', patron: 'customer',
  purchase: 'order', wage: 'salary', payroll: 'salary', paycheck: 'salary',
  sex: 'gender', cost: 'price', fee: 'price', staff: 'employee', worker: 'employee', personnel: 'employee',
  vendor: 'supplier', provider: 'supplier', item: 'product', goods: 'product', merchandise: 'product',
  town: 'city', nation: 'country', telephone: 'phone', mobile: 'phone', cell: 'phone', mail: 'email',
  dob: 'birthday', birthdate: 'birthday', born: 'birthday', birth: 'birthday', surname: 'last',
  lecturer: 'teacher', instructor: 'teacher', pupil: 'student', course: 'class',
  identifier: 'id',
  shipment: 'shipping', delivery: 'shipping', ship: 'shipping', shipped: 'shipping',
};

/** Words that carry no schema meaning in questions. */
export const STOPWORDS: ReadonlySet<string> = new Set(
  ('a an the of in on at to for from by with without and or not is are was were be been being it its this that these those ' +
    'what which who whom whose how many much list show give find tell me all any each every there their them they ' +
    'do does did has have had please than then as into per among between about over under more most less least ' +
    'can could would should will shall may might must if else when where while also only just such same other ' +
    'i we you he she his her our your my one refer refers mean means name names among').split(/\s+/),
);

/** Folds English plurals (and a few verb endings) to a stem; crude but symmetric on both sides. */
export function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(ss|us|is|ous)$/.test(word)) return word;
  if (/(sses|xes|ches|shes|zes)$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('s')) return word.slice(0, -1);
  return word;
}

/** Splits raw text into lowercase identifier parts (snake_case, camelCase, digits, punctuation). */
export function splitIdentifiers(text: string): string[] {
  const spaced = text
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .replace(/([A-Za-z])(\d)/g, '$1 $2')
    .replace(/(\d)([A-Za-z])/g, '$1 $2');
  return spaced.toLowerCase().split(/[^a-z0-9]+/).filter((w) => w.length > 0);
}

/** Normalises one lowercase word: abbreviation expansion, plural folding, synonyms (may yield 2 words). */
export function normalizeWord(word: string): string[] {
  const expanded = Object.hasOwn(ABBREVIATIONS, word) ? ABBREVIATIONS[word] : undefined;
  const words = expanded ? expanded.split(' ') : [word];
  return words.map((w) => {
    const s = stem(w);
    return (Object.hasOwn(SYNONYMS, s) ? SYNONYMS[s] : undefined) ?? (Object.hasOwn(SYNONYMS, w) ? SYNONYMS[w] : undefined) ?? s;
  });
}

/**
 * Tokenises text into normalised terms, dropping stopwords (order kept, for bigrams). Bare
 * numbers and single letters are dropped (dates and values in questions would otherwise match
 * columns like `A14`); a word mixing letters and digits is kept whole as well (`A2`, `1k`).
 */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.split(/[^A-Za-z0-9_]+/)) {
    for (const piece of raw.split('_')) {
      if (/[a-z]/i.test(piece) && /\d/.test(piece) && piece.length <= 8) out.push(piece.toLowerCase());
    }
    for (const w of splitIdentifiers(raw)) {
      if (STOPWORDS.has(w) || w.length < 2 || /^\d+$/.test(w)) continue;
      for (const n of normalizeWord(w)) if (!STOPWORDS.has(n)) out.push(n);
    }
  }
  return out;
}
