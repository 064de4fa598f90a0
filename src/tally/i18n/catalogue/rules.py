"""The words of a rule set: each policy's name, as ``tally rules`` prints it and as the minutes
name a policy the congress set differently."""

from __future__ import annotations

TABLE: dict[str, tuple[str, str]] = {
    "rules.title": ("BỘ QUY TẮC KIỂM PHIẾU", "COUNTING RULE SET"),
    "rules.presets": ("CÁC BỘ QUY TẮC CÓ SẴN", "THE PRESETS"),
    "rules.name": ("Tên", "Name"),
    "rules.rule_set": ("Bộ quy tắc", "Rule set"),
    "rules.organisation": ("Tổ chức", "Organisation"),
    "rules.source": ("Căn cứ", "Source"),
    "rules.policies": ("Các chính sách", "The policies"),
    "rules.policies_how": (
        "Mỗi dòng: tên chính sách trong bảng [rules] = giá trị — nội dung [trích dẫn].",
        "Each line: the policy's name in the [rules] table = its value — what it means [citation].",
    ),
    "rules.value": ("Giá trị", "Value"),
    "rules.cited": ("Trích dẫn", "Citation"),
    "rules.overridden": ("Điều chỉnh so với bộ quy tắc", "Set differently from the preset"),
    "rules.decided_by": ("Điều chỉnh theo quyết định của {assembly}", "Set by the {assembly}"),
    "rules.how_to_use": (
        'Dùng trong tệp mô tả: rules = "{name}", hoặc bảng [rules] với preset = "{name}" và '
        "các chính sách cần điều chỉnh (ví dụ percent.decimals = 1). Mỗi điều chỉnh được ghi "
        "vào biên bản là quyết định của Đại hội.",
        'In a spec: rules = "{name}", or a [rules] table with preset = "{name}" and the '
        "policies to set differently (e.g. percent.decimals = 1). The minutes record each as "
        "the congress's decision.",
    ),
    "rules.list_hint": (
        "Xem đủ chính sách và trích dẫn của một bộ: tally rules TÊN",
        "Every policy and citation of one: tally rules NAME",
    ),
    "rules.none": ("(không)", "(none)"),
    "rules.off": ("không áp dụng", "off"),
    # the organisations
    "label.Organisation.party": ("Đảng Cộng sản Việt Nam", "Communist Party of Vietnam"),
    "label.Organisation.state": (
        "bầu cử đại biểu Quốc hội, Hội đồng nhân dân",
        "National Assembly and People's Council deputies",
    ),
    "label.Organisation.peoples_council": (
        "Hội đồng nhân dân bầu các chức danh",
        "officers elected by a People's Council",
    ),
    "label.Organisation.trade_union": ("Công đoàn Việt Nam", "Vietnam trade unions"),
    "label.Organisation.youth_union": ("Đoàn TNCS Hồ Chí Minh", "Ho Chi Minh Youth Union"),
    # the policies, by their path in the spec's [rules] table
    "rules.policy.threshold.base": ("Căn cứ tính kết quả bầu cử", "Threshold base"),
    "rules.policy.validity.all_unmarked_yes_no_invalid": (
        "Phiếu đồng ý/không đồng ý nhiều tên không đánh dấu rõ tên nào là không hợp lệ",
        "A multi-name yes/no ballot with no clear mark is invalid",
    ),
    "rules.policy.validity.no_agree_yes_no_invalid": (
        "Phiếu đồng ý/không đồng ý nhiều tên không đồng ý ai là không hợp lệ",
        "A multi-name yes/no ballot agreeing with nobody is invalid",
    ),
    "rules.policy.validity.one_name_blank_valid": (
        "Phiếu bầu một tên để trống vẫn hợp lệ",
        "A blank ballot on a one-name list is valid",
    ),
    "rules.policy.validity.partial_strike_kept": (
        "Tên chỉ gạch họ hoặc tên đệm, hoặc gạch dưới, coi như không gạch",
        "A name struck only in part, or underlined, counts as not struck",
    ),
    "rules.policy.tie.policy": ("Khi bằng phiếu ở vị trí cuối", "Tie at the cut-off"),
    "rules.policy.tie.revote_threshold": (
        "Bầu lại giữa những người bằng phiếu cần",
        "A re-vote among the tied needs",
    ),
    "rules.policy.rounds.cell_secretary_max_rounds": (
        "Số lần bầu bí thư chi bộ tối đa trước khi cấp trên chỉ định",
        "Rounds for a chi bộ secretary before the upper level appoints",
    ),
    "rules.policy.rounds.surplus_in_further_rounds": (
        "Áp dụng số dư cho danh sách các lần bầu sau",
        "The list surplus applies to further rounds",
    ),
    "rules.policy.rounds.delegate_rounds_required": (
        "Số lần bầu đại biểu bắt buộc khi chưa đủ",
        "Rounds required while delegates are short",
    ),
    "rules.policy.rounds.max_rounds": ("Số lần bầu tối đa", "Most rounds of a contest"),
    "rules.policy.rounds.shortfall_remedy": ("Khi bầu chưa đủ", "After a shortfall"),
    "rules.policy.surplus.bodies": (
        "Cơ quan có danh sách phải nhiều hơn số cần bầu",
        "Bodies whose list must exceed the seats",
    ),
    "rules.policy.surplus.max_percent": (
        "Số dư tối đa (% số cần bầu)",
        "Most surplus (% of seats)",
    ),
    "rules.policy.surplus.small_body_max_seats": (
        "Cơ quan nhỏ: tối đa số ủy viên",
        "A small body: at most this many seats",
    ),
    "rules.policy.surplus.small_body_max_surplus": (
        "Số dư tối đa của cơ quan nhỏ",
        "Most surplus of a small body",
    ),
    "rules.policy.quorum.numerator": ("Số có mặt tối thiểu: tử số", "Quorum: numerator"),
    "rules.policy.quorum.denominator": ("Số có mặt tối thiểu: mẫu số", "Quorum: denominator"),
    "rules.policy.percent.decimals": (
        "Số chữ số thập phân của tỷ lệ %",
        "Decimals of a percentage",
    ),
    "rules.policy.percent.rounding": ("Cách làm tròn tỷ lệ %", "Rounding of a percentage"),
    "rules.policy.percent.of_valid": (
        "Biên bản ghi thêm tỷ lệ so với số phiếu hợp lệ",
        "The minutes also show the share of valid ballots",
    ),
    "rules.policy.percent.of_present": (
        "Biên bản ghi thêm tỷ lệ so với số có mặt",
        "The minutes also show the share of those present",
    ),
    "rules.policy.sizes.ranges": (
        "Số lượng được hướng dẫn theo cấp",
        "Sizes advised per level",
    ),
    "rules.policy.sizes.committee_list_min_percent": (
        "Danh sách cấp ủy chuẩn bị: dư ít nhất (%)",
        "The committee's list: at least this many % more",
    ),
    "rules.policy.sizes.committee_list_max_percent": (
        "Danh sách cấp ủy chuẩn bị: dư nhiều nhất (%)",
        "The committee's list: at most this many % more",
    ),
    "rules.policy.open_vote.base": ("Căn cứ của biểu quyết giơ tay", "Base of an open vote"),
    "rules.policy.sizes.standing_max_numerator": (
        "Ban Thường vụ tối đa (tử số, so với Ban Chấp hành)",
        "Standing committee at most (numerator, of the executive committee)",
    ),
    "rules.policy.sizes.standing_max_denominator": (
        "Ban Thường vụ tối đa (mẫu số)",
        "Standing committee at most (denominator)",
    ),
    "rules.policy.deductions.member_congress": (
        "Đại hội đảng viên trừ khỏi số triệu tập",
        "A member congress deducts",
    ),
    "rules.policy.deductions.delegate_congress": (
        "Đại hội đại biểu trừ khỏi số triệu tập",
        "A delegate congress deducts",
    ),
    "rules.policy.deductions.committee_conference": (
        "Hội nghị cấp ủy trừ khỏi số ủy viên đương nhiệm",
        "A committee conference deducts",
    ),
    "rules.policy.turnout.required": (
        "Kết quả chỉ được công nhận khi quá một nửa số cử tri đã bỏ phiếu",
        "The result stands only if more than half of those convened voted",
    ),
    "rules.policy.polls.introduction_base": (
        "Phiếu giới thiệu: tỷ lệ so với",
        "Introduction poll: shares of",
    ),
    "rules.policy.polls.introduction_blank_valid": (
        "Phiếu giới thiệu không đánh dấu ai vẫn hợp lệ",
        "An introduction ballot marking nobody is valid",
    ),
    "rules.policy.polls.confidence_base": (
        "Phiếu tín nhiệm: tỷ lệ so với",
        "Confidence vote: shares of",
    ),
    "rules.policy.polls.low_numerator": (
        "Tín nhiệm thấp quá tỷ lệ (tử số)",
        "Low confidence above this share (numerator)",
    ),
    "rules.policy.polls.low_denominator": (
        "Tín nhiệm thấp quá tỷ lệ (mẫu số)",
        "Low confidence above this share (denominator)",
    ),
    "rules.policy.polls.presence_numerator": (
        "Lấy phiếu tín nhiệm cần số có mặt tối thiểu (tử số)",
        "A confidence vote needs present at least (numerator)",
    ),
    "rules.policy.polls.presence_denominator": (
        "Lấy phiếu tín nhiệm cần số có mặt tối thiểu (mẫu số)",
        "A confidence vote needs present at least (denominator)",
    ),
    "rules.policy.organisation": (
        "Tổ chức (lời văn của biên bản)",
        "Organisation (the documents' words)",
    ),
}
