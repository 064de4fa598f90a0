"""The domain's words: events, bodies, congresses, deductions, forms, reasons, statuses, dates."""

TABLE: dict[str, tuple[str, str]] = {
    # --- EventKind ---
    "label.EventKind.session_opened": ("mở nhật ký", "log opened"),
    "label.EventKind.congress_planned": ("kế hoạch đại hội", "congress plan"),
    "label.EventKind.open_vote_recorded": ("biểu quyết công khai", "open vote"),
    "label.EventKind.contest_opened": ("mở cuộc bầu", "contest opened"),
    "label.EventKind.board_constituted": ("Ban kiểm phiếu", "counting board"),
    "label.EventKind.ballots_issued": ("số phiếu phát ra", "ballots issued"),
    "label.EventKind.batch_declared": ("sấp phiếu", "stack declared"),
    "label.EventKind.ballot_recorded": ("phiếu nhập", "ballot entered"),
    "label.EventKind.ballot_corrected": ("phiếu sửa", "ballot corrected"),
    "label.EventKind.ballot_withdrawn": ("phiếu hủy nhập", "entry withdrawn"),
    "label.EventKind.ballots_collected": ("số phiếu thu vào", "ballots collected"),
    "label.EventKind.stations_merged": ("gộp các máy nhập", "stations merged"),
    "label.EventKind.discrepancy_ruled": ("phán quyết phiếu chênh lệch", "discrepancy ruled"),
    "label.EventKind.complaint_recorded": ("khiếu nại", "complaint"),
    "label.EventKind.count_closed": ("kết thúc kiểm phiếu", "count closed"),
    "label.EventKind.decision_recorded": ("quyết định của đại hội", "decision"),
    # --- Body ---
    "label.Body.executive_committee": ("Ban Chấp hành", "executive committee"),
    "label.Body.standing_committee": ("Ban Thường vụ", "standing committee"),
    "label.Body.secretary": ("Bí thư", "secretary"),
    "label.Body.deputy_secretary": ("Phó Bí thư", "deputy secretary"),
    "label.Body.inspection_commission": ("Ủy ban Kiểm tra", "inspection commission"),
    "label.Body.inspection_chair": (
        "Chủ nhiệm Ủy ban Kiểm tra",
        "chair of the inspection commission",
    ),
    "label.Body.inspection_deputy_chair": (
        "Phó Chủ nhiệm Ủy ban Kiểm tra",
        "deputy chair of the inspection commission",
    ),
    "label.Body.upper_delegates": (
        "đại biểu dự đại hội cấp trên",
        "delegates to the upper congress",
    ),
    "label.Body.upper_alternates": (
        "đại biểu dự khuyết dự đại hội cấp trên",
        "alternate delegates to the upper congress",
    ),
    # --- the same bodies in the words of the neighbouring organisations ---
    "label.Body.cell_committee.youth_union": (
        "Ban Chấp hành Chi đoàn",
        "chi đoàn executive committee",
    ),
    "label.Body.cell_secretary.youth_union": ("Bí thư Chi đoàn", "chi đoàn secretary"),
    "label.Body.cell_deputy_secretary.youth_union": (
        "Phó Bí thư Chi đoàn",
        "chi đoàn deputy secretary",
    ),
    "label.Body.upper_delegates.youth_union": (
        "Đại biểu dự Đại hội Đoàn cấp trên",
        "delegates to the upper Youth Union congress",
    ),
    "label.Body.executive_committee.trade_union": (
        "Ban Chấp hành Công đoàn",
        "trade union executive committee",
    ),
    "label.Body.secretary.trade_union": ("Chủ tịch Công đoàn", "trade union chair"),
    "label.Body.deputy_secretary.trade_union": (
        "Phó Chủ tịch Công đoàn",
        "trade union vice-chair",
    ),
    "label.Body.inspection_commission.trade_union": (
        "Ủy ban Kiểm tra Công đoàn",
        "trade union inspection commission",
    ),
    "label.Body.upper_delegates.trade_union": (
        "Đại biểu dự Đại hội Công đoàn cấp trên",
        "delegates to the upper trade union congress",
    ),
    "label.Body.secretary.peoples_council": (
        "Chủ tịch Hội đồng nhân dân",
        "chair of the People's Council",
    ),
    "label.Body.deputy_secretary.peoples_council": (
        "Phó Chủ tịch Hội đồng nhân dân",
        "vice-chair of the People's Council",
    ),
    "label.Body.cell_committee": ("Chi ủy", "chi bộ committee (chi ủy)"),
    "label.Body.cell_secretary": ("Bí thư chi bộ", "chi bộ secretary"),
    "label.Body.cell_deputy_secretary": ("Phó Bí thư chi bộ", "chi bộ deputy secretary"),
    # --- PollKind ---
    "label.PollKind.introduction": ("lấy phiếu giới thiệu", "introduction poll"),
    "label.PollKind.confidence": ("lấy phiếu tín nhiệm", "confidence vote"),
    # --- Level ---
    "label.Level.grassroots": ("cấp cơ sở", "grassroots level"),
    "label.Level.commune": ("cấp xã", "commune level"),
    "label.Level.province": ("cấp tỉnh", "provincial level"),
    # --- CongressKind ---
    "label.CongressKind.member_congress": ("Đại hội đảng viên", "member congress"),
    "label.CongressKind.delegate_congress": ("Đại hội đại biểu", "delegate congress"),
    "label.CongressKind.committee_conference": ("Hội nghị cấp ủy", "committee conference"),
    # --- Deduction ---
    "label.Deduction.temporary_registration": (
        "sinh hoạt đảng tạm thời ở đảng bộ khác",
        "on temporary Party registration elsewhere",
    ),
    "label.Deduction.exempt_absent": (
        "miễn công tác và sinh hoạt đảng, không có mặt",
        "exempted from Party activity and not present",
    ),
    "label.Deduction.suspended": (
        "đang bị đình chỉ sinh hoạt đảng",
        "suspended from Party activity",
    ),
    "label.Deduction.prosecuted": (
        "bị khởi tố, truy tố, tạm giam",
        "prosecuted, indicted or detained",
    ),
    "label.Deduction.absent_with_reason": (
        "vắng mặt suốt thời gian đại hội có lý do được chấp nhận",
        "absent for the whole congress with an accepted reason",
    ),
    "label.Deduction.convening_committee_absent": (
        "cấp ủy viên triệu tập đại hội vắng mặt suốt thời gian đại hội",
        "convening-committee members absent for the whole congress",
    ),
    "label.Deduction.delegate_absent_no_alternate": (
        "đại biểu chính thức vắng mặt suốt thời gian đại hội, không có dự khuyết thay",
        "official delegates absent for the whole congress with no alternate",
    ),
    # --- BallotForm ---
    "label.BallotForm.strike_out": ("phiếu gạch tên", "strike-out ballot"),
    "label.BallotForm.yes_no": ("phiếu đồng ý / không đồng ý", "agree / disagree ballot"),
    # --- InvalidReason ---
    "label.InvalidReason.not_issued": (
        "không phải phiếu do Ban kiểm phiếu phát ra",
        "not issued by the counting board",
    ),
    "label.InvalidReason.over_seats": ("bầu quá số lượng", "votes for more people than the seats"),
    "label.InvalidReason.no_vote": (
        "không bầu cho người nào (gạch hết tên hoặc không đánh dấu rõ)",
        "votes for nobody (every name struck, or no clear mark)",
    ),
    "label.InvalidReason.yes_no_unclear": (
        "đánh dấu cả hai ô hoặc không đánh dấu ô nào",
        "both boxes or neither marked",
    ),
    "label.InvalidReason.write_in": ("ghi thêm tên ngoài danh sách", "a name written in"),
    "label.InvalidReason.identifying_mark": (
        "có ký tên hoặc đánh dấu riêng",
        "signed or carrying identifying marks",
    ),
    # --- OutcomeStatus ---
    "label.OutcomeStatus.complete": ("đã bầu đủ", "all seats filled"),
    "label.OutcomeStatus.turnout_not_met": (
        "không quá một nửa đã bỏ phiếu: kết quả không được công nhận",
        "not more than half voted: the result does not stand",
    ),
    "label.OutcomeStatus.tie": ("có người bằng phiếu ở vị trí cuối cùng", "a tie at the cut-off"),
    "label.OutcomeStatus.shortfall": ("chưa bầu đủ số lượng", "seats left open"),
    "label.OutcomeStatus.alternate_tie": (
        "có người bằng phiếu ở vị trí dự khuyết cuối cùng",
        "a tie at the alternates' cut-off",
    ),
    # --- ContestStatus ---
    "label.ContestStatus.complete": ("đã bầu đủ", "all seats filled"),
    "label.ContestStatus.awaiting_ballots": ("chờ phiếu", "awaiting ballots"),
    "label.ContestStatus.needs_revote": ("cần bầu lại (bằng phiếu)", "re-vote needed (tie)"),
    "label.ContestStatus.needs_round": ("chưa đủ, chờ quyết định", "seats open, decision needed"),
    "label.ContestStatus.must_vote_again": (
        "chưa đủ, phải bầu tiếp",
        "seats open, another round required",
    ),
    "label.ContestStatus.appointed_by_upper_level": (
        "cấp trên chỉ định",
        "appointed by the upper level",
    ),
    "label.ContestStatus.waiting_for_source": (
        "chờ kết quả cuộc bầu trước",
        "waiting for an earlier contest",
    ),
    "label.ContestStatus.no_further_round": (
        "chưa đủ, đã hết số lần bầu",
        "seats open, no rounds left",
    ),
    "label.ContestStatus.alternate_tie": ("bằng phiếu ở vị trí dự khuyết", "tie among alternates"),
    # --- TiePolicy ---
    "label.TiePolicy.revote": ("bầu lại giữa những người bằng phiếu", "re-vote among the tied"),
    "label.TiePolicy.older_wins": ("người nhiều tuổi hơn trúng cử", "the older candidate wins"),
    "label.TiePolicy.congress_decides": ("đại hội quyết định", "the congress decides"),
    # --- dates, whatever the machine's locale ---
    "date.long": ("{day} {month} năm {year}", "{day} {month} {year}"),
    "date.month.1": ("tháng 1", "January"),
    "date.month.2": ("tháng 2", "February"),
    "date.month.3": ("tháng 3", "March"),
    "date.month.4": ("tháng 4", "April"),
    "date.month.5": ("tháng 5", "May"),
    "date.month.6": ("tháng 6", "June"),
    "date.month.7": ("tháng 7", "July"),
    "date.month.8": ("tháng 8", "August"),
    "date.month.9": ("tháng 9", "September"),
    "date.month.10": ("tháng 10", "October"),
    "date.month.11": ("tháng 11", "November"),
    "date.month.12": ("tháng 12", "December"),
}
