"""Messages of the count: ballot figures, decisions on ties, open votes."""

TABLE: dict[str, tuple[str, str]] = {
    # --- open votes ---
    "open_vote.too_many": (
        "Tổng số biểu quyết ({total}) lớn hơn số người có mặt ({present}).",
        "{total} votes in all is more than the {present} present.",
    ),
    # --- the count ---
    "count.collected_exceeds_issued": (
        "Số phiếu thu vào ({collected}) lớn hơn số phiếu phát ra ({issued}). Kiểm phiếu dừng lại: "
        "kiểm tra lại phiếu phát ra, phiếu thu vào và kiểm phiếu lại ({citation}).",
        "{collected} ballots collected is more than the {issued} issued. The count stops: check "
        "ballots issued and collected, and recount ({citation}).",
    ),
    "count.negative": (
        "{field} là {value}; số phiếu không thể âm.",
        "{field} is {value}; a number of ballots cannot be negative.",
    ),
    "count.issued_exceeds_present": (
        "Số phiếu phát ra ({issued}) lớn hơn số người có mặt ({present}): mỗi người có mặt chỉ "
        "nhận một phiếu. Kiểm tra lại số phiếu phát ra và số có mặt.",
        "{issued} ballots issued is more than the {present} present: each person present gets "
        "one ballot. Check ballots issued and the number present.",
    ),
    "count.collected_mismatch": (
        "Ban kiểm phiếu báo {declared} phiếu thu vào nhưng đã nhập {entered} phiếu. Nhập đủ các "
        "phiếu còn thiếu hoặc sửa số báo cáo; kết quả chưa thể lập.",
        "The board reports {declared} ballots collected but {entered} were entered. Enter the "
        "missing ballots or correct the figure; no result can be made until they agree.",
    ),
    "count.unreconciled": (
        "Phiếu hợp lệ ({valid}) + không hợp lệ ({invalid}) khác số phiếu thu vào ({collected}).",
        "Valid ({valid}) + invalid ({invalid}) differs from ballots collected ({collected}).",
    ),
    "count.contest_mismatch": (
        "Không cộng được kết quả của hai cuộc bầu khác nhau ({left} và {right}).",
        "Cannot merge the counts of two different contests ({left} and {right}).",
    ),
    # --- decisions on ties ---
    "decision.not_tied": (
        "Quyết định chọn {names} nhưng chỉ được chọn trong số những người bằng phiếu: {tied}.",
        "The decision names {names}, but only the tied candidates may be chosen: {tied}.",
    ),
    "decision.wrong_number": (
        "Quyết định chọn {got} người nhưng có {seats} chỉ tiêu đang xét.",
        "The decision names {got} people for the {seats} seats at stake.",
    ),
    "decision.duplicate": (
        "Quyết định ghi tên {name} hai lần.",
        "The decision names {name} twice.",
    ),
    "decision.no_tie": (
        "Có quyết định về trường hợp bằng phiếu nhưng kết quả không có ai bằng phiếu ở vị trí "
        "cuối. Bỏ quyết định này.",
        "A tie decision was given but there is no tie at the cut-off. Remove the decision.",
    ),
}
