"""The words of the projection page for the hall (``tally screen``, ``tally replay --screen``)."""

TABLE: dict[str, tuple[str, str]] = {
    "screen.page_title": ("Kết quả bầu cử", "Election results"),
    "screen.base": ("Căn cứ tính kết quả", "Threshold base"),
    "screen.needed": ("Số phiếu cần để trúng cử", "Votes needed"),
    "screen.needed_note": ("quá một nửa căn cứ", "more than half the base"),
    "screen.elected_count": ("Số người trúng cử", "Elected"),
    "screen.elected": ("Người trúng cử, xếp theo số phiếu", "Elected, by votes"),
    "screen.alternates": ("Đại biểu dự khuyết, xếp theo số phiếu", "Alternate delegates, by votes"),
    "screen.part": ("{first}–{last} trong {total}", "{first}–{last} of {total}"),
    "screen.legend": ("số phiếu · tỷ lệ so với căn cứ", "votes · % of the base"),
    "screen.tie": (
        "Bằng phiếu ở vị trí cuối cùng: {n} người cùng được {votes} phiếu cho {stake} chỉ tiêu "
        "còn lại",
        "Tied at the cut-off: {n} candidates on {votes} votes for {stake} seat(s) left",
    ),
    "screen.alternate_tie": (
        "Bằng phiếu ở vị trí dự khuyết cuối cùng: {n} người cùng được {votes} phiếu cho {stake} "
        "vị trí còn lại",
        "Tied at the alternates' cut-off: {n} candidates on {votes} votes for {stake} place(s) "
        "left",
    ),
    "screen.tie_open": (
        "Chưa xác định người trúng cử cho {stake} chỉ tiêu này. Cách giải quyết: {policy}.",
        "Nobody is elected to these {stake} seat(s) yet. To resolve it: {policy}.",
    ),
    "screen.alternate_tie_open": (
        "Thứ tự dự khuyết của những người này do đại hội quyết định.",
        "The congress decides their places among the alternates.",
    ),
    "screen.tie_resolved": (
        "Có {n} người bằng phiếu ({votes} phiếu) ở vị trí cuối cùng: {names}. Đã giải quyết: "
        "{winners}.",
        "{n} candidates tied on {votes} votes at the cut-off: {names}. Resolved: {winners}.",
    ),
    "screen.open_seats": (
        "Còn thiếu {open} trong {seats} chỉ tiêu.",
        "{open} of {seats} seats remain open.",
    ),
    "screen.nobody": ("Không có người nào trúng cử.", "No candidate is elected."),
    "screen.no_results": ("Chưa có kết quả kiểm phiếu.", "No results counted yet."),
    "screen.keys": (
        "→, ↓, cách, PgDn: trang sau · ←, ↑, PgUp: trang trước · Home, End · F: toàn màn hình",
        "→, ↓, Space, PgDn: next · ←, ↑, PgUp: back · Home, End · F: full screen",
    ),
}
