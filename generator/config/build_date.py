"""The date a build counts as "today", for the review status.

Decision (issue 5): review status is judged against the day of the build, because its
purpose is to show case studies going stale while nobody touches them; judging it against
the newest date in the collection would never mark anything in a neglected collection.
Following the reproducible-builds convention, SOURCE_DATE_EPOCH, when whoever builds sets
it, is that day; otherwise it is today's date in UTC. The same files built on the same day
(or with the same SOURCE_DATE_EPOCH) give the same bytes; a build on a later day differs
only where the review status or the review page's "as of" date changes.
"""

from __future__ import annotations

from datetime import UTC, date, datetime

from generator.problems import SetupError


class BuildDateError(SetupError):
    pass


def build_date(epoch: str | None) -> date:
    """The day of `epoch`, a SOURCE_DATE_EPOCH value (seconds since 1970, UTC), or today in UTC if unset."""
    if epoch is None or epoch.strip() == "":
        return datetime.now(UTC).date()
    try:
        seconds = int(epoch)
        if not 0 <= seconds < 2**32:  # MkDocs writes it into gzip headers, which hold 32 bits
            raise ValueError(seconds)
        return datetime.fromtimestamp(seconds, UTC).date()
    except (ValueError, OverflowError, OSError):
        raise BuildDateError(
            f"SOURCE_DATE_EPOCH is {epoch!r}; set it to a whole number of seconds since "
            "1970-01-01 UTC (e.g. `date +%s`), or unset it to use today's date"
        ) from None


def source_date_epoch(day: date) -> str:
    """SOURCE_DATE_EPOCH for midnight UTC at the start of `day`."""
    return str(int(datetime(day.year, day.month, day.day, tzinfo=UTC).timestamp()))
