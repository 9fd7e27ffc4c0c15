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
- `<hash>/w<N>.json.gz`: words (stems) in order, each with its postings: for each case study
  (numbered in record order), the gap from the previous number, a weight (BM25 with the
  field weights of generator.search.records, times 100), the count of positions, and the
  positions as gaps. A query fetches only the files its words fall in.
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
import itertools
import json
import os
import pickle
import shutil
import subprocess
import sys
from array import array
from pathlib import Path

from generator.problems import SetupError
from generator.search.records import HIDDEN, WEIGHTS, SearchCollection, SearchRecord
from generator.search.words import STOP_WORDS, stem, words, written_words

FORMAT = 1
CHUNK_BYTES = 48_000  # uncompressed bytes of postings per word file, roughly
PART_GAP = 50  # positions left between two parts, so no phrase spans them
K1, B = 1.2, 0.5  # BM25
SUGGESTION_MIN_LENGTH = 3
PARALLEL_FROM, MAX_WORKERS = 2_000, 4  # case studies from which the cores share the reading


class SearchIndexError(SetupError):
    pass


class _Postings:
    """Every word's postings, kept as flat integer arrays while the records are read."""

    SHOWN_KINDS = frozenset({"title", "place", "labels"})  # where a word's capitals are taken from

    def __init__(self) -> None:
        self.by_stem: dict[str, array] = {}
        self.last_doc: dict[str, int] = {}
        self.lengths: list[int] = []
        self.word_docs: dict[str, int] = {}  # folded word -> case studies using it
        self.shown_as: dict[str, str] = {}  # folded word -> as written in a title, place or label
        self._stems: dict[str, str] = {}  # folded word -> stem (stop words never enter)
        self._noted: set[str] = set()  # parts whose written words are noted

    def add(self, number: int, record: SearchRecord) -> None:
        found: dict[str, list[int]] = {}  # stem -> [weight sum, positions...]
        used: set[str] = set()
        position = length = 0
        stems, stems_get, found_get = self._stems, self._stems.get, found.get
        for kind, parts in record.fields:
            weight = WEIGHTS[kind]
            for part in parts:
                part_words = words(part)
                used.update(part_words)
                for position, word in enumerate(part_words, position):  # noqa: B020 (carried on)
                    key = stems_get(word, "")
                    if not key:
                        if word in STOP_WORDS:
                            continue
                        key = stems[word] = stem(word)
                    entry = found_get(key)
                    if entry is None:
                        found[key] = [weight, position]
                    else:
                        entry[0] += weight
                        entry.append(position)
                    length += 1
                position += PART_GAP
                if kind in self.SHOWN_KINDS:
                    self._note_written(part)
        self.lengths.append(length)
        for word in used:
            self.word_docs[word] = self.word_docs.get(word, 0) + 1
        for key, entry in found.items():
            postings = self.by_stem.get(key)
            if postings is None:
                postings = self.by_stem[key] = array("i")
            gap = number - self.last_doc.get(key, 0)
            self.last_doc[key] = number
            positions = entry[1:]
            postings.extend((gap, entry[0], len(positions), positions[0]))
            postings.extend([b - a for a, b in itertools.pairwise(positions)])

    def merge(self, later: _Postings) -> None:
        """Append the postings of the case studies numbered after these ones."""
        for key, tail in later.by_stem.items():
            postings = self.by_stem.get(key)
            if postings is None:
                self.by_stem[key] = tail
            else:
                tail[0] -= self.last_doc[key]  # its first gap counted from 0
                postings.extend(tail)
        self.last_doc.update(later.last_doc)
        self.lengths.extend(later.lengths)
        for word, count in later.word_docs.items():
            self.word_docs[word] = self.word_docs.get(word, 0) + count
        for word, written in later.shown_as.items():
            self.shown_as.setdefault(word, written)

    def _note_written(self, part: str) -> None:
        if part in self._noted:
            return
        self._noted.add(part)
        for word, written in written_words(part):
            self.shown_as.setdefault(word, written)

    def weighted(self, key: str) -> list[int]:
        """The stem's postings with each weight sum turned into its BM25 weight (x100)."""
        average = sum(self.lengths) / max(len(self.lengths), 1) or 1
        raw = self.by_stem[key]
        out = raw.tolist()
        at, doc = 0, 0
        while at < len(out):
            doc += out[at]
            weight = out[at + 1]
            norm = K1 * (1 - B + B * self.lengths[doc] / average)
            out[at + 1] = round(100 * weight * (K1 + 1) / (weight + norm))
            at += 3 + out[at + 2]
        return out


def _postings_of(records: tuple[SearchRecord, ...], first: int) -> _Postings:
    postings = _Postings()
    for number, record in enumerate(records, first):
        postings.add(number, record)
    return postings


def _all_postings(records: tuple[SearchRecord, ...]) -> _Postings:
    """Reading the records is most of the work: at scale it is shared between the machine's
    cores (two here: 10,000 case studies in about half the time). Each run of records goes
    to a fresh `python -m generator.search.index_writer` and its postings come back pickled
    (both ends are this module). Anything amiss and they are read here instead."""
    workers = min(os.cpu_count() or 1, MAX_WORKERS)
    if len(records) < PARALLEL_FROM or workers < 2:
        return _postings_of(records, 0)
    size = -(-len(records) // workers)
    starts = range(size, len(records), size)  # the first run is read here meanwhile
    try:
        children = [
            subprocess.Popen(
                [sys.executable, "-m", __name__],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                stderr=subprocess.DEVNULL,
                env=_child_env(),
            )
            for _ in starts
        ]
    except OSError:
        return _postings_of(records, 0)
    for child, first in zip(children, starts, strict=True):
        assert child.stdin is not None
        pickle.dump((records[first : first + size], first), child.stdin, protocol=pickle.HIGHEST_PROTOCOL)
        child.stdin.close()
    postings = _postings_of(records[:size], 0)
    for child, first in zip(children, starts, strict=True):
        assert child.stdout is not None
        try:
            part = pickle.load(child.stdout)
        except Exception:  # any failure of the worker: read its run here
            part = _postings_of(records[first : first + size], first)
        child.wait()
        postings.merge(part)
    return postings


def _child_env() -> dict[str, str]:
    """The worker must import this very package, wherever it was imported from."""
    package_root = str(Path(__file__).resolve().parents[2])
    return {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, (package_root, os.environ.get("PYTHONPATH"))))}


def _utf16(text: str) -> bytes:
    return text.encode("utf-16-be", "surrogatepass")


def _compressed(value: object) -> bytes:
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return gzip.compress(text.encode("utf-8"), compresslevel=6, mtime=0)


def _shown_text(record: SearchRecord) -> str:
    return " ".join(
        " ".join(" ".join(p.split()).rstrip(".") + "." for p in parts)
        for kind, parts in record.fields
        if kind not in HIDDEN and kind not in ("title", "place")
    )


def index_files(collection: SearchCollection) -> dict[str, bytes]:
    """Every file of the bundle (path relative to its folder -> bytes), `index.json` last."""
    records, facets = collection.records, collection.facets
    postings = _all_postings(records)

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
                "text": _shown_text(record),
            }
        )
    vocabulary = sorted(
        (w for w in postings.word_docs if len(w) >= SUGGESTION_MIN_LENGTH and w.isalpha() and w not in STOP_WORDS),
        key=lambda w: (-postings.word_docs[w], w),
    )
    files["vocabulary.json.gz"] = _compressed([postings.shown_as.get(w, w) for w in vocabulary])

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


if __name__ == "__main__":  # a worker of _all_postings, pickling the package's own class
    from generator.search.index_writer import _postings_of as read_run

    run, first_number = pickle.load(sys.stdin.buffer)
    pickle.dump(read_run(run, first_number), sys.stdout.buffer, protocol=pickle.HIGHEST_PROTOCOL)
