"""The list to print ballots from: each contest's candidates in ballot order, numbered, with the
seats and the ballot's form, before any vote is cast (``tally count SPEC --list``).

>>> from tally.io.spec import congress_from_toml
>>> congress = congress_from_toml('''
... [congress]
... name = "Đại hội Chi bộ 3"
... term = "nhiệm kỳ 2025–2030"
... [roll]
... kind = "member_congress"
... convened = 5
... present = 5
... [[contest]]
... id = "bt"
... body = "cell_secretary"
... seats = 1
... issued = 5
... collected = 5
... candidates = ["Lê Văn Tám", "Trần Thị Hoa"]
... [[board]]
... name = "Hà Thị Lan"
... role = "head"
... ''')
>>> text = render_ballot_lists(congress, [congress.plan("bt").contest], "en")
>>> print(text.splitlines()[0].strip())
LIST OF CANDIDATES
>>> "Đại hội Chi bộ 3, term 2025–2030" in text, "strike-out ballot" in text
(True, True)
>>> [line.strip() for line in text.splitlines() if line.strip()[:1].isdigit()]
['1  Trần Thị Hoa', '2  Lê Văn Tám']
"""

from __future__ import annotations

from collections.abc import Sequence

from tally.congress.plan import Congress
from tally.i18n.labels import bare_term, contest_title, label
from tally.i18n.messages import Lang, Words
from tally.model.contest import Contest
from tally.render.document import (
    Block,
    Fields,
    Format,
    Paragraph,
    Table,
    Title,
    join_documents,
    render,
)

_t = Words("ballot_list")


def ballot_list_blocks(
    congress: Congress | None, contest: Contest, lang: Lang = "vi"
) -> list[Block]:
    """The list of one ballot (``contest``, any round) as document blocks."""
    subtitle = [contest_title(contest, lang)]
    if congress is not None:
        term = congress.term and bare_term(congress.term)
        subtitle.append(congress.name + (f", {_t('doc.term_of', lang, term=term)}" if term else ""))
    fields = [(_t("contest", lang), contest.id), (_t("doc.seats", lang), str(contest.seats))]
    if contest.alternates:
        fields.append((_t("alternates", lang), str(contest.alternates)))
    fields += [
        (_t("doc.list_size", lang), str(len(contest.candidates))),
        (_t("doc.form", lang), label(contest.form, lang)),
    ]
    how = (
        _t("yes_no_how", lang)
        if contest.form.value == "yes_no"
        else _t("strike_out_how", lang, seats=contest.ballot_seats)
    )
    rows = tuple((str(i), name) for i, name in enumerate(contest.names, start=1))
    return [
        Title(_t("title", lang), tuple(subtitle)),
        Fields(tuple(fields)),
        Paragraph(how),
        Paragraph(_t("order", lang) + ":"),
        Table((_t("doc.no", lang), _t("name", lang)), rows, ("right", "left")),
    ]


def render_ballot_lists(
    congress: Congress | None,
    contests: Sequence[Contest],
    lang: Lang = "vi",
    fmt: Format = "text",
) -> str:
    """The lists of ``contests`` (each a ballot to print), one after the other."""
    return join_documents(
        (render(ballot_list_blocks(congress, contest, lang), fmt) for contest in contests), fmt
    )
