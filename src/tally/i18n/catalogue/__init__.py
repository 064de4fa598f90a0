"""The bilingual catalogue, one module per layer: each key names a (Vietnamese, English) template.

Messages are keyed by subject (``roll.negative``, ``log.torn``), enumeration labels by class and
value (``label.Body.secretary``), document words by document (``minutes.title``; ``doc.seats``
for the words several documents share). A key is defined once; loading fails on a duplicate.
"""

from __future__ import annotations

from tally.i18n.catalogue import (
    audit,
    base,
    cli,
    cli_help,
    congress,
    counting,
    io,
    labels,
    model,
    render_ballot_list,
    render_common,
    render_entry_log,
    render_minutes,
    render_poll,
    render_screen,
    render_stations,
    render_summary,
    render_workbook,
    rules,
    station,
    station_page,
    words,
)

Table = dict[str, tuple[str, str]]
"""A (Vietnamese, English) template per key."""


def _merge(*tables: Table) -> Table:
    merged: Table = {}
    for table in tables:
        for key, pair in table.items():
            if key in merged:
                raise ValueError(f"catalogue key {key!r} is defined twice")
            merged[key] = pair
    return merged


CATALOGUE: Table = _merge(
    base.TABLE,
    model.TABLE,
    counting.TABLE,
    congress.TABLE,
    io.TABLE,
    audit.TABLE,
    station.TABLE,
    station_page.TABLE,
    cli.TABLE,
    cli_help.TABLE,
    labels.TABLE,
    render_common.TABLE,
    render_minutes.TABLE,
    render_poll.TABLE,
    render_entry_log.TABLE,
    render_summary.TABLE,
    render_workbook.TABLE,
    render_stations.TABLE,
    render_ballot_list.TABLE,
    render_screen.TABLE,
    rules.TABLE,
    words.TABLE,
)
"""Every template of tally, messages and labels alike."""
