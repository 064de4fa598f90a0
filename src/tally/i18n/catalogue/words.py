"""Words used inside other messages: why the system refused, what kind of thing a path or a
value is, and the parts of a citation or a place (a file, a line, an article)."""

TABLE: dict[str, tuple[str, str]] = {
    # --- the operating system's reasons, in the board's words (``strerror`` is English) ---
    "os.enoent": ("không có tệp hoặc thư mục này", "no such file or folder"),
    "os.eacces": ("không có quyền truy cập", "permission denied"),
    "os.eperm": ("hệ điều hành không cho phép thao tác này", "operation not permitted"),
    "os.eisdir": ("đây là một thư mục, không phải tệp", "it is a folder, not a file"),
    "os.enotdir": (
        "một phần của đường dẫn không phải là thư mục",
        "a part of the path is not a folder",
    ),
    "os.enospc": ("ổ đĩa đã đầy", "the disk is full"),
    "os.erofs": ("ổ đĩa chỉ cho đọc, không cho ghi", "the disk is read-only"),
    "os.eexist": ("tệp đã có sẵn", "the file already exists"),
    "os.eloop": ("liên kết vòng (liên kết trỏ về chính nó)", "a loop of links"),
    "os.enametoolong": ("tên tệp hoặc đường dẫn quá dài", "the file name or path is too long"),
    "os.no_folder": ("không có thư mục này", "no such folder"),
    # --- what a path is, when it is not a regular file ---
    "path.folder": ("một thư mục", "a folder"),
    "path.device": ("một thiết bị", "a device"),
    "path.pipe": ("một ống dẫn (FIFO)", "a pipe (FIFO)"),
    "path.socket": ("một socket", "a socket"),
    "path.not_a_file": ("không phải tệp", "not a file"),
    # --- what a JSON value is, when it is not what was expected ---
    "json_value.list": ("một danh sách", "a list"),
    "json_value.string": ("một chuỗi ký tự", "a string"),
    "json_value.number": ("một số", "a number"),
    "json_value.boolean": ("true/false", "true/false"),
    "json_value.null": ("null", "null"),
    "json_value.unknown": ("?", "?"),
    # --- free text that is not one line ---
    "text.control_char": (
        "có {code} (ký tự xuống dòng hoặc ký tự điều khiển)",
        "contains {code} (a line break or control character)",
    ),
    # --- a place: file, line, field, ballot, column ---
    "where.line": ("dòng {line}", "line {line}"),
    "where.sheet": ("trang tính {sheet!r}", "sheet {sheet!r}"),
    "where.cell": ("ô {cell}", "cell {cell}"),
    "where.field": ("trường {field}", "field {field}"),
    "where.serial": ("phiếu {serial}", "ballot {serial}"),
    "where.column": ("cột {column!r}", "column {column!r}"),
    # --- a citation of the regulation ---
    "citation.tally_policy": (
        "quy chế không quy định; chính sách mặc định của tally, có thể thay đổi",
        "not set by the regulation; tally's default policy, configurable",
    ),
    "citation.article": ("{source}, Điều {article}", "{source}, Art. {article}"),
    "citation.article_clause": (
        "{source}, Điều {article} khoản {clause}",
        "{source}, Art. {article}({clause})",
    ),
    "citation.unconfirmed": (" [chưa có căn cứ đã đọc]", " [not confirmed in the text]"),
    # --- numbers ---
    "number.decimal_separator": (",", "."),
    # --- pydantic's refusals by error type: its own messages are English only, so the
    # Vietnamese side is what a board reads; the English side says the same for this table's
    # completeness (an English reader sees pydantic's own sentence) ---
    "pydantic.missing": ("thiếu trường bắt buộc", "a required field is missing"),
    "pydantic.extra_forbidden": (
        "trường không được biết; kiểm tra chính tả",
        "an unknown field; check the spelling",
    ),
    "pydantic.int_parsing": ("phải là số nguyên", "must be a whole number"),
    "pydantic.int_type": ("phải là số nguyên", "must be a whole number"),
    "pydantic.int_from_float": ("phải là số nguyên", "must be a whole number"),
    "pydantic.float_type": ("phải là một số", "must be a number"),
    "pydantic.float_parsing": ("phải là một số", "must be a number"),
    "pydantic.finite_number": ("phải là một số hữu hạn", "must be a finite number"),
    "pydantic.bool_type": ("phải là true hoặc false", "must be true or false"),
    "pydantic.bool_parsing": ("phải là true hoặc false", "must be true or false"),
    "pydantic.string_type": ("phải là chuỗi ký tự", "must be a string"),
    "pydantic.date_from_datetime_parsing": (
        "phải là ngày (YYYY-MM-DD)",
        "must be a date (YYYY-MM-DD)",
    ),
    "pydantic.date_from_datetime_inexact": (
        "phải là ngày (YYYY-MM-DD)",
        "must be a date (YYYY-MM-DD)",
    ),
    "pydantic.date_parsing": ("phải là ngày (YYYY-MM-DD)", "must be a date (YYYY-MM-DD)"),
    "pydantic.date_type": ("phải là ngày (YYYY-MM-DD)", "must be a date (YYYY-MM-DD)"),
    "pydantic.datetime_parsing": (
        "phải là ngày giờ (YYYY-MM-DDTHH:MM:SS)",
        "must be a date and time (YYYY-MM-DDTHH:MM:SS)",
    ),
    "pydantic.datetime_from_date_parsing": (
        "phải là ngày giờ (YYYY-MM-DDTHH:MM:SS)",
        "must be a date and time (YYYY-MM-DDTHH:MM:SS)",
    ),
    "pydantic.datetime_type": (
        "phải là ngày giờ (YYYY-MM-DDTHH:MM:SS)",
        "must be a date and time (YYYY-MM-DDTHH:MM:SS)",
    ),
    "pydantic.list_type": ("phải là một danh sách", "must be a list"),
    "pydantic.tuple_type": ("phải là một danh sách", "must be a list"),
    "pydantic.dict_type": ("phải là một bảng TOML", "must be a TOML table"),
    "pydantic.model_type": ("phải là một bảng TOML", "must be a TOML table"),
    "pydantic.literal_error": ("giá trị không hợp lệ", "not an allowed value"),
    "pydantic.enum": ("giá trị không hợp lệ", "not an allowed value"),
    "pydantic.greater_than_equal": ("giá trị quá nhỏ", "the value is too small"),
    "pydantic.one_line": (
        "có ký tự xuống dòng hoặc ký tự điều khiển; viết trên một dòng",
        "contains a line break or a control character; write it on one line",
    ),
    "pydantic.less_than_equal": ("giá trị quá lớn", "the value is too large"),
    "pydantic.use_one_of": ("; dùng một trong: {expected}", "; use one of: {expected}"),
    "pydantic.got": (" (nhận {got})", " (got {got})"),
    "json_value.must_be_object": ("phải là một đối tượng JSON", "must be a JSON object"),
    # --- a ballots file named by the spec that does not stay in its folder ---
    "spec_path.empty": ("tên tệp trống", "the name is empty"),
    "spec_path.absolute": ("đây là đường dẫn tuyệt đối", "this is an absolute path"),
    "spec_path.dotdot": ("'..' dẫn ra ngoài thư mục", "'..' leads out of the folder"),
    "spec_path.unresolvable": ("không xác định được tệp (liên kết vòng?)", "it cannot be resolved"),
    "spec_path.link_out": ("một liên kết trỏ ra ngoài thư mục", "a link leads out of the folder"),
    "value.whole_number": ("phải là số nguyên (nhận {got})", "must be a whole number (got {got})"),
}
