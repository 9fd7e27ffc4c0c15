"""The evidence gap maps, each with its CSV, and the open data: the data package and the Open
data page that describes the files as a schema.org Dataset."""

from __future__ import annotations

from typing import TYPE_CHECKING

from generator.model import CaseStudy
from generator.render import data_package, linked_data, open_data, urls
from generator.render.browse import gap_map_axes
from generator.render.deferred import Deferred
from generator.render.facets import FACET
from generator.render.feeds import FEED_PATH
from generator.render.gap_map import gap_map
from generator.render.page import PageOutput

if TYPE_CHECKING:
    from generator.render.site import SiteRenderer

GAP_MAP_TITLES_SHOWN = 3  # case studies named in a cell of a map whose cells cannot open the finder


def map_and_data_pages(
    renderer: SiteRenderer, ranked: list[CaseStudy], total: int, schema_text: str
) -> dict[str, PageOutput | Deferred]:
    pages: dict[str, PageOutput | Deferred] = {}
    axes = gap_map_axes(renderer.taxonomy, renderer.evidence)
    maps: list[tuple[str, str, list[str]]] = []  # each map's CSV: path, title, columns
    for axis in axes:
        rows, columns = FACET[axis["rows"]], axis["columns"]
        title = f"Evidence gap map by {rows.singular} and {columns.singular}"
        pages[axis["page"]] = renderer._page(
            "gap_map.html.j2",
            axis["page"],
            title,
            f"{rows.title} against {columns.title}: how much practice, how strong its evidence, and the gaps.",
            hide=("toc",),  # a wide table
            map=(mapped := gap_map(ranked, renderer.taxonomy, rows, columns)),
            axes=axes,
            this_page=axis["page"],
            heading_text=title,
            titles_shown=GAP_MAP_TITLES_SHOWN,
            finder_key=axis["key"],
            csv_path=axis["csv"],
        )
        pages[axis["csv"]] = Deferred(open_data.gap_map_csv, (mapped, renderer.taxonomy))
        maps.append(
            (
                axis["csv"],
                f"Evidence gap map: {axis['title'].lower()}",
                open_data.gap_map_header(mapped, renderer.taxonomy),
            )
        )
    ratings = [rating.label for rating in renderer.taxonomy.ratings.terms]
    package = (schema_text, renderer.site_name, renderer.publication, maps, ratings)
    pages[data_package.PACKAGE_PATH] = Deferred(data_package.data_package, package)
    pages[urls.OPEN_DATA] = renderer._page(
        "open_data.html.j2",
        urls.OPEN_DATA,
        "Open data",
        "The whole collection as JSON, CSV and an Atom feed, with its JSON Schema.",
        total=total,
        json_path=open_data.JSON_PATH,
        csv_path=open_data.CSV_PATH,
        schema_path=open_data.SCHEMA_PATH,
        feed_path=FEED_PATH,
        gap_maps=axes,
        package_path=data_package.PACKAGE_PATH,
        dataset=linked_data.dataset_data(
            renderer.site_name,
            renderer.publication,
            renderer.site_url,
            [
                (open_data.CSV_PATH, "All case studies as CSV", "text/csv"),
                (open_data.JSON_PATH, "All case studies as JSON", "application/json"),
                (data_package.PACKAGE_PATH, "The data package", "application/json"),
                *((path, title, "text/csv") for path, title, _ in maps),
            ],
            urls.OPEN_DATA,
        ),
    )
    return pages
