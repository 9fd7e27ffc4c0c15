"""Write the search records as a Pagefind index (its browser bundle included)."""

from __future__ import annotations

import asyncio
from pathlib import Path

from generator.search.records import SearchRecord

LANGUAGE = "en"


def write_search_index(records: list[SearchRecord], output_dir: Path) -> None:
    """Index `records` into `output_dir` (e.g. site/pagefind), replacing what was there."""
    asyncio.run(_write(records, output_dir))


async def _write(records: list[SearchRecord], output_dir: Path) -> None:
    from pagefind.index import IndexConfig, PagefindIndex

    async with PagefindIndex(config=IndexConfig(force_language=LANGUAGE)) as index:
        await asyncio.gather(
            *(
                index.add_custom_record(
                    url=record.url,
                    content=record.content,
                    language=LANGUAGE,
                    meta=record.meta,
                )
                for record in records
            )
        )
        await index.write_files(output_path=str(output_dir))
