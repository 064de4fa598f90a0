"""The words of the station's entry page (``GET /`` of tally station), passed to its script."""

TABLE: dict[str, tuple[str, str]] = {
    "station_page.title": ("Nhập phiếu", "Ballot entry"),
    "station_page.station": ("Máy {station}", "Station {station}"),
    "station_page.stacks": ("Sấp phiếu", "Stacks"),
    "station_page.hand_count": ("Số phiếu đếm tay của sấp mới", "Hand count of the next stack"),
    "station_page.hand_count_hint": (
        "Đếm lại một sấp đã nhập: gõ tên sấp rồi số phiếu, ví dụ S01\u00a049.",
        "A stack already entered, recounted: type its name and the number, e.g. S01\u00a049.",
    ),
    "station_page.gaps": (
        "Còn trống (nhập vào bằng F9): {gaps}",
        "Empty places (enter into them with F9): {gaps}",
    ),
    "station_page.declare": ("Mở sấp", "Open stack"),
    "station_page.no_stack": (
        "Chưa mở sấp: ghi số phiếu đếm tay rồi bấm Enter (F4).",
        "No stack open: type its hand count and press Enter (F4).",
    ),
    "station_page.entered": ("Đã nhập {entered} phiếu", "{entered} ballots entered"),
    "station_page.entry": ("Phiếu đang nhập", "Ballot being entered"),
    "station_page.next": ("Phiếu tiếp theo: {serial}", "Next ballot: {serial}"),
    "station_page.mode_struck": (
        "Gõ số thứ tự các tên bị GẠCH, cách nhau dấu cách; Enter để ghi.",
        "Type the numbers of the names STRUCK, separated by spaces; Enter records.",
    ),
    "station_page.mode_kept": (
        "Chế độ GIỮ LẠI: gõ số thứ tự các tên được giữ lại; Enter để ghi.",
        "KEPT mode: type the numbers of the names kept; Enter records.",
    ),
    "station_page.mode_yes_no": (
        "Gõ số thứ tự rồi a (đồng ý), d (không đồng ý), b (cả hai), ví dụ 1a; Enter để ghi.",
        "Type a number then a (agree), d (disagree), b (both), e.g. 1a; Enter records.",
    ),
    "station_page.struck_label": ("gạch", "struck"),
    "station_page.kept_label": ("giữ", "kept"),
    "station_page.agree": ("đồng ý", "agree"),
    "station_page.disagree": ("không đồng ý", "disagree"),
    "station_page.both": ("cả hai", "both"),
    "station_page.not_a_number": (
        "«{token}» không phải số thứ tự trong danh sách.",
        "«{token}» is not a number on the list.",
    ),
    "station_page.not_yes_no": (
        "«{token}»: cần số thứ tự rồi a, d hoặc b (ví dụ 1a).",
        "«{token}»: needs a number then a, d or b (e.g. 1a).",
    ),
    "station_page.confirm_empty": (
        "Phiếu không đánh dấu gì: bấm Enter lần nữa để ghi, Esc để thôi.",
        "Nothing marked on this ballot: press Enter again to record it, Esc to go back.",
    ),
    "station_page.saving": ("Đang ghi…", "Recording…"),
    "station_page.saved": ("Đã ghi phiếu {serial}.", "Ballot {serial} recorded."),
    "station_page.not_saved": (
        "Phiếu {serial} ({typed}) CHƯA ĐƯỢC GHI: không liên lạc được máy nhập phiếu. Giữ lá "
        "phiếu này; khi máy chạy lại, xem danh sách phiếu vừa nhập rồi nhập lại nếu chưa có.",
        "Ballot {serial} ({typed}) was NOT SAVED: the station did not answer. Keep this ballot "
        "aside; when the station is back, check the latest ballots and enter it again if missing.",
    ),
    "station_page.request_failed": (
        "Không liên lạc được máy nhập phiếu: thao tác chưa được ghi.",
        "The station did not answer: nothing was recorded.",
    ),
    "station_page.undone": (
        "Đã hoàn tác phiếu {serial}; phiếu đã đưa lại vào dòng nhập: sửa rồi bấm Enter.",
        "Ballot {serial} undone and put back in the entry line: fix it and press Enter.",
    ),
    "station_page.latest": ("Mười phiếu vừa nhập", "The last ten ballots"),
    "station_page.empty_ballot": ("(không đánh dấu)", "(nothing marked)"),
    "station_page.correct": (
        "Sửa phiếu, nhập vào chỗ trống (F9)",
        "Correct a ballot, fill an empty place (F9)",
    ),
    "station_page.reason_gap": (
        "Lý do (để trống nếu nhập vào chỗ trống)",
        "Reason (none for an empty place)",
    ),
    "station_page.gap_filled": (
        "Đã nhập phiếu vào chỗ trống {serial}.",
        "Ballot entered into the empty place {serial}.",
    ),
    "station_page.withdrawn_gap": (
        "Đã rút phiếu {serial}; sấp đó còn trống chỗ {serial}. Phiếu gõ ở dòng nhập không vào "
        "chỗ này: lá phiếu của sấp đó chưa được nhập thì nhập vào số {serial} bằng F9.",
        "Ballot {serial} withdrawn; its stack now has an empty place {serial}. Ballots typed on "
        "the entry line do not go there: the ballot of that stack not yet entered goes into "
        "{serial} with F9.",
    ),
    "station_page.recount": ("Số phiếu đếm lại của sấp", "The stack's recounted number"),
    "station_page.recounted": (
        "Đã ghi lại số phiếu của sấp {batch}: {expected}.",
        "Stack {batch} declared again: {expected}.",
    ),
    "station_page.withdraw": ("Rút phiếu (F10)", "Withdraw a ballot (F10)"),
    "station_page.serial": ("Số phiếu", "Serial"),
    "station_page.marks": ("Đọc lại", "Read again"),
    "station_page.reason": ("Lý do", "Reason"),
    "station_page.submit": ("Ghi", "Record"),
    "station_page.corrected": ("Đã sửa phiếu {serial}.", "Ballot {serial} corrected."),
    "station_page.withdrawn": ("Đã rút phiếu {serial}.", "Ballot {serial} withdrawn."),
    "station_page.close": ("Khóa sổ (F3)", "Close the count (F3)"),
    "station_page.issued": ("Số phiếu phát ra", "Ballots issued"),
    "station_page.collected": ("Số phiếu thu vào", "Ballots collected"),
    "station_page.close_button": ("Khóa sổ", "Close"),
    "station_page.closed": (
        "Đã khóa sổ: {entered} phiếu. Kết quả:",
        "The count is closed: {entered} ballots. Result:",
    ),
    "station_page.elected": ("Người trúng cử", "Elected"),
    "station_page.nobody": ("Không có ai trúng cử.", "Nobody is elected."),
    "station_page.votes": ("phiếu", "votes"),
    "station_page.show_totals": (
        "Chiếu số phiếu từng người lên màn hình",
        "Show each candidate's votes on the hall's screen",
    ),
    "station_page.print_minutes": ("In biên bản kiểm phiếu:", "Print the counting minutes:"),
    "station_page.print_entry_log": ("In nhật ký nhập phiếu:", "Print the ballot-entry log:"),
    "station_page.format_pdf": ("PDF", "PDF"),
    "station_page.format_docx": ("Word", "Word"),
    "station_page.format_html": ("HTML", "HTML"),
    "station_page.format_txt": ("Văn bản", "Text"),
    "station_page.keys": ("Phím tắt", "Keys"),
    "station_page.key_kept": ("chuyển gạch / giữ lại", "struck / kept mode"),
    "station_page.key_undo": ("hoàn tác phiếu vừa ghi", "undo the last ballot"),
    "station_page.key_escape": ("về dòng nhập, bỏ phiếu đang gõ", "back to the entry line"),
    "station_page.obs_not_issued": ("Phiếu không do tổ bầu cử phát", "Not issued by the board"),
    "station_page.obs_write_in": ("Ghi thêm tên ngoài danh sách", "Name written in"),
    "station_page.obs_identifying_mark": ("Có ký hiệu riêng, ký tên", "Identifying mark"),
}
