"""The counting minutes (biên bản kiểm phiếu) of one contest, Vietnamese or English (RULES §7).

>>> from tally import Body, Contest, CongressKind, Roll, Ballots, count_contest
>>> roll = Roll(kind=CongressKind.MEMBER_CONGRESS, convened=3, present=3)
>>> contest = Contest(id="bt", body=Body.CELL_SECRETARY, seats=1, candidates=["Lê Văn Tám"])
>>> result = count_contest(contest, Ballots.from_arrays(contest, [[1], [1], [2]]), roll=roll,
...                        issued=3)
>>> text = render_minutes(result, lang="en")
>>> "Lê Văn Tám" in text and "66.67%" in text and "ELECTED" in text
True
"""

from __future__ import annotations

import datetime as dt

from tally.arguments import checked
from tally.congress.minutes_context import Fingerprint, MinutesContext
from tally.congress.plan import Congress
from tally.counting.outcome import OutcomeStatus, Standing
from tally.counting.result import ContestResult
from tally.i18n.labels import label, long_date
from tally.i18n.messages import Lang, localize
from tally.model.contest import BallotForm
from tally.model.roll import CongressKind
from tally.model.rules import ThresholdBase
from tally.render.document import (
    Block,
    Fields,
    Format,
    Heading,
    Paragraph,
    Signatures,
    Table,
    Title,
    render,
)

_L: dict[str, tuple[str, str]] = {
    "title": ("BIÊN BẢN KIỂM PHIẾU", "COUNTING MINUTES"),
    "elect": ("Bầu {body}", "Election of the {body}"),
    "s_general": ("I. Thông tin chung", "I. General"),
    "congress": ("Đại hội", "Congress"),
    "term": ("Nhiệm kỳ", "Term"),
    "place": ("Địa điểm", "Place"),
    "date": ("Ngày", "Date"),
    "counted_at": ("Thời gian kiểm phiếu", "Counted at"),
    "rules": ("Quy chế áp dụng", "Rules applied"),
    "s_board": ("II. Ban kiểm phiếu", "II. Counting board"),
    "head": ("Trưởng ban", "Head"),
    "member": ("Ủy viên", "Member"),
    "no_board": ("(chưa ghi danh sách Ban kiểm phiếu)", "(board members not recorded)"),
    "s_list": ("III. Số lượng và danh sách bầu cử", "III. Seats and list"),
    "seats": ("Số lượng bầu", "Seats"),
    "list_size": ("Số người trong danh sách bầu cử", "Names on the list"),
    "form": ("Hình thức phiếu", "Ballot form"),
    "list_order": (
        "Danh sách xếp theo thứ tự A, B, C của tên",
        "The list in ballot order (A, B, C by given name)",
    ),
    "no": ("TT", "No."),
    "name": ("Họ và tên", "Full name"),
    "s_base": ("IV. Căn cứ tính kết quả bầu cử", "IV. Threshold base"),
    "convened_members": ("Số đảng viên chính thức được triệu tập", "Official members convened"),
    "convened_delegates": (
        "Số đại biểu chính thức được triệu tập",
        "Official delegates convened",
    ),
    "convened_committee": ("Số ủy viên được triệu tập", "Members of the body convened"),
    "deduct": ("Trừ", "Less"),
    "none": ("không có", "none"),
    "base": ("Số {people} làm căn cứ tính kết quả bầu cử", "Threshold base"),
    "base_valid": ("Căn cứ tính kết quả: số phiếu hợp lệ", "Threshold base: valid ballots"),
    "base_collected": (
        "Căn cứ tính kết quả: số phiếu thu vào",
        "Threshold base: ballots collected",
    ),
    "present": ("Số {people} có mặt", "Present"),
    "people_member_congress": ("đảng viên chính thức", ""),
    "people_delegate_congress": ("đại biểu chính thức", ""),
    "people_committee_conference": ("ủy viên", ""),
    "quorum_ok": (
        "đủ {num}/{den} số được triệu tập (cần ít nhất {req})",
        "at least {num}/{den} of those convened (needs {req})",
    ),
    "quorum_no": (
        "CHƯA ĐỦ {num}/{den} số được triệu tập (cần ít nhất {req})",
        "FEWER THAN {num}/{den} of those convened (needs {req})",
    ),
    "threshold": ("Điều kiện trúng cử", "To be elected"),
    "threshold_text": (
        "quá một nửa so với {base}, tức ít nhất {min} phiếu ({citation})",
        "more than half of {base}, i.e. at least {min} votes ({citation})",
    ),
    "s_ballots": ("V. Kết quả kiểm phiếu", "V. Ballots and votes"),
    "issued": ("Số phiếu phát ra", "Ballots issued"),
    "collected": ("Số phiếu thu vào", "Ballots collected"),
    "valid": ("Số phiếu hợp lệ", "Valid ballots"),
    "invalid": ("Số phiếu không hợp lệ", "Invalid ballots"),
    "check": ("Đối chiếu", "Check"),
    "check_text": (
        "{valid} hợp lệ + {invalid} không hợp lệ = {collected} thu vào ≤ {issued} phát ra",
        "{valid} valid + {invalid} invalid = {collected} collected ≤ {issued} issued",
    ),
    "votes_by_candidate": (
        "Số phiếu bầu cho từng người (theo thứ tự trên phiếu)",
        "Votes per candidate (in ballot order)",
    ),
    "votes": ("Số phiếu", "Votes"),
    "agree": ("Đồng ý", "Agree"),
    "disagree": ("Không đồng ý", "Disagree"),
    "unmarked": ("Không rõ", "Unclear"),
    "percent": ("Tỷ lệ so với căn cứ", "% of base"),
    "result": ("Kết quả", "Result"),
    "r_elected": ("TRÚNG CỬ", "ELECTED"),
    "r_tied": ("BẰNG PHIẾU", "TIED"),
    "r_alternate": ("DỰ KHUYẾT", "ALTERNATE"),
    "alternates_order": (
        "Đại biểu dự khuyết, xếp theo số phiếu từ cao xuống thấp:",
        "Alternate delegates, in descending order of votes:",
    ),
    "alternate_tie": (
        "Có {n} người cùng được {votes} phiếu ở vị trí dự khuyết cuối cùng cho {stake} vị trí còn "
        "lại: {names}. Thứ tự dự khuyết của những người này do đại hội quyết định.",
        "{n} candidates are tied on {votes} votes at the alternates' cut-off for the {stake} "
        "place(s) left: {names}. The congress decides their places.",
    ),
    "r_above": ("không trúng cử (quá 1/2)", "not elected (above 1/2)"),
    "r_below": ("không trúng cử (không quá 1/2)", "not elected (not above 1/2)"),
    "term_of": ("nhiệm kỳ {term}", "term {term}"),
    "round_of": (" — vòng {number}", " — round {number}"),
    "s_elected": ("VI. Người trúng cử", "VI. Elected"),
    "elected_order": (
        "Xếp theo số phiếu từ cao xuống thấp",
        "In descending order of votes",
    ),
    "rank": ("Thứ tự", "Rank"),
    "nobody": ("Không có người trúng cử.", "Nobody is elected."),
    "complete": (
        "Đã bầu đủ {seats}/{seats} chỉ tiêu.",
        "All {seats} seats are filled.",
    ),
    "tie": (
        "Có {n} người cùng được {votes} phiếu ở vị trí cuối cùng cho {stake} chỉ tiêu còn lại: "
        "{names}.",
        "{n} candidates are tied on {votes} votes at the cut-off for the {stake} seat(s) left: "
        "{names}.",
    ),
    "tie_open": (
        "Chưa xác định được người trúng cử cho {stake} chỉ tiêu này. Cách giải quyết: {policy} "
        "({citation}).",
        "Nobody is elected to these {stake} seat(s) yet. How to resolve it: {policy} ({citation}).",
    ),
    "tie_resolved_policy": (
        "Trường hợp bằng phiếu đã giải quyết theo quy định áp dụng ({policy}; {citation}; {note}): "
        "{winners} trúng cử.",
        "The tie is resolved by the rule applied ({policy}; {citation}; {note}): {winners} "
        "elected.",
    ),
    "tie_resolved_decision": (
        "Trường hợp bằng phiếu đã giải quyết theo quyết định đã ghi nhận ({note}): {winners} "
        "trúng cử.",
        "The tie is resolved by the recorded decision ({note}): {winners} elected.",
    ),
    "shortfall_none": (
        "Không có người nào được quá một nửa so với căn cứ; {seats} chỉ tiêu còn để trống. Việc "
        "bầu tiếp do {assembly} quyết định.",
        "Nobody received more than half of the base; all {seats} seat(s) remain open. Whether "
        "to hold another round is for the {assembly} to decide.",
    ),
    "assembly_congress": ("đại hội", "congress"),
    "assembly_conference": ("hội nghị", "conference"),
    "shortfall": (
        "Còn thiếu {open} chỉ tiêu: chỉ {elected} người được quá một nửa so với căn cứ cho "
        "{seats} chỉ tiêu. Những người đã trúng cử giữ nguyên kết quả; việc bầu tiếp cho số còn "
        "thiếu do {assembly} quyết định.",
        "{open} seat(s) remain open: only {elected} candidate(s) received more than half of the "
        "base for {seats} seat(s). Those elected stay elected; whether to hold another round for "
        "the open seats is for the {assembly} to decide.",
    ),
    "s_complaints": ("VII. Khiếu nại và giải quyết", "VII. Complaints"),
    "no_complaints": ("Không có khiếu nại.", "No complaints."),
    "settled": ("Giải quyết", "Settled"),
    "fingerprint": (
        "Nhật ký kiểm phiếu {file}: {events} sự kiện; mã SHA-256 của sự kiện cuối: {hash}.",
        "Counting log {file}: {events} events; SHA-256 of the last event: {hash}.",
    ),
    "closing": (
        "Biên bản được lập {when} và công bố trước {assembly}.",
        "These minutes were made {when} and announced to the {assembly}.",
    ),
    "closing_when": ("lúc {time}", "at {time}"),
    "closing_blank": (
        "lúc .... giờ .... ngày ..../..../........",
        "at ....:.... on ..../..../....",
    ),
    "sign_head": ("TRƯỞNG BAN KIỂM PHIẾU", "HEAD OF THE COUNTING BOARD"),
    "sign_members": ("CÁC ỦY VIÊN", "MEMBERS"),
    "sign_note": ("(ký, ghi rõ họ tên)", "(signature and full name)"),
}


def _t(key: str, lang: Lang, **params: object) -> str:
    return localize(_L, key, lang, **params)


def _moment(moment: dt.datetime, lang: Lang) -> str:
    if lang == "vi":
        return f"{moment.hour} giờ {moment.minute:02d}, ngày {long_date(moment.date(), lang)}"
    return f"{moment:%H:%M}, {long_date(moment.date(), lang)}"


def minutes_blocks(
    result: ContestResult,
    congress: Congress | MinutesContext | None = None,
    lang: Lang = "vi",
    fingerprint: Fingerprint | None = None,
) -> list[Block]:
    """The minutes of ``result`` as document blocks (see :mod:`tally.render.document`).

    ``congress`` is the spec's congress or a :class:`MinutesContext` (e.g. from a log);
    ``fingerprint``, when given, is printed so the paper binds to the audit log.
    """
    contest, count, rules = result.contest, result.count, result.rules
    context = (
        congress
        if isinstance(congress, MinutesContext)
        else MinutesContext.of(congress, contest.id, contest.round)
    )
    if fingerprint is not None:
        context = context.model_copy(update={"fingerprint": fingerprint})
    body = label(contest.body, lang)
    subtitle = [contest.title or _t("elect", lang, body=body)]
    if contest.round > 1:
        subtitle[0] += _t("round_of", lang, number=contest.round)
    if context.congress is not None:
        term = f", {_t('term_of', lang, term=context.term)}" if context.term else ""
        subtitle.append(context.congress + term)
    blocks: list[Block] = [Title(_t("title", lang), tuple(subtitle))]

    general: list[tuple[str, str]] = []
    if context.congress is not None:
        general.append((_t("congress", lang), context.congress))
        if context.term:
            general.append((_t("term", lang), context.term))
        if context.place:
            general.append((_t("place", lang), context.place))
        if context.date:
            general.append((_t("date", lang), long_date(context.date, lang)))
    if context.counted_at is not None:
        general.append((_t("counted_at", lang), _moment(context.counted_at, lang)))
    general.append((_t("rules", lang), rules.title))
    blocks += [Heading(_t("s_general", lang)), Fields(tuple(general))]

    board = context.board
    blocks.append(Heading(_t("s_board", lang)))
    if board:
        rows = tuple((str(i), m.name, _t(m.role, lang)) for i, m in enumerate(board, start=1))
        blocks.append(
            Table((_t("no", lang), _t("name", lang), ""), rows, ("right", "left", "left"))
        )
    else:
        blocks.append(Paragraph(_t("no_board", lang)))

    blocks += [
        Heading(_t("s_list", lang)),
        Fields(
            (
                (_t("seats", lang), str(contest.seats)),
                (_t("list_size", lang), str(len(contest.candidates))),
                (_t("form", lang), label(contest.form, lang)),
            )
        ),
        Paragraph(_t("list_order", lang) + ":"),
        Table(
            (_t("no", lang), _t("name", lang)),
            tuple((str(i), name) for i, name in enumerate(contest.names, start=1)),
            ("right", "left"),
        ),
    ]

    blocks += [Heading(_t("s_base", lang)), Fields(tuple(_base_lines(result, lang)))]

    invalid_lines = [
        (f"  {label(reason, lang)}", str(n)) for reason, n in count.invalid_by_reason.items() if n
    ]
    blocks += [
        Heading(_t("s_ballots", lang)),
        Fields(
            (
                (_t("issued", lang), str(result.issued)),
                (_t("collected", lang), str(count.collected)),
                (_t("valid", lang), str(count.valid)),
                (_t("invalid", lang), str(count.invalid)),
                *invalid_lines,
                (
                    _t("check", lang),
                    _t(
                        "check_text",
                        lang,
                        valid=count.valid,
                        invalid=count.invalid,
                        collected=count.collected,
                        issued=result.issued,
                    ),
                ),
            )
        ),
        Paragraph(_t("votes_by_candidate", lang) + ":"),
        _votes_table(result, lang),
    ]

    blocks += [Heading(_t("s_elected", lang)), *_elected_blocks(result, lang)]

    blocks.append(Heading(_t("s_complaints", lang)))
    if context.complaints:
        blocks.append(
            Fields(
                tuple(
                    (f"{i}. {summary}", f"{_t('settled', lang)}: {settlement}")
                    for i, (summary, settlement) in enumerate(context.complaints, start=1)
                )
            )
        )
    else:
        blocks.append(Paragraph(_t("no_complaints", lang)))
    if context.fingerprint is not None:
        mark = context.fingerprint
        blocks.append(
            Paragraph(
                _t(
                    "fingerprint",
                    lang,
                    file=mark.file or "",
                    events=mark.events,
                    hash=mark.grouped(),
                )
            )
        )

    when = (
        _t("closing_when", lang, time=_moment(context.counted_at, lang))
        if context.counted_at is not None
        else _t("closing_blank", lang)
    )
    blocks.append(Paragraph(_t("closing", lang, when=when, assembly=_assembly(result, lang))))
    heads = tuple(m.name for m in board if m.role == "head")
    members = tuple(m.name for m in board if m.role != "head")
    blocks.append(
        Signatures(
            ((_t("sign_head", lang), heads), (_t("sign_members", lang), members)),
            _t("sign_note", lang),
        )
    )
    return blocks


@checked
def render_minutes(
    result: ContestResult,
    congress: Congress | MinutesContext | None = None,
    lang: Lang = "vi",
    fmt: Format = "text",
    fingerprint: Fingerprint | None = None,
) -> str:
    """The minutes as plain text (to print and sign) or Markdown."""
    return render(minutes_blocks(result, congress, lang, fingerprint), fmt)


def _assembly(result: ContestResult, lang: Lang) -> str:
    """Who hears the minutes: the congress, or the conference (hội nghị) of a committee."""
    kind = result.roll.kind
    return _t(
        "assembly_conference" if kind is CongressKind.COMMITTEE_CONFERENCE else "assembly_congress",
        lang,
    )


def _people(result: ContestResult, lang: Lang) -> str:
    """Who is counted: official members, official delegates or members of the body."""
    return _t(f"people_{result.roll.kind.value}", lang)


def _base_lines(result: ContestResult, lang: Lang) -> list[tuple[str, str]]:
    roll, rules, outcome = result.roll, result.rules, result.outcome
    convened_key = {
        CongressKind.MEMBER_CONGRESS: "convened_members",
        CongressKind.DELEGATE_CONGRESS: "convened_delegates",
        CongressKind.COMMITTEE_CONFERENCE: "convened_committee",
    }[roll.kind]
    lines = [(_t(convened_key, lang), str(roll.convened))]
    deductions = roll.deduction_lines()
    if deductions:
        lines.append((_t("deduct", lang), ""))
        lines += [(f"  {label(cat, lang)}", str(n)) for cat, n in deductions]
    else:
        lines.append((_t("deduct", lang), _t("none", lang)))
    base_label = {
        ThresholdBase.ROLL: "base",
        ThresholdBase.VALID_BALLOTS: "base_valid",
        ThresholdBase.COLLECTED_BALLOTS: "base_collected",
    }[rules.threshold.base]
    lines.append((_t(base_label, lang, people=_people(result, lang)), str(outcome.base)))
    quorum = result.quorum
    quorum_text = _t(
        "quorum_ok" if quorum.met else "quorum_no",
        lang,
        num=rules.quorum.numerator,
        den=rules.quorum.denominator,
        req=quorum.required,
    )
    lines.append(
        (_t("present", lang, people=_people(result, lang)), f"{roll.present} — {quorum_text}")
    )
    lines.append(
        (
            _t("threshold", lang),
            _t(
                "threshold_text",
                lang,
                base=outcome.base,
                min=outcome.min_votes,
                citation=rules.threshold.citation.render(lang),
            ),
        )
    )
    return lines


def _percent(result: ContestResult, votes: int, lang: Lang) -> str:
    return result.rules.percent.format(votes, result.outcome.base, lang) + "%"


def _verdict(result: ContestResult, standing: Standing, lang: Lang) -> str:
    tie = result.outcome.tie
    if standing.elected:
        return _t("r_elected", lang)
    if standing.alternate:
        return _t("r_alternate", lang)
    alternate_tie = result.outcome.alternate_tie
    open_tie = alternate_tie is not None and result.outcome.alternate_resolution is None
    if open_tie and alternate_tie is not None and standing.name in alternate_tie.candidates:
        return _t("r_tied", lang)
    if (
        tie is not None
        and result.outcome.tie_resolution is None
        and standing.name in tie.candidates
    ):
        return _t("r_tied", lang)
    return _t("r_above" if standing.above_threshold else "r_below", lang)


def _votes_table(result: ContestResult, lang: Lang) -> Table:
    yes_no = result.contest.form is BallotForm.YES_NO
    headers = [_t("no", lang), _t("name", lang)]
    headers += (
        [_t("agree", lang), _t("disagree", lang), _t("unmarked", lang)]
        if yes_no
        else [_t("votes", lang)]
    )
    headers += [_t("percent", lang), _t("result", lang)]
    rows = []
    for s in result.outcome.standings:
        cells = [str(s.number), s.name, str(s.votes)]
        if yes_no:
            cells += [str(s.against), str(s.unmarked)]
        cells += [_percent(result, s.votes, lang), _verdict(result, s, lang)]
        rows.append(tuple(cells))
    align = ("right", "left", *(["right"] * (len(headers) - 3)), "left")
    return Table(tuple(headers), tuple(rows), align)  # type: ignore[arg-type]


def _elected_blocks(result: ContestResult, lang: Lang) -> list[Block]:
    outcome, contest = result.outcome, result.contest
    votes = {s.name: s.votes for s in outcome.standings}
    blocks: list[Block] = []
    if outcome.elected:
        blocks.append(Paragraph(_t("elected_order", lang) + ":"))
        blocks.append(
            Table(
                (_t("rank", lang), _t("name", lang), _t("votes", lang), _t("percent", lang)),
                tuple(
                    (str(i), name, str(votes[name]), _percent(result, votes[name], lang))
                    for i, name in enumerate(outcome.elected, start=1)
                ),
                ("right", "left", "right", "right"),
            )
        )
    else:
        blocks.append(Paragraph(_t("nobody", lang)))
    resolution = outcome.tie_resolution
    if outcome.tie is not None:
        tie = outcome.tie
        blocks.append(
            Paragraph(
                _t(
                    "tie",
                    lang,
                    n=len(tie.candidates),
                    votes=tie.votes,
                    stake=tie.seats_at_stake,
                    names=", ".join(tie.candidates),
                )
            )
        )
        if resolution is None:
            open_text = _t(
                "tie_open",
                lang,
                stake=tie.seats_at_stake,
                policy=label(result.rules.tie.policy, lang),
                citation=result.rules.tie.citation.render(lang),
            )
            blocks.append(Paragraph(open_text))
        else:
            winners = ", ".join(resolution.winners)
            if resolution.by is not None:
                text = _t(
                    "tie_resolved_policy",
                    lang,
                    policy=label(resolution.by, lang),
                    citation=result.rules.tie.citation.render(lang),
                    note=resolution.note,
                    winners=winners,
                )
            else:
                text = _t("tie_resolved_decision", lang, note=resolution.note, winners=winners)
            blocks.append(Paragraph(text))
    if outcome.alternates:
        blocks.append(Paragraph(_t("alternates_order", lang)))
        blocks.append(
            Table(
                (_t("rank", lang), _t("name", lang), _t("votes", lang), _t("percent", lang)),
                tuple(
                    (str(i), name, str(votes[name]), _percent(result, votes[name], lang))
                    for i, name in enumerate(outcome.alternates, start=1)
                ),
                ("right", "left", "right", "right"),
            )
        )
    if outcome.alternate_tie is not None:
        a_tie = outcome.alternate_tie
        blocks.append(
            Paragraph(
                _t(
                    "alternate_tie",
                    lang,
                    n=len(a_tie.candidates),
                    votes=a_tie.votes,
                    stake=a_tie.seats_at_stake,
                    names=", ".join(a_tie.candidates),
                )
            )
        )
    if outcome.alternate_resolution is not None:
        blocks.append(
            Paragraph(
                _t(
                    "tie_resolved_decision",
                    lang,
                    note=outcome.alternate_resolution.note,
                    winners=", ".join(outcome.alternate_resolution.winners),
                )
            )
        )
    if outcome.status is OutcomeStatus.SHORTFALL:
        blocks.append(
            Paragraph(
                _t(
                    "shortfall" if outcome.elected else "shortfall_none",
                    lang,
                    open=outcome.open_seats,
                    elected=len(outcome.elected),
                    seats=contest.seats,
                    assembly=_assembly(result, lang),
                )
            )
        )
    elif outcome.status is OutcomeStatus.COMPLETE:
        blocks.append(Paragraph(_t("complete", lang, seats=contest.seats)))
    return blocks
