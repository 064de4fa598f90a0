"""The command line's words: help texts, the usage line's placeholders, usage errors, and
argparse's own words (``cli.argparse.*``).

No text mixes the two languages. The English side of a ``cli.argparse.*`` key is argparse's
own message exactly, ``%`` placeholders included, so that :mod:`tally.cli.parser` can recognise
a message argparse formatted and say it in Vietnamese; no other key has a placeholder.
"""

TABLE: dict[str, tuple[str, str]] = {
    # --- the parser's own headings and options -------------------------------------------
    "cli.usage": ("cách dùng: ", "usage: "),
    "cli.positionals": ("đối số", "positional arguments"),
    "cli.options": ("tùy chọn", "options"),
    "cli.commands": ("lệnh", "commands"),
    "cli.help.help": ("in trợ giúp này rồi thoát", "show this help message and exit"),
    "cli.help.version": ("in số phiên bản rồi thoát", "show the version number and exit"),
    "cli.help.lang": (
        "ngôn ngữ của biên bản, thông báo và trợ giúp (mặc định: vi)",
        "language of the minutes, the messages and this help (default: vi)",
    ),
    "cli.help.format": (
        "định dạng đầu ra (mặc định: text); html, pdf, docx: văn bản để in và ký theo thể thức "
        "của Đảng (pdf, docx cần -o TỆP và gói tally[documents])",
        "output format (default: text); html, pdf, docx: documents to print and sign in the "
        "Party's layout (pdf and docx need -o FILE and tally[documents])",
    ),
    "cli.help.output": (
        "ghi vào tệp này (mặc định: đầu ra chuẩn)",
        "write to this file (default: standard output)",
    ),
    "cli.help.log_file": ("nhật ký (JSON Lines)", "the audit log (JSON Lines)"),
    # --- tally ----------------------------------------------------------------------------
    "cli.help.tally": (
        "Kiểm phiếu bầu cử trong Đảng: kiểm phiếu cả đại hội, trình chiếu kết quả; kiểm tra, "
        "kiểm lại và đối chiếu nhật ký kiểm phiếu.",
        "Party election counting: count a whole congress, show its results in the hall; verify, "
        "replay and reconcile audit logs.",
    ),
    # --- tally count ------------------------------------------------------------------------
    "cli.help.count": (
        "kiểm phiếu cả đại hội: mọi cuộc bầu trong tệp mô tả, từng vòng một",
        "count the whole congress: every contest of the spec, round by round",
    ),
    "cli.help.count.description": (
        "Kiểm phiếu cả đại hội: mọi cuộc bầu trong tệp mô tả, theo thứ tự, từng vòng một, và in "
        "biên bản của mỗi vòng đã kiểm (kèm bản tổng hợp khi có nhiều cuộc bầu hoặc nhiều vòng).",
        "Count the whole congress: every contest of the spec, in order, round by round, and "
        "print the minutes of each round counted (and the congress summary when there are "
        "several contests or rounds).",
    ),
    "cli.help.count.spec": ("tệp mô tả đại hội (TOML)", "the congress spec (TOML)"),
    "cli.help.count.ballots": (
        "tệp phiếu (CSV) của vòng 1 cuộc bầu được chọn; mặc định: tệp ghi trong tệp mô tả",
        "the ballots CSV of round 1 of the chosen contest (default: the file the spec names)",
    ),
    "cli.help.count.contest": (
        "chỉ in cuộc bầu có mã này (cả đại hội vẫn được kiểm theo thứ tự)",
        "print only the contest with this id (the whole congress is still counted in order)",
    ),
    "cli.help.count.log": (
        "ghi cuộc kiểm phiếu vào nhật ký (tạo mới, hoặc ghi tiếp nhật ký đã có của cùng cuộc "
        "kiểm phiếu)",
        "record the count into an audit log (a new one, or extend the log of this same count)",
    ),
    "cli.help.count.station": (
        "mã máy nhập ghi vào mỗi phiếu trong nhật ký (mặc định: 1)",
        "entry station id written with each ballot into the log (default: 1)",
    ),
    "cli.help.count.list": (
        "in danh sách bầu cử theo thứ tự trên phiếu để in phiếu, chưa kiểm phiếu",
        "print every contest's list in ballot order to print the ballots from (no count)",
    ),
    # --- tally screen -----------------------------------------------------------------------
    "cli.help.screen": (
        "trang trình chiếu kết quả tại hội trường",
        "the projection page of the results for the hall",
    ),
    "cli.help.screen.description": (
        "Kiểm phiếu cả đại hội như lệnh count và ghi trang trình chiếu kết quả (một tệp HTML, "
        "không cần mạng): mỗi vòng bầu một trang, chữ lớn, chuyển trang bằng phím mũi tên hoặc "
        "phím cách.",
        "Count the whole congress as the count command does and write the projection page of "
        "the results (one HTML file, no network needed): a slide per round, large type, paged "
        "with the arrow keys or the space bar.",
    ),
    "cli.help.station": (
        "máy nhập phiếu: nhập phiếu bằng bàn phím trên trình duyệt",
        "the entry station: keyboard ballot entry in a browser",
    ),
    "cli.help.station.description": (
        "Mở máy nhập phiếu cho một cuộc bầu: một ứng dụng web chạy trên máy này (không cần mạng), "
        "ghi từng phiếu vào nhật ký riêng của máy. Dừng bằng Ctrl+C; chạy lại trên cùng nhật ký "
        "để nhập tiếp.",
        "Start the entry station for one contest: a web application on this machine (no "
        "network needed) that writes each ballot into the station's own log. Stop it with "
        "Ctrl+C; start it again on the same log to carry on.",
    ),
    "cli.help.station.contest": (
        "mã cuộc bầu được nhập (mặc định: cuộc bầu đầu tiên trong tệp mô tả)",
        "the contest entered (default: the spec's first contest)",
    ),
    "cli.help.station.id": ("mã của máy nhập (mặc định: A)", "the station's name (default: A)"),
    "cli.help.station.log": (
        "nhật ký của máy này (tạo mới, hoặc nhập tiếp nhật ký đã có)",
        "this station's log (new, or carried on)",
    ),
    "cli.help.station.host": (
        "địa chỉ lắng nghe (mặc định 127.0.0.1: chỉ máy này; địa chỉ khác cần mã truy cập)",
        "the address to listen on (default 127.0.0.1: this machine only; any other needs the "
        "access token)",
    ),
    "cli.help.station.port": ("cổng (mặc định: 8000)", "the port (default: 8000)"),
    "cli.help.station.token": (
        "mã truy cập do Ban kiểm phiếu chọn (ít nhất 16 ký tự); mặc định trạm tự tạo mã và giữ "
        "trong tệp NHẬT_KÝ.token cạnh nhật ký, nên khởi động lại vẫn dùng mã cũ",
        "an access token chosen by the board (at least 16 characters); by default the station "
        "makes one and keeps it in LOG.token beside the log, so a restart keeps it",
    ),
    "cli.help.station.check_over_seats": (
        "hỏi lại trước khi ghi một phiếu giữ lại nhiều tên hơn số lượng bầu (phiếu bầu quá số "
        "lượng): phòng gõ sót một số; Enter lần nữa thì ghi (phiếu không hợp lệ)",
        "ask again before recording a ballot that keeps more names than the seats (over the "
        "seats): a guard against a number left out; Enter again records it (invalid)",
    ),
    "cli.help.screen.contest": (
        "chỉ trình chiếu cuộc bầu có mã này (cả đại hội vẫn được kiểm theo thứ tự)",
        "show only the contest with this id (the whole congress is still counted in order)",
    ),
    # --- tally verify -----------------------------------------------------------------------
    "cli.help.poll": (
        "kiểm phiếu giới thiệu, phiếu tín nhiệm",
        "count introduction polls and confidence votes",
    ),
    "cli.help.poll.description": (
        "Kiểm các cuộc lấy phiếu giới thiệu và lấy phiếu tín nhiệm trong tệp mô tả (bảng "
        "[[poll]]) và in biên bản kiểm phiếu.",
        "Count the introduction polls and confidence votes of the spec ([[poll]] tables) and "
        "print their minutes.",
    ),
    "cli.help.poll.poll": ("chỉ kiểm cuộc lấy phiếu có mã này", "count only the poll with this id"),
    "cli.help.rollup": (
        "tổng hợp kết quả nhiều đại hội",
        "roll up many congresses' results",
    ),
    "cli.help.rollup.description": (
        "Đọc kết quả nhiều đại hội (tệp JSON của tally count --format json, nhật ký .jsonl — "
        "được kiểm tra trước) và ghi các bảng tổng hợp: mỗi người trong mỗi cuộc bầu, tiến độ "
        "từng đại hội, cơ cấu từng cơ quan.",
        "Read many congresses' results (JSON of tally count --format json, audit logs .jsonl — "
        "verified first) and write the tables: each candidate of each contest, each congress's "
        "progress, each body's composition.",
    ),
    "cli.help.rollup.results": (
        "các tệp kết quả (.json), nhật ký (.jsonl), hoặc thư mục chứa chúng",
        "result files (.json), audit logs (.jsonl), or folders of them",
    ),
    "cli.help.rollup.workers": (
        "số tiến trình đọc tệp (mặc định: một mỗi lõi, tối đa 8, khi có từ 64 tệp)",
        "processes reading the files (default: one per core, up to 8, from 64 files on)",
    ),
    "cli.help.rollup.output": (
        "tệp ghi ra: .csv hoặc .parquet (gói tally[rollup]); các bảng tiến độ, cơ cấu ghi cạnh "
        "đó: TÊN.progress.csv, TÊN.composition.csv",
        "the file to write: .csv or .parquet (extra tally[rollup]); the progress and composition "
        "tables beside it: NAME.progress.csv, NAME.composition.csv",
    ),
    "cli.metavar.results": ("KẾT_QUẢ", "RESULTS"),
    "cli.metavar.units": ("ĐƠN_VỊ.csv", "UNITS.csv"),
    "cli.help.rollup.plan": (
        "kế hoạch đại hội (đơn vị, cấp, ngày dự kiến): đơn vị chưa báo cáo được liệt kê",
        "the plan of congresses (unit, level, planned date): units not yet reported are listed",
    ),
    "cli.help.schema": (
        "in JSON Schema của các tệp JSON tally ghi ra",
        "print the JSON Schema of the JSON files tally writes",
    ),
    "cli.help.schema.description": (
        "In JSON Schema (bản 2020-12) của một loại tệp JSON tally ghi ra, để phần mềm khác kiểm "
        "tra: record (tally count --format json), contest (có --contest), result (kết quả một "
        "vòng), poll (tally poll --format json, từng phần tử), rules (tally rules TÊN --format "
        "json).",
        "Print the JSON Schema (draft 2020-12) of one kind of JSON file tally writes, for other "
        "software to validate: record (tally count --format json), contest (with --contest), "
        "result (one round's result), poll (each element of tally poll --format json), rules "
        "(tally rules NAME --format json).",
    ),
    "cli.help.schema.kind": ("loại tệp", "the kind of file"),
    "cli.help.rules": ("xem các bộ quy tắc kiểm phiếu", "show the counting rule sets"),
    "cli.help.rules.description": (
        "Không có TÊN: liệt kê các bộ quy tắc có sẵn. Có TÊN (một bộ có sẵn, hoặc tệp mô tả "
        "đại hội): in mọi chính sách, giá trị và trích dẫn của bộ đó, cùng các điều chỉnh của "
        "Đại hội.",
        "Without NAME: list the presets. With NAME (a preset, or a congress spec): print every "
        "policy of that rule set with its value and citation, and the congress's overrides.",
    ),
    "cli.help.rules.name": (
        "tên bộ quy tắc (qc190, youth_union…) hoặc tệp mô tả đại hội",
        "a preset's name (qc190, youth_union…) or a congress spec",
    ),
    "cli.metavar.rules": ("TÊN", "NAME"),
    "cli.help.verify": ("kiểm tra nhật ký", "verify an audit log"),
    "cli.help.verify.description": (
        "Kiểm tra chuỗi mã băm của nhật ký và kiểm lại từ đầu.",
        "Check the log's hash chain and replay it from the start.",
    ),
    "cli.help.verify.expect": (
        "mã SHA-256 in trên biên bản (ít nhất 16 ký tự)",
        "the fingerprint printed on the minutes (at least 16 characters)",
    ),
    "cli.help.verify.repair": (
        "cắt dòng cuối bị ghi dở khi máy hỏng, rồi kiểm tra",
        "cut a last line torn by a crash, then verify",
    ),
    # --- tally replay -----------------------------------------------------------------------
    "cli.help.replay": ("in biên bản từ nhật ký", "print the minutes from an audit log"),
    "cli.help.replay.description": (
        "Kiểm lại từ nhật ký và in biên bản.",
        "Replay a log and print the minutes.",
    ),
    "cli.help.replay.contest": (
        "mã cuộc bầu (ví dụ bch, bch.r2)",
        "contest key (e.g. bch, bch.r2)",
    ),
    "cli.help.replay.expect": (
        "mã SHA-256 in trên biên bản đã ký: chỉ kiểm lại đến sự kiện đó (ít nhất 16 ký tự)",
        "the fingerprint on the signed minutes: replay up to that event only (at least 16 "
        "characters)",
    ),
    "cli.help.replay.entries": (
        "in nhật ký nhập phiếu thay cho biên bản",
        "print the ballot-entry log instead of the minutes",
    ),
    "cli.help.replay.screen": (
        "ghi trang trình chiếu kết quả tại hội trường (HTML) thay cho biên bản",
        "write the projection page of the results for the hall (HTML) instead of the minutes",
    ),
    # --- tally reconcile --------------------------------------------------------------------
    "cli.help.reconcile": ("đối chiếu các máy nhập", "reconcile entry stations"),
    "cli.help.reconcile.description": (
        "Đối chiếu nhật ký của 2–3 máy nhập cùng một bộ phiếu.",
        "Compare the logs of 2–3 stations that entered the same ballots.",
    ),
    "cli.help.reconcile.logs": ("nhật ký của các máy nhập", "the stations' logs"),
    "cli.help.reconcile.rulings": (
        "phán quyết của Ban kiểm phiếu (TOML)",
        "the board's rulings (TOML)",
    ),
    "cli.help.reconcile.merge": ("ghi nhật ký gộp (tệp mới)", "write the merged log (a new file)"),
    "cli.help.reconcile.at": (
        "thời điểm kiểm phiếu ghi trong nhật ký gộp (mặc định: lúc máy cuối cùng kết thúc nhập)",
        "the time of the count written in the merged log (default: when the last station "
        "finished entering)",
    ),
    # --- placeholders shown in the usage line -----------------------------------------------
    "cli.metavar.spec": ("ĐẠI_HỘI.toml", "SPEC.toml"),
    "cli.metavar.ballots": ("PHIẾU.csv", "BALLOTS.csv"),
    "cli.metavar.contest": ("MÃ", "ID"),
    "cli.metavar.key": ("MÃ", "KEY"),
    "cli.metavar.log": ("NHẬT_KÝ.jsonl", "LOG.jsonl"),
    "cli.metavar.logs": ("NHẬT_KÝ", "LOG"),
    "cli.metavar.station": ("MÃ_MÁY", "ID"),
    "cli.metavar.hash": ("MÃ_BĂM", "HASH"),
    "cli.metavar.rulings": ("PHÁN_QUYẾT.toml", "RULINGS.toml"),
    "cli.metavar.merge": ("NHẬT_KÝ_MỚI.jsonl", "NEW.jsonl"),
    "cli.metavar.at": ("NĂM-THÁNG-NGÀYTGIỜ:PHÚT", "YYYY-MM-DDTHH:MM"),
    "cli.metavar.output": ("TỆP", "FILE"),
    "cli.metavar.host": ("ĐỊA_CHỈ", "HOST"),
    "cli.metavar.port": ("CỔNG", "PORT"),
    "cli.metavar.token": ("MÃ", "TOKEN"),
    # --- tally's own usage errors (exit 2) --------------------------------------------------
    "cli.usage.entries_format": (
        "--entries: văn bản, markdown, html, pdf hoặc docx",
        "--entries: text, markdown, html, pdf or docx",
    ),
    "cli.usage.list_format": (
        "--list: văn bản, markdown, html, pdf hoặc docx (không json, không xlsx)",
        "--list: text, markdown, html, pdf or docx (not json, not xlsx)",
    ),
    "cli.usage.needs_output": (
        "--format %(fmt)s: cần -o TỆP (tệp %(fmt)s không in ra màn hình)",
        "--format %(fmt)s: needs -o FILE (a %(fmt)s file is not printed to the screen)",
    ),
    "cli.usage.screen_alone": (
        "--screen: không dùng cùng --entries, --format",
        "--screen: without --entries or --format",
    ),
    "cli.usage.list_alone": (
        "--list: không dùng cùng --ballots, --log",
        "--list: without --ballots or --log",
    ),
    # --- argparse's own messages (English: argparse's text exactly) -------------------------
    "cli.argparse.error": ("%(prog)s: lỗi: %(message)s\n", "%(prog)s: error: %(message)s\n"),
    "cli.argparse.argument": (
        "đối số %(argument_name)s: %(message)s",
        "argument %(argument_name)s: %(message)s",
    ),
    "cli.argparse.required": (
        "thiếu đối số bắt buộc: %s",
        "the following arguments are required: %s",
    ),
    "cli.argparse.one_of_required": (
        "cần một trong các đối số %s",
        "one of the arguments %s is required",
    ),
    "cli.argparse.invalid_choice": (
        "lựa chọn không hợp lệ: %(value)r (chọn một trong %(choices)s)",
        "invalid choice: %(value)r (choose from %(choices)s)",
    ),
    "cli.argparse.invalid_value": (
        "giá trị %(type)s không hợp lệ: %(value)r",
        "invalid %(type)s value: %(value)r",
    ),
    "cli.argparse.unrecognized": ("không nhận ra đối số: %s", "unrecognized arguments: %s"),
    "cli.argparse.expected_one": ("cần đúng một giá trị", "expected one argument"),
    "cli.argparse.expected_at_most_one": (
        "cần nhiều nhất một giá trị",
        "expected at most one argument",
    ),
    "cli.argparse.expected_at_least_one": (
        "cần ít nhất một giá trị",
        "expected at least one argument",
    ),
    "cli.argparse.expected_n": ("cần %s giá trị", "expected %s argument"),
    "cli.argparse.expected_n_plural": ("cần %s giá trị", "expected %s arguments"),
    "cli.argparse.ambiguous": (
        "tùy chọn %(option)s không rõ: có thể là %(matches)s",
        "ambiguous option: %(option)s could match %(matches)s",
    ),
    "cli.argparse.not_allowed_with": (
        "không dùng được cùng đối số %s",
        "not allowed with argument %s",
    ),
    "cli.argparse.ignored_explicit": (
        "tùy chọn này không nhận giá trị %r",
        "ignored explicit argument %r",
    ),
    "cli.argparse.unexpected_option": (
        "tùy chọn không đúng chỗ: %s",
        "unexpected option string: %s",
    ),
    "cli.argparse.unknown_parser": (
        "không có lệnh %(parser_name)r (các lệnh: %(choices)s)",
        "unknown parser %(parser_name)r (choices: %(choices)s)",
    ),
    "cli.help.template": (
        "ghi sổ Excel mẫu để chuẩn bị đại hội (danh sách, thành phần, ban kiểm phiếu)",
        "write the Excel workbook to prepare a congress in (lists, roll, counting board)",
    ),
    "cli.help.template.description": (
        "Ghi sổ Excel mẫu có tiêu đề tiếng Việt: trang Đại hội, Ban kiểm phiếu, Cuộc bầu và "
        "một trang danh sách mẫu. Điền xong thì kiểm tra bằng tally spec, hoặc đếm thẳng bằng "
        "tally count SỔ.xlsx.",
        "Write the template workbook (Vietnamese headers; --lang en for English ones): the "
        "Congress, Counting board and Contests sheets and an example list sheet. Once filled, "
        "check it with tally spec, or count it directly with tally count BOOK.xlsx.",
    ),
    "cli.metavar.book": ("SỔ.xlsx", "BOOK.xlsx"),
    "cli.help.template.book": ("tệp sổ mẫu sẽ ghi (.xlsx)", "the workbook to write (.xlsx)"),
    "cli.help.spec": (
        "kiểm tra sổ Excel chuẩn bị đại hội và ghi thành tệp mô tả TOML",
        "check a congress workbook and write it as a TOML spec",
    ),
    "cli.help.spec.description": (
        "Đọc sổ Excel (theo mẫu tally template) hoặc tệp mô tả có danh sách lấy từ sổ Excel, "
        "kiểm tra như tally count, và ghi tệp mô tả TOML tương đương. Mỗi lỗi chỉ rõ trang "
        "tính và ô.",
        "Read a workbook (from tally template), or a spec whose lists come from workbooks, "
        "check it as tally count does, and write the equivalent TOML spec. Every error names "
        "the sheet and the cell.",
    ),
    "cli.help.spec.book": (
        "sổ Excel (.xlsx) hoặc tệp mô tả (.toml)",
        "the workbook (.xlsx) or spec (.toml)",
    ),
}
