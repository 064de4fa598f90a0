"""The words of the counting minutes (biên bản kiểm phiếu)."""

TABLE: dict[str, tuple[str, str]] = {
    "minutes.title": ("BIÊN BẢN KIỂM PHIẾU", "COUNTING MINUTES"),
    "minutes.issuer": ("BAN KIỂM PHIẾU", "COUNTING BOARD"),
    "minutes.masthead.party": ("ĐẢNG CỘNG SẢN VIỆT NAM", "COMMUNIST PARTY OF VIETNAM"),
    "minutes.masthead.republic": (
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "SOCIALIST REPUBLIC OF VIETNAM",
    ),
    "minutes.masthead.youth_union": (
        "ĐOÀN TNCS HỒ CHÍ MINH",
        "HO CHI MINH COMMUNIST YOUTH UNION",
    ),
    "minutes.place_date": ("{place}, ngày {date}", "{place}, {date}"),
    "minutes.letter_date": ("{day} tháng {month} năm {year}", "{day} {month} {year}"),
    "minutes.sign_head": ("T/M BAN KIỂM PHIẾU\nTRƯỞNG BAN", "FOR THE COUNTING BOARD\nHEAD"),
    "minutes.sign_members": ("CÁC ỦY VIÊN BAN KIỂM PHIẾU", "MEMBERS OF THE COUNTING BOARD"),
    "minutes.blank_line": ("……………………………", "……………………………"),
    "minutes.blank_place": ("……………", "……………"),
    "minutes.blank_date": ("…… tháng …… năm ……", "…… …… ……"),
    "minutes.footer": (
        "Nhật ký kiểm phiếu: {events} sự kiện · mã sự kiện cuối {hash}",
        "Counting log: {events} events · last event {hash}",
    ),
    "minutes.hands": (
        "{yes} tán thành, {no} không tán thành, {abstain} không biểu quyết",
        "{yes} for, {no} against, {abstain} abstaining",
    ),
    "minutes.hands_passed": ("{hands}: thông qua", "{hands}: passed"),
    "minutes.hands_failed": ("{hands}: không thông qua", "{hands}: not passed"),
    "minutes.seats_vote": (
        "{assembly} đã biểu quyết số lượng {body} là {seats} đồng chí ({hands}).",
        "The {assembly} voted the number of seats on the {body}: {seats} ({hands}).",
    ),
    "minutes.open_vote": (
        "{assembly} đã biểu quyết: {subject} ({hands}).",
        "The {assembly} voted: {subject} ({hands}).",
    ),
    "minutes.nominated_committee": ("cấp ủy giới thiệu", "nominated by the committee"),
    "minutes.nominated_congress": ("{assembly} giới thiệu", "nominated at the {assembly}"),
    "minutes.nominated_self": ("tự ứng cử", "self-nominated"),
    "minutes.absent": ("Vắng mặt lúc bầu cử", "Absent at the vote"),
    "minutes.congress": ("Đại hội", "Congress"),
    "minutes.term": ("Nhiệm kỳ", "Term"),
    "minutes.place": ("Địa điểm", "Place"),
    "minutes.date": ("Ngày", "Date"),
    "minutes.counted_at": ("Thời gian kiểm phiếu", "Counted at"),
    "minutes.s_board": ("II. Ban kiểm phiếu", "II. Counting board"),
    "minutes.head": ("Trưởng ban", "Head"),
    "minutes.member": ("Ủy viên", "Member"),
    "minutes.no_board": ("(chưa ghi danh sách Ban kiểm phiếu)", "(board members not recorded)"),
    "minutes.s_list": ("III. Số lượng và danh sách bầu cử", "III. Seats and list"),
    "minutes.list_order": (
        "Danh sách xếp theo thứ tự A, B, C của tên",
        "The list in ballot order (A, B, C by given name)",
    ),
    "minutes.s_base": ("IV. Căn cứ tính kết quả bầu cử", "IV. Threshold base"),
    "minutes.convened_members": (
        "Số đảng viên chính thức được triệu tập",
        "Official members convened",
    ),
    "minutes.convened_members.state": ("Số cử tri trong danh sách cử tri", "Voters on the list"),
    "minutes.convened_members.peoples_council": (
        "Tổng số đại biểu Hội đồng nhân dân",
        "Deputies of the council",
    ),
    "minutes.convened_members.trade_union": (
        "Số đoàn viên công đoàn được triệu tập",
        "Union members convened",
    ),
    "minutes.convened_members.youth_union": (
        "Số đoàn viên được triệu tập",
        "Youth Union members convened",
    ),
    "minutes.base.member_congress.peoples_council": (
        "Tổng số đại biểu Hội đồng nhân dân làm căn cứ tính kết quả bầu cử",
        "Threshold base",
    ),
    "minutes.base.member_congress.trade_union": (
        "Số đoàn viên công đoàn làm căn cứ tính kết quả bầu cử",
        "Threshold base",
    ),
    "minutes.base.member_congress.youth_union": (
        "Số đoàn viên làm căn cứ tính kết quả bầu cử",
        "Threshold base",
    ),
    "minutes.present.member_congress.state": ("Số cử tri có mặt", "Voters present"),
    "minutes.present.member_congress.peoples_council": ("Số đại biểu có mặt", "Deputies present"),
    "minutes.present.member_congress.trade_union": (
        "Số đoàn viên công đoàn có mặt",
        "Union members present",
    ),
    "minutes.present.member_congress.youth_union": (
        "Số đoàn viên có mặt",
        "Youth Union members present",
    ),
    "minutes.convened_delegates": (
        "Số đại biểu chính thức được triệu tập",
        "Official delegates convened",
    ),
    "minutes.convened_committee": ("Số ủy viên được triệu tập", "Members of the body convened"),
    "minutes.deduct": ("Trừ", "Less"),
    "minutes.role": ("Nhiệm vụ", "Role"),
    "minutes.deduct_list": ("Trừ các trường hợp sau:", "Less:"),
    "minutes.list_one": (
        "Danh sách bầu cử gồm 1 đồng chí:",
        "The list has one name:",
    ),
    "minutes.elected_one": (
        "Đồng chí sau đây trúng cử {body} (có tỷ lệ % quá bán):",
        "Elected {body} (above half):",
    ),
    "minutes.complaint": (
        "{number}. {summary} — Ban kiểm phiếu đã giải quyết: {settlement}",
        "{number}. {summary} — settled by the board: {settlement}",
    ),
    "minutes.base.member_congress": (
        "Số đảng viên chính thức làm căn cứ tính kết quả bầu cử",
        "Threshold base",
    ),
    "minutes.base.delegate_congress": (
        "Số đại biểu chính thức làm căn cứ tính kết quả bầu cử",
        "Threshold base",
    ),
    "minutes.base.committee_conference": (
        "Số ủy viên làm căn cứ tính kết quả bầu cử",
        "Threshold base",
    ),
    "minutes.base_valid": ("Căn cứ tính kết quả: số phiếu hợp lệ", "Threshold base: valid ballots"),
    "minutes.base_collected": (
        "Căn cứ tính kết quả: số phiếu thu vào",
        "Threshold base: ballots collected",
    ),
    "minutes.present.member_congress": ("Số đảng viên chính thức có mặt", "Present"),
    "minutes.present.delegate_congress": ("Số đại biểu chính thức có mặt", "Present"),
    "minutes.present.committee_conference": ("Số ủy viên có mặt", "Present"),
    "minutes.quorum_ok": (
        "đủ {num}/{den} số được triệu tập (cần ít nhất {req})",
        "at least {num}/{den} of those convened (needs {req})",
    ),
    "minutes.quorum_no": (
        "CHƯA ĐỦ {num}/{den} số được triệu tập (cần ít nhất {req})",
        "FEWER THAN {num}/{den} of those convened (needs {req})",
    ),
    "minutes.threshold": ("Điều kiện trúng cử", "To be elected"),
    "minutes.threshold_text": (
        "quá một nửa so với {base}, tức ít nhất {min} phiếu{cited}",
        "more than half of {base}, i.e. at least {min} votes{cited}",
    ),
    "minutes.threshold_most_votes": (
        "bầu lại giữa những người bằng phiếu: người được nhiều phiếu nhất trúng cử, không xét "
        "quá một nửa (theo quyết định của Đại hội)",
        "a re-vote among the tied: the most votes win, without the more-than-half rule (as the "
        "congress decided)",
    ),
    "minutes.s_ballots": ("V. Kết quả kiểm phiếu", "V. Ballots and votes"),
    "minutes.valid": ("Số phiếu hợp lệ", "Valid ballots"),
    "minutes.invalid": ("Số phiếu không hợp lệ", "Invalid ballots"),
    "minutes.check": ("Đối chiếu", "Check"),
    "minutes.check_text": (
        "{valid} phiếu hợp lệ và {invalid} phiếu không hợp lệ, bằng {collected} phiếu thu vào, "
        "không quá {issued} phiếu phát ra",
        "{valid} valid and {invalid} invalid ballots make the {collected} collected, no more than "
        "the {issued} issued",
    ),
    "minutes.votes_by_candidate": (
        "Kết quả kiểm phiếu cụ thể như sau (xếp theo thứ tự như trong phiếu bầu; tỷ lệ % so với "
        "số làm căn cứ tính kết quả bầu cử)",
        "The votes, in ballot order (% of the threshold base)",
    ),
    "minutes.votes": ("Số phiếu", "Votes"),
    "minutes.agree": ("Đồng ý", "Agree"),
    "minutes.disagree": ("Không đồng ý", "Disagree"),
    "minutes.unmarked": ("Không rõ", "Unclear"),
    "minutes.percent": ("Tỷ lệ", "%"),
    "minutes.percent_of_valid": ("% phiếu hợp lệ", "% of valid"),
    "minutes.percent_of_present": ("% số có mặt", "% of present"),
    "minutes.r_elected": ("TRÚNG CỬ", "ELECTED"),
    "minutes.r_tied": ("BẰNG PHIẾU", "TIED"),
    "minutes.r_alternate": ("DỰ KHUYẾT", "ALTERNATE"),
    "minutes.alternates_order": (
        "Đại biểu dự khuyết, xếp theo số phiếu từ cao xuống thấp:",
        "Alternate delegates, in descending order of votes:",
    ),
    "minutes.alternate_tie": (
        "Có {n} người cùng được {votes} phiếu ở vị trí dự khuyết cuối cùng cho {stake} vị trí còn "
        "lại: {names}. Thứ tự dự khuyết của những người này do đại hội quyết định.",
        "{n} candidates are tied on {votes} votes at the alternates' cut-off for the {stake} "
        "place(s) left: {names}. The congress decides their places.",
    ),
    "minutes.r_above": (
        "quá 1/2 nhưng không trúng cử do ít phiếu hơn người trúng cử cuối cùng",
        "above half but not elected: fewer votes than the last elected",
    ),
    "minutes.r_not_elected": ("không trúng cử", "not elected"),
    "minutes.elected_most_votes": (
        "Những đồng chí sau đây trúng cử {body} (bầu lại giữa những người bằng phiếu, xếp theo "
        "thứ tự số phiếu bầu từ cao đến thấp):",
        "The following are elected to the {body} (a re-vote among the tied, in descending order "
        "of votes):",
    ),
    "minutes.r_below": ("không trúng cử (không quá 1/2)", "not elected (not above 1/2)"),
    "minutes.s_elected": ("VI. Người trúng cử", "VI. Elected"),
    "minutes.elected_order": (
        "Những đồng chí sau đây trúng cử {body} (xếp theo thứ tự số phiếu bầu từ cao đến thấp, "
        "có tỷ lệ % quá bán):",
        "The following are elected to the {body} (in descending order of votes, each above half):",
    ),
    "minutes.elected_order_full": (
        "Những đồng chí sau đây trúng cử {body} (xếp theo thứ tự số phiếu bầu từ cao đến thấp, "
        "vừa đủ số lượng {seats} và có tỷ lệ % quá bán):",
        "The following are elected to the {body} (in descending order of votes, exactly the "
        "{seats} seat(s), each above half):",
    ),
    "minutes.rank": ("Thứ tự", "Rank"),
    "minutes.nobody": ("Không có người trúng cử.", "Nobody is elected."),
    "minutes.complete": (
        "Đã bầu đủ {seats}/{seats} chỉ tiêu.",
        "All {seats} seats are filled.",
    ),
    "minutes.tie": (
        "Có {n} người cùng được {votes} phiếu ở vị trí cuối cùng cho {stake} chỉ tiêu còn lại: "
        "{names}.",
        "{n} candidates are tied on {votes} votes at the cut-off for the {stake} seat(s) left: "
        "{names}.",
    ),
    "minutes.tie_open": (
        "Chưa xác định được người trúng cử cho {stake} chỉ tiêu này. Cách giải quyết: "
        "{policy}{cited}.",
        "Nobody is elected to these {stake} seat(s) yet. How to resolve it: {policy}{cited}.",
    ),
    "minutes.tie_resolved_policy": (
        "Trường hợp bằng phiếu đã giải quyết theo quy định áp dụng ({policy}{cited}; {note}): "
        "{winners} trúng cử.",
        "The tie is resolved by the rule applied ({policy}{cited}; {note}): {winners} elected.",
    ),
    "minutes.tie_resolved_decision": (
        "Trường hợp bằng phiếu đã giải quyết theo quyết định đã ghi nhận ({note}): {winners} "
        "trúng cử.",
        "The tie is resolved by the recorded decision ({note}): {winners} elected.",
    ),
    "minutes.shortfall_none": (
        "Không có người nào được quá một nửa so với căn cứ; {seats} chỉ tiêu còn để trống.",
        "Nobody received more than half of the base; all {seats} seat(s) remain open.",
    ),
    "minutes.after_further_round": (
        "Việc bầu tiếp cho số còn thiếu do {assembly} quyết định.",
        "Whether to hold another round for the open seats is for the {assembly} to decide.",
    ),
    "minutes.after_supplementary": (
        "Số còn thiếu được bầu cử thêm theo quy định{cited}.",
        "The open seats go to a supplementary election{cited}.",
    ),
    "minutes.after_last_round": (
        "Đã bầu đủ {rounds} lần theo quy định{cited}: không bầu tiếp.",
        "The {rounds} rounds the rules allow have been held{cited}: no further round.",
    ),
    "minutes.turnout": ("Số đã bỏ phiếu", "Voted"),
    "minutes.partial_strike": (
        "Phiếu được đọc theo quy định: tên chỉ gạch họ hoặc tên đệm, hoặc chỉ gạch dưới, được "
        "coi là không gạch{cited}.",
        "Ballots were read by the rule that a name struck only in its surname or middle name, or "
        "only underlined, is not struck{cited}.",
    ),
    "minutes.turnout_ok": (
        "{voted}/{convened}, quá một nửa số được triệu tập{cited}",
        "{voted} of {convened}, more than half of those convened{cited}",
    ),
    "minutes.turnout_no": (
        "{voted}/{convened}, KHÔNG QUÁ MỘT NỬA số được triệu tập{cited}",
        "{voted} of {convened}, NOT MORE THAN HALF of those convened{cited}",
    ),
    "minutes.turnout_failed": (
        "Không quá một nửa số được triệu tập đã bỏ phiếu: kết quả không được công nhận, không có "
        "người trúng cử; {seats} chỉ tiêu phải bầu lại{cited}.",
        "Not more than half of those convened voted: the result does not stand, nobody is "
        "elected, and the {seats} seat(s) must be elected again{cited}.",
    ),
    "minutes.assembly_conference": ("hội nghị", "conference"),
    "minutes.assembly_congress.peoples_council": ("kỳ họp", "session"),
    "minutes.assembly_congress.state": ("tổ bầu cử", "polling team"),
    "minutes.congress.peoples_council": ("Kỳ họp", "Session"),
    "minutes.conference": ("Hội nghị", "Conference"),
    "minutes.congress.state": ("Cuộc bầu cử", "Election"),
    "minutes.shortfall": (
        "Còn thiếu {open} chỉ tiêu: chỉ {elected} người được quá một nửa so với căn cứ cho "
        "{seats} chỉ tiêu. Những người đã trúng cử giữ nguyên kết quả.",
        "{open} seat(s) remain open: only {elected} candidate(s) received more than half of the "
        "base for {seats} seat(s). Those elected stay elected.",
    ),
    "minutes.s_complaints": ("VII. Khiếu nại và giải quyết", "VII. Complaints"),
    "minutes.no_complaints": ("Không có khiếu nại.", "No complaints."),
    "minutes.fingerprint": (
        "Nhật ký kiểm phiếu{file}: {events} sự kiện; mã SHA-256 của sự kiện cuối: {hash}.",
        "Counting log{file}: {events} events; SHA-256 of the last event: {hash}.",
    ),
    "minutes.closing": (
        "Biên bản đã được thông qua và báo cáo trước {assembly} vào hồi {when}.",
        "These minutes were adopted and reported to the {assembly} at {when}.",
    ),
    "minutes.closing_blank": (
        "…… giờ …… ngày …… tháng …… năm ……",
        "……:…… on …… …… ……",
    ),
    "minutes.moment": ("{hour} giờ {minute:02d}, ngày {day}", "{hour:02d}:{minute:02d}, {day}"),
}
