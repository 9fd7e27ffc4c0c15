"""Write the search records as a static index the browser reads in pieces
(docs/assets/search-engine.js reads it).

Why not Pagefind, which the project used until issue 13: at 10,000 case studies its indexer
needed 714 MB for a short record of each page and 1,508 MB for the text the reader sees,
growing with every page (measured with `benchmarks/search.py`); the floor is 500 MB, and it
has no phrase search, no typo suggestions, and no way to rank equal results by evidence
without loading every result. This index holds words as positions, so phrases work, and
each word's list carries its weight, so ranking needs nothing else.

The bundle, in `search-index/`:
- `index.json`: the format, the number of case studies, the folder of the files below
  (named by a hash of their content, so a browser never mixes two builds), and the first
  word of each word file.
- `<hash>/w<N>.json.gz`: words (stems) in order, each with its postings (generator.search.
  postings): for each case study (numbered in record order), the gap from the previous
  number, a weight (BM25 with the field weights of generator.search.records, times 100),
  the count of positions, and the positions as gaps. Stop words are not words here: each
  run of them is kept joined to the word after it ("in care", at the place of "in"), so a
  phrase checks them without a list of every "in". A query fetches only the files its
  words fall in.
- `<hash>/facets.json.gz`: each case study's rating, themes and outcomes, for filters and
  for ranking ties by evidence.
- `<hash>/d/<N>.json.gz`: what a result shows (address, title, place, rating, and the text
  an excerpt is cut from), fetched for the results on screen.
- `<hash>/vocabulary.json.gz`: the words, most common first, for "Did you mean".
Files are gzip-compressed here (mtime 0), so a host need not compress them and the bundle is
byte-identical across builds.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import shutil
from pathlib import Path

from generator.problems import SetupError
from generator.search.postings import read_postings
from generator.search.records import HIDDEN, SearchCollection, SearchRecord
from generator.search.words import STOP_WORDS

FORMAT = 1
CHUNK_BYTES = 48_000  # uncompressed bytes of postings per word file, roughly
SUGGESTION_MIN_LENGTH = 3
VOCABULARY_MAX = 30_000  # words offered by "Did you mean", most common first


class SearchIndexError(SetupError):
    pass


def _utf16(text: str) -> bytes:
    return text.encode("utf-16-be", "surrogatepass")


def _compressed(value: object) -> bytes:
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return gzip.compress(text.encode("utf-8"), compresslevel=6, mtime=0)


def _shown_text(record: SearchRecord) -> str:
    return " ".join(
        " ".join(" ".join(p.split()).rstrip(".") + "." for p in parts)
        for kind, parts in record.fields
        # The title, place, tags and headline show on their own; the excerpt is from the rest.
        if kind not in HIDDEN and kind not in ("title", "place", "tags", "labels", "lead")
    )


def index_files(collection: SearchCollection) -> dict[str, bytes]:
    """Every file of the bundle (path relative to its folder -> bytes), `index.json` last."""
    records, facets = collection.records, collection.facets
    postings = read_postings(records)

    files: dict[str, bytes] = {}
    firsts: list[str] = []
    chunk: dict[str, list[int]] = {}
    size = 0
    for key in sorted(postings.by_stem, key=_utf16):  # the order JavaScript compares strings in
        if chunk and size > CHUNK_BYTES:
            files[f"w{len(firsts) - 1}.json.gz"] = _compressed(chunk)
            chunk, size = {}, 0
        if not chunk:
            firsts.append(key)
        chunk[key] = postings.weighted(key)
        size += len(key) + 4 * len(chunk[key])
    if chunk:
        files[f"w{len(firsts) - 1}.json.gz"] = _compressed(chunk)

    ratings = dict(facets["rating"])
    values = {name: {value: i for i, (value, _) in enumerate(pairs)} for name, pairs in facets.items()}
    files["facets.json.gz"] = _compressed(
        {
            name: {
                "values": [list(pair) for pair in facets[name]],
                "docs": [[values[name][v] for v in dict(r.filters).get(name, ())] for r in records],
            }
            for name in facets
        }
    )
    for number, record in enumerate(records):
        files[f"d/{number}.json.gz"] = _compressed(
            {
                "url": record.url,
                "title": record.title,
                "locality": record.locality,
                "rating": ratings[record.rating],
                "impact": record.impact,
                "headline": record.headline,
                "text": _shown_text(record),
            }
        )
    vocabulary = sorted(
        (w for w in postings.word_docs if len(w) >= SUGGESTION_MIN_LENGTH and w.isalpha() and w not in STOP_WORDS),
        key=lambda w: (-postings.word_docs[w], w),
    )
    # Most common first, and bounded: a file full of invented words cannot make every
    # reader's "Did you mean" download large.
    files["vocabulary.json.gz"] = _compressed([postings.shown_as.get(w, w) for w in vocabulary[:VOCABULARY_MAX]])

    digest = hashlib.sha256()
    for name in sorted(files):
        digest.update(name.encode() + b"\0" + files[name])
    folder = digest.hexdigest()[:12]
    entry = {"format": FORMAT, "documents": len(records), "path": f"{folder}/", "words": firsts}
    bundle = {f"{folder}/{name}": data for name, data in files.items()}
    bundle["index.json"] = json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return bundle


def write_search_index(collection: SearchCollection, output_dir: Path) -> None:
    """Write the bundle into `output_dir` (e.g. site/search-index), replacing an earlier
    bundle there (only a folder holding one is removed)."""
    if (output_dir / "index.json").is_file():
        shutil.rmtree(output_dir)
    try:
        for name, data in index_files(collection).items():
            path = output_dir / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_bytes(data)
    except OSError as error:
        raise SearchIndexError(f"could not write the search index in {output_dir}: {error}") from None
