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
}
