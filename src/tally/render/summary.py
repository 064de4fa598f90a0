"""The congress summary: every contest, who was elected, what is open, what comes next.

>>> from tally import Ballots, Body, CongressKind, Contest, Roll
>>> from tally.congress.plan import BoardMember, Congress, ContestPlan
>>> from tally.congress.run import run_congress
>>> bt = Contest(id="bt", body=Body.CELL_SECRETARY, seats=1, candidates=["Vũ Thị Lan"])
>>> congress = Congress(name="Đại hội Chi bộ 5",
...     roll=Roll(kind=CongressKind.MEMBER_CONGRESS, convened=7, present=7),
...     board=[BoardMember(name="Lê Thị Hoa", role="head")],
...     contests=[ContestPlan(contest=bt, issued=7)])
>>> record = run_congress(congress, {"bt": Ballots.from_arrays(bt, [[1]] * 3 + [[2]] * 4)})
>>> text = render_summary(record, "en")
>>> "not above half" in text or "another round" in text
True
"""

from __future__ import annotations

from tally.arguments import checked
from tally.congress.chain import Venue
from tally.congress.run import CongressRecord, ContestRecord, ContestStatus
from tally.i18n.labels import label
from tally.i18n.messages import Lang, localize
from tally.model.bodies import Body
from tally.render.document import Block, Fields, Format, Heading, Paragraph, Table, Title, render

_L: dict[str, tuple[str, str]] = {
    "title": ("TỔNG HỢP KẾT QUẢ BẦU CỬ", "SUMMARY OF THE ELECTIONS"),
    "s_contests": ("I. Các cuộc bầu", "I. Contests"),
    "s_elected": ("II. Người trúng cử", "II. Elected"),
    "s_next": ("III. Việc tiếp theo", "III. What comes next"),
    "no": ("TT", "No."),
    "contest": ("Cuộc bầu", "Contest"),
    "venue": ("Nơi bầu", "Elected by"),
    "seats": ("Số lượng", "Seats"),
    "rounds": ("Số vòng", "Rounds"),
    "elected": ("Trúng cử", "Elected"),
    "open": ("Còn thiếu", "Open"),
    "status": ("Tình trạng", "Status"),
    "venue_congress": ("đại hội", "congress"),
    "venue_committee": ("hội nghị BCH", "committee conference"),
    "nobody": ("(chưa có)", "(none yet)"),
    "s_open_votes": ("V. Biểu quyết công khai", "V. Open votes"),
    "open_vote_rule": (
        "Thông qua khi số tán thành quá một nửa so với căn cứ ({citation}).",
        "Passed when the votes in favour are more than half of the base ({citation}).",
    ),
    "subject": ("Nội dung", "Motion"),
    "yes": ("Tán thành", "Yes"),
    "no_votes": ("Không tán thành", "No"),
    "abstain": ("Không biểu quyết", "Abstain"),
    "needed": ("Cần / căn cứ", "Needed / base"),
    "result": ("Kết quả", "Result"),
    "passed": ("thông qua", "passed"),
    "failed": ("KHÔNG thông qua", "NOT passed"),
    "alternates": ("dự khuyết, theo thứ tự", "alternates, in order"),
    "s_composition": ("IV. Cơ cấu người trúng cử", "IV. Composition of the elected"),
    "size": ("Số người", "Members"),
    "women": ("Nữ", "Women"),
    "minorities": ("Dân tộc thiểu số", "Ethnic minorities"),
    "under_40": ("Dưới 40 tuổi", "Under 40"),
    "reelected": ("Tái cử", "Re-elected"),
    "new": ("Mới", "New"),
    "t_women_percent": ("nữ", "women"),
    "t_minorities_percent": ("dân tộc thiểu số", "ethnic minorities"),
    "t_under_40_percent": ("dưới 40 tuổi", "under 40"),
    "t_new_percent": ("tham gia lần đầu", "new members"),
    "target_met": (
        "{target} {count}/{size} — đạt chỉ tiêu ít nhất {required}%",
        "{target} {count}/{size} — meets the target of at least {required}%",
    ),
    "target_missed": (
        "{target} {count}/{size} — CHƯA ĐẠT chỉ tiêu ít nhất {required}%",
        "{target} {count}/{size} — BELOW the target of at least {required}%",
    ),
    "all_done": ("Tất cả các cuộc bầu đã bầu đủ.", "Every contest has filled its seats."),
    "next_awaiting": (
        "{contest}: chờ phiếu vòng {number} — {seats} chỉ tiêu, danh sách: {names}.",
        "{contest}: awaiting the ballots of round {number} — {seats} seat(s), list: {names}.",
    ),
    "next_revote": (
        "{contest}: bầu lại giữa những người bằng phiếu ({names}) cho {seats} chỉ tiêu; ghi vòng "
        "bầu lại vào tệp mô tả ([[contest.round]]) hoặc ghi quyết định của đại hội (decision).",
        "{contest}: re-vote among the tied ({names}) for {seats} seat(s); add the round to the "
        "spec ([[contest.round]]) or record the congress's decision (decision).",
    ),
    "next_round": (
        "{contest}: còn {seats} chỉ tiêu; đại hội quyết định có bầu tiếp hay không. Nếu bầu tiếp, "
        "danh sách mặc định: {names}.",
        "{contest}: {seats} seat(s) open; the congress decides whether to hold another round. "
        "If it does, the default list: {names}.",
    ),
    "next_alternate_tie": (
        "{contest}: có người bằng phiếu ở vị trí dự khuyết cuối cùng ({names}) cho {seats} vị trí; "
        "đại hội quyết định và ghi quyết định (alternate_decision).",
        "{contest}: a tie at the alternates' cut-off ({names}) for {seats} place(s); the congress "
        "decides; record it (alternate_decision).",
    ),
    "next_open_vote": (
        'Biểu quyết "{subject}" không được thông qua ({yes} tán thành, cần {needed} trên căn '
        "cứ {base}): đại hội biểu quyết lại trước khi kết quả bầu cử có giá trị.",
        'The open vote "{subject}" did not pass ({yes} in favour, {needed} needed of a base of '
        "{base}): the congress must vote again before the election results can stand.",
    ),
    "next_post_open": (
        "{contest}: không trúng cử; chức danh để trống, do hội nghị Ban Chấp hành hoặc cấp trên "
        "quyết định.",
        "{contest}: not elected; the post stays open for the executive committee's conference or "
        "the upper level to decide.",
    ),
    "next_waiting": (
        "{contest}: chờ kết quả {source} trước khi bầu.",
        "{contest}: waits for the result of {source}.",
    ),
    "next_appointed": (
        "{contest}: sau {rounds} vòng không bầu được; cấp ủy cấp trên chỉ định.",
        "{contest}: not elected in {rounds} rounds; the upper level appoints.",
    ),
}


def _t(key: str, lang: Lang, **params: object) -> str:
    return localize(_L, key, lang, **params)


def _name(record: ContestRecord, lang: Lang) -> str:
    return f"{label(record.body, lang)} ({record.contest_id})"


def summary_blocks(record: CongressRecord, lang: Lang = "vi") -> list[Block]:
    """The summary of ``record`` as document blocks."""
    congress = record.congress
    rows = tuple(
        (
            str(i),
            _name(c, lang),
            _t("venue_committee" if c.venue is Venue.COMMITTEE else "venue_congress", lang),
            str(c.seats),
            str(len(c.rounds)),
            str(len(c.elected)),
            str(c.open_seats),
            label(c.status, lang),
        )
        for i, c in enumerate(record.contests, start=1)
    )
    headers = ("no", "contest", "venue", "seats", "rounds", "elected", "open", "status")
    blocks: list[Block] = [
        Title(_t("title", lang), (congress.name,)),
        Heading(_t("s_contests", lang)),
        Table(
            tuple(_t(h, lang) for h in headers),
            rows,
            ("right", "left", "left", "right", "right", "right", "right", "left"),
        ),
        Heading(_t("s_elected", lang)),
        Fields(
            tuple(
                line
                for c in record.contests
                for line in (
                    (_name(c, lang), ", ".join(c.elected) or _t("nobody", lang)),
                    *(
                        [(f"  {_t('alternates', lang)}", ", ".join(c.alternates))]
                        if c.alternates
                        else []
                    ),
                )
            )
        ),
        Heading(_t("s_next", lang)),
    ]
    steps = [
        _t("next_open_vote", lang, subject=v.subject, yes=v.yes, needed=v.needed, base=v.base)
        for v in record.failed_open_votes
    ]
    steps += [
        _next_step(c, lang) for c in record.contests if c.status is not ContestStatus.COMPLETE
    ]
    blocks += [Paragraph(step) for step in steps] or [Paragraph(_t("all_done", lang))]
    blocks += _composition_blocks(record, lang)
    blocks += _open_vote_blocks(record, lang)
    return blocks


def _open_vote_blocks(record: CongressRecord, lang: Lang) -> list[Block]:
    """Section V: the open votes, each with its base and whether it passed."""
    congress = record.congress
    if not congress.open_votes:
        return []
    rows = []
    for i, vote in enumerate(congress.open_votes, start=1):
        result = vote.decide(congress.roll, congress.rules)
        rows.append(
            (
                str(i),
                result.subject,
                str(result.yes),
                str(result.no),
                str(result.abstain),
                f"{result.needed} / {result.base}",
                _t("passed" if result.passed else "failed", lang),
            )
        )
    headers = ("no", "subject", "yes", "no_votes", "abstain", "needed", "result")
    citation = congress.rules.open_vote.citation.render(lang)
    return [
        Heading(_t("s_open_votes", lang)),
        Paragraph(_t("open_vote_rule", lang, citation=citation)),
        Table(
            tuple(_t(h, lang) for h in headers),
            tuple(rows),
            ("right", "left", "right", "right", "right", "right", "left"),
        ),
    ]


def _composition_blocks(record: CongressRecord, lang: Lang) -> list[Block]:
    """Section IV: the make-up of each body whose elected carry personal data."""
    if record.congress.date is None:
        return []
    rows = []
    findings: list[tuple[str, str]] = []
    for c in record.contests:
        members = record.members(c.contest_id)
        if not members or not any(
            m.gender or m.ethnicity or m.birth_date or m.incumbent is not None for m in members
        ):
            continue
        targets = record.congress.targets if c.body.is_collective else None
        made = record.composition(c.contest_id, targets)
        rows.append(
            (
                _name(c, lang),
                str(made.size),
                str(made.women),
                str(made.minorities),
                str(made.age_bands["under_40"]),
                str(made.reelected),
                str(made.new),
            )
        )
        for f in made.findings:
            verdict = _t(
                "target_met" if f.met else "target_missed",
                lang,
                target=_t(f"t_{f.target}", lang),
                required=f.required_percent,
                count=f.count,
                size=f.size,
            )
            findings.append((_name(c, lang), verdict))
    if not rows:
        return []
    headers = ("contest", "size", "women", "minorities", "under_40", "reelected", "new")
    return [
        Heading(_t("s_composition", lang)),
        Table(
            tuple(_t(h, lang) for h in headers),
            tuple(rows),
            ("left", "right", "right", "right", "right", "right", "right"),
        ),
        *([Fields(tuple(findings))] if findings else []),
    ]


def _next_step(c: ContestRecord, lang: Lang) -> str:
    following = c.next_round
    names = ", ".join(following.names) if following is not None else ""
    seats = following.seats if following is not None else c.open_seats
    contest = _name(c, lang)
    match c.status:
        case ContestStatus.AWAITING_BALLOTS:
            number = len(c.rounds) + 1
            return _t(
                "next_awaiting", lang, contest=contest, number=number, seats=seats, names=names
            )
        case ContestStatus.NEEDS_REVOTE:
            return _t("next_revote", lang, contest=contest, seats=seats, names=names)
        case ContestStatus.ALTERNATE_TIE:
            tie = c.alternate_tie
            assert tie is not None
            return _t(
                "next_alternate_tie",
                lang,
                contest=contest,
                names=", ".join(tie.candidates),
                seats=tie.seats_at_stake,
            )
        case ContestStatus.WAITING_FOR_SOURCE:
            return _t("next_waiting", lang, contest=contest, source=c.waiting_for)
        case ContestStatus.NEEDS_ROUND if c.body is Body.SECRETARY and c.venue is Venue.CONGRESS:
            return _t("next_post_open", lang, contest=contest)
        case ContestStatus.APPOINTED_BY_UPPER_LEVEL:
            return _t("next_appointed", lang, contest=contest, rounds=len(c.rounds))
        case _:
            return _t("next_round", lang, contest=contest, seats=seats, names=names)


@checked
def render_summary(record: CongressRecord, lang: Lang = "vi", fmt: Format = "text") -> str:
    """The summary as plain text or Markdown."""
    return render(summary_blocks(record, lang), fmt)
