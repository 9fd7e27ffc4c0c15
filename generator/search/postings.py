"""Reading the records into postings: for each word (stem), the case studies using it,
with a weight and the positions, as flat integer arrays (generator.search.index_writer
writes them out).

Reading is most of the indexer's work, a loop over every word of every record, so at scale
it is shared between the machine's cores: each run of records goes to a fresh
`python -m generator.search.postings` and its postings come back pickled (both ends are
this module). Anything amiss, and the run is read here instead.
"""

from __future__ import annotations

import itertools
import os
import pickle
import subprocess
import sys
from array import array
from pathlib import Path

from generator.render.parallel import usable_cores
from generator.search.records import WEIGHTS, SearchRecord
from generator.search.words import STOP_WORDS, stem, words, written_words

PART_GAP = 50  # positions left between two parts, so no phrase spans them
K1, B = 1.2, 0.5  # BM25: how fast repeats stop counting, how much a long page is discounted
PARALLEL_FROM, MAX_WORKERS = 2_000, 4  # case studies from which the cores share the reading


class Postings:
    """Every word's postings, kept as flat integer arrays while the records are read."""

    SHOWN_KINDS = frozenset({"title", "place", "tags", "labels"})  # where a word's capitals are taken from

    def __init__(self) -> None:
        self.by_stem: dict[str, array] = {}
        self.last_doc: dict[str, int] = {}
        self.lengths: list[int] = []
        self.word_docs: dict[str, int] = {}  # folded word -> case studies using it
        self.shown_as: dict[str, str] = {}  # folded word -> as written in a title, place or label
        self._stems: dict[str, str] = {}  # folded word -> stem
        self._noted: set[str] = set()  # parts whose written words are noted
        self._average: float | None = None  # words per case study, once all are read

    def add(self, number: int, record: SearchRecord) -> None:
        found: dict[str, list[int]] = {}  # key -> [weight sum, positions...]
        used: set[str] = set()
        position = length = 0
        found_get, stem_of = found.get, self._stem
        for kind, parts in record.fields:
            weight = WEIGHTS[kind]
            for part in parts:
                part_words = words(part)
                used.update(part_words)
                last = len(part_words) - 1
                for offset, word in enumerate(part_words):
                    if word in STOP_WORDS:  # kept with the word after it, for phrases: "in care"
                        if offset == last:
                            continue
                        following = part_words[offset + 1]
                        key = f"{word} {following if following in STOP_WORDS else stem_of(following)}"
                    else:
                        key = stem_of(word)
                        length += 1
                    entry = found_get(key)
                    if entry is None:
                        found[key] = [weight, position + offset]
                    else:
                        entry[0] += weight
                        entry.append(position + offset)
                position += len(part_words) + PART_GAP
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

    def _stem(self, word: str) -> str:
        key = self._stems.get(word)
        if key is None:
            key = self._stems[word] = stem(word)
        return key

    def merge(self, later: Postings) -> None:
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
        self._average = None
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
        if self._average is None:  # once: every word's weights use it
            self._average = sum(self.lengths) / max(len(self.lengths), 1) or 1
        average = self._average
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


def _postings_of(records: tuple[SearchRecord, ...], first: int) -> Postings:
    postings = Postings()
    for number, record in enumerate(records, first):
        postings.add(number, record)
    return postings


def read_postings(records: tuple[SearchRecord, ...]) -> Postings:
    """Reading the records is most of the work: at scale it is shared between the machine's
    cores (two here: 10,000 case studies in about half the time). Each run of records goes
    to a fresh `python -m generator.search.index_writer` and its postings come back pickled
    (both ends are this module). Anything amiss and they are read here instead."""
    workers = min(usable_cores(), MAX_WORKERS)
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


if __name__ == "__main__":  # a worker of _all_postings, pickling the package's own class
    from generator.search.postings import _postings_of as read_run

    run, first_number = pickle.load(sys.stdin.buffer)
    pickle.dump(read_run(run, first_number), sys.stdout.buffer, protocol=pickle.HIGHEST_PROTOCOL)
