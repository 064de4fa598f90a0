"""Messages of the command line."""

TABLE: dict[str, tuple[str, str]] = {
    "cli.rollup_done": (
        "Đã tổng hợp {congresses} đại hội vào {files} tệp.",
        "Rolled up {congresses} congress(es) into {files} file(s).",
    ),
    "cli.rollup_duplicate": (
        "Bỏ qua {dropped}: trùng với {kept} (cùng đại hội, cùng nội dung).",
        "Left out {dropped}: the same as {kept} (the same congress and content).",
    ),
    "cli.only_polls": (
        "Tệp mô tả không có cuộc bầu nào, chỉ có cuộc lấy phiếu: kiểm bằng tally poll.",
        "The spec has no election, only polls: count them with tally poll.",
    ),
    "cli.no_polls": (
        "Tệp mô tả không có cuộc lấy phiếu nào (bảng [[poll]]). Các cuộc bầu thì kiểm bằng "
        "tally count.",
        "The spec has no poll ([[poll]] tables). Elections are counted with tally count.",
    ),
    "cli.unknown_poll": (
        "Không có cuộc lấy phiếu {poll!r}. Có: {allowed}.",
        "There is no poll {poll!r}. The polls: {allowed}.",
    ),
    "cli.poll_no_ballots": (
        'Cuộc lấy phiếu {poll!r} chưa có tệp phiếu (ballots = "…csv" trong bảng [[poll]]).',
        'The poll {poll!r} names no ballots file (ballots = "…csv" in its [[poll]] table).',
    ),
    "cli.poll_done": (
        "Cuộc lấy phiếu {poll}: {valid}/{collected} phiếu hợp lệ; đã kiểm xong.",
        "Poll {poll}: {valid} of {collected} ballots valid; counted.",
    ),
    "cli.poll_not_held": (
        "Cuộc lấy phiếu {poll}: số có mặt chưa đủ, không được tiến hành.",
        "Poll {poll}: too few present; it may not be held.",
    ),
    # --- the command line ---
    "cli.expect_bad": (
        "Tùy chọn --expect {expect!r} không phải là mã SHA-256 in trên biên bản: cần ít nhất "
        "{minimum} ký tự 0–9, a–f (được để dấu cách). Chép lại mã từ biên bản đã ký.",
        "Option --expect {expect!r} is not a SHA-256 fingerprint as printed on the minutes: "
        "give at least {minimum} characters 0–9, a–f (spaces allowed). Copy it again from the "
        "signed minutes.",
    ),
    "cli.expect_too_long": (
        "Tùy chọn --expect {expect!r} quá dài: có {digits} chữ số, nhưng mã SHA-256 in trên "
        "biên bản chỉ có 64. Có thể đã chép thừa hoặc chép hai mã liền nhau; chép lại mã từ "
        "biên bản đã ký.",
        "Option --expect {expect!r} is too long: it has {digits} digits, but a SHA-256 "
        "fingerprint as printed on the minutes has 64. Something extra was copied, or two "
        "fingerprints run together; copy it again from the signed minutes.",
    ),
    "cli.no_ballots": (
        "Chưa chỉ ra tệp phiếu cho cuộc bầu {contest!r}. Dùng --ballots TỆP.csv hoặc ghi "
        'ballots = "TỆP.csv" trong [[contest]] của tệp mô tả.',
        "No ballots file for contest {contest!r}. Use --ballots FILE.csv or set "
        'ballots = "FILE.csv" in its [[contest]] table.',
    ),
    "cli.error": ("Lỗi", "Error"),
    "cli.nothing_written": (
        "Không có tệp nào được ghi.",
        "Nothing was written.",
    ),
    "cli.written": ("Đã ghi {path}.", "Wrote {path}."),
    "cli.summary": (
        "Kết quả cuộc bầu {contest}: {elected}/{seats} người trúng cử; {status}.",
        "Contest {contest}: {elected}/{seats} elected; {status}.",
    ),
    "cli.no_summary": (
        "Nhật ký {path} không ghi kế hoạch đại hội và các biểu quyết công khai (định dạng "
        "{format}): không in được bản tổng hợp kết quả bầu cử từ nhật ký này; biên bản từng cuộc "
        "bầu vẫn đầy đủ. Để có bản tổng hợp, ghi lại bằng tally count … --log vào một nhật ký mới.",
        "The log {path} records no plan of the congress and no open votes (format {format}): "
        "the summary of the elections cannot be printed from it; each contest's minutes are "
        "complete. For the summary, record the count again with tally count … --log into a new "
        "log.",
    ),
    "cli.vote_failed": ("biểu quyết không thông qua", "open vote not passed"),
    "cli.missing_ballots": (
        "Chưa có tệp phiếu {path}: vòng bầu đó coi như chưa kiểm.",
        "No ballots file {path} yet: that round is not counted.",
    ),
    "cli.quorum": (
        "CẢNH BÁO: chỉ có {present}/{convened} người có mặt, chưa đủ {required} theo quy định về "
        "số lượng tối thiểu; xem mục IV của biên bản.",
        "WARNING: only {present} of {convened} present, fewer than the {required} the quorum "
        "needs; see section IV of the minutes.",
    ),
    "cli.needs_decision": (
        "Kết quả cần quyết định của đại hội: {reason}.",
        "The result needs a decision of the congress: {reason}.",
    ),
    "cli.still_waiting": (
        "Còn chờ: {reason}. Khi có phiếu hoặc kết quả đó, chạy lại lệnh.",
        "Still waiting: {reason}. Run the command again once those ballots or results are in.",
    ),
    "cli.log_written": (
        "Đã ghi nhật ký kiểm phiếu {path}; mã SHA-256 của sự kiện cuối: {hash}",
        "Recorded the count in {path}; SHA-256 of the last event: {hash}",
    ),
    "cli.log_unchanged": (
        "Nhật ký {path} đã có đúng cuộc kiểm phiếu này; không ghi thêm gì. Mã SHA-256 của sự "
        "kiện cuối: {hash}",
        "The log {path} already holds this count; nothing was added. SHA-256 of the last "
        "event: {hash}",
    ),
    "cli.log_hash": (
        "Nhật ký: {events} sự kiện; mã SHA-256 của sự kiện cuối: {hash}",
        "Log: {events} events; SHA-256 of the last event: {hash}",
    ),
    "cli.log_open": (
        "{contest}: chưa kết thúc kiểm phiếu ({entered} lần nhập phiếu hiện hành).",
        "{contest}: the count is not closed ({entered} current ballot entries).",
    ),
    "cli.torn_cut": (
        "Đã cắt dòng cuối ghi dở của {path} ({bytes} byte): {what} chưa được ghi vào nhật ký; "
        "hãy ghi lại sự kiện đó.",
        "Cut the torn last line of {path} ({bytes} bytes): {what} is not in the log; record "
        "that event again.",
    ),
    "cli.newline_restored": (
        "Dòng cuối của {path} đầy đủ, chỉ thiếu ký tự xuống dòng; đã thêm vào, không mất gì.",
        "The last line of {path} was whole, missing only its newline; it was added back, "
        "nothing lost.",
    ),
    "cli.station_count": (
        "Cần nhật ký của 2 hoặc 3 máy nhập (đã cho {given}).",
        "Give the logs of 2 or 3 entry stations ({given} given).",
    ),
    "cli.stations_differ": (
        "{contest}: các máy nhập khác nhau ở {count} phiếu; chưa có kết quả.",
        "{contest}: the stations differ on {count} ballot(s); no result yet.",
    ),
    "cli.bad_time": (
        "{value!r} không phải thời điểm dạng NĂM-THÁNG-NGÀYTGIỜ:PHÚT, ví dụ 2025-06-01T09:30",
        "{value!r} is not a time as YYYY-MM-DDTHH:MM, e.g. 2025-06-01T09:30",
    ),
    "cli.merged": (
        "Đã ghi nhật ký gộp {path}; mã SHA-256 của sự kiện cuối: {hash}",
        "Wrote the merged log {path}; SHA-256 of the last event: {hash}",
    ),
    "cli.unknown_key": (
        "Nhật ký không có cuộc bầu {contest!r}; các cuộc bầu trong nhật ký: {known}.",
        "The log holds no contest {contest!r}; its contests: {known}.",
    ),
    "cli.internal": (
        "Lỗi nội bộ không mong đợi: {detail}. Kết quả chưa được lập; hãy báo lỗi này kèm các tệp "
        "đầu vào.",
        "Unexpected internal error: {detail}. No result was produced; please report it with the "
        "input files.",
    ),
    "cli.awaiting_ballots": (
        "Chưa có tệp phiếu của cuộc bầu {contest} (vòng {number}): {path}. Danh sách in phiếu "
        "ở trên; khi có phiếu, nhập vào tệp đó rồi chạy lại.",
        "No ballots file yet for contest {contest} (round {number}): {path}. The list to print "
        "the ballots from is above; enter the ballots into that file and run again.",
    ),
    "cli.list_printed": (
        "Đã in danh sách {contests} cuộc bầu theo thứ tự trên phiếu.",
        "Printed the lists of {contests} contest(s) in ballot order.",
    ),
    "cli.workbook_suffix": (
        "Sổ mẫu phải là tệp .xlsx. Đặt tên tệp kết thúc bằng .xlsx.",
        "The template must be an .xlsx file. Give a name ending in .xlsx.",
    ),
    "cli.spec_checked": (
        "Đã kiểm tra {path}: {contests} cuộc bầu, {names} người trong các danh sách.",
        "Checked {path}: {contests} contest(s), {names} name(s) on the lists.",
    ),
}
