"""The words of the reconciliation of entry stations."""

TABLE: dict[str, tuple[str, str]] = {
    "stations.title": (
        "ĐỐI CHIẾU KẾT QUẢ NHẬP PHIẾU GIỮA CÁC MÁY",
        "RECONCILIATION OF ENTRY STATIONS",
    ),
    "stations.sources": ("Nhật ký của các máy", "Station logs"),
    "stations.file": ("Tệp", "File"),
    "stations.events": ("Số sự kiện", "Events"),
    "stations.hash": (
        "Mã SHA-256 của sự kiện cuối (16 ký tự đầu)",
        "SHA-256 of the last event (first 16 characters)",
    ),
    "stations.entered": ("Số lượng phiếu đã nhập", "Ballots entered"),
    "stations.batch": ("Sấp {batch}", "Stack {batch}"),
    "stations.hand_count": ("Đếm tay", "By hand"),
    "stations.what": ("Chênh lệch", "Difference"),
    "stations.agreed": (
        "Các máy nhập khớp nhau ở mọi phiếu.",
        "The stations agree on every ballot.",
    ),
    "stations.spelt": (
        "Các số phiếu dưới đây các máy viết khác nhau (chữ hoa hay chữ thường, bộ gõ khác nhau) "
        "nhưng đọc trên giấy là như nhau, nên là cùng một phiếu; nhật ký gộp ghi theo cách viết "
        "của máy đầu tiên:",
        "The serials below are spelt differently by the stations (capitals or small letters, "
        "another keyboard) but read the same on paper, so they name the same ballot; the "
        "merged log writes them as the first station did:",
    ),
    "stations.disputed": (
        "Còn {count} phiếu các máy nhập khác nhau: số phiếu {serials}. Ban kiểm phiếu xem lại "
        "từng phiếu gốc và ghi phán quyết: phiếu đọc đúng là thế nào, hoặc không có phiếu này, "
        "hoặc số phiếu một máy nhập nhầm thật ra là phiếu nào; hoặc máy nhập sai sửa lần nhập "
        "cho khớp rồi đối chiếu lại.",
        "{count} ballot(s) read differently by the stations: serial(s) {serials}. The counting "
        "board looks at each paper ballot and records a ruling: how the ballot really reads, or "
        "that there is no such ballot, or which ballot a serial one station mistyped really "
        "is; or the station that erred corrects its entry and the stations are compared again.",
    ),
    "stations.corrections": (
        "Số phiếu máy nhập nhầm, theo phán quyết của Ban kiểm phiếu (đối chiếu và gộp theo số "
        "phiếu đúng)",
        "Serials a station mistyped, as the counting board ruled (compared and merged under "
        "the right serial)",
    ),
    "stations.typed": ("Số phiếu máy đã nhập", "Serial entered"),
    "stations.is_ballot": ("Số phiếu đúng", "Right serial"),
    "stations.rulings": ("Phán quyết của Ban kiểm phiếu", "The counting board's rulings"),
    "stations.reading": ("Phiếu ghi", "The ballot reads"),
    "stations.nothing_marked": ("không gạch tên nào", "nothing marked"),
    "stations.can_close": (
        "Kết thúc được cuộc kiểm phiếu: gộp nhật ký của các máy thành một nhật ký để in biên "
        "bản kiểm phiếu.",
        "The count can close: the stations' logs can be merged into one log, from which the "
        "minutes are printed.",
    ),
    "stations.cannot_close": (
        "Chưa kết thúc kiểm phiếu được: {why}",
        "The count cannot close yet: {why}",
    ),
    "stations.k_missing": ("có máy không nhập phiếu này", "not entered at every station"),
    "stations.k_marks": ("dấu ở người số {number}: {name}", "mark for no. {number}: {name}"),
    "stations.k_observations": ("nhận xét của Ban kiểm phiếu", "the board's observations"),
    "stations.k_batch": ("sấp phiếu", "stack"),
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
