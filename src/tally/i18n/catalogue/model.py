"""Messages of the model: names and look-alike spellings, contests and lists, ballots, the roll."""

TABLE: dict[str, tuple[str, str]] = {
    # --- names ---
    "name.empty": (
        "Họ tên trống. Nhập đầy đủ họ, tên đệm và tên.",
        "The name is empty. Enter the full name: surname, middle name(s), given name.",
    ),
    "name.no_letter": (
        "Họ tên {name!r} không có chữ cái nào. Nhập đầy đủ họ, tên đệm và tên.",
        "The name {name!r} has no letters. Enter the full name: surname, middle name(s), given "
        "name.",
    ),
    "name.invalid_char": (
        "Họ tên {name!r} có ký tự {char!r} không phải chữ cái. Chỉ dùng chữ cái, dấu cách "
        "và dấu gạch nối.",
        "The name {name!r} contains {char!r}, which is not a letter. Use letters, spaces and "
        "hyphens only.",
    ),
    "name.mixed_script": (
        "Họ tên {name!r} trộn chữ Latinh với chữ cái của bảng chữ khác trông giống hệt: "
        "{chars}. Trên giấy hai cách viết như nhau nhưng máy coi là khác; gõ lại bằng bộ gõ "
        "tiếng Việt: {suggested!r}.",
        "The name {name!r} mixes Latin letters with look-alike letters of another script: "
        "{chars}. They print the same but compare as different; type it again with a "
        "Vietnamese keyboard: {suggested!r}.",
    ),
    "name.compatibility_char": (
        "Họ tên {name!r} có ký tự độ rộng kép hoặc dạng tương thích: {chars}. Gõ lại ở chế độ "
        "thường: {suggested!r}.",
        "The name {name!r} holds full-width or compatibility characters: {chars}. Type it again "
        "in normal mode: {suggested!r}.",
    ),
    # --- contests ---
    "contest.lookalike_candidates": (
        "Hai người ứng cử {first!r} và {second!r} đọc trên phiếu là một tên: hai cách viết "
        "{difference}. Mỗi người chỉ có một dòng; hai người trùng họ tên cần ghi thêm thông "
        "tin phân biệt (ví dụ năm sinh) vào tên in trên phiếu.",
        "The candidates {first!r} and {second!r} read as one name on the ballot: the two "
        "spellings {difference}. Each person has one line; two people with the same name need "
        "a distinguishing note (e.g. the birth year) in the name printed on the ballot.",
    ),
    "contest.seats": (
        "Số lượng bầu là {seats}; phải ít nhất là 1.",
        "The contest has {seats} seats; it needs at least 1.",
    ),
    "contest.single_post": (
        "{body} là chức danh một người; số lượng bầu {seats} không hợp lệ, phải là 1.",
        "The {body} is held by one person; {seats} seats is not possible, it must be 1.",
    ),
    "contest.alternates": (
        "alternates = {alternates}: chỉ bầu đại biểu dự khuyết (số không âm) khi bầu đại biểu dự "
        'đại hội cấp trên (body = "upper_delegates").',
        "alternates = {alternates}: alternates (a number, not negative) are elected only with "
        'delegates to the upper congress (body = "upper_delegates").',
    ),
    "contest.incumbent_outgoing": (
        "{name!r}: incumbent = {incumbent} nhưng outgoing = [{outgoing}] nói khác về việc có "
        "trong {body} khóa trước hay không (trên danh sách bầu {body}, incumbent cho biết điều "
        "đó). Sửa cho hai trường khớp nhau, hoặc bỏ incumbent.",
        "{name!r}: incumbent = {incumbent} but outgoing = [{outgoing}] says otherwise about "
        "sitting on the outgoing {body} (on the {body}'s list, incumbent says so). Make the two "
        "agree, or leave incumbent out.",
    ),
    "contest.no_candidates": (
        "Danh sách bầu cử trống. Nhập danh sách đã được đại hội biểu quyết thông qua.",
        "The candidate list is empty. Enter the list the congress approved.",
    ),
    "contest.duplicate_candidate": (
        "Người ứng cử {name!r} có tên hai lần trong danh sách. Mỗi người chỉ có một dòng; hai "
        "người trùng họ tên cần ghi thêm thông tin phân biệt (ví dụ năm sinh) vào tên in trên "
        "phiếu.",
        "{name!r} appears twice on the list. Each person has one line; two people with the same "
        "name need a distinguishing note (e.g. the birth year) in the name printed on the ballot.",
    ),
    "contest.list_not_longer": (
        "Danh sách bầu {body} phải có số dư: {n} người cho {seats} chỉ tiêu là không đủ. Cần ít "
        "nhất {minimum} người ({citation}).",
        "The list for the {body} must be longer than the seats: {n} names for {seats} seats is "
        "not enough. At least {minimum} are needed ({citation}).",
    ),
    "contest.surplus_too_large": (
        "Số dư {surplus} vượt mức cho phép: với {seats} chỉ tiêu, danh sách {body} được dư tối "
        "đa {maximum} người (tối đa {allowed_n} người) ({citation}).",
        "A surplus of {surplus} is too large: with {seats} seats the {body} list may exceed the "
        "seats by at most {maximum} (at most {allowed_n} names) ({citation}).",
    ),
    # --- one ballot ---
    "ballot.serial_lookalike": (
        "Số phiếu {serial!r} trùng với số phiếu {other!r} đã nhập (lần đầu ở {first}): hai số "
        "{difference}. Mỗi phiếu chỉ nhập một lần; kiểm tra lại số phiếu.",
        "Serial {serial!r} is serial {other!r} already entered (first at {first}): the two "
        "{difference}. Enter each ballot once; check the serial.",
    ),
    "ballot.serial_mixed_script": (
        "Số phiếu {serial!r} trộn chữ Latinh với chữ trông giống của bảng chữ khác: {chars}. "
        "Gõ lại bằng chữ Latinh: {suggested!r}.",
        "Serial {serial!r} mixes Latin letters with look-alike letters of another script: "
        "{chars}. Type it again in Latin letters: {suggested!r}.",
    ),
    "ballot.bad_refs": (
        "Không đọc được {value} là người trong danh sách: ghi số thứ tự hoặc họ tên, một người "
        "hoặc một danh sách.",
        "{value} cannot be read as people on the list: give ballot numbers or names, one or a "
        "list of them.",
    ),
    "ballot.unknown_candidate": (
        "Không có người ứng cử {ref!r} trong danh sách. Dùng số thứ tự (1–{n}) hoặc "
        "họ tên đúng như in trên phiếu.",
        "{ref!r} is not on the list. Use the ballot number (1–{n}) or the name exactly as printed.",
    ),
    "ballot.duplicate_serial": (
        "Số phiếu {serial} đã được nhập (lần đầu ở {first}). Mỗi phiếu chỉ nhập một lần; kiểm "
        "tra lại số phiếu.",
        "Ballot serial {serial} was already entered (first at {first}). Enter each ballot once; "
        "check the serial.",
    ),
    "ballot.bad_serial": (
        "Số phiếu {serial!r} có ký tự điều khiển. Chỉ dùng chữ, số và dấu thường.",
        "Serial {serial!r} contains control characters. Use letters, digits and punctuation.",
    ),
    "ballot.listed_twice": (
        "{ref!r} được ghi hai lần trên cùng một phiếu. Đối chiếu lại với phiếu.",
        "{ref!r} is listed twice for the same ballot. Check the paper ballot.",
    ),
    "ballot.empty_serial": (
        "Phiếu không có số. Ghi số phiếu để mỗi phiếu được đối chiếu.",
        "A ballot has no serial. Give every ballot a serial so it can be traced.",
    ),
    "ballot.bad_mark": (
        "Ký hiệu {value!r} không hợp lệ. Dùng: {allowed}.",
        "{value!r} is not a valid mark. Use: {allowed}.",
    ),
    "ballot.kept_and_struck_given": (
        "Chỉ ghi hoặc những tên bị gạch, hoặc những tên giữ lại, không ghi cả hai.",
        "Give either the names struck or the names kept, not both.",
    ),
    "poll.places": (
        "Số người mỗi phiếu được giới thiệu là {places}, phải từ 1 đến {n} (số người trong danh "
        "sách).",
        "The names a ballot may mark is {places}; it must be from 1 to {n} (the names listed).",
    ),
    "poll.duplicate_person": (
        "{name!r} có hai lần trong danh sách (lần đầu: {other!r}). Mỗi người chỉ ghi một lần.",
        "{name!r} is listed twice (first as {other!r}). List each person once.",
    ),
    "poll.duplicate_serial": (
        "Số phiếu {serial!r} đã nhập (lần đầu: {first!r}). Mỗi phiếu chỉ nhập một lần.",
        "Ballot {serial!r} is already entered (first as {first!r}). Enter each ballot once.",
    ),
    "poll.wrong_marks": (
        "Phiếu {serial}: phiếu {kind} không có loại đánh dấu này. Phiếu giới thiệu ghi người "
        "được giới thiệu (marked); phiếu tín nhiệm ghi tín nhiệm cao, tín nhiệm, tín nhiệm thấp.",
        "Ballot {serial}: a {kind} ballot has no such mark. An introduction ballot lists the "
        "names introduced (marked); a confidence ballot, high, confidence and low.",
    ),
    "poll.unknown_person": (
        "Phiếu {serial}: {ref!r} không có trong danh sách ({names}). Ghi số thứ tự hoặc họ tên "
        "như trong phiếu.",
        "Ballot {serial}: {ref!r} is not on the list ({names}). Give the number or the name as "
        "printed.",
    ),
    "poll.marked_twice": (
        "Phiếu {serial}: {ref!r} được ghi hai lần. Đối chiếu lại với phiếu; đánh dấu hai mức "
        "cho một người thì không ghi mức nào.",
        "Ballot {serial}: {ref!r} is entered twice. Check the paper ballot; a person given two "
        "levels is left unrated.",
    ),
    "ballot.marked_twice": (
        "{ref!r} được ghi hai lần với hai ký hiệu khác nhau. Đối chiếu lại với "
        "phiếu; nếu đánh dấu cả hai ô thì ghi vào 'both'.",
        "{ref!r} is entered twice with different marks. Check the paper ballot; "
        "if both boxes are marked, enter it under 'both'.",
    ),
    "ballot.wrong_form": (
        "Cuộc bầu này dùng {form}; không nhập được theo kiểu {given}.",
        "This contest uses the {form}; it cannot be entered as {given}.",
    ),
    "ballot.unknown_observation": (
        "Ghi nhận {value!r} không rõ. Dùng: {allowed}.",
        "Unknown observation {value!r}. Use: {allowed}.",
    ),
    "ballot.shape": (
        "Ma trận phiếu có kích thước {shape}; cần {n} cột, mỗi cột một người ứng cử theo thứ tự "
        "trên phiếu.",
        "The ballot matrix has shape {shape}; it needs {n} columns, one per candidate in ballot "
        "order.",
    ),
    "ballot.matrix_values": (
        "Ma trận phiếu có giá trị {value} ở phiếu {serial}, cột {column}; {form} chỉ nhận "
        "{allowed}.",
        "The ballot matrix holds {value} at ballot {serial}, column {column}; the {form} "
        "takes only {allowed}.",
    ),
    "ballot.length_mismatch": (
        "{field} có {got} phần tử nhưng có {n} phiếu. Mỗi phiếu cần đúng một giá trị.",
        "{field} has {got} entries for {n} ballots. Give exactly one per ballot.",
    ),
    "ballot.unknown_candidate_near": (
        "Không có người ứng cử {ref!r} trong danh sách. Có phải {name} (số {number})? Dùng số "
        "thứ tự (1–{n}) hoặc họ tên đúng như in trên phiếu.",
        "{ref!r} is not on the list. Did you mean {name} (no. {number})? Use the ballot number "
        "(1–{n}) or the name exactly as printed.",
    ),
    "ballot.lookalike_candidate": (
        "{ref!r} trông giống hệt {name}, số {number} trong danh sách, nhưng không được nhận là "
        "người đó: hai cách viết {difference}. Gõ lại họ tên bằng bộ gõ tiếng Việt, hoặc ghi "
        "số thứ tự {number} thay cho tên.",
        "{ref!r} looks just like {name}, no. {number} on the list, but is not taken as that "
        "candidate: the two spellings {difference}. Type the name again with a Vietnamese "
        "keyboard, or give the ballot number {number} instead.",
    ),
    "ballot.wide_number": (
        "{ref!r} viết bằng chữ số rộng (full-width: {chars}), không đọc được là số thứ tự. Gõ "
        "lại bằng chữ số thường: {plain} (số thứ tự từ 1 đến {n}).",
        "{ref!r} is written in full-width digits ({chars}), which are not read as a ballot "
        "number. Type it again in plain digits: {plain} (ballot numbers run from 1 to {n}).",
    ),
    # --- how two alike spellings differ ---
    "lookalike.only": ("chỉ khác ở {kinds}", "differ only in {kinds}"),
    "lookalike.and": (" và ", " and "),
    "lookalike.none": ("giống hệt nhau", "are the same text"),
    "lookalike.case": ("chữ hoa / chữ thường", "capital letters"),
    "lookalike.composition": (
        "cách viết dấu (dựng sẵn / tổ hợp)",
        "how accents are encoded (composed or combining)",
    ),
    "lookalike.tone_placement": (
        "chỗ đặt dấu thanh (kiểu cũ / kiểu mới, như Hoà / Hòa)",
        "where the tone mark sits (old or new style, as in Hoà / Hòa)",
    ),
    "lookalike.wide": ("chữ rộng (full-width): {chars}", "full-width characters: {chars}"),
    "lookalike.wide_char": (
        "{char!r} ({code}) là {plain!r} viết rộng",
        "{char!r} ({code}) is a full-width {plain!r}",
    ),
    "lookalike.letters": (
        "chữ trông giống nhau của bảng chữ khác: {letters}",
        "look-alike letters of another script: {letters}",
    ),
    "lookalike.letter": (
        "chữ {char!r} ({code}, chữ {script}) trông giống chữ {latin!r} Latinh",
        "the letter {char!r} ({code}, {script}) looks like the Latin {latin!r}",
    ),
    "lookalike.script.CYRILLIC": ("Kirin", "Cyrillic"),
    "lookalike.script.GREEK": ("Hy Lạp", "Greek"),
    "lookalike.other": ("các chữ {pairs}", "the letters {pairs}"),
    # --- the roll ---
    "roll.negative": (
        "{field} là {value}; số người không thể âm. Nhập đúng số liệu theo danh sách.",
        "{field} is {value}; a count of people cannot be negative. Enter the number from the roll.",
    ),
    "roll.convened_zero": (
        "Số được triệu tập là 0. Nhập số đảng viên/đại biểu chính thức được triệu tập.",
        "Nobody is convened. Enter the number of official members or delegates convened.",
    ),
    "roll.deductions_exceed": (
        "Tổng số trừ ({deducted}) không nhỏ hơn số được triệu tập ({convened}); không còn ai để "
        "tính kết quả. Kiểm tra lại các khoản trừ.",
        "The deductions ({deducted}) leave nobody of the {convened} convened to count against. "
        "Check the deductions.",
    ),
    "roll.present_exceeds": (
        "Số có mặt ({present}) lớn hơn số được triệu tập ({convened}). Kiểm tra lại số có mặt.",
        "{present} present is more than the {convened} convened. Check the number present.",
    ),
    "roll.present_vs_absent": (
        "Số có mặt ({present}) cộng số vắng mặt đã trừ ({absent}: {categories}) vượt số được triệu "
        "tập ({convened}). Một người vắng mặt không thể đồng thời có mặt.",
        "{present} present plus {absent} deducted as absent ({categories}) exceeds the "
        "{convened} convened: nobody can be both absent and present.",
    ),
    "roll.category_kind": (
        "Khoản trừ '{category}' ({label}) không áp dụng cho {kind}. Các khoản được phép: "
        "{allowed}.",
        "The deduction '{category}' ({label}) does not apply to a {kind}. Allowed: {allowed}.",
    ),
    "rules.unknown_preset": (
        "Không có bộ quy tắc '{name}'. Các bộ có sẵn: {allowed} (xem: tally rules).",
        "There is no rule set '{name}'. The presets: {allowed} (see: tally rules).",
    ),
    "rules.unknown_policy": (
        "'{path}' không phải một chính sách có thể điều chỉnh (căn cứ trích dẫn và tên bộ quy "
        "tắc không điều chỉnh được). Các chính sách: {allowed}.",
        "'{path}' is not a policy that can be set (citations and the rule set's name cannot). "
        "The policies: {allowed}.",
    ),
    "rules.bad_value": (
        "Chính sách '{path}' không nhận giá trị {value!r}. Giá trị được phép: {allowed}.",
        "The policy '{path}' does not take {value!r}. Allowed: {allowed}.",
    ),
    "rules.a_whole_number": ("một số nguyên", "a whole number"),
    "rules.override_twice": (
        "Chính sách '{path}' được điều chỉnh hai lần trong bảng [rules]. Chỉ ghi một lần.",
        "The policy '{path}' is set twice in the [rules] table. Set it once.",
    ),
    "rules.constraint.share": (
        "một tỷ lệ: tử số không lớn hơn mẫu số",
        "a share: the numerator no larger than the denominator",
    ),
    "rules.constraint.low_share": (
        "một tỷ lệ lớn hơn 0 và nhỏ hơn 1 (tử số nhỏ hơn mẫu số)",
        "a share above 0 and below 1 (the numerator below the denominator)",
    ),
    "rules.constraint.range": (
        "một khoảng: số nhỏ không lớn hơn số lớn",
        "a range: the low end no larger than the high end",
    ),
    "rules.constraint.twice": ("mỗi mục một lần", "each item once"),
    "rules.constraint.deductions.member_congress": (
        "các khoản của đại hội đảng viên: temporary_registration, exempt_absent, suspended, "
        "prosecuted, absent_with_reason",
        "the member congress's categories: temporary_registration, exempt_absent, suspended, "
        "prosecuted, absent_with_reason",
    ),
    "rules.constraint.deductions.delegate_congress": (
        "các khoản của đại hội đại biểu: convening_committee_absent, delegate_absent_no_alternate",
        "the delegate congress's categories: convening_committee_absent, "
        "delegate_absent_no_alternate",
    ),
    "rules.constraint.deductions.committee_conference": (
        "các khoản của hội nghị: temporary_registration, exempt_absent, suspended, prosecuted, "
        "absent_with_reason",
        "a conference's categories: temporary_registration, exempt_absent, suspended, "
        "prosecuted, absent_with_reason",
    ),
    "rules.a_list": ("một danh sách", "a list"),
    "rules.see_tally_rules": ("xem lệnh tally rules", "see the command tally rules"),
    "roll.category_rules": (
        "Quy chế đang áp dụng không trừ khoản '{category}' ({label}) khỏi số triệu tập của "
        "{kind}. Các khoản được trừ: {allowed}. Bỏ khoản này, hoặc chọn quy chế khác.",
        "The rule set in force does not deduct '{category}' ({label}) at a {kind}. Deducted: "
        "{allowed}. Remove this deduction, or choose other rules.",
    ),
    # --- ballots bound to their list ---
    "ballots.concat_empty": (
        "Không có bộ phiếu nào để gộp: cần ít nhất một bộ.",
        "There are no batches of ballots to join: give at least one.",
    ),
    "ballots.other_list": (
        "Các phiếu này được nhập theo một danh sách khác với danh sách của cuộc bầu {contest} "
        "đang kiểm ({difference}). Phiếu ghi theo số thứ tự, nên số phiếu sẽ rơi vào người khác. "
        "Nhập hoặc đọc lại các phiếu theo đúng danh sách đang kiểm.",
        "These ballots were entered against another list than the one of contest {contest} "
        "being counted ({difference}). A ballot records marks by position, so its votes would "
        "land on other people. Enter or read the ballots again against the list being counted.",
    ),
    # --- the list and how it changed ---
    "list.removed": ("không còn trong danh sách: {names}", "removed from the list: {names}"),
    "list.added": ("thêm vào: {names}", "added: {names}"),
    "list.reordered": ("thứ tự tên trên phiếu khác", "the names stand in another order"),
    "list.changed": ("{what} từ {before} thành {after}", "{what} {before} → {after}"),
    "list.contest_id": ("mã cuộc bầu", "contest"),
    "list.round": ("vòng bầu", "round"),
    "list.seats": ("số lượng bầu", "seats"),
    "list.alternates": ("số dự khuyết", "alternates"),
    "list.form": ("mẫu phiếu", "ballot form"),
    # --- marks on a ballot ---
    "marks.strike_out": (
        "ô trống hoặc 1 (giữ tên), x hoặc 0 (gạch tên)",
        "empty or 1 (kept), x or 0 (struck)",
    ),
    "marks.yes_no": (
        "1 (đồng ý), 2 (không đồng ý), 3 (đánh dấu cả hai ô), ô trống hoặc 0 (không đánh dấu)",
        "1 (agree), 2 (disagree), 3 (both boxes), empty or 0 (neither)",
    ),
}
