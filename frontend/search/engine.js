// The search engine the header box, the results page and the finder share: it reads the
// index generator/search/index_writer.py writes to search-index/, fetching only the word
// files a query needs. Words are cut and stemmed exactly as generator/search/words.py does:
// the word length, stop words and index format come from the contract Python writes
// (frontend/search/contract.json), and a test runs both languages on the same text. It returns
// data; the pages insert every string as text. scripts/build-frontend.mjs bundles it into
// docs/assets/search-engine.js, where pages find it as window.PracticeSearch.
import contract from "./contract.json" with { type: "json" };

var WORD = new RegExp(
  "[\\p{L}\\p{N}]{1," + contract.max_word + "}(?:&[\\p{L}\\p{N}]{1," + contract.max_word + "}){0,3}",
  "gu"
); // as generator/search/words.py cuts words
var RAW_WORD = /[\p{L}\p{N}\p{M}'\u2019]+(?:&[\p{L}\p{N}\p{M}'\u2019]+)*/gu;
var MARKS = /\p{M}/gu;
var SYMBOLS = /\p{S}/gu;
var APOSTROPHES = /['\u2019]/g;
var NOT_ASCII = /[\u0080-\uffff]/; // any UTF-16 unit beyond ASCII
var QUOTES = /["\u201c\u201d]/;
var STOP_WORDS = new Set(contract.stop_words);
var MAX_QUERY = 300; // characters read from a query
var MAX_UNITS = 10; // words and phrases used from a query
var PREFIX_FROM = 3; // a word this long also finds words it starts ("famil" finds "families")
var FORMAT = contract.index_format;

function fold(text) {
  var lower = text.toLowerCase();
  if (NOT_ASCII.test(lower)) {
    lower = lower.replace(SYMBOLS, " ").normalize("NFKD").replace(MARKS, "").toLowerCase();
  }
  return lower.replace(APOSTROPHES, "");
}

function stem(word) {
  if (word.length > 3 && (word.length > 6 || Array.from(word).length > 3)) { // letters, not UTF-16 units
    if (word.endsWith("ies") && !word.endsWith("eies") && !word.endsWith("aies")) {
      return word.slice(0, -3) + "y";
    }
    if (word.endsWith("es") && !/(aes|ees|oes)$/.test(word)) {
      return word.slice(0, -1);
    }
    if (word.endsWith("s") && !word.endsWith("us") && !word.endsWith("ss")) {
      return word.slice(0, -1);
    }
  }
  return word;
}

function words(text) {
  return fold(text).match(WORD) || [];
}

// "reduce" also finds "reduced" and "reduction"; "care" finds "carers" but not "car".
function prefixOf(key) {
  return key.length >= 5 && key.endsWith("e") ? key.slice(0, -1) : key;
}

// A query: its words (each also matching longer words it starts) and its "quoted phrases"
// (words in that order, stop words keeping their places). Stop words alone are dropped.
function parse(query) {
  var text = String(query || "").slice(0, MAX_QUERY);
  var pieces = text.split(QUOTES);
  var units = [];
  var seen = new Set();
  var dropped = false;
  function add(unit) {
    if (seen.has(unit.key)) {
      return;
    }
    if (units.length >= MAX_UNITS) {
      dropped = true;
      return;
    }
    seen.add(unit.key);
    units.push(unit);
  }
  function addWord(word) {
    var key = stem(word);
    add({ kind: "word", key: key, word: word, prefix: key.length >= PREFIX_FROM ? prefixOf(key) : null });
  }
  pieces.forEach(function (piece, index) {
    var quoted = index % 2 === 1 && index < pieces.length - 1;
    var found = words(piece);
    if (!quoted) {
      found.forEach(function (word) {
        if (!STOP_WORDS.has(word)) {
          addWord(word);
        }
      });
      return;
    }
    // Each stop word with the word after it ("in care"), as the index keeps them, and each
    // other word not already so covered; a stop word ending a phrase is left out.
    var parts = [];
    found.forEach(function (word, offset) {
      if (STOP_WORDS.has(word)) {
        if (offset + 1 < found.length) {
          var next = found[offset + 1];
          parts.push({ key: word + " " + (STOP_WORDS.has(next) ? next : stem(next)), offset: offset });
        }
      } else if (offset === 0 || !STOP_WORDS.has(found[offset - 1])) {
        parts.push({ key: stem(word), offset: offset });
      }
    });
    if (parts.length === 1 && parts[0].key.indexOf(" ") < 0) {
      add({ kind: "word", key: parts[0].key, word: found[parts[0].offset], prefix: null });
    } else if (parts.length) {
      var key = parts.map(function (p) { return p.offset + ":" + p.key; }).join(" ");
      add({ kind: "phrase", key: key, text: found.join(" "), parts: parts });
    }
  });
  return { units: units, dropped: dropped };
}

// For a query of several words and no quotes, the same words as a phrase: the case studies
// where they stand together ("early years") rank above those where they are scattered
// ("early adopters ... two years"). Null where there is no such phrase.
function together(query, parsed) {
  if (parsed.units.length < 2 || parsed.units.some(function (unit) { return unit.kind !== "word"; })) {
    return null;
  }
  var whole = parse('"' + String(query || "").slice(0, MAX_QUERY).split(QUOTES).join(" ") + '"').units;
  return whole.length === 1 && whole[0].kind === "phrase" ? whole[0] : null;
}

// Optimal string alignment distance, or limit + 1 once it must exceed the limit.
function distance(a, b, limit) {
  if (Math.abs(a.length - b.length) > limit) {
    return limit + 1;
  }
  var previous2 = null;
  var previous = [];
  for (var j = 0; j <= b.length; j++) {
    previous.push(j);
  }
  for (var i = 1; i <= a.length; i++) {
    var row = [i];
    var best = i;
    for (j = 1; j <= b.length; j++) {
      var cost = a[i - 1] === b[j - 1] ? 0 : 1;
      var value = Math.min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost);
      if (previous2 && i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        value = Math.min(value, previous2[j - 2] + 1);
      }
      row.push(value);
      best = Math.min(best, value);
    }
    if (best > limit) {
      return limit + 1;
    }
    previous2 = previous;
    previous = row;
  }
  return previous[b.length];
}

// Scores within the same step of 10% count as equally relevant; then the stronger
// evidence goes first.
var TIE_STEP = Math.log(1.1);
function tied(score) {
  return score > 0 ? Math.round(Math.log(score) / TIE_STEP) : -Infinity;
}

function Engine(rootUrl, fetcher) {
  this.root = new URL("search-index/", rootUrl);
  this.fetcher = fetcher || function (url) { return fetch(url); };
  this.files = new Map();
  this.entry = null;
  this.postings = new Map();
}

Engine.prototype.file = function (name, json) {
  var self = this;
  if (!self.files.has(name)) {
    var loading = Promise.resolve(self.fetcher(new URL(name, self.root).href)).then(function (response) {
      if (!response.ok) {
        throw new Error("search file " + name + ": HTTP " + response.status);
      }
      return json ? response.json() : response.arrayBuffer().then(inflate);
    });
    loading.catch(function () { self.files.delete(name); });
    self.files.set(name, loading);
  }
  return self.files.get(name);
};

// The files are gzip-compressed when written; a host may also have decompressed them.
function inflate(buffer) {
  var bytes = new Uint8Array(buffer);
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) {
    return JSON.parse(new TextDecoder().decode(bytes));
  }
  var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
  return new Response(stream).text().then(JSON.parse);
}

Engine.prototype.ready = function () {
  var self = this;
  if (!self.entry) {
    self.entry = self.file("index.json", true).then(function (entry) {
      if (entry.format !== FORMAT || !/^[0-9a-f]+\/$/.test(entry.path)) {
        throw new Error("search index format " + entry.format + " is not " + FORMAT);
      }
      return entry;
    });
    self.entry.catch(function () { self.entry = null; }); // a failed load is tried again

  }
  return self.entry;
};

Engine.prototype.data = function (name) {
  var self = this;
  return self.ready().then(function (entry) { return self.file(entry.path + name, false); });
};

// The word files that can hold keys from `low` up to `high` (inclusive).
function chunksFor(firsts, low, high) {
  var start = 0;
  var end = firsts.length - 1;
  while (start < end && firsts[start + 1] <= low) {
    start++;
  }
  var chunks = [];
  for (var i = start; i < firsts.length && (i === start || firsts[i] <= high); i++) {
    chunks.push(i);
  }
  return chunks;
}

// One key's postings: case-study numbers, weights, and where each one's positions start.
Engine.prototype.decode = function (key, raw) {
  var cached = this.postings.get(key);
  if (cached) {
    return cached;
  }
  var docs = [];
  var weights = [];
  var positions = [];
  var doc = 0;
  for (var at = 0; at < raw.length; ) {
    doc += raw[at];
    var count = raw[at + 2];
    var list = new Array(count);
    var position = 0;
    for (var k = 0; k < count; k++) {
      position += raw[at + 3 + k];
      list[k] = position;
    }
    docs.push(doc);
    weights.push(raw[at + 1] / 100);
    positions.push(list);
    at += 3 + count;
  }
  cached = { docs: docs, weights: weights, positions: positions };
  this.postings.set(key, cached);
  return cached;
};

// Every key a unit can match, with how well: exact 1, a longer word less.
Engine.prototype.keysFor = function (unit, entry) {
  var self = this;
  var low = unit.prefix || unit.key;
  var high = unit.prefix ? unit.prefix + "\uffff" : unit.key;
  var chunks = chunksFor(entry.words, low, high);
  return Promise.all(chunks.map(function (i) { return self.data("w" + i + ".json.gz"); })).then(function (files) {
    var keys = [];
    files.forEach(function (file) {
      Object.keys(file).forEach(function (key) {
        if (key === unit.key) {
          keys.push({ key: key, raw: file[key], similarity: 1 });
        } else if (unit.prefix && key.startsWith(unit.prefix) && key.indexOf(" ") < 0) {
          keys.push({ key: key, raw: file[key], similarity: 0.25 + (0.5 * unit.key.length) / key.length });
        }
      });
    });
    return keys;
  });
};

// Case study -> score for one unit.
Engine.prototype.match = function (unit, entry) {
  var self = this;
  if (unit.kind === "word") {
    return self.keysFor(unit, entry).then(function (keys) {
      var scores = new Map();
      keys.forEach(function (found) {
        var postings = self.decode(found.key, found.raw);
        for (var i = 0; i < postings.docs.length; i++) {
          var value = postings.weights[i] * found.similarity;
          if (!(scores.get(postings.docs[i]) >= value)) {
            scores.set(postings.docs[i], value);
          }
        }
      });
      return scores;
    });
  }
  return Promise.all(unit.parts.map(function (part) {
    return self.keysFor({ kind: "word", key: part.key, prefix: null }, entry);
  })).then(function (perPart) {
    var scores = new Map();
    if (perPart.some(function (keys) { return keys.length === 0; })) {
      return scores;
    }
    var lists = perPart.map(function (keys) { return self.decode(keys[0].key, keys[0].raw); });
    var lookups = lists.map(function (postings) {
      var byDoc = new Map();
      postings.docs.forEach(function (doc, i) { byDoc.set(doc, i); });
      return byDoc;
    });
    var first = lists[0];
    first.docs.forEach(function (doc, i) {
      var at = lookups.map(function (byDoc) { return byDoc.get(doc); });
      if (at.some(function (index) { return index === undefined; })) {
        return;
      }
      var sets = lists.map(function (postings, p) { return new Set(postings.positions[at[p]]); });
      var found = first.positions[i].some(function (start) {
        return unit.parts.every(function (part, p) {
          return sets[p].has(start + part.offset - unit.parts[0].offset);
        });
      });
      if (found) {
        var score = 0;
        lists.forEach(function (postings, p) { score += postings.weights[at[p]]; });
        scores.set(doc, score);
      }
    });
    return scores;
  });
};

// Search: { units, dropped, total, results: [number...] (every unit matches, best first),
// partial: [number...] (some match), missing: [unit...] (matching nothing), counts, facets }.
// `filters` maps a facet (rating, theme, outcome) to the value ids kept.
Engine.prototype.search = function (query, filters) {
  var self = this;
  var parsed = parse(query);
  if (!parsed.units.length) {
    return Promise.resolve({ units: [], dropped: parsed.dropped, results: [], partial: [], missing: [], counts: {} });
  }
  return Promise.all([self.ready(), self.data("facets.json.gz")]).then(function (loaded) {
    var entry = loaded[0];
    var facets = loaded[1];
    var total = entry.documents;
    var near = together(query, parsed);
    var matching = parsed.units.map(function (unit) { return self.match(unit, entry); });
    return Promise.all(near ? matching.concat([self.match(near, entry)]) : matching).then(function (found) {
      var adjacent = near ? found.pop() : new Map();
      // A word of one or two letters matching nothing is most likely still being typed
      // ("th"): it is left out rather than emptying the results.
      var all = [];
      var units = [];
      parsed.units.forEach(function (unit, i) {
        if (!(unit.kind === "word" && unit.key.length < PREFIX_FROM && found[i].size === 0)) {
          units.push(unit);
          all.push(found[i]);
        }
      });
      parsed.units = units;
      var score = new Map();
      var count = new Map();
      all.forEach(function (scores) {
        var idf = Math.log(1 + (total - scores.size + 0.5) / (scores.size + 0.5));
        scores.forEach(function (value, doc) {
          score.set(doc, (score.get(doc) || 0) + idf * value);
          count.set(doc, (count.get(doc) || 0) + 1);
        });
      });
      // The words together count once more, where they are together: a bonus, not a unit.
      var nearIdf = Math.log(1 + (total - adjacent.size + 0.5) / (adjacent.size + 0.5));
      adjacent.forEach(function (value, doc) {
        if (score.has(doc)) {
          score.set(doc, score.get(doc) + nearIdf * value);
        }
      });
      var rank = facets.rating.docs;
      function order(a, b) {
        return tied(score.get(b)) - tied(score.get(a)) || rank[a][0] - rank[b][0] || a - b;
      }
      var every = [];
      var some = [];
      count.forEach(function (n, doc) { (n === parsed.units.length ? every : some).push(doc); });
      some.sort(function (a, b) { return count.get(b) - count.get(a) || order(a, b); });
      var kept = keep(every, facets, filters || {});
      return {
        units: parsed.units,
        dropped: parsed.dropped,
        matched: every.length,
        results: kept.results.sort(order),
        partial: keep(some, facets, filters || {}).results,
        missing: parsed.units.filter(function (unit, i) { return all[i].size === 0; }),
        counts: kept.counts,
        facets: facets,
      };
    });
  });
};

// The matches the filters keep, and for each facet value how many the other facets' choices
// would keep with it (so a count says what ticking the box would give).
function keep(docs, facets, filters) {
  var chosen = {};
  Object.keys(facets).forEach(function (name) {
    var ids = filters[name] || [];
    var indexes = new Set();
    facets[name].values.forEach(function (pair, i) {
      if (ids.indexOf(pair[0]) >= 0) {
        indexes.add(i);
      }
    });
    if (indexes.size) {
      chosen[name] = indexes;
    }
  });
  function passes(doc, except) {
    return Object.keys(chosen).every(function (name) {
      return name === except || facets[name].docs[doc].some(function (v) { return chosen[name].has(v); });
    });
  }
  var counts = {};
  Object.keys(facets).forEach(function (name) {
    var tally = facets[name].values.map(function () { return 0; });
    docs.forEach(function (doc) {
      if (passes(doc, name)) {
        facets[name].docs[doc].forEach(function (v) { tally[v]++; });
      }
    });
    counts[name] = tally;
  });
  return { results: docs.filter(function (doc) { return passes(doc, null); }), counts: counts };
}

// The closest word the index knows, for a word that matched nothing ("Did you mean").
Engine.prototype.suggest = function (query, missing) {
  var unknown = missing.filter(function (unit) { return unit.kind === "word" && unit.word.length >= 3; });
  if (!unknown.length) {
    return Promise.resolve(null);
  }
  return this.data("vocabulary.json.gz").then(function (vocabulary) {
    var text = String(query).slice(0, MAX_QUERY);
    unknown.forEach(function (unit) {
      var limit = unit.word.length >= 12 ? 2 : 1; // "conference" is not offered "confidence"
      var best = null;
      var bestDistance = limit + 1;
      for (var i = 0; i < vocabulary.length && bestDistance > 1; i++) {
        var d = distance(unit.word, fold(vocabulary[i]), limit);
        if (d < bestDistance) {
          best = vocabulary[i];
          bestDistance = d;
        }
      }
      if (best) {
        // Every place the reader typed the word, in their own case unless they wrote a capital.
        text = text.replace(RAW_WORD, function (raw) {
          if (words(raw).indexOf(unit.word) < 0) {
            return raw;
          }
          return raw[0] !== raw[0].toLowerCase() ? best : best.toLowerCase();
        });
      }
    });
    return text === String(query).slice(0, MAX_QUERY) ? null : text;
  });
};

Engine.prototype.document = function (number) {
  return this.data("d/" + number + ".json.gz");
};

// The excerpt of `text` around the first place a query matched: [{ text, mark }...]. A
// word is marked wherever it appears; a phrase only where its words stand together.
function excerpt(text, units, before, after) {
  before = before || 12;
  after = after || 22;
  var spans = [];
  var match;
  RAW_WORD.lastIndex = 0;
  while ((match = RAW_WORD.exec(text)) !== null) {
    var folded = words(match[0])[0] || "";
    spans.push({ start: match.index, end: match.index + match[0].length, word: folded, key: stem(folded), mark: 0 });
  }
  if (!spans.length) {
    return [{ text: text.slice(0, 200), mark: false }];
  }
  var group = 0; // marks of one phrase share a number, and read as one mark
  units.forEach(function (unit) {
    if (unit.kind === "word") {
      spans.forEach(function (span) {
        if (!span.mark && (span.key === unit.key || (unit.prefix && span.key.startsWith(unit.prefix)))) {
          span.mark = ++group;
        }
      });
      return;
    }
    var first = unit.parts[0].offset;
    var lastPart = unit.parts[unit.parts.length - 1];
    var width = lastPart.offset + lastPart.key.split(" ").length - first;
    function stands(at, part) {
      var tokens = part.key.split(" ");
      return tokens.every(function (token, t) {
        var span = spans[at + t];
        return STOP_WORDS.has(token) ? span.word === token : span.key === token;
      });
    }
    for (var i = 0; i + width <= spans.length; i++) {
      var together = unit.parts.every(function (part) { return stands(i + part.offset - first, part); });
      group += together ? 1 : 0;
      for (var k = i; together && k < i + width; k++) {
        spans[k].mark = group;
      }
    }
  });
  var firstMark = spans.findIndex(function (span) { return span.mark; });
  var from = Math.max(0, (firstMark < 0 ? 0 : firstMark) - before);
  var to = Math.min(spans.length, from + before + after);
  var out = [];
  var cursor = from === 0 ? 0 : spans[from].start;
  if (from > 0) {
    out.push({ text: "\u2026 ", mark: false });
  }
  for (var j = from; j < to; j++) {
    if (spans[j].mark) {
      var joined = j > from && spans[j - 1].mark === spans[j].mark; // a phrase reads as one mark
      if (joined) {
        out[out.length - 1].text += text.slice(cursor, spans[j].end);
      } else {
        out.push({ text: text.slice(cursor, spans[j].start), mark: false });
        out.push({ text: text.slice(spans[j].start, spans[j].end), mark: true });
      }
      cursor = spans[j].end;
    }
  }
  var end = to < spans.length ? spans[to - 1].end : text.length;
  out.push({ text: text.slice(cursor, end) + (to < spans.length ? " \u2026" : ""), mark: false });
  return out.filter(function (part) { return part.text; });
}

// The site's engine, one per page however many scripts ask: the header box, the results
// page and the finder share its files and decoded words. Null outside a site page.
var site;
function ofThisSite() {
  if (site === undefined) {
    var element = typeof document !== "undefined" && document.getElementById("__config");
    if (!element) {
      return (site = null);
    }
    var config = JSON.parse(element.textContent);
    var root = new URL(config.base.replace(/\/?$/, "/"), window.location.href);
    site = { config: config, root: root, engine: new Engine(root.href) };
  }
  return site;
}

export function open(rootUrl, fetcher) {
  return new Engine(rootUrl, fetcher);
}

// The contract goes with the engine, so that the pages' scripts read the same facts.
export { contract, ofThisSite, fold, stem, words, parse, distance, excerpt };
