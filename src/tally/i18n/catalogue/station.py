"""The words of the entry station (tally station): its refusals and its page."""

TABLE: dict[str, tuple[str, str]] = {
    "station.stack_open": (
        "Sấp {batch} mới nhập {entered}/{expected} phiếu. Nhập tiếp cho đủ; nếu đếm lại thấy "
        "khác, rút các phiếu nhập thừa (F10) hoặc ghi lại số phiếu của sấp (F4).",
        "Stack {batch} has {entered} of its {expected} ballots entered. Enter the rest; if a "
        "recount differs, withdraw the extra entries (F10) or declare the stack again (F4).",
    ),
    "station.stack_recount": (
        "Sấp {batch} đang nhập ({entered}/{expected} phiếu), chưa mở sấp mới được. Nếu đếm lại "
        "sấp {batch} được {given} phiếu, bấm Enter lần nữa để ghi lại số phiếu của sấp {batch} "
        "là {given}; nếu không, Esc rồi nhập tiếp cho đủ.",
        "Stack {batch} is being entered ({entered} of {expected} ballots): no new stack yet. If "
        "stack {batch} recounted holds {given} ballots, press Enter again to declare it again "
        "with {given}; if not, Esc and enter the rest.",
    ),
    "station.recount_below_entered": (
        "Sấp {batch} đã nhập {entered} phiếu, nhiều hơn {given}: rút các phiếu nhập thừa (F10) "
        "rồi mới ghi lại số phiếu của sấp.",
        "Stack {batch} already has {entered} ballots entered, more than {given}: withdraw the "
        "extra entries (F10) before declaring it again.",
    ),
    "station.stack_size": (
        "Sấp có {expected} phiếu? Một sấp có từ 1 phiếu đến nhiều nhất {present} phiếu (số "
        "người có mặt). Đếm lại sấp rồi ghi đúng số phiếu đếm được.",
        "A stack of {expected} ballots? A stack holds from 1 ballot to at most {present} (the "
        "people present). Count the stack again and give the number counted.",
    ),
    "station.no_stack": (
        "Chưa mở sấp phiếu: đếm sấp phiếu, ghi số phiếu của sấp rồi mới nhập.",
        "No stack is open: count the stack by hand and declare it before entering.",
    ),
    "station.no_stack_gaps": (
        "Không có sấp nào đang nhập, nhưng còn chỗ trống trong sấp đã nhập: {gaps}. Nhập phiếu "
        "còn thiếu vào đúng số đó (F9, gõ số phiếu), hoặc đếm sấp mới rồi ghi số phiếu (F4).",
        "No stack is being entered, but entered stacks have empty places: {gaps}. Enter the "
        "missing ballot into that serial (F9, type the serial), or count a new stack and "
        "declare it (F4).",
    ),
    "station.not_a_gap": (
        "{serial} không phải chỗ trống của một sấp đã nhập (chỗ trống: {gaps}). Để sửa phiếu đã "
        "nhập, ghi lý do sửa; phiếu của sấp đang nhập thì nhập bình thường.",
        "{serial} is not an empty place of an entered stack (empty places: {gaps}). To correct "
        "an entered ballot, give the reason; a ballot of the stack being entered is entered "
        "as usual.",
    ),
    "station.stack_short": (
        "Sấp {batch} mới nhập {entered}/{expected} phiếu (chỗ trống: {gaps}), chưa khóa sổ được. "
        "Nhập phiếu còn thiếu vào đúng số đó (F9), hoặc nếu đếm lại sấp thấy ít hơn, ghi lại số "
        "phiếu của sấp (F4, gõ {batch} rồi số phiếu).",
        "Stack {batch} has {entered} of its {expected} ballots entered (empty places: {gaps}): the "
        "count cannot close. Enter the missing ballot into that serial (F9), or, if a recount "
        "of the stack finds fewer, declare it again (F4, type {batch} and the number).",
    ),
    "station.close_empty": (
        "Khóa sổ với 0 phiếu thu vào ({issued} phiếu phát ra)? Khóa sổ rồi thì không nhập thêm "
        "được phiếu nào. Nếu đúng là không có phiếu nào, bấm Enter lần nữa; nếu không, Esc.",
        "Close the count with 0 ballots collected ({issued} issued)? Once closed, no ballot can "
        "be entered. If there really are none, press Enter again; if not, Esc.",
    ),
    "station.unknown_stack": (
        "Không có sấp {batch} (các sấp: {known}).",
        "There is no stack {batch} (the stacks: {known}).",
    ),
    "station.nothing_to_undo": (
        "Máy này chưa nhập phiếu nào để hoàn tác.",
        "This station has entered no ballot to undo.",
    ),
    "station.unknown_field": (
        "Trường {field!r} không có trong một lá phiếu (có: struck, kept, agree, disagree, both, "
        "observations).",
        "Field {field!r} is not part of a ballot (use: struck, kept, agree, disagree, both, "
        "observations).",
    ),
    "station.collected_differs": (
        "Đã nhập {entered} phiếu nhưng số phiếu thu vào là {collected}. Đếm lại phiếu thu vào, "
        "hoặc nhập các phiếu còn thiếu / rút các phiếu nhập thừa trước khi khóa sổ.",
        "{entered} ballots are entered but {collected} were collected. Count the collected "
        "ballots again, or enter the missing / withdraw the extra ones before closing.",
    ),
    "station.over_seats_check": (
        "Phiếu giữ lại {kept} tên, nhiều hơn số lượng bầu ({seats}): đọc lại phiếu xem có gõ sót "
        "số nào không. Nếu đúng là phiếu bầu quá số lượng, bấm Enter lần nữa để ghi (phiếu "
        "không hợp lệ).",
        "The ballot keeps {kept} names, more than the {seats} seats: read it again for a number "
        "left out. If it really votes for too many, press Enter again to record it (invalid).",
    ),
    "station.other_station_log": (
        "Nhật ký này là của máy {owner}, không phải máy {station}: mỗi máy một nhật ký. Mở lại "
        "với --station {owner}, hoặc cho máy {station} một tệp nhật ký mới.",
        "This log belongs to station {owner}, not {station}: each station keeps its own log. "
        "Open it again with --station {owner}, or give station {station} a new log file.",
    ),
    "station.port_in_use": (
        "Cổng {port} trên {host} đang có chương trình khác dùng (có thể một trạm nhập phiếu khác "
        "đang chạy trên máy này). Chọn cổng khác bằng --port, ví dụ --port {other}.",
        "Port {port} on {host} is in use by another program (perhaps another entry station on "
        "this machine). Choose another with --port, e.g. --port {other}.",
    ),
    "station.bad_request": (
        "Yêu cầu không phải một đối tượng JSON.",
        "The request is not a JSON object.",
    ),
    "station.token": (
        "Cần mã truy cập của máy nhập phiếu: mở lại địa chỉ có mã (…/?token=…) in ra khi khởi "
        "động máy.",
        "This station needs its access token: open again the address with the token "
        "(…/?token=…) printed when the station started.",
    ),
    "station.valid": ("Phiếu hợp lệ", "Valid ballot"),
    "station.whole_number": (
        "{field}: cần một số nguyên không âm.",
        "{field}: needs a whole number, not negative.",
    ),
    "station.text_needed": (
        "{field}: cần ghi rõ (không để trống).",
        "{field}: must be given (not empty).",
    ),
    "station.minutes_not_closed": (
        "Chưa khóa sổ nên chưa có biên bản kiểm phiếu: khóa sổ (F3) rồi in biên bản. Nhật ký "
        "nhập phiếu thì in được bất cứ lúc nào.",
        "The count is not closed, so there are no minutes yet: close the count (F3), then "
        "print them. The ballot-entry log can be printed at any time.",
    ),
    "station.listening": (
        "Máy nhập phiếu {station} — {contest}; nhật ký {log}. Mở trang nhập phiếu trên trình "
        "duyệt:",
        "Entry station {station} — {contest}; log {log}. Open the entry page in a browser:",
    ),
    "station.listening_screen": (
        "Màn hình chiếu cho hội trường: {address}",
        "The hall's screen: {address}",
    ),
    "station.token_printed": (
        "Mã truy cập: {token} — chỉ đưa cho máy được phép nhập phiếu. Mã được giữ trong {file}: "
        "khởi động lại trạm vẫn dùng mã này (xóa tệp đó để có mã mới).",
        "Access token: {token} — give it only to the machines allowed to enter ballots. It is "
        "kept in {file}: the station keeps it when started again (delete that file for a new "
        "one).",
    ),
    "station.token_weak": (
        "Mã truy cập cần ít nhất 16 ký tự, chỉ gồm chữ không dấu, chữ số, - và _ (để ghi được "
        "trong địa chỉ và khó đoán). Bỏ --token để trạm tự tạo mã.",
        "The access token needs at least 16 characters, only ASCII letters, digits, - and _ "
        "(to stand in an address and be hard to guess). Leave out --token for one made by "
        "the station.",
    ),
    "station.token_file_bad": (
        "Tệp giữ mã truy cập không đọc được hoặc không chứa một mã hợp lệ. Xóa tệp đó để trạm "
        "tạo mã mới (các máy đã mở trang phải mở lại địa chỉ có mã mới), hoặc cho mã bằng "
        "--token.",
        "The file keeping the access token cannot be read or holds no valid token. Delete it "
        "for a new token (machines with the page open must open the new address), or give "
        "one with --token.",
    ),
    "station.stopped": (
        "Đã dừng máy nhập phiếu; mọi phiếu đã ghi đều nằm trong nhật ký {log} (mã sự kiện cuối "
        "{hash}). Chạy lại đúng lệnh này để nhập tiếp.",
        "The station has stopped; every ballot recorded is in the log {log} (last event {hash})."
        " Run the same command again to carry on.",
    ),
    "live.entered": ("Số phiếu đã nhập", "Ballots entered"),
    "live.stack": ("Sấp", "Stack"),
    "live.running": (
        "Số phiếu tạm tính trên các phiếu hợp lệ đã nhập — chưa phải kết quả.",
        "Running votes over the valid ballots entered so far — not the result.",
    ),
    "live.token": (
        "Máy nhập phiếu cần mã truy cập: mở lại địa chỉ màn hình chiếu có mã (…/screen?token=…)"
        " in ra khi khởi động máy.",
        "The station needs its access token: open the screen's address with the token "
        "(…/screen?token=…) printed when the station started.",
    ),
    "live.waiting": (
        "Đang chờ máy nhập phiếu…",
        "Waiting for the entry station…",
    ),
}
