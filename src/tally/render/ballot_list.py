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
from tally.i18n.labels import bare_term, label
from tally.i18n.messages import Lang, localize
from tally.model.contest import Contest
from tally.render.document import Block, Fields, Format, Paragraph, Table, Title, render

_L: dict[str, tuple[str, str]] = {
    "title": ("DANH SÁCH BẦU CỬ", "LIST OF CANDIDATES"),
    "elect": ("Bầu {body}", "Election of the {body}"),
    "round_of": (" — vòng {number}", " — round {number}"),
    "term_of": ("nhiệm kỳ {term}", "term {term}"),
    "contest": ("Mã cuộc bầu", "Contest"),
    "seats": ("Số lượng bầu", "Seats"),
    "alternates": ("Số đại biểu dự khuyết bầu trên cùng phiếu", "Alternates on the same ballot"),
    "list_size": ("Số người trong danh sách bầu cử", "Names on the list"),
    "form": ("Hình thức phiếu", "Ballot form"),
    "strike_out_how": (
        "Cử tri gạch tên những người không bầu; mỗi phiếu bầu nhiều nhất {seats} người.",
        "Voters strike the names they do not vote for; a ballot votes for at most {seats}.",
    ),
    "yes_no_how": (
        "Cử tri đánh dấu ô đồng ý hoặc không đồng ý cạnh mỗi tên.",
        "Voters mark agree or disagree beside each name.",
    ),
    "order": (
        "Danh sách xếp theo thứ tự A, B, C của tên (thứ tự in trên phiếu)",
        "The list in ballot order (A, B, C by given name), as printed on the ballot",
    ),
    "number": ("TT", "No."),
    "name": ("Họ và tên", "Name"),
}


def _t(key: str, lang: Lang, /, **params: object) -> str:
    return localize(_L, key, lang, **params)


def ballot_list_blocks(
    congress: Congress | None, contest: Contest, lang: Lang = "vi"
) -> list[Block]:
    """The list of one ballot (``contest``, any round) as document blocks."""
    heading = contest.title or _t("elect", lang, body=label(contest.body, lang))
    if contest.round > 1:
        heading += _t("round_of", lang, number=contest.round)
    subtitle = [heading]
    if congress is not None:
        term = congress.term and bare_term(congress.term)
        subtitle.append(congress.name + (f", {_t('term_of', lang, term=term)}" if term else ""))
    fields = [(_t("contest", lang), contest.id), (_t("seats", lang), str(contest.seats))]
    if contest.alternates:
        fields.append((_t("alternates", lang), str(contest.alternates)))
    fields += [
        (_t("list_size", lang), str(len(contest.candidates))),
        (_t("form", lang), label(contest.form, lang)),
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
        Table((_t("number", lang), _t("name", lang)), rows, ("right", "left")),
    ]


def render_ballot_lists(
    congress: Congress | None,
    contests: Sequence[Contest],
    lang: Lang = "vi",
    fmt: Format = "text",
) -> str:
    """The lists of ``contests`` (each a ballot to print), one after the other."""
    separator = "\n---\n\n" if fmt == "markdown" else "\n" + "=" * 78 + "\n\n"
    return separator.join(
        render(ballot_list_blocks(congress, contest, lang), fmt) for contest in contests
    )
