"""Messages of the floor under the model: files, function arguments, optional extras."""

TABLE: dict[str, tuple[str, str]] = {
    # --- arguments of public functions ---
    "api.wrong_kind": (
        "{function}: {parameter} phải là {expected}, không phải {got} ({value}).",
        "{function}: {parameter} must be {expected}, not {got} ({value}).",
    ),
    # --- loaders: what is read ---
    "load.not_regular": (
        "{path} không phải là một tệp thông thường (mà là thư mục, thiết bị hoặc đường ống). "
        "Chỉ ra đúng tệp cần đọc.",
        "{path} is not a regular file (it is a folder, a device or a pipe). Give the path of "
        "the file itself.",
    ),
    "load.long_number": (
        "Có một số dài hơn 4300 chữ số, không thể đọc. Tệp bị hỏng hoặc gõ nhầm; sửa lại số này.",
        "A number here has more than 4,300 digits and cannot be read. The file is damaged or "
        "mistyped; correct the number.",
    ),
    "load.too_deep": (
        "Các mảng hoặc bảng lồng nhau quá sâu (hơn {limit} tầng). Tệp bị hỏng; kiểm tra các "
        "dấu ngoặc mở và đóng.",
        "Arrays or tables are nested too deep (more than {limit} levels). The file is damaged; "
        "check the opening and closing brackets.",
    ),
    # --- files: reading and writing ---
    "file.not_found": (
        "Không tìm thấy tệp {path}.",
        "File {path} does not exist.",
    ),
    "file.unreadable": (
        "Không đọc được tệp {path}: {detail}.",
        "Cannot read {path}: {detail}.",
    ),
    "file.unwritable": (
        "Không ghi được tệp {path}: {detail}. Kiểm tra thư mục và quyền ghi.",
        "Cannot write {path}: {detail}. Check the folder exists and is writable.",
    ),
    "file.errors": (
        "Tệp có {n} lỗi; sửa hết rồi đọc lại:{problems}",
        "The file has {n} problems; fix them all, then read it again:{problems}",
    ),
    "file.more_errors": (
        "… và {more} lỗi khác.",
        "… and {more} more.",
    ),
    "file.output_is_input": (
        "Tệp ghi ra {output} chính là tệp {input} mà lệnh này đọc hoặc ghi; ghi vào sẽ làm mất "
        "tệp đó. Chọn một tên tệp khác để ghi.",
        "The output {output} is the same file as {input}, which this command reads or writes; "
        "writing it would destroy that file. Choose another file name to write to.",
    ),
    "file.output_not_file": (
        "Không ghi vào {path}: đó là {kind}. Chỉ ghi vào một tệp thông thường hoặc một tên tệp "
        "mới.",
        "Will not write to {path}: it is {kind}. Write only to a regular file or a new file name.",
    ),
    # --- optional extras ---
    "extra.missing": (
        "Chức năng này cần gói bổ sung {extra} (thư viện {module} chưa được cài). "
        "Cài bằng: pip install 'tally[{extra}]'",
        "This needs the optional extra {extra} (the {module} library is not installed). "
        "Install it with: pip install 'tally[{extra}]'",
    ),
}
