"""The words of the reconciliation of entry stations."""

TABLE: dict[str, tuple[str, str]] = {
    "stations.title": (
        "ĐỐI CHIẾU KẾT QUẢ NHẬP PHIẾU GIỮA CÁC MÁY",
        "RECONCILIATION OF ENTRY STATIONS",
    ),
    "stations.contest": ("Cuộc bầu {key}", "Contest {key}"),
    "stations.sources": ("Nhật ký của các máy", "Station logs"),
    "stations.file": ("Tệp", "File"),
    "stations.events": ("Sự kiện", "Events"),
    "stations.hash": ("Mã SHA-256 (16 ký tự đầu)", "SHA-256 (first 16)"),
    "stations.entered": ("Số phiếu đã nhập", "Ballots entered"),
    "stations.batch": ("Sấp {batch} (khai báo {expected})", "Batch {batch} ({expected} declared)"),
    "stations.what": ("Chênh lệch", "Difference"),
    "stations.agreed": (
        "Các máy nhập khớp nhau ở mọi phiếu.",
        "The stations agree on every ballot.",
    ),
    "stations.spelt": (
        "Số phiếu các máy viết khác nhau nhưng là cùng một phiếu (so sánh không phân biệt chữ "
        "hoa, chữ thường, chữ rộng); nhật ký gộp ghi theo cách viết của máy đầu tiên:",
        "Serials the stations spelt differently that name the same ballot (compared regardless "
        "of capitals and full-width characters); the merged log writes them as the first "
        "station did:",
    ),
    "stations.disputed": (
        "Còn {count} phiếu các máy nhập khác nhau: {serials}. Ban kiểm phiếu xem lại phiếu gốc "
        "và ghi phán quyết cho từng phiếu (tệp phán quyết, xem docs/audit.md), hoặc các máy sửa "
        "lần nhập cho khớp.",
        "{count} ballot(s) read differently by the stations: {serials}. The board looks at the "
        "paper ballots and records a ruling on each (a rulings file, see docs/audit.md), or the "
        "stations correct their entries.",
    ),
    "stations.rulings": ("Phán quyết của Ban kiểm phiếu", "The counting board's rulings"),
    "stations.reading": ("Phiếu ghi", "The ballot reads"),
    "stations.nothing_marked": ("không gạch tên nào", "nothing marked"),
    "stations.can_close": (
        "Cuộc kiểm phiếu kết thúc được: ghi nhật ký gộp bằng tally reconcile … --merge TỆP_MỚI.",
        "The count can close: write the merged log with tally reconcile … --merge NEW_FILE.",
    ),
    "stations.cannot_close": (
        "Chưa kết thúc kiểm phiếu được: {why}",
        "The count cannot close yet: {why}",
    ),
    "stations.k_missing": ("có máy không nhập phiếu này", "not entered at every station"),
    "stations.k_marks": ("dấu ở người số {number}: {name}", "mark for no. {number}: {name}"),
    "stations.k_observations": ("nhận xét của Ban kiểm phiếu", "the board's observations"),
    "stations.k_batch": ("sấp phiếu", "batch"),
    "stations.k_serial": ("số phiếu viết khác nhau", "serial spelt differently"),
    "stations.not_entered": ("không nhập", "not entered"),
    "stations.entered_yes": ("có nhập", "entered"),
    "stations.kept": ("giữ tên", "kept"),
    "stations.struck": ("gạch tên", "struck"),
    "stations.agree": ("đồng ý", "agree"),
    "stations.disagree": ("không đồng ý", "disagree"),
    "stations.both": ("cả hai ô", "both boxes"),
    "stations.neither": ("không đánh dấu", "neither box"),
}
