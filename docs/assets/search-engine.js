// Built by scripts/build-frontend.mjs from frontend/search/main.js: edit that, not this file.
var PracticeSearch = (() => {
  var __defProp = Object.defineProperty;
  var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
  var __getOwnPropNames = Object.getOwnPropertyNames;
  var __hasOwnProp = Object.prototype.hasOwnProperty;
  var __export = (target, all) => {
    for (var name in all)
      __defProp(target, name, { get: all[name], enumerable: true });
  };
  var __copyProps = (to, from, except, desc) => {
    if (from && typeof from === "object" || typeof from === "function") {
      for (let key of __getOwnPropNames(from))
        if (!__hasOwnProp.call(to, key) && key !== except)
          __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
    }
    return to;
  };
  var __toCommonJS = (mod) => __copyProps(__defProp({}, "__esModule", { value: true }), mod);

  // frontend/search/main.js
  var main_exports = {};
  __export(main_exports, {
    addressOf: () => addressOf,
    contract: () => contract_default,
    distance: () => distance,
    excerpt: () => excerpt,
    fold: () => fold,
    ofThisSite: () => ofThisSite,
    open: () => open,
    parse: () => parse,
    shownQuery: () => shownQuery,
    stem: () => stem,
    words: () => words
  });

  // frontend/search/contract.json
  var contract_default = {
    direction_controls: "[\\u061C\\u200E-\\u200F\\u202A-\\u202E\\u2066-\\u2069]",
    facets: [
      [
        "rating",
        "Evidence rating"
      ],
      [
        "theme",
        "Theme"
      ],
      [
        "outcome",
        "Outcome"
      ]
    ],
    index_format: 1,
    max_word: 40,
    page_size: 20,
    panel_size: 8,
    stop_words: [
      "a",
      "an",
      "and",
      "are",
      "as",
      "at",
      "be",
      "by",
      "for",
      "from",
      "has",
      "have",
      "how",
      "in",
      "into",
      "is",
      "it",
      "its",
      "of",
      "on",
      "or",
      "that",
      "the",
      "their",
      "this",
      "to",
      "was",
      "were",
      "what",
      "which",
      "with"
    ]
  };

  // frontend/search/engine.js
  var WORD = new RegExp(
    "[\\p{L}\\p{N}]{1," + contract_default.max_word + "}(?:&[\\p{L}\\p{N}]{1," + contract_default.max_word + "}){0,3}",
    "gu"
  );
  var RAW_WORD = /[\p{L}\p{N}\p{M}'\u2019]+(?:&[\p{L}\p{N}\p{M}'\u2019]+)*/gu;
  var MARKS = /\p{M}/gu;
  var SYMBOLS = /\p{S}/gu;
  var APOSTROPHES = /['\u2019]/g;
  var NOT_ASCII = /[\u0080-\uffff]/;
  var QUOTES = /["\u201c\u201d]/;
  var STOP_WORDS = new Set(contract_default.stop_words);
  var MAX_QUERY = 300;
  var MAX_UNITS = 10;
  var PREFIX_FROM = 3;
  var FORMAT = contract_default.index_format;
  function fold(text) {
    var lower = text.toLowerCase();
    if (NOT_ASCII.test(lower)) {
      lower = lower.replace(SYMBOLS, " ").normalize("NFKD").replace(MARKS, "").toLowerCase();
    }
    return lower.replace(APOSTROPHES, "");
  }
  function stem(word) {
    if (word.length > 3 && (word.length > 6 || Array.from(word).length > 3)) {
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
  function prefixOf(key) {
    return key.length >= 5 && key.endsWith("e") ? key.slice(0, -1) : key;
  }
  function parse(query) {
    var text = String(query || "").slice(0, MAX_QUERY);
    var pieces = text.split(QUOTES);
    var units = [];
    var seen = /* @__PURE__ */ new Set();
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
      add({ kind: "word", key, word, prefix: key.length >= PREFIX_FROM ? prefixOf(key) : null });
    }
    pieces.forEach(function(piece, index) {
      var quoted = index % 2 === 1 && index < pieces.length - 1;
      var found2 = words(piece);
      if (!quoted) {
        found2.forEach(function(word) {
          if (!STOP_WORDS.has(word)) {
            addWord(word);
          }
        });
        return;
      }
      var parts = [];
      found2.forEach(function(word, offset) {
        if (STOP_WORDS.has(word)) {
          if (offset + 1 < found2.length) {
            var next = found2[offset + 1];
            parts.push({ key: word + " " + (STOP_WORDS.has(next) ? next : stem(next)), offset });
          }
        } else if (offset === 0 || !STOP_WORDS.has(found2[offset - 1])) {
          parts.push({ key: stem(word), offset });
        }
      });
      if (parts.length === 1 && parts[0].key.indexOf(" ") < 0) {
        add({ kind: "word", key: parts[0].key, word: found2[parts[0].offset], prefix: null });
      } else if (parts.length) {
        var key = parts.map(function(p) {
          return p.offset + ":" + p.key;
        }).join(" ");
        add({ kind: "phrase", key, text: found2.join(" "), parts });
      }
    });
    return { units, dropped };
  }
  function together(query, parsed) {
    if (parsed.units.length < 2 || parsed.units.some(function(unit) {
      return unit.kind !== "word";
    })) {
      return null;
    }
    var whole = parse('"' + String(query || "").slice(0, MAX_QUERY).split(QUOTES).join(" ") + '"').units;
    return whole.length === 1 && whole[0].kind === "phrase" ? whole[0] : null;
  }
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
  var TIE_STEP = Math.log(1.1);
  function tied(score) {
    return score > 0 ? Math.round(Math.log(score) / TIE_STEP) : -Infinity;
  }
  function Engine(rootUrl, fetcher) {
    this.root = new URL("search-index/", rootUrl);
    this.fetcher = fetcher || function(url) {
      return fetch(url);
    };
    this.files = /* @__PURE__ */ new Map();
    this.entry = null;
    this.postings = /* @__PURE__ */ new Map();
  }
  Engine.prototype.file = function(name, json) {
    var self = this;
    if (!self.files.has(name)) {
      var loading = Promise.resolve(self.fetcher(new URL(name, self.root).href)).then(function(response) {
        if (!response.ok) {
          throw new Error("search file " + name + ": HTTP " + response.status);
        }
        return json ? response.json() : response.arrayBuffer().then(inflate);
      });
      loading.catch(function() {
        self.files.delete(name);
      });
      self.files.set(name, loading);
    }
    return self.files.get(name);
  };
  function inflate(buffer) {
    var bytes = new Uint8Array(buffer);
    if (bytes[0] !== 31 || bytes[1] !== 139) {
      return JSON.parse(new TextDecoder().decode(bytes));
    }
    var stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
    return new Response(stream).text().then(JSON.parse);
  }
  Engine.prototype.ready = function() {
    var self = this;
    if (!self.entry) {
      self.entry = self.file("index.json", true).then(function(entry) {
        if (entry.format !== FORMAT || !/^[0-9a-f]+\/$/.test(entry.path)) {
          throw new Error("search index format " + entry.format + " is not " + FORMAT);
        }
        return entry;
      });
      self.entry.catch(function() {
        self.entry = null;
      });
    }
    return self.entry;
  };
  Engine.prototype.data = function(name) {
    var self = this;
    return self.ready().then(function(entry) {
      return self.file(entry.path + name, false);
    });
  };
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
  Engine.prototype.decode = function(key, raw) {
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
    cached = { docs, weights, positions };
    this.postings.set(key, cached);
    return cached;
  };
  Engine.prototype.keysFor = function(unit, entry) {
    var self = this;
    var low = unit.prefix || unit.key;
    var high = unit.prefix ? unit.prefix + "￿" : unit.key;
    var chunks = chunksFor(entry.words, low, high);
    return Promise.all(chunks.map(function(i) {
      return self.data("w" + i + ".json.gz");
    })).then(function(files) {
      var keys = [];
      files.forEach(function(file) {
        Object.keys(file).forEach(function(key) {
          if (key === unit.key) {
            keys.push({ key, raw: file[key], similarity: 1 });
          } else if (unit.prefix && key.startsWith(unit.prefix) && key.indexOf(" ") < 0) {
            keys.push({ key, raw: file[key], similarity: 0.25 + 0.5 * unit.key.length / key.length });
          }
        });
      });
      return keys;
    });
  };
  Engine.prototype.match = function(unit, entry) {
    var self = this;
    if (unit.kind === "word") {
      return self.keysFor(unit, entry).then(function(keys) {
        var scores = /* @__PURE__ */ new Map();
        keys.forEach(function(found2) {
          var postings = self.decode(found2.key, found2.raw);
          for (var i = 0; i < postings.docs.length; i++) {
            var value = postings.weights[i] * found2.similarity;
            if (!(scores.get(postings.docs[i]) >= value)) {
              scores.set(postings.docs[i], value);
            }
          }
        });
        return scores;
      });
    }
    return Promise.all(unit.parts.map(function(part) {
      return self.keysFor({ kind: "word", key: part.key, prefix: null }, entry);
    })).then(function(perPart) {
      var scores = /* @__PURE__ */ new Map();
      if (perPart.some(function(keys) {
        return keys.length === 0;
      })) {
        return scores;
      }
      var lists = perPart.map(function(keys) {
        return self.decode(keys[0].key, keys[0].raw);
      });
      var lookups = lists.map(function(postings) {
        var byDoc = /* @__PURE__ */ new Map();
        postings.docs.forEach(function(doc, i) {
          byDoc.set(doc, i);
        });
        return byDoc;
      });
      var first = lists[0];
      first.docs.forEach(function(doc, i) {
        var at = lookups.map(function(byDoc) {
          return byDoc.get(doc);
        });
        if (at.some(function(index) {
          return index === void 0;
        })) {
          return;
        }
        var sets = lists.map(function(postings, p) {
          return new Set(postings.positions[at[p]]);
        });
        var found2 = first.positions[i].some(function(start) {
          return unit.parts.every(function(part, p) {
            return sets[p].has(start + part.offset - unit.parts[0].offset);
          });
        });
        if (found2) {
          var score = 0;
          lists.forEach(function(postings, p) {
            score += postings.weights[at[p]];
          });
          scores.set(doc, score);
        }
      });
      return scores;
    });
  };
  Engine.prototype.search = function(query, filters) {
    var self = this;
    var parsed = parse(query);
    if (!parsed.units.length) {
      return Promise.resolve({ units: [], dropped: parsed.dropped, results: [], partial: [], missing: [], counts: {} });
    }
    return Promise.all([self.ready(), self.data("facets.json.gz")]).then(function(loaded) {
      var entry = loaded[0];
      var facets = loaded[1];
      var total = entry.documents;
      var near = together(query, parsed);
      var matching = parsed.units.map(function(unit) {
        return self.match(unit, entry);
      });
      return Promise.all(near ? matching.concat([self.match(near, entry)]) : matching).then(function(found2) {
        var adjacent = near ? found2.pop() : /* @__PURE__ */ new Map();
        var all = [];
        var units = [];
        parsed.units.forEach(function(unit, i) {
          if (!(unit.kind === "word" && unit.key.length < PREFIX_FROM && found2[i].size === 0)) {
            units.push(unit);
            all.push(found2[i]);
          }
        });
        parsed.units = units;
        var score = /* @__PURE__ */ new Map();
        var count = /* @__PURE__ */ new Map();
        all.forEach(function(scores) {
          var idf = Math.log(1 + (total - scores.size + 0.5) / (scores.size + 0.5));
          scores.forEach(function(value, doc) {
            score.set(doc, (score.get(doc) || 0) + idf * value);
            count.set(doc, (count.get(doc) || 0) + 1);
          });
        });
        var nearIdf = Math.log(1 + (total - adjacent.size + 0.5) / (adjacent.size + 0.5));
        adjacent.forEach(function(value, doc) {
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
        count.forEach(function(n, doc) {
          (n === parsed.units.length ? every : some).push(doc);
        });
        some.sort(function(a, b) {
          return count.get(b) - count.get(a) || order(a, b);
        });
        var kept = keep(every, facets, filters || {});
        return {
          units: parsed.units,
          dropped: parsed.dropped,
          matched: every.length,
          results: kept.results.sort(order),
          partial: keep(some, facets, filters || {}).results,
          missing: parsed.units.filter(function(unit, i) {
            return all[i].size === 0;
          }),
          counts: kept.counts,
          facets
        };
      });
    });
  };
  function keep(docs, facets, filters) {
    var chosen = {};
    Object.keys(facets).forEach(function(name) {
      var ids = filters[name] || [];
      var indexes = /* @__PURE__ */ new Set();
      facets[name].values.forEach(function(pair, i) {
        if (ids.indexOf(pair[0]) >= 0) {
          indexes.add(i);
        }
      });
      if (indexes.size) {
        chosen[name] = indexes;
      }
    });
    function passes(doc, except) {
      return Object.keys(chosen).every(function(name) {
        return name === except || facets[name].docs[doc].some(function(v) {
          return chosen[name].has(v);
        });
      });
    }
    var counts = {};
    Object.keys(facets).forEach(function(name) {
      var tally = facets[name].values.map(function() {
        return 0;
      });
      docs.forEach(function(doc) {
        if (passes(doc, name)) {
          facets[name].docs[doc].forEach(function(v) {
            tally[v]++;
          });
        }
      });
      counts[name] = tally;
    });
    return { results: docs.filter(function(doc) {
      return passes(doc, null);
    }), counts };
  }
  Engine.prototype.suggest = function(query, missing) {
    var unknown = missing.filter(function(unit) {
      return unit.kind === "word" && unit.word.length >= 3;
    });
    if (!unknown.length) {
      return Promise.resolve(null);
    }
    return this.data("vocabulary.json.gz").then(function(vocabulary) {
      var text = String(query).slice(0, MAX_QUERY);
      unknown.forEach(function(unit) {
        var limit = unit.word.length >= 12 ? 2 : 1;
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
          text = text.replace(RAW_WORD, function(raw) {
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
  Engine.prototype.document = function(number) {
    return this.data("d/" + number + ".json.gz");
  };
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
    var group = 0;
    units.forEach(function(unit) {
      if (unit.kind === "word") {
        spans.forEach(function(span) {
          if (!span.mark && (span.key === unit.key || unit.prefix && span.key.startsWith(unit.prefix))) {
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
        return tokens.every(function(token, t) {
          var span = spans[at + t];
          return STOP_WORDS.has(token) ? span.word === token : span.key === token;
        });
      }
      for (var i = 0; i + width <= spans.length; i++) {
        var together2 = unit.parts.every(function(part) {
          return stands(i + part.offset - first, part);
        });
        group += together2 ? 1 : 0;
        for (var k = i; together2 && k < i + width; k++) {
          spans[k].mark = group;
        }
      }
    });
    var firstMark = spans.findIndex(function(span) {
      return span.mark;
    });
    var from = Math.max(0, (firstMark < 0 ? 0 : firstMark) - before);
    var to = Math.min(spans.length, from + before + after);
    var out = [];
    var cursor = from === 0 ? 0 : spans[from].start;
    if (from > 0) {
      out.push({ text: "… ", mark: false });
    }
    for (var j = from; j < to; j++) {
      if (spans[j].mark) {
        var joined = j > from && spans[j - 1].mark === spans[j].mark;
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
    out.push({ text: text.slice(cursor, end) + (to < spans.length ? " …" : ""), mark: false });
    return out.filter(function(part) {
      return part.text;
    });
  }
  var site;
  function ofThisSite() {
    if (site === void 0) {
      var element2 = typeof document !== "undefined" && document.getElementById("__config");
      if (!element2) {
        return site = null;
      }
      var config = JSON.parse(element2.textContent);
      var root = new URL(config.base.replace(/\/?$/, "/"), window.location.href);
      site = { config, root, engine: new Engine(root.href) };
    }
    return site;
  }
  function open(rootUrl, fetcher) {
    return new Engine(rootUrl, fetcher);
  }

  // frontend/text.js
  function truncated(text, limit) {
    const characters = Array.from(text);
    return characters.length > limit ? `${characters.slice(0, limit).join("")}…` : text;
  }

  // frontend/search/results.js
  var FACETS = contract_default.facets;
  var DIRECTION_CONTROLS = new RegExp(contract_default.direction_controls, "g");
  var MAX_QUOTED = 80;
  var EMPTY_QUERY = "Type a word that describes the practice, a place or an outcome";
  var UNAVAILABLE = "Search is not available just now; the finder lists every case study";
  var plural = (count, one, many) => `${count} ${count === 1 ? one : many}`;
  function shownQuery(query) {
    return query.replace(DIRECTION_CONTROLS, "").trim().replace(/\s+/g, " ");
  }
  function statusText(query, answer, filtered) {
    if (!answer.units.length) return EMPTY_QUERY;
    const shown = truncated(shownQuery(query), MAX_QUOTED);
    const quoted = /["\u201c\u201d]/.test(shown) ? shown : `“${shown}”`;
    if (!answer.matched) {
      return answer.partial.length ? `No case study matches all of ${quoted}.` : `No case studies match ${quoted}`;
    }
    let text = `${plural(answer.matched, "case study matches", "case studies match")} ${quoted}`;
    if (filtered) {
      const matching = plural(answer.matched, "case study", "case studies");
      text = `${answer.results.length} of the ${matching} matching ${quoted} ${answer.results.length === 1 ? "is" : "are"} in your filters`;
    }
    return answer.dropped ? `${text} (only its first 10 words were used)` : text;
  }
  function partialLabel(count) {
    return count === 1 ? "Show the case study that matches some of the words" : `Show the ${count} case studies that match some of the words`;
  }
  function stateFrom(search) {
    const params = new URLSearchParams(search);
    const filters = {};
    for (const [name] of FACETS) filters[name] = params.getAll(name);
    return { query: params.get("q") || "", filters };
  }
  function addressOf(query, filters) {
    const params = new URLSearchParams();
    params.set("q", query);
    for (const [name] of FACETS) for (const value of filters[name] || []) params.append(name, value);
    return `?${params}`;
  }
  function knownFilters(filters, index) {
    const kept = {};
    let all = true;
    for (const [name] of FACETS) {
      const ids = new Set(index ? index[name].values.map((pair) => pair[0]) : []);
      kept[name] = filters[name].filter((id) => ids.has(id));
      all = all && kept[name].length === filters[name].length;
    }
    return { filters: kept, all };
  }
  var chosenCount = (filters) => FACETS.reduce((n, [name]) => n + filters[name].length, 0);

  // frontend/search/lists.js
  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== void 0) node.textContent = text;
    return node;
  }
  var resultsAddress = (site2, query) => new URL(`search/?q=${encodeURIComponent(query)}`, site2.root).href;
  var WHOLE = 1e3;
  function marked(site2, className, text, units, around) {
    const holder = element("span", className);
    for (const part of site2.excerpt(text, units, around, around)) {
      holder.appendChild(part.mark ? element("mark", null, part.text) : document.createTextNode(part.text));
    }
    return holder;
  }
  function resultItem(site2, doc, units, prefix) {
    const item = element("li", `${prefix}__result`);
    const link = element("a", null, doc.title);
    link.href = new URL(doc.url, site2.root).href;
    const impact = doc.impact ? `Impact evidence: ${doc.impact.toLowerCase()}` : "";
    const meta = element("span", `${prefix}__meta`, [doc.locality, doc.rating, impact].filter(Boolean).join(" · "));
    item.append(link, meta);
    if (doc.headline) item.append(marked(site2, `${prefix}__headline`, doc.headline, units, WHOLE));
    item.append(marked(site2, `${prefix}__excerpt`, doc.text, units));
    return item;
  }
  var Pager = class {
    constructor(site2, list, more, pageSize, prefix) {
      Object.assign(this, { site: site2, list, more, pageSize, prefix, numbers: [], units: [], shown: 0, token: 0 });
      more.addEventListener("click", () => {
        const first = this.shown;
        this.next(this.token).then(() => {
          this.list.children[first]?.querySelector("a")?.focus();
        });
      });
    }
    show(numbers, units) {
      this.token++;
      Object.assign(this, { numbers, units, shown: 0 });
      this.list.textContent = "";
      this.more.hidden = true;
      return this.next(this.token);
    }
    next(token) {
      const slice = this.numbers.slice(this.shown, this.shown + this.pageSize);
      return Promise.all(slice.map((n) => this.site.engine.document(n))).then((docs) => {
        if (token !== this.token) return;
        for (const doc of docs) this.list.appendChild(resultItem(this.site, doc, this.units, this.prefix));
        this.shown += docs.length;
        this.more.hidden = this.shown >= this.numbers.length;
      });
    }
  };
  function showSuggestion(site2, holder, query, answer, onPick) {
    holder.hidden = true;
    holder.textContent = "";
    if (answer.results.length || !answer.missing.length) return Promise.resolve();
    return site2.engine.suggest(query, answer.missing).then((suggested) => {
      if (!suggested) return;
      const link = element("a", null, suggested);
      link.href = resultsAddress(site2, suggested);
      if (onPick) {
        link.addEventListener("click", (event) => {
          event.preventDefault();
          onPick(suggested);
        });
      }
      holder.append("Did you mean ", link, "?");
      holder.hidden = false;
    });
  }
  function partialOffer(holder, answer, onShow) {
    holder.textContent = "";
    holder.hidden = !(answer.units.length > 1 && !answer.matched && answer.partial.length);
    if (holder.hidden) return;
    const button = element("button", "practice-search__more", partialLabel(answer.partial.length));
    button.type = "button";
    button.addEventListener("click", () => {
      holder.hidden = true;
      onShow(answer.partial);
    });
    holder.appendChild(button);
  }

  // frontend/search/header.js
  var PANEL = '<p class="practice-search__status" aria-hidden="true"></p><a class="practice-search__all" hidden>All results, with filters</a><p class="practice-search__suggestion" hidden></p><p class="practice-search__partial" hidden></p><ol id="practice-search-results" class="practice-search__results"></ol><button type="button" class="practice-search__more" hidden>More results</button>';
  function header(site2, form) {
    if (!form) return;
    const input = form.querySelector("input");
    const panel = element("div", "practice-search__panel");
    panel.hidden = true;
    const announcer = element("p", "visually-hidden");
    announcer.id = "practice-search-status";
    announcer.setAttribute("role", "status");
    form.appendChild(announcer);
    panel.innerHTML = PANEL;
    form.appendChild(panel);
    input.setAttribute("aria-describedby", "practice-search-status");
    input.setAttribute("aria-controls", "practice-search-results");
    const status = panel.querySelector(".practice-search__status");
    const suggestion = panel.querySelector(".practice-search__suggestion");
    const partial = panel.querySelector(".practice-search__partial");
    const all = panel.querySelector(".practice-search__all");
    const more = panel.querySelector(".practice-search__more");
    const pager = new Pager(site2, panel.querySelector("ol"), more, site2.contract.panel_size, "practice-search");
    let latest = 0;
    let timer = null;
    const say = (text) => {
      status.textContent = announcer.textContent = text;
    };
    function search(term) {
      const query = ++latest;
      if (!term.trim()) {
        panel.hidden = true;
        return;
      }
      panel.setAttribute("aria-busy", "true");
      site2.engine.search(term).then((answer) => {
        if (query !== latest) return void 0;
        say(statusText(term, answer, false));
        all.hidden = !answer.matched;
        all.href = resultsAddress(site2, term);
        panel.hidden = false;
        partialOffer(partial, answer, (numbers) => pager.show(numbers, answer.units));
        const pick = (suggested) => {
          input.value = suggested;
          search(suggested);
          input.focus();
        };
        return Promise.all([showSuggestion(site2, suggestion, term, answer, pick), pager.show(answer.results, answer.units)]);
      }).catch(() => {
        if (query !== latest) return;
        say(UNAVAILABLE);
        panel.hidden = false;
      }).then(() => {
        if (query === latest) panel.removeAttribute("aria-busy");
      });
    }
    (window.requestIdleCallback || ((callback) => setTimeout(callback, 200)))(() => {
      site2.engine.data("facets.json.gz").catch(() => {
      });
    });
    input.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(() => search(input.value), 40);
    });
    form.addEventListener("keydown", (event) => {
      if (event.key !== "Escape") return;
      panel.hidden = true;
      input.focus();
    });
    form.addEventListener("submit", (event) => {
      if (!input.value.trim()) event.preventDefault();
    });
    form.addEventListener("focusout", (event) => {
      if (event.relatedTarget && !form.contains(event.relatedTarget)) panel.hidden = true;
    });
    document.addEventListener("click", (event) => {
      if (!event.composedPath().includes(form)) panel.hidden = true;
    });
    input.addEventListener("focus", () => {
      if (input.value.trim() && status.textContent) panel.hidden = false;
    });
  }

  // frontend/search/results-page.js
  function resultsPage(site2, page) {
    if (!page) return;
    const form = page.querySelector("form");
    const input = form.querySelector("input[name=q]");
    const body = page.querySelector(".search-page__body");
    const status = page.querySelector(".search-page__status");
    const suggestion = page.querySelector(".search-page__suggestion");
    const partial = page.querySelector(".search-page__partial");
    const none = page.querySelector(".search-page__none");
    const filters = page.querySelector(".search-page__filters");
    const filterBox = page.querySelector(".search-page__filter-box");
    const summary = filterBox.querySelector("summary");
    filterBox.open = window.matchMedia("(min-width: 60em)").matches;
    const more = page.querySelector(".search-page__more");
    const pager = new Pager(site2, page.querySelector(".search-page__results"), more, site2.contract.page_size, "search-page");
    let latest = 0;
    const chosen = () => stateFrom(window.location.search);
    function option(name, [id, label], count, checked) {
      const box = element("input");
      Object.assign(box, { type: "checkbox", name, value: id, checked });
      const text = element("span", null, `${label} `);
      text.appendChild(element("span", "search-page__count", `(${count})`));
      const holder = element("label", "search-page__option");
      holder.append(box, text);
      return holder;
    }
    function drawFilters(answer, picked) {
      const focused = filters.contains(document.activeElement) ? document.activeElement : null;
      const refocus = focused && `${focused.name}=${focused.value}`;
      filters.textContent = "";
      filterBox.hidden = !answer.facets || !answer.matched;
      if (filterBox.hidden) return;
      const count = chosenCount(picked);
      summary.textContent = `Filter the results${count ? ` (${count} chosen)` : ""}`;
      for (const [name, legend] of FACETS) {
        const fieldset = element("fieldset", "search-page__facet");
        fieldset.appendChild(element("legend", null, legend));
        answer.facets[name].values.forEach((pair, i) => {
          const found2 = answer.counts[name][i];
          const checked = picked[name].includes(pair[0]);
          if (found2 || checked) fieldset.appendChild(option(name, pair, found2, checked));
        });
        if (fieldset.querySelector("input")) filters.appendChild(fieldset);
      }
      for (const box of filters.querySelectorAll("input")) if (`${box.name}=${box.value}` === refocus) box.focus();
    }
    function run() {
      const token = ++latest;
      const state = chosen();
      input.value = state.query;
      const titled = shownQuery(state.query);
      document.title = `${titled ? `“${titled}”: ` : ""}Search - ${site2.config.site_name}`;
      if (!state.query.trim()) {
        body.removeAttribute("aria-busy");
        status.textContent = EMPTY_QUERY;
        filterBox.hidden = true;
        suggestion.hidden = partial.hidden = none.hidden = true;
        return pager.show([], []);
      }
      status.textContent = "Searching…";
      none.hidden = true;
      body.setAttribute("aria-busy", "true");
      return site2.engine.search(state.query, state.filters).then((answer) => {
        if (token !== latest) return void 0;
        const known = knownFilters(state.filters, answer.facets);
        if (!known.all && answer.facets) {
          history.replaceState(null, "", addressOf(state.query, known.filters));
          return run();
        }
        status.textContent = statusText(state.query, answer, chosenCount(state.filters) > 0);
        none.hidden = answer.matched > 0 || answer.partial.length > 0;
        drawFilters(answer, state.filters);
        partialOffer(partial, answer, (numbers) => pager.show(numbers, answer.units));
        return Promise.all([
          showSuggestion(site2, suggestion, state.query, answer, null),
          pager.show(answer.results, answer.units)
        ]);
      }).catch(() => {
        status.textContent = UNAVAILABLE;
      }).then(() => {
        if (token === latest) body.removeAttribute("aria-busy");
      });
    }
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      history.pushState(null, "", addressOf(input.value, chosen().filters));
      run();
    });
    filters.addEventListener("change", () => {
      const picked = {};
      for (const [name] of FACETS) {
        picked[name] = Array.from(filters.querySelectorAll(`input[name=${name}]:checked`), (box) => box.value);
      }
      history.replaceState(null, "", addressOf(chosen().query, picked));
      run();
    });
    window.addEventListener("popstate", run);
    run();
  }

  // frontend/search/main.js
  var found = ofThisSite();
  if (found) {
    const site2 = { ...found, contract: contract_default, excerpt };
    header(site2, document.querySelector("[data-practice-search]"));
    resultsPage(site2, document.querySelector("[data-search-page]"));
  }
  return __toCommonJS(main_exports);
})();
if (typeof module === "object" && module.exports) { module.exports = PracticeSearch; }
