"""The words of the congress summary."""

TABLE: dict[str, tuple[str, str]] = {
    "summary.title": ("TỔNG HỢP KẾT QUẢ BẦU CỬ", "SUMMARY OF THE ELECTIONS"),
    "summary.s_contests": ("I. Các cuộc bầu", "I. Contests"),
    "summary.s_elected": ("II. Người trúng cử", "II. Elected"),
    "summary.s_next": ("III. Việc tiếp theo", "III. What comes next"),
    "summary.contest": ("Cuộc bầu", "Contest"),
    "summary.venue": ("Nơi bầu", "Elected by"),
    "summary.seats": ("Số lượng", "Seats"),
    "summary.rounds": ("Số vòng", "Rounds"),
    "summary.elected": ("Trúng cử", "Elected"),
    "summary.open": ("Còn thiếu", "Open"),
    "summary.status": ("Tình trạng", "Status"),
    "summary.venue_committee": ("hội nghị BCH", "committee conference"),
    "summary.venue_commission": ("hội nghị UBKT", "commission meeting"),
    "summary.nobody": ("(chưa có)", "(none yet)"),
    "summary.s_open_votes": ("V. Biểu quyết công khai", "V. Open votes"),
    "summary.open_vote_rule": (
        "Thông qua khi số tán thành quá một nửa so với căn cứ ({citation}).",
        "Passed when the votes in favour are more than half of the base ({citation}).",
    ),
    "summary.subject": ("Nội dung", "Motion"),
    "summary.yes": ("Tán thành", "Yes"),
    "summary.no_votes": ("Không tán thành", "No"),
    "summary.abstain": ("Không biểu quyết", "Abstain"),
    "summary.needed": ("Cần / căn cứ", "Needed / base"),
    "summary.passed": ("thông qua", "passed"),
    "summary.failed": ("KHÔNG thông qua", "NOT passed"),
    "summary.alternates": ("dự khuyết, theo thứ tự", "alternates, in order"),
    "summary.s_composition": ("IV. Cơ cấu người trúng cử", "IV. Composition of the elected"),
    "summary.size": ("Số người", "Members"),
    "summary.women": ("Nữ", "Women"),
    "summary.minorities": ("Dân tộc thiểu số", "Ethnic minorities"),
    "summary.under_40": ("Dưới 40 tuổi", "Under 40"),
    "summary.reelected": ("Tái cử", "Re-elected"),
    "summary.new": ("Mới", "New"),
    "summary.t_women_percent": ("nữ", "women"),
    "summary.t_minorities_percent": ("dân tộc thiểu số", "ethnic minorities"),
    "summary.t_under_40_percent": ("dưới 40 tuổi", "under 40"),
    "summary.t_new_percent": ("tham gia lần đầu", "new members"),
    "summary.target_met": (
        "{target} {count}/{size} ({share}) — đạt chỉ tiêu ít nhất {required}%",
        "{target} {count}/{size} ({share}) — meets the target of at least {required}%",
    ),
    "summary.target_missed": (
        "{target} {count}/{size} ({share}) — CHƯA ĐẠT chỉ tiêu ít nhất {required}%",
        "{target} {count}/{size} ({share}) — BELOW the target of at least {required}%",
    ),
    "summary.all_done": ("Tất cả các cuộc bầu đã bầu đủ.", "Every contest has filled its seats."),
    "summary.next_awaiting": (
        "{contest}: chờ phiếu vòng {number} — {seats} chỉ tiêu, danh sách: {names}.",
        "{contest}: awaiting the ballots of round {number} — {seats} seat(s), list: {names}.",
    ),
    "summary.next_revote": (
        "{contest}: bầu lại giữa những người bằng phiếu ({names}) cho {seats} chỉ tiêu; ghi vòng "
        "bầu lại vào tệp mô tả ([[contest.round]]) hoặc ghi quyết định của {assembly} (decision).",
        "{contest}: re-vote among the tied ({names}) for {seats} seat(s); add the round to the "
        "spec ([[contest.round]]) or record the {assembly}'s decision (decision).",
    ),
    "summary.next_must_vote_again": (
        "{contest}: bầu lần thứ nhất chưa đủ số lượng đại biểu, còn {seats} chỉ tiêu, thì bầu tiếp "
        "({cited}); danh sách lần sau có giới thiệu bổ sung hay không do đại hội quyết định, mặc "
        "định: {names}.",
        "{contest}: the first ballot elected too few delegates, {seats} seat(s) open: the congress "
        "votes again ({cited}); whether the next list adds nominees is the congress's decision; "
        "by default: {names}.",
    ),
    "summary.next_delegates_choice": (
        "{contest}: đã bầu {rounds} lần vẫn chưa đủ số lượng đại biểu, còn {seats} chỉ tiêu: có "
        "bầu tiếp hay không do đại hội quyết định ({cited}). Nếu bầu tiếp, danh sách mặc định: "
        "{names}.",
        "{contest}: {rounds} ballots still leave delegates short, {seats} seat(s) open: whether "
        "to vote again is the congress's decision ({cited}). If it does, the default list: "
        "{names}.",
    ),
    "summary.advisories": ("Lưu ý (không phải lỗi):", "Notes (not errors):"),
    "summary.note_most_votes": (
        "{contest}, vòng {number}: bầu lại giữa những người bằng phiếu, người được nhiều phiếu "
        "nhất trúng cử mà không xét quá một nửa (tie.revote_threshold = most_votes). Chưa có "
        "quy định nào về điều này: đây là lựa chọn của Đại hội, không phải của Quy chế.",
        "{contest}, round {number}: a re-vote among the tied, the most votes elected without the "
        "more-than-half rule (tie.revote_threshold = most_votes). No regulation settles this: it "
        "is the congress's choice, not the regulation's.",
    ),
    "advisory.standing_share": (
        "Ban Thường vụ {standing} người, nhiều hơn {share} số Ủy viên Ban Chấp hành ({executive}) "
        "({cited}); số lượng do đại hội biểu quyết.",
        "A standing committee of {standing}, more than {share} of the executive committee's "
        "{executive} ({cited}); the numbers are the congress's vote.",
    ),
    "advisory.size_range": (
        "{body}: {seats} người, ngoài khoảng {low}–{high} được hướng dẫn cho {level} ({cited}); "
        "số lượng do đại hội biểu quyết.",
        "{body}: {seats} seats, outside the {low}–{high} advised for the {level} ({cited}); the "
        "numbers are the congress's vote.",
    ),
    "advisory.committee_list": (
        "{body}: danh sách do cấp ủy chuẩn bị có {prepared} người cho {seats} chỉ tiêu, dư {extra} "
        "({percent}), ngoài khoảng {low}–{high}% ({cited}).",
        "{body}: the list the committee prepared has {prepared} names for {seats} seats, {extra} "
        "more ({percent}), outside the advised {low}–{high}% ({cited}).",
    ),
    "summary.next_turnout": (
        "{contest}: chỉ {voted}/{convened} đã bỏ phiếu, không quá một nửa: kết quả không được "
        "công nhận, phải bầu lại{cited}.",
        "{contest}: only {voted} of {convened} voted, not more than half: the result does not "
        "stand and the vote is held again{cited}.",
    ),
    "summary.next_no_further_round": (
        "{contest}: đã bầu {rounds} lần, tối đa theo quy định{cited}; còn {seats} chỉ tiêu để "
        "trống, không bầu tiếp.",
        "{contest}: {rounds} rounds held, the most the rules allow{cited}; {seats} seat(s) stay "
        "open, no further round.",
    ),
    "summary.next_supplementary": (
        "{contest}: còn {seats} chỉ tiêu; tổ chức bầu cử thêm theo quy định{cited}.",
        "{contest}: {seats} seat(s) open; a supplementary election is held{cited}.",
    ),
    "summary.next_round": (
        "{contest}: còn {seats} chỉ tiêu; {assembly} quyết định có bầu tiếp hay không. Nếu bầu "
        "tiếp, danh sách mặc định: {names}.",
        "{contest}: {seats} seat(s) open; the {assembly} decides whether to hold another round. "
        "If it does, the default list: {names}.",
    ),
    "summary.next_alternate_tie": (
        "{contest}: có người bằng phiếu ở vị trí dự khuyết cuối cùng ({names}) cho {seats} vị trí; "
        "đại hội quyết định và ghi quyết định (alternate_decision).",
        "{contest}: a tie at the alternates' cut-off ({names}) for {seats} place(s); the congress "
        "decides; record it (alternate_decision).",
    ),
    "summary.next_open_vote": (
        'Biểu quyết "{subject}" không được thông qua ({yes} tán thành, cần {needed} trên căn '
        "cứ {base}): đại hội biểu quyết lại trước khi kết quả bầu cử có giá trị.",
        'The open vote "{subject}" did not pass ({yes} in favour, {needed} needed of a base of '
        "{base}): the congress must vote again before the election results can stand.",
    ),
    "summary.next_post_open": (
        "{contest}: không trúng cử; chức danh để trống, do hội nghị Ban Chấp hành hoặc cấp trên "
        "quyết định.",
        "{contest}: not elected; the post stays open for the executive committee's conference or "
        "the upper level to decide.",
    ),
    "summary.next_waiting": (
        "{contest}: chờ kết quả {source} trước khi bầu.",
        "{contest}: waits for the result of {source}.",
    ),
    "summary.next_appointed": (
        "{contest}: sau {rounds} vòng không bầu được; cấp ủy cấp trên chỉ định.",
        "{contest}: not elected in {rounds} rounds; the upper level appoints.",
    ),
}
