"""The words of a poll's minutes (an introduction poll, a confidence vote)."""

from __future__ import annotations

TABLE: dict[str, tuple[str, str]] = {
    "poll.s_list": ("III. Danh sách lấy phiếu", "III. The list"),
    "poll.list_introduction": (
        "Danh sách xếp theo thứ tự A, B, C của tên; mỗi phiếu giới thiệu không quá {places} người:",
        "The list in ballot order (A, B, C by given name); each ballot introduces at most "
        "{places}:",
    ),
    "poll.list_confidence": (
        "Danh sách xếp theo thứ tự A, B, C của tên; mỗi người được đánh giá một trong ba mức: "
        "tín nhiệm cao, tín nhiệm, tín nhiệm thấp:",
        "The list in ballot order (A, B, C by given name); each person is rated at one of three "
        "levels: high confidence, confidence, low confidence:",
    ),
    "poll.over_places": (
        "giới thiệu quá {places} người",
        "introducing more than {places}",
    ),
    "poll.s_roll": ("IV. Số được triệu tập và có mặt", "IV. Convened and present"),
    "poll.convened": ("Số được triệu tập", "Convened"),
    "poll.present": ("Số có mặt", "Present"),
    "poll.presence_ok": (
        "đủ {num}/{den} số được triệu tập (cần ít nhất {req}){cited}",
        "at least {num}/{den} of those convened (needs {req}){cited}",
    ),
    "poll.presence_no": (
        "CHƯA ĐỦ {num}/{den} số được triệu tập (cần ít nhất {req}){cited}",
        "FEWER THAN {num}/{den} of those convened (needs {req}){cited}",
    ),
    "poll.s_ballots": ("V. Kết quả kiểm phiếu", "V. Ballots and results"),
    "poll.base_roll": (
        "số được triệu tập làm căn cứ ({base})",
        "those convened counted in the base ({base})",
    ),
    "poll.base_valid_ballots": ("số phiếu hợp lệ ({base})", "the valid ballots ({base})"),
    "poll.base_collected_ballots": ("số phiếu thu vào ({base})", "the ballots collected ({base})"),
    "poll.introduction_table": (
        "Số phiếu giới thiệu từng người (xếp theo thứ tự trong phiếu; tỷ lệ % so với {base}):",
        "Ballots introducing each person (in ballot order; % of {base}):",
    ),
    "poll.marked": ("Số phiếu giới thiệu", "Introduced by"),
    "poll.ranked": (
        "Xếp theo số phiếu giới thiệu từ cao xuống thấp:",
        "In descending order of ballots:",
    ),
    "poll.no_threshold": (
        "Phiếu giới thiệu không xác định người trúng cử; kết quả là cơ sở để giới thiệu theo "
        "quy định{cited}.",
        "An introduction poll elects nobody; its result informs the nomination as the rules "
        "provide{cited}.",
    ),
    "poll.confidence_table": (
        "Kết quả lấy phiếu tín nhiệm (số phiếu và tỷ lệ % so với {base}):",
        "The ratings (ballots and % of {base}):",
    ),
    "poll.high": ("Tín nhiệm cao", "High confidence"),
    "poll.confidence": ("Tín nhiệm", "Confidence"),
    "poll.low": ("Tín nhiệm thấp", "Low confidence"),
    "poll.unrated": ("Không đánh giá", "Not rated"),
    "poll.not_held": (
        "Số có mặt chưa đủ theo quy định: việc lấy phiếu tín nhiệm không được tiến hành, kết quả "
        "trên không được sử dụng.",
        "Too few were present: the confidence vote may not be held, and the figures above are "
        "not to be used.",
    ),
    "poll.low_over": (
        "Đồng chí {name} có {low} phiếu tín nhiệm thấp, quá {share} so với {base}{cited}.",
        "{name}: {low} low-confidence ratings, more than {share} of {base}{cited}.",
    ),
    "poll.none_low": (
        "Không có người nào có số phiếu tín nhiệm thấp quá {share}{cited}.",
        "Nobody has low-confidence ratings above {share}{cited}.",
    ),
}
