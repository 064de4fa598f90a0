"""Messages of the input files: ballots CSV, result and record JSON, data frames, the spec."""

TABLE: dict[str, tuple[str, str]] = {
    # --- results and records in JSON ---
    "json.syntax": (
        "Tệp không đúng cú pháp JSON: {detail} (cột {column}). Tệp bị hỏng hoặc đã bị sửa; "
        "tạo lại bằng tally count --format json.",
        "The file is not valid JSON: {detail} (column {column}). It is damaged or was edited; "
        "produce it again with tally count --format json.",
    ),
    "json.constant": (
        "{value} không phải là một số JSON. Tệp đã bị sửa; tạo lại bằng tally count --format json.",
        "{value} is not a JSON number. The file was edited; produce it again with tally count "
        "--format json.",
    ),
    "json.duplicate_key": (
        "Khóa {key!r} có hai lần trong cùng một đối tượng; không biết giá trị nào đúng. Tệp đã "
        "bị sửa; tạo lại bằng tally count --format json.",
        "The key {key!r} appears twice in the same object, so neither value can be trusted. "
        "The file was edited; produce it again with tally count --format json.",
    ),
    "json.not_object": (
        "Tệp chứa {found} chứ không phải một đối tượng JSON có các trường của kết quả kiểm "
        "phiếu. Chỉ ra tệp do tally count --format json ghi.",
        "The file holds {found}, not a JSON object with the fields of a count's result. Give a "
        "file written by tally count --format json.",
    ),
    "json.wrong_kind": (
        "Tệp này chứa {found}, không phải {wanted}.",
        "This file holds {found}, not {wanted}.",
    ),
    "json.kind.result": (
        "kết quả một cuộc bầu (ContestResult.to_json(); đọc bằng load_result)",
        "one contest's result (ContestResult.to_json(); read it with load_result)",
    ),
    "json.kind.record": (
        "kết quả cả đại hội (tally count --format json; đọc bằng load_record)",
        "a whole congress's record (tally count --format json; read it with load_record)",
    ),
    "json.kind.contest_record": (
        "các vòng bầu của một cuộc bầu (tally count --contest …; để đọc lại, chạy tally count "
        "--format json không có --contest)",
        "the rounds of one contest (tally count --contest …; to read it back, run tally count "
        "--format json without --contest)",
    ),
    "json.field": (
        "{detail}. Tệp kết quả đã bị sửa hoặc hỏng; tạo lại bằng tally count --format json.",
        "{detail}. The result file was edited or is damaged; produce it again with tally count "
        "--format json.",
    ),
    "json.value": (
        "{problem} Tệp kết quả đã bị sửa hoặc hỏng; tạo lại bằng tally count --format json.",
        "{problem} The result file was edited or is damaged; produce it again with tally count "
        "--format json.",
    ),
    "json.not_as_written": (
        "Giá trị {got} không đúng dạng tally ghi ({expected}); không tự chuyển đổi. Tệp đã bị "
        "sửa; tạo lại bằng tally count --format json.",
        "The value {got} is not as tally writes it ({expected}); it is not converted. The file "
        "was edited; produce it again with tally count --format json.",
    ),
    "json.inconsistent": (
        "Số liệu trong tệp không khớp nhau: ở đây ghi {got}, nhưng tính lại từ số phiếu, danh "
        "sách và quy chế thì phải là {expected}. Tệp đã bị sửa hoặc hỏng; tạo lại từ tệp phiếu "
        "hoặc nhật ký kiểm phiếu.",
        "The figures in the file do not agree: this says {got}, but the votes, the list and "
        "the rules give {expected}. The file was edited or is damaged; produce it again from the "
        "ballots file or the counting log.",
    ),
    "json.count_shape": (
        "Số liệu này không thể đúng: {detail}. Tệp đã bị sửa hoặc hỏng; tạo lại từ tệp phiếu "
        "hoặc nhật ký kiểm phiếu.",
        "These figures cannot be right: {detail}. The file was edited or is damaged; produce it "
        "again from the ballots file or the counting log.",
    ),
    "json.detail.length": (
        "có {got} số cho {expected} người ứng cử",
        "{got} figures for {expected} candidates",
    ),
    "json.detail.negative": (
        "số âm ({got})",
        "a negative number ({got})",
    ),
    "json.detail.above_valid": (
        "{got}, nhiều hơn {expected} phiếu hợp lệ",
        "{got}, more than the {expected} valid ballots",
    ),
    "json.detail.marks_sum": (
        "đồng ý, không đồng ý và không đánh dấu cộng lại là {got}, khác {expected} phiếu hợp lệ",
        "agree, disagree and unmarked add up to {got}, not the {expected} valid ballots",
    ),
    "json.detail.other_contest": (
        "số liệu của cuộc bầu {got}, không phải {expected}",
        "the figures of contest {got}, not {expected}",
    ),
    "json.detail.quorum": (
        "mẫu số của tỷ lệ tối thiểu là {got}; phải là số dương",
        "the quorum's denominator is {got}; it must be positive",
    ),
    # --- data frames ---
    "frame.serial_twice": (
        "Bảng có cả cột {column!r} lẫn chỉ mục tên {column!r}: không biết lấy số phiếu ở đâu. "
        "Bỏ một trong hai.",
        "The frame has both a {column!r} column and an index named {column!r}: which holds the "
        "serials is unclear. Drop one of them.",
    ),
    "frame.unnamed_index": (
        "Bảng có chỉ mục riêng ({index}, …) nhưng không có cột {column!r}. Nếu chỉ mục là số "
        "phiếu, đặt tên nó là {column!r} (frame.rename_axis({column!r})); nếu không, bỏ nó "
        "(frame.reset_index(drop=True)). Số phiếu không bị bỏ qua trong im lặng.",
        "The frame has an index of its own ({index}, …) but no {column!r} column. If the index "
        "holds the serials, name it {column!r} (frame.rename_axis({column!r})); if not, drop it "
        "(frame.reset_index(drop=True)). Serials are never dropped silently.",
    ),
    # --- ballots CSV ---
    "csv.empty": (
        "Tệp không có dòng tiêu đề. Dòng đầu phải là tiêu đề cột (xem docs/formats.md).",
        "The file has no header row. The first row must name the columns (see docs/formats.md).",
    ),
    "csv.no_serial_column": (
        "Không có cột số phiếu. Đọc dòng tiêu đề theo {separator} thì các cột là: {columns}. "
        "Cột số phiếu phải có tên 'serial' hoặc 'số phiếu' (gõ có dấu); các cột cách nhau bằng "
        "dấu phẩy, dấu chấm phẩy hoặc dấu tab.",
        "There is no serial column. Read with the {separator} as separator, the header's "
        "columns are: {columns}. The serial column must be called 'serial' or 'số phiếu' (with "
        "its accents); columns are separated by commas, semicolons or tabs.",
    ),
    "csv.unknown_column": (
        "Cột {column!r} không phải người ứng cử nào trong danh sách, cũng không phải cột được "
        "biết (serial, note, struck, kept, agree, disagree, both). Dùng số thứ tự hoặc họ tên như "
        "in trên phiếu.",
        "Column {column!r} is neither a candidate on the list nor a known column (serial, note, "
        "struck, kept, agree, disagree, both). Use the ballot number or the name as printed.",
    ),
    "csv.no_vote_column": (
        "Tiêu đề không có cột phiếu bầu: cần cột 'struck' (hoặc 'kept'; 'agree', 'disagree', "
        "'both' với phiếu đồng ý/không đồng ý) hoặc mỗi người ứng cử một cột.",
        "The header has no vote column: add 'struck' (or 'kept'; 'agree', 'disagree', 'both' "
        "for yes/no ballots), or one column per candidate.",
    ),
    "csv.no_ballots": (
        "Tệp không có phiếu nào (chỉ có dòng tiêu đề). Nhập các phiếu trước khi kiểm.",
        "The file holds no ballots (only the header). Enter the ballots before counting.",
    ),
    "csv.duplicate_column": (
        "Cột {column!r} xuất hiện hai lần trong tiêu đề.",
        "Column {column!r} appears twice in the header.",
    ),
    "csv.missing_candidates": (
        "Tiêu đề thiếu cột cho: {missing}. Mỗi người ứng cử cần một cột.",
        "The header has no column for: {missing}. Every candidate needs a column.",
    ),
    "csv.row_length": (
        "Dòng có {got} ô nhưng tiêu đề có {expected} cột. Tệp này dùng {separator} để cách các "
        "cột; kiểm tra {separator} thừa hoặc thiếu trên dòng này.",
        "The row has {got} cells but the header has {expected}. This file separates its columns "
        "with the {separator}; look for a missing or extra {separator} on this row.",
    ),
    "csv.comma": (
        "dấu phẩy (,)",
        "comma (,)",
    ),
    "csv.semicolon": (
        "dấu chấm phẩy (;)",
        "semicolon (;)",
    ),
    "csv.tab": (
        "dấu tab",
        "tab",
    ),
    "csv.mixed_layout": (
        "Tiêu đề vừa có cột 'struck'/'kept' vừa có cột người ứng cử. Chọn một kiểu nhập.",
        "The header has both a 'struck'/'kept' column and candidate columns. Choose one layout.",
    ),
    "csv.encoding": (
        "Tệp không đọc được dưới dạng UTF-8 (byte {position}). Lưu lại tệp với mã UTF-8.",
        "The file is not valid UTF-8 (byte {position}). Save it again as UTF-8.",
    ),
    "csv.syntax": (
        "Lỗi cú pháp CSV: {detail}.",
        "CSV syntax error: {detail}.",
    ),
    "csv.unknown_column_near": (
        "Cột {column!r} không phải người ứng cử nào trong danh sách. Có phải {name} (số "
        "{number})? Dùng số thứ tự hoặc họ tên như in trên phiếu.",
        "Column {column!r} is not a candidate on the list. Did you mean {name} (no. {number})? "
        "Use the ballot number or the name as printed.",
    ),
    # --- the spec ---
    "spec.toml": (
        "Tệp mô tả đại hội không đúng cú pháp TOML: {detail}.",
        "The congress spec is not valid TOML: {detail}.",
    ),
    "spec.field": (
        "{detail}. Sửa trường này trong tệp mô tả (xem docs/formats.md).",
        "{detail}. Fix this field in the spec (see docs/formats.md).",
    ),
    "spec.no_contest": (
        "Tệp mô tả không có cuộc bầu nào ([[contest]]).",
        "The spec has no contest ([[contest]]).",
    ),
    "spec.unknown_contest": (
        "Không có cuộc bầu {contest!r}. Các cuộc bầu trong tệp: {allowed}.",
        "There is no contest {contest!r}. Contests in the spec: {allowed}.",
    ),
    "spec.which_contest": (
        "Tệp mô tả có nhiều cuộc bầu ({allowed}); chọn một bằng --contest.",
        "The spec has several contests ({allowed}); choose one with --contest.",
    ),
    "spec.duplicate_contest": (
        "Mã cuộc bầu {contest!r} dùng hai lần. Mỗi cuộc bầu cần mã riêng.",
        "Contest id {contest!r} is used twice. Give each contest its own id.",
    ),
    "poll.csv_column": (
        "Cột {column!r} không dùng được cho phiếu này. Các cột: {allowed} (hoặc: số phiếu, giới "
        "thiệu, tín nhiệm cao, tín nhiệm, tín nhiệm thấp, ghi chú).",
        "The column {column!r} does not belong to this poll's ballots. The columns: {allowed}.",
    ),
    "units.no_unit_column": (
        "Tệp kế hoạch thiếu cột đơn vị (unit / đơn vị); các cột khác: cấp, ngày dự kiến.",
        "The plan has no unit column (unit / đơn vị); the others: level, planned_date.",
    ),
    "units.no_unit": ("Dòng này không ghi tên đơn vị.", "This row names no unit."),
    "units.twice": (
        "Đơn vị {unit!r} đã có ở dòng {first}. Mỗi đơn vị một dòng.",
        "The unit {unit!r} is already on line {first}. One line per unit.",
    ),
    "units.level": (
        "Cấp {level!r} không có. Các cấp: {allowed}.",
        "There is no level {level!r}. The levels: {allowed}.",
    ),
    "units.date": (
        "Ngày {value!r} không đúng dạng năm-tháng-ngày (ví dụ 2025-06-21).",
        "The date {value!r} is not year-month-day (e.g. 2025-06-21).",
    ),
    "rollup.format": (
        "Chưa ghi được loại tệp này. Các loại: {allowed}.",
        "This kind of file cannot be written yet. The kinds: {allowed}.",
    ),
    "rollup.no_input": (
        "Chưa có tệp kết quả nào để tổng hợp. Cho các tệp JSON (tally count --format json) "
        "hoặc nhật ký (.jsonl).",
        "No results to roll up. Give the JSON files (tally count --format json) or the audit "
        "logs (.jsonl).",
    ),
    "rollup.conflict": (
        "Hai kết quả khác nhau cùng nhận là {congress!r} (nhiệm kỳ {term}, ngày {day}): tệp này "
        "và {first}. Giữ lại tệp đúng, bỏ tệp kia.",
        "Two different results claim {congress!r} (term {term}, date {day}): this file and "
        "{first}. Keep the right one and leave out the other.",
    ),
    "schema.unknown_kind": (
        "Không có loại tệp {kind!r}. Có: {allowed}.",
        "There is no kind of file {kind!r}. The kinds: {allowed}.",
    ),
    "poll.csv_missing_column": (
        "Thiếu cột {missing}: tệp phiếu {kind} cần cột số phiếu và cột đánh dấu (giới thiệu; hoặc "
        "tín nhiệm cao, tín nhiệm, tín nhiệm thấp), có thể thêm cột ghi chú.",
        "Missing column(s) {missing}: the ballots of a {kind} need the serial and the marks "
        "(marked; or high, confidence, low), and may have a note.",
    ),
    "spec.unknown_rules": (
        "Không có bộ quy tắc {name!r}. Dùng một trong: {allowed}.",
        "There is no rule set {name!r}. Use one of: {allowed}.",
    ),
    "spec.sheet_reference": (
        'Danh sách lấy từ sổ Excel ghi dạng {{ file = "danh_sach.xlsx", sheet = "BCH" }}: '
        "tên tệp (trong thư mục của tệp mô tả) và tên trang tính, không thêm gì khác.",
        'A list taken from a workbook is written {{ file = "danh_sach.xlsx", sheet = "BCH" }}: '
        "the file (in the spec's folder) and the sheet, nothing else.",
    ),
    "spec.path_outside": (
        "Tệp {path!r} phải nằm trong thư mục của tệp mô tả ({folder}), ghi bằng "
        'đường dẫn tương đối (ví dụ "phieu_bch.csv" hoặc "phieu/bch.csv"); {reason}. Muốn '
        "dùng tệp ở nơi khác thì chỉ ra bằng --ballots.",
        "The file {path!r} must be inside the spec's folder ({folder}), written as "
        'a relative path (e.g. "ballots_bch.csv" or "ballots/bch.csv"); {reason}. To use a '
        "file elsewhere, give it with --ballots.",
    ),
    "spec.free_text": (
        "Trường {field}: {detail}. Mỗi trường chữ trên biên bản là một dòng chữ thường; sửa "
        "lại trong tệp mô tả.",
        "Field {field}: {detail}. Every text field of the minutes is one line of plain text; "
        "fix it in the spec.",
    ),
    "spec.bare_direct": (
        'model = "direct" không đủ rõ: ghi "direct_secretary" nếu đại hội bầu trực tiếp '
        "Bí thư, còn Ban Thường vụ và các Phó Bí thư do hội nghị Ban Chấp hành bầu (Chỉ thị "
        '35-CT/TW, 45-CT/TW); hoặc "direct_standing" nếu đại hội bầu trực tiếp cả Ban '
        "Thường vụ, Bí thư và các Phó Bí thư (một số nơi thí điểm năm 2015, 2020).",
        'model = "direct" is ambiguous: write "direct_secretary" when the congress elects '
        "the secretary directly and the new BCH's conference elects the BTV and the deputies "
        '(Chỉ thị 35-CT/TW, 45-CT/TW); or "direct_standing" when the congress elects the BTV, '
        "the secretary and the deputies (some 2015 and 2020 pilots).",
    ),
}
