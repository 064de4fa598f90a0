"""The domain's vocabulary in Vietnamese and English: bodies, deductions, reasons, forms.

Enumerations keep English identifiers; this table gives the words a board reads. It is keyed by
the enumeration's class name and member value, so it imports none of them.

>>> from tally.model.bodies import Body
>>> label(Body.STANDING_COMMITTEE), label(Body.STANDING_COMMITTEE, "en")
('Ban Thường vụ', 'standing committee')
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from enum import Enum

from tally.i18n.messages import Lang

_LABELS: dict[str, dict[str, tuple[str, str]]] = {
    "EventKind": {
        "session_opened": ("mở nhật ký", "log opened"),
        "contest_opened": ("mở cuộc bầu", "contest opened"),
        "board_constituted": ("Ban kiểm phiếu", "counting board"),
        "ballots_issued": ("số phiếu phát ra", "ballots issued"),
        "batch_declared": ("sấp phiếu", "stack declared"),
        "ballot_recorded": ("phiếu nhập", "ballot entered"),
        "ballot_corrected": ("phiếu sửa", "ballot corrected"),
        "ballot_withdrawn": ("phiếu hủy nhập", "entry withdrawn"),
        "ballots_collected": ("số phiếu thu vào", "ballots collected"),
        "stations_merged": ("gộp các máy nhập", "stations merged"),
        "discrepancy_ruled": ("phán quyết phiếu chênh lệch", "discrepancy ruled"),
        "complaint_recorded": ("khiếu nại", "complaint"),
        "count_closed": ("kết thúc kiểm phiếu", "count closed"),
        "decision_recorded": ("quyết định của đại hội", "decision"),
    },
    "Body": {
        "executive_committee": ("Ban Chấp hành", "executive committee"),
        "standing_committee": ("Ban Thường vụ", "standing committee"),
        "secretary": ("Bí thư", "secretary"),
        "deputy_secretary": ("Phó Bí thư", "deputy secretary"),
        "inspection_commission": ("Ủy ban Kiểm tra", "inspection commission"),
        "inspection_chair": ("Chủ nhiệm Ủy ban Kiểm tra", "chair of the inspection commission"),
        "upper_delegates": ("đại biểu dự đại hội cấp trên", "delegates to the upper congress"),
        "upper_alternates": (
            "đại biểu dự khuyết dự đại hội cấp trên",
            "alternate delegates to the upper congress",
        ),
        "cell_committee": ("Chi ủy", "chi bộ committee (chi ủy)"),
        "cell_secretary": ("Bí thư chi bộ", "chi bộ secretary"),
        "cell_deputy_secretary": ("Phó Bí thư chi bộ", "chi bộ deputy secretary"),
    },
    "CongressKind": {
        "member_congress": ("Đại hội đảng viên", "member congress"),
        "delegate_congress": ("Đại hội đại biểu", "delegate congress"),
        "committee_conference": ("Hội nghị cấp ủy", "committee conference"),
    },
    "Deduction": {
        "temporary_registration": (
            "sinh hoạt đảng tạm thời ở đảng bộ khác",
            "on temporary Party registration elsewhere",
        ),
        "exempt_absent": (
            "miễn công tác và sinh hoạt đảng, không có mặt",
            "exempted from Party activity and not present",
        ),
        "suspended": ("đang bị đình chỉ sinh hoạt đảng", "suspended from Party activity"),
        "prosecuted": (
            "bị khởi tố, truy tố, tạm giam",
            "prosecuted, indicted or detained",
        ),
        "absent_with_reason": (
            "vắng mặt suốt thời gian đại hội có lý do được chấp nhận",
            "absent for the whole congress with an accepted reason",
        ),
        "convening_committee_absent": (
            "cấp ủy viên triệu tập đại hội vắng mặt suốt thời gian đại hội",
            "convening-committee members absent for the whole congress",
        ),
        "delegate_absent_no_alternate": (
            "đại biểu chính thức vắng mặt suốt thời gian đại hội, không có dự khuyết thay",
            "official delegates absent for the whole congress with no alternate",
        ),
    },
    "BallotForm": {
        "strike_out": ("phiếu gạch tên", "strike-out ballot"),
        "yes_no": ("phiếu đồng ý / không đồng ý", "agree / disagree ballot"),
    },
    "InvalidReason": {
        "not_issued": (
            "không phải phiếu do Ban kiểm phiếu phát ra",
            "not issued by the counting board",
        ),
        "over_seats": ("bầu quá số lượng", "votes for more people than the seats"),
        "no_vote": (
            "không bầu cho người nào (gạch hết tên hoặc không đánh dấu rõ)",
            "votes for nobody (every name struck, or no clear mark)",
        ),
        "yes_no_unclear": (
            "đánh dấu cả hai ô hoặc không đánh dấu ô nào",
            "both boxes or neither marked",
        ),
        "write_in": ("ghi thêm tên ngoài danh sách", "a name written in"),
        "identifying_mark": (
            "có ký tên hoặc đánh dấu riêng",
            "signed or carrying identifying marks",
        ),
    },
    "OutcomeStatus": {
        "complete": ("đã bầu đủ", "all seats filled"),
        "tie": ("có người bằng phiếu ở vị trí cuối cùng", "a tie at the cut-off"),
        "shortfall": ("chưa bầu đủ số lượng", "seats left open"),
        "alternate_tie": (
            "có người bằng phiếu ở vị trí dự khuyết cuối cùng",
            "a tie at the alternates' cut-off",
        ),
    },
    "ContestStatus": {
        "complete": ("đã bầu đủ", "all seats filled"),
        "awaiting_ballots": ("chờ phiếu", "awaiting ballots"),
        "needs_revote": ("cần bầu lại (bằng phiếu)", "re-vote needed (tie)"),
        "needs_round": ("chưa đủ, chờ quyết định", "seats open, decision needed"),
        "appointed_by_upper_level": ("cấp trên chỉ định", "appointed by the upper level"),
        "waiting_for_source": ("chờ kết quả cuộc bầu trước", "waiting for an earlier contest"),
        "alternate_tie": ("bằng phiếu ở vị trí dự khuyết", "tie among alternates"),
    },
    "TiePolicy": {
        "revote": ("bầu lại giữa những người bằng phiếu", "re-vote among the tied"),
        "older_wins": ("người nhiều tuổi hơn trúng cử", "the older candidate wins"),
        "congress_decides": ("đại hội quyết định", "the congress decides"),
    },
}


_MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip


def long_date(day: dt.date, lang: Lang = "vi") -> str:
    """A date as the minutes write it, whatever the machine's locale.

    >>> long_date(dt.date(2025, 7, 9)), long_date(dt.date(2025, 7, 9), "en")
    ('9 tháng 7 năm 2025', '9 July 2025')
    """
    if lang == "vi":
        return f"{day.day} tháng {day.month} năm {day.year}"
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


def label(member: Enum, lang: Lang = "vi") -> str:
    """The word a board reads for an enumeration member."""
    vi, en = _LABELS[type(member).__name__][str(member.value)]
    return vi if lang == "vi" else en


@dataclass(frozen=True, slots=True)
class Term:
    """An enumeration member as a message parameter, rendered in the reader's language."""

    member: Enum

    def render(self, lang: Lang = "vi") -> str:
        """The member's label in ``lang``."""
        return label(self.member, lang)


_TERM_WORD = re.compile(r"^\s*(?:nhiệm\s+kỳ|term)\b\s*:?\s*", re.IGNORECASE)


def bare_term(term: str) -> str:
    """The term's years without the word "nhiệm kỳ" / "term", which the minutes print
    themselves, so ``term = "nhiệm kỳ 2025–2030"`` and ``term = "2025–2030"`` read alike.

    >>> bare_term("nhiệm kỳ 2025–2030"), bare_term("Nhiệm kỳ: 2025–2030")
    ('2025–2030', '2025–2030')
    >>> bare_term("Term 2025-2030"), bare_term("2025–2030"), bare_term("khóa I")
    ('2025-2030', '2025–2030', 'khóa I')
    """
    normal = unicodedata.normalize("NFC", term)
    stripped = _TERM_WORD.sub("", normal, count=1)
    return stripped.strip() or normal.strip()
