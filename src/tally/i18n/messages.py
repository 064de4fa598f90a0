"""User-facing text for errors and CLI messages, Vietnamese first, English on request.

Every sentence a counting board reads comes from this catalogue, keyed by a stable code, so
that the two languages cannot drift apart and tests can check both.

>>> text("roll.negative", "en", field="present", value=-1)
'present is -1; a count of people cannot be negative. Enter the number from the roll.'
>>> text("roll.negative", "vi", field="present", value=-1).startswith("present")
True
"""

from __future__ import annotations

from typing import Literal, get_args

Lang = Literal["vi", "en"]
LANGS: tuple[Lang, ...] = get_args(Lang)

_CATALOGUE: dict[str, tuple[str, str]] = {
    # --- arguments of public functions (issue 11) -----------------------------------------
    "api.wrong_kind": (
        "{function}: {parameter} phải là {expected}, không phải {got} ({value}).",
        "{function}: {parameter} must be {expected}, not {got} ({value}).",
    ),
    # --- names -----------------------------------------------------------------------------
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
    # --- names (issue 11) ---
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
    "contest.lookalike_candidates": (
        "Hai người ứng cử {first!r} và {second!r} đọc trên phiếu là một tên: hai cách viết "
        "{difference}. Mỗi người chỉ có một dòng; hai người trùng họ tên cần ghi thêm thông "
        "tin phân biệt (ví dụ năm sinh) vào tên in trên phiếu.",
        "The candidates {first!r} and {second!r} read as one name on the ballot: the two "
        "spellings {difference}. Each person has one line; two people with the same name need "
        "a distinguishing note (e.g. the birth year) in the name printed on the ballot.",
    ),
    "board.lookalike_duplicate": (
        "{first!r} và {second!r} trong Ban kiểm phiếu là một người: hai cách viết "
        "{difference}. Ghi mỗi thành viên một lần, đúng họ tên.",
        "{first!r} and {second!r} on the counting board are one person: the two spellings "
        "{difference}. List each member once, with the name as spelt.",
    ),
    "board.on_list_spelt": (
        "{name!r} là thành viên Ban kiểm phiếu và có tên trong danh sách bầu cử {contest!r} "
        "(viết là {listed!r}; hai cách viết {difference}). Thành viên Ban kiểm "
        "phiếu không được là người có tên trong danh sách bầu cử; đại hội cần bầu người khác "
        "vào Ban kiểm phiếu cho cuộc bầu này.",
        "{name!r} is on the counting board and on the list of contest {contest!r} (written "
        "{listed!r}; the spellings {difference}). Board members may not be on "
        "the list being counted; the congress must elect someone else to the board for this "
        "contest.",
    ),
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
    # --- how two alike spellings differ (issue 11) ---
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
    # --- roll ------------------------------------------------------------------------------
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
    # --- contest and list ------------------------------------------------------------------
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
    # --- the chain of contests and rounds ---------------------------------------------------
    "congress.needs_committee_members": (
        "Cuộc bầu {contest} ({body}) do hội nghị Ban Chấp hành mới bầu: số tính kết quả là số "
        "ủy viên Ban Chấp hành vừa trúng cử. Cho biết số đó (committee_members=…), hoặc dùng "
        "run_congress để kiểm cả đại hội theo thứ tự.",
        "Contest {contest} ({body}) is held by the new committee's conference, whose base is the "
        "number of members just elected to the committee. Give that number "
        "(committee_members=…), or count the whole congress in order with run_congress.",
    ),
    "chain.body_not_in_model": (
        "{body} không thuộc mô hình bầu cử {model!r}: chi ủy, bí thư và phó bí thư chi bộ chỉ có ở "
        "mô hình 'cell' (chi bộ), và mô hình 'cell' chỉ có các cuộc bầu đó.",
        "The {body} does not belong to the election model {model!r}: the chi ủy and the chi bộ "
        "secretary and deputy belong to the 'cell' model, which has only those.",
    ),
    "chain.cell_committee_members": (
        "Chi bộ có {members} đảng viên chính thức, ít hơn {minimum}: không bầu chi ủy, chỉ bầu bí "
        "thư (và phó bí thư nếu cần).",
        "The chi bộ has {members} official members, fewer than {minimum}: it elects no chi ủy, "
        "only a secretary (and a deputy if needed).",
    ),
    "chain.cell_committee_seats": (
        "Chi ủy có tối đa {maximum} người; số lượng bầu {seats} là quá.",
        "A chi ủy has at most {maximum} members; {seats} seats is too many.",
    ),
    "chain.unknown_source": (
        "draws_from = {source!r} không phải cuộc bầu trước đó mà chức danh này được chọn ra từ đó "
        "(được phép: {earlier}).",
        "draws_from = {source!r} is not an earlier contest this post may be drawn from "
        "(allowed: {earlier}).",
    ),
    "chain.no_committee_roll": (
        "{body} do hội nghị Ban Chấp hành mới bầu, nên cần bảng [committee_roll] (số có mặt, "
        "các khoản trừ) để tính căn cứ kết quả.",
        "The {body} is elected by the new executive committee's conference, so the spec needs "
        "a [committee_roll] table (present, deductions) for its base.",
    ),
    "chain.not_eligible": (
        "{name!r} không có trong số người trúng cử {source} (cuộc bầu {source_id!r}); chỉ những "
        "người này mới được bầu vào {body}.",
        "{name!r} was not elected to the {source} (contest {source_id!r}); only those elected "
        "there may stand for the {body}.",
    ),
    "chain.already_elected": (
        "{name!r} đã trúng cử đại biểu chính thức (cuộc bầu {contest!r}), không thể có tên trong "
        "danh sách bầu đại biểu dự khuyết.",
        "{name!r} was elected an official delegate (contest {contest!r}) and cannot stand for "
        "alternate.",
    ),
    "chain.standing_needs_nine": (
        "Ban Chấp hành mới có {members} ủy viên, ít hơn {minimum}: không bầu Ban Thường vụ.",
        "The new executive committee has {members} members, fewer than {minimum}: it elects no "
        "standing committee.",
    ),
    "round.list_note": (
        "Thêm hoặc bớt người trong danh sách vòng bầu tiếp theo cần ghi quyết định của đại hội "
        "(list_note).",
        "Adding or removing names for a further round needs the congress's decision recorded "
        "(list_note).",
    ),
    "round.too_many": (
        "Chi bộ chỉ bầu bí thư tối đa {limit} lần; tệp mô tả có {rounds} vòng. Sau {limit} vòng "
        "không bầu được, cấp ủy cấp trên chỉ định.",
        "A chi bộ votes on its secretary at most {limit} times; the spec has {rounds} rounds. "
        "After {limit} failed rounds the upper level appoints.",
    ),
    "round.no_open_seats": (
        "Vòng {number} không còn chỉ tiêu nào để bầu: các vòng trước đã bầu đủ.",
        "Round {number} has no seats left to fill: earlier rounds filled them all.",
    ),
    "round.no_candidates": (
        "Vòng {number} không còn người nào trong danh sách bầu cử.",
        "Round {number} has nobody left on the list.",
    ),
    "round.removed_unknown": (
        "Vòng {number}: {name!r} không có trong danh sách của vòng trước nên không bớt được.",
        "Round {number}: {name!r} is not on the previous round's list, so it cannot be removed.",
    ),
    "open_vote.too_many": (
        "Tổng số biểu quyết ({total}) lớn hơn số người có mặt ({present}).",
        "{total} votes in all is more than the {present} present.",
    ),
    "composition.no_date": (
        "Cần ngày đại hội ([congress] date) để tính tuổi khi thống kê cơ cấu.",
        "The congress date ([congress] date) is needed to work out ages for the composition.",
    ),
    # --- building the list ----------------------------------------------------------------
    "list.support": (
        "{name!r}: {support} người tán thành, nhưng có {attending} người dự; số tán thành phải "
        "từ 0 đến số người dự.",
        "{name!r}: {support} in favour with {attending} attending; support must be between 0 and "
        "those attending.",
    ),
    "list.already_listed": (
        "{name!r} đã có trong danh sách do cấp ủy giới thiệu; không đề cử thêm lần nữa.",
        "{name!r} is already on the committee's list; do not nominate them again.",
    ),
    "list.poll_unknown": (
        "Phiếu thăm dò ghi {name!r}, người không được đề cử tại đại hội. Kiểm tra lại họ tên.",
        "The poll names {name!r}, who was not nominated from the floor. Check the name.",
    ),
    "list.unknown_withdrawal": (
        "Xin rút {name!r}, nhưng người này không có trong danh sách giới thiệu hay đề cử.",
        "Withdrawal of {name!r}, who is neither on the committee's list nor nominated.",
    ),
    # --- audit log --------------------------------------------------------------------------
    "session.bad_value": (
        "{step}: giá trị của {field} không dùng được — {detail}. Không có gì được ghi vào nhật ký.",
        "{step}: the value of {field} cannot be used — {detail}. Nothing was written to the log.",
    ),
    "log.issued_again": (
        "Cuộc bầu {contest} đã ghi {before} phiếu phát ra; không ghi đè bằng {after}. Nếu số đó "
        'sai, ghi lại như một lần sửa kèm lý do (correction="lý do"); nhật ký giữ cả hai.',
        "{before} ballots issued are already recorded for contest {contest}; {after} does not "
        "silently replace them. If that figure is wrong, record the new one as a correction "
        'with its reason (correction="why"); the log keeps both.',
    ),
    "log.collected_again": (
        "Cuộc bầu {contest} đã ghi {before} phiếu thu vào; không ghi đè bằng {after}. Nếu số đó "
        'sai, ghi lại như một lần sửa kèm lý do (correction="lý do"); nhật ký giữ cả hai.',
        "{before} ballots collected are already recorded for contest {contest}; {after} does "
        "not silently replace them. If that figure is wrong, record the new one as a "
        'correction with its reason (correction="why"); the log keeps both.',
    ),
    "stations.no_logs": (
        "Không có nhật ký máy nhập nào để đối chiếu: cần nhật ký của từng máy.",
        "No station log to compare: give each station's log.",
    ),
    "rulings.absent_with_marks": (
        "Phán quyết về phiếu {serial} vừa ghi là không có phiếu này vừa ghi cách đọc phiếu (hoặc "
        "sấp phiếu). Chọn một: không có phiếu (absent), hoặc cách đọc phiếu.",
        "The ruling on ballot {serial} says both that there is no such ballot and how it reads "
        "(or its stack). Choose one: no such ballot (absent), or its reading.",
    ),
    "audit.bad_log": (
        "Nhật ký kiểm phiếu không toàn vẹn ({problem}) sau {events} sự kiện hợp lệ. Không ghi "
        "tiếp vào nhật ký này; đối chiếu với bản in và báo Ban kiểm phiếu.",
        "The counting log is not intact ({problem}) after {events} valid events. Do not append "
        "to it; compare it with the printed log and tell the counting board.",
    ),
    "audit.torn": (
        "Dòng cuối của nhật ký bị ghi dở ({what}; máy dừng khi đang ghi) sau {events} sự kiện "
        "nguyên vẹn. Không ghi tiếp vào nhật ký này trước khi sửa. Sửa bằng lệnh: tally verify "
        "{file} --repair-torn-tail (chỉ cắt dòng ghi dở, các sự kiện trước giữ nguyên), rồi "
        "ghi lại sự kiện đó.",
        "The log's last line, {what}, was cut short (the machine stopped while writing it) "
        "after {events} whole events. Do not append to this log before it is mended. Mend it with: "
        "tally verify {file} --repair-torn-tail (it cuts only the torn line; the events before "
        "it stay as they are), then record that event again.",
    ),
    "audit.torn_kind": (
        "sự kiện “{kind}”",
        "the event “{kind}”",
    ),
    "audit.torn_unknown": (
        "sự kiện cuối cùng đang ghi",
        "the last event being written",
    ),
    "audit.changed_underneath": (
        "Tệp nhật ký đã bị thay đổi từ bên ngoài (dài {size} byte thay vì {expected}): có thể "
        "một chương trình khác đang ghi vào. Không ghi tiếp; mỗi máy nhập ghi nhật ký riêng.",
        "The log file was changed from outside ({size} bytes instead of {expected}): another "
        "program may be writing to it. Nothing was appended; each station writes its own log.",
    ),
    "audit.broken": (
        "Lần ghi trước vào nhật ký bị lỗi và không dọn được. Kiểm tra ổ đĩa, rồi chạy "
        "tally verify trước khi ghi tiếp.",
        "An earlier write to the log failed and could not be cleaned up. Check the disk, then "
        "run tally verify before recording more.",
    ),
    "problem.changed": (
        "nội dung dòng đã bị sửa: mã băm không khớp",
        "the line was edited: its hash does not match",
    ),
    "problem.broken_chain": (
        "dòng không nối tiếp dòng trước: một dòng trước đó đã bị sửa hoặc xóa",
        "the line does not follow the one before: an earlier line was edited or removed",
    ),
    "problem.missing": (
        "thiếu dòng: số thứ tự sự kiện nhảy cóc",
        "lines are missing: the event numbers jump",
    ),
    "problem.reordered": (
        "dòng bị đảo thứ tự hoặc lặp lại",
        "lines were moved or repeated",
    ),
    "problem.torn": (
        "dòng cuối bị cắt dở: máy dừng khi đang ghi",
        "the last line is cut short: the machine stopped while writing it",
    ),
    "problem.unreadable": (
        "dòng không phải là một sự kiện của nhật ký",
        "the line is not an event of the log",
    ),
    "problem.inconsistent": (
        "sự kiện không khớp với cuộc kiểm phiếu",
        "the event does not fit the count",
    ),
    "log.damaged": (
        "Nhật ký hỏng: {problem}. Các dòng trước đó ({events} sự kiện) vẫn nguyên vẹn. Không ghi "
        "tiếp vào nhật ký này; đối chiếu với bản in đã ký và các nhật ký của máy nhập khác.",
        "The log is damaged: {problem}. The lines before it ({events} events) are intact. Do not "
        "append to this log; compare it with the signed printout and the other stations' logs.",
    ),
    "log.verified": (
        "Nhật ký {file} nguyên vẹn: {events} sự kiện, kiểm lại từ đầu cho đúng kết quả đã ghi. "
        "Mã SHA-256 của sự kiện cuối: {hash}",
        "The log {file} is intact: {events} events, replayed to the recorded results. SHA-256 "
        "of the last event: {hash}",
    ),
    "log.truncated": (
        "Nhật ký ({events} sự kiện) không có sự kiện mang mã {expect}. Có thể các dòng cuối đã bị "
        "cắt, hoặc đây là một nhật ký khác; đối chiếu với biên bản đã ký.",
        "The log ({events} events) has no event with the fingerprint {expect}. Lines may have "
        "been cut from its end, or it is another log; compare it with the signed minutes.",
    ),
    "log.open_counts": (
        "Chưa kết thúc kiểm phiếu: {contests}. Nếu biên bản đã ký in mã của một sự kiện sau, "
        "hãy kiểm tra bằng --expect.",
        "Counts not closed: {contests}. If signed minutes print the fingerprint of a later "
        "event, check it with --expect.",
    ),
    "problem.truncated": (
        "không có sự kiện mang mã đã in trên biên bản",
        "no event carries the fingerprint printed on the minutes",
    ),
    "log.bad_event": (
        "Sự kiện {kind!r} không đọc được ({detail}). Nhật ký này không do tally ghi hoặc đã bị "
        "sửa; đối chiếu với bản in.",
        "The {kind!r} event cannot be read ({detail}). The log was not written by tally or was "
        "edited; compare it with the printout.",
    ),
    "log.opened_twice": (
        "Phiên kiểm phiếu chỉ mở một lần, ở dòng đầu của nhật ký.",
        "A log's session is opened once, on its first line.",
    ),
    "log.not_opened": (
        "Nhật ký không bắt đầu bằng sự kiện mở phiên (session_opened). Dùng CountingSession để "
        "ghi nhật ký.",
        "The log does not start with session_opened. Write logs with CountingSession.",
    ),
    "log.unknown_contest": (
        "Cuộc bầu {contest!r} chưa được mở trong nhật ký này (đã mở: {known}). Mở cuộc bầu trước "
        "khi ghi phiếu.",
        "Contest {contest!r} has not been opened in this log (opened: {known}). Open the contest "
        "before recording for it.",
    ),
    "log.contest_twice": (
        "Cuộc bầu {contest!r} đã được mở trong nhật ký này. Vòng bầu sau dùng khóa riêng, ví dụ "
        "{contest!r}.r2.",
        "Contest {contest!r} is already open in this log. A further round takes its own key, "
        "e.g. {contest!r}.r2.",
    ),
    "log.closed": (
        "Cuộc bầu {contest!r} đã kết thúc kiểm phiếu; không ghi thêm hay sửa phiếu được nữa. "
        "Nếu có sai sót, ghi khiếu nại và quyết định của Ban kiểm phiếu.",
        "The count of {contest!r} is closed; no ballot can be added or corrected. If something "
        "is wrong, record the complaint and the board's decision.",
    ),
    "log.misplaced": (
        "Sự kiện {kind!r} không thuộc một cuộc bầu.",
        "The {kind!r} event does not belong to a contest.",
    ),
    "log.unknown_batch": (
        "Sấp phiếu {batch!r} chưa được khai báo (đã khai báo: {known}). Khai báo sấp phiếu và "
        "số phiếu của nó trước khi nhập.",
        "Batch {batch!r} has not been declared (declared: {known}). Declare the batch and its "
        "number of ballots before entering from it.",
    ),
    "log.not_current": (
        "Sự kiện #{corrects} không phải lần nhập hiện hành của phiếu {serial} tại máy {station} "
        "(hiện hành: {current}). Sửa phiếu thì trỏ tới lần nhập hiện hành.",
        "Event #{corrects} is not the current entry of ballot {serial} at station {station} "
        "(current: {current}). A correction points at the current entry.",
    ),
    "log.not_entered": (
        "Phiếu {serial} chưa được nhập tại máy {station}, nên không có gì để sửa hay hủy.",
        "Ballot {serial} has not been entered at station {station}: nothing to correct or "
        "withdraw.",
    ),
    "log.no_discrepancy": (
        "Các máy nhập không có chênh lệch nào về phiếu {serial}; Ban kiểm phiếu chỉ phán quyết "
        "những phiếu các máy đọc khác nhau.",
        "The stations do not differ on ballot {serial}; the board rules only on ballots the "
        "stations read differently.",
    ),
    "log.unresolved": (
        "Các máy nhập còn chênh lệch ở {count} phiếu ({serials}). Ban kiểm phiếu xem lại phiếu "
        "gốc và ghi phán quyết cho từng phiếu, hoặc các máy sửa cho khớp, rồi mới kết thúc.",
        "The stations still differ on {count} ballot(s) ({serials}). The board looks at the "
        "paper ballots and records a ruling on each, or the stations correct their entries, "
        "before the count can close.",
    ),
    "log.batch_mismatch": (
        "Sấp phiếu {batch!r} khai báo {expected} phiếu nhưng nhập {entered} phiếu. Đếm lại "
        "sấp phiếu và nhập bổ sung hoặc hủy lần nhập thừa.",
        "Batch {batch!r} was declared with {expected} ballots but {entered} were entered. "
        "Count the stack again, then enter the missing ballots or withdraw the extra entries.",
    ),
    "log.issued_missing": (
        "Chưa ghi số phiếu phát ra. Ghi số phiếu Ban kiểm phiếu đã phát trước khi kết thúc.",
        "The number of ballots issued is not recorded. Record it before closing the count.",
    ),
    "log.figures_differ": (
        "Kiểm lại từ nhật ký cho kết quả khác với kết quả đã ghi (đã ghi: {recorded}; kiểm lại: "
        "{replayed}). Nhật ký đã bị sửa hoặc ghi bởi phiên bản khác; đối chiếu với biên bản.",
        "Replaying the log gives a result other than the one recorded (recorded: {recorded}; "
        "replayed: {replayed}). The log was edited or written by another version; compare it "
        "with the minutes.",
    ),
    "log.decision_before_close": (
        "Cuộc bầu {contest!r} chưa kết thúc kiểm phiếu; quyết định chỉ ghi sau khi có kết quả.",
        "The count of {contest!r} is not closed; a decision is recorded once there is a result.",
    ),
    "log.no_round_needed": (
        "Cuộc bầu {contest!r} ({status}) không cần bầu thêm vòng.",
        "Contest {contest!r} ({status}) needs no further round.",
    ),
    "log.no_tie": (
        "Cuộc bầu {contest!r} ({status}) không có trường hợp bằng phiếu để quyết định ({kind}).",
        "Contest {contest!r} ({status}) has no tie for this decision ({kind}).",
    ),
    "stations.contest_differs": (
        "Cuộc bầu {contest!r} trong nhật ký này khác với trong {first} ({what}). Các máy nhập "
        "phải nhập cùng một cuộc bầu với cùng số liệu; kiểm tra lại nhật ký của từng máy.",
        "Contest {contest!r} in this log differs from the one in {first} ({what}). The stations "
        "must enter the same contest with the same figures; check each station's log.",
    ),
    "stations.same_log": (
        "Nhật ký này trùng với {first} (cùng tệp hoặc cùng nội dung). Đối chiếu cần nhật ký của "
        "các máy nhập khác nhau.",
        "This log is the same as {first} (the same file or the same content). Reconciliation "
        "needs the logs of different stations.",
    ),
    "stations.contest_missing": (
        "Nhật ký này không có cuộc bầu {contest!r}, trong khi nhật ký khác có. Mỗi máy nhập "
        "cùng các cuộc bầu; đưa đúng nhật ký của máy này.",
        "This log does not hold contest {contest!r}, which another log holds. Every station "
        "enters the same contests; give this station's right log.",
    ),
    "stations.not_entry_log": (
        "Nhật ký này đã có phán quyết hoặc quyết định cho cuộc bầu {contest!r}; đối chiếu chỉ "
        "dùng nhật ký nhập phiếu của các máy. Ghi phán quyết và quyết định vào nhật ký gộp.",
        "This log already holds rulings or decisions for contest {contest!r}; reconciliation "
        "takes the stations' entry logs only. Record rulings and decisions in the merged log.",
    ),
    "rulings.unknown_contest": (
        "Phán quyết cho cuộc bầu {contest!r}, nhưng các nhật ký chỉ có: {known}. Sửa contest.",
        "A ruling for contest {contest!r}, but the logs hold only: {known}. Fix contest.",
    ),
    "rulings.twice": (
        "Phiếu {serial} có hai phán quyết. Mỗi phiếu chỉ ghi một phán quyết.",
        "Ballot {serial} has two rulings. Give one ruling per ballot.",
    ),
    "stations.output_exists": (
        "Tệp này đã có. Nhật ký gộp luôn được ghi vào một tệp mới; chọn tên khác.",
        "This file already exists. A merged log is always written to a new file; choose "
        "another name.",
    ),
    "rulings.shape": (
        "Phán quyết không đúng dạng. Mỗi phán quyết là một bảng [[ruling]] với contest, serial, "
        "note và các dấu (struck/kept hoặc agree/disagree/both), observations, batch, absent.",
        "The ruling is malformed. Each is a [[ruling]] table with contest, serial, note and the "
        "marks (struck/kept or agree/disagree/both), observations, batch, absent.",
    ),
    "rulings.toml": (
        "Tệp phán quyết không đúng cú pháp TOML: {detail}.",
        "The rulings file is not valid TOML: {detail}.",
    ),
    "rulings.unknown_key": (
        "Khóa không dùng được: {key}. Dùng: {allowed}.",
        "Unknown key(s): {key}. Use: {allowed}.",
    ),
    "rulings.missing": (
        "Thiếu {key}. Mỗi phán quyết ghi rõ cuộc bầu, số phiếu và ghi chú của Ban kiểm phiếu.",
        "{key} missing. Each ruling names the contest, the ballot serial and the board's note.",
    ),
    "rulings.not_list": (
        "{key} phải là một danh sách số thứ tự hoặc họ tên, ví dụ {key} = [3, 17].",
        "{key} must be a list of ballot numbers or names, e.g. {key} = [3, 17].",
    ),
    "log.differs": (
        "Nhật ký này đã ghi một lần kiểm phiếu khác của cuộc bầu {contest!r}, vòng {round} "
        "(danh sách, số đại biểu, số phiếu phát ra hoặc kết quả không giống lần kiểm này). Không "
        "ghi thêm gì vào nhật ký. Ghi vào một nhật ký mới, hoặc đặt lại đúng tệp phiếu đã kiểm "
        "khi ghi nhật ký này.",
        "This log already holds a different count of contest {contest!r}, round {round} (the "
        "list, the roll, the ballots issued or the result differ from this count). Nothing was "
        "added to the log. Record into a new log, or restore the ballots file that was counted "
        "when this log was written.",
    ),
    "log.ballot_differs": (
        "Nhật ký này đã ghi một lần kiểm phiếu khác của cuộc bầu {contest!r}, vòng {round}: "
        "phiếu đầu tiên khác là phiếu {serial} ({how}). Không ghi thêm gì vào nhật ký. Ghi vào "
        "một nhật ký mới, hoặc đặt lại đúng tệp phiếu đã kiểm khi ghi nhật ký này.",
        "This log already holds a different count of contest {contest!r}, round {round}: the "
        "first ballot that differs is {serial} ({how}). Nothing was added to the log. Record "
        "into a new log, or restore the ballots file that was counted when this log was written.",
    ),
    "log.ballot_reads_otherwise": (
        "tệp phiếu bây giờ ghi phiếu này khác với nhật ký",
        "the ballots file now reads it otherwise than the log",
    ),
    "log.ballot_not_logged": (
        "có trong tệp phiếu bây giờ nhưng không có trong nhật ký",
        "in the ballots file now but not in the log",
    ),
    "log.ballot_not_in_file": (
        "có trong nhật ký nhưng không còn trong tệp phiếu",
        "in the log but no longer in the ballots file",
    ),
    "log.other_congress": (
        "Nhật ký này ghi một đại hội khác (tên, nhiệm kỳ, địa điểm hoặc ngày khác với tệp cấu "
        "hình). Không ghi thêm gì vào nhật ký; ghi vào một nhật ký mới.",
        "This log records another congress (its name, term, place or date differ from the "
        "spec). Nothing was added to the log; record into a new log.",
    ),
    "log.round_differs": (
        "Vòng bầu {contest!r} không khớp với quyết định bầu tiếp ghi ở {source!r} ({what}). "
        "Mở vòng bầu đúng số lượng và danh sách đại hội đã quyết định.",
        "Round {contest!r} does not match the further round ordered in {source!r} ({what}). "
        "Open the round with the seats and list the congress decided.",
    ),
    "log.round_twice": (
        "Cuộc bầu {contest!r} đã có quyết định bầu tiếp; mỗi vòng chỉ quyết định một lần.",
        "A further round has already been ordered for {contest!r}; one per round.",
    ),
    "log.not_closed": (
        "Cuộc bầu {contest!r} chưa kết thúc kiểm phiếu trong nhật ký này, nên chưa có kết quả.",
        "The count of {contest!r} is not closed in this log, so there is no result yet.",
    ),
    # --- audit log: one writer, bounded reads, signed fingerprints (issue 11) ---
    "audit.locked": (
        "Nhật ký {path} đang được một chương trình khác ghi ({holder}). Mỗi nhật ký chỉ một "
        "máy nhập ghi; đợi chương trình đó kết thúc, hoặc ghi vào nhật ký riêng của máy này.",
        "The log {path} is being written by another program ({holder}). One station writes "
        "each log; wait for that program to finish, or record into this station's own log.",
    ),
    "audit.edited_underneath": (
        "Tệp nhật ký {path} đã bị sửa từ bên ngoài trong khi phiên kiểm phiếu đang ghi (nội "
        "dung không còn đúng những gì phiên đã ghi). Không ghi tiếp; chạy tally verify và "
        "đối chiếu với bản in.",
        "The log file {path} was edited from outside while this session was writing it (it "
        "no longer holds what the session wrote). Nothing was appended; run tally verify and "
        "compare it with the printout.",
    ),
    "audit.replaced_underneath": (
        "Tệp nhật ký {path} đã bị xóa, đổi tên hoặc thay bằng tệp khác trong khi phiên kiểm "
        "phiếu đang ghi. Không ghi tiếp; tìm lại tệp gốc và chạy tally verify.",
        "The log file {path} was deleted, renamed or replaced while this session was writing "
        "it. Nothing was appended; find the original file and run tally verify.",
    ),
    "audit.closed": (
        "Phiên ghi nhật ký này đã đóng; mở lại nhật ký để ghi tiếp.",
        "This log has been closed; open it again to record more.",
    ),
    "audit.line_too_long": (
        "Dòng này dài hơn {limit} byte: không phải là nhật ký kiểm phiếu (hoặc tệp đã hỏng). "
        "Kiểm tra lại đường dẫn tệp.",
        "This line is longer than {limit} bytes: this is not a counting log (or the file is "
        "damaged). Check the path of the file.",
    ),
    "log.enter_all_twice": (
        "Cuộc bầu {contest!r} đã có phiếu được nhập; chỉ nhập cả bộ phiếu vào cuộc bầu chưa "
        "có phiếu nào.",
        "Ballots have already been entered for {contest!r}; a whole set of ballots is entered "
        "only into a contest with none yet.",
    ),
    "problem.amended": (
        "có sự kiện ghi sau mã đã ký làm thay đổi một cuộc bầu đã kết thúc kiểm phiếu",
        "events written after the signed fingerprint change a contest already closed there",
    ),
    "log.bad_expect": (
        "Mã {expect!r} không phải là mã SHA-256 in trên biên bản: cần ít nhất {minimum} ký tự "
        "0–9, a–f (được để dấu cách). Chép lại mã từ biên bản đã ký.",
        "{expect!r} is not a SHA-256 fingerprint as printed on the minutes: give at least "
        "{minimum} characters 0–9, a–f (spaces allowed). Copy it again from the signed minutes.",
    ),
    "cli.expect_bad": (
        "Tùy chọn --expect {expect!r} không phải là mã SHA-256 in trên biên bản: cần ít nhất "
        "{minimum} ký tự 0–9, a–f (được để dấu cách). Chép lại mã từ biên bản đã ký.",
        "Option --expect {expect!r} is not a SHA-256 fingerprint as printed on the minutes: "
        "give at least {minimum} characters 0–9, a–f (spaces allowed). Copy it again from the "
        "signed minutes.",
    ),
    "cli.expect_too_long": (
        "Tùy chọn --expect {expect!r} quá dài: có {digits} chữ số, nhưng mã SHA-256 in trên "
        "biên bản chỉ có 64. Có thể đã chép thừa hoặc chép hai mã liền nhau; chép lại mã từ "
        "biên bản đã ký.",
        "Option --expect {expect!r} is too long: it has {digits} digits, but a SHA-256 "
        "fingerprint as printed on the minutes has 64. Something extra was copied, or two "
        "fingerprints run together; copy it again from the signed minutes.",
    ),
    "log.signed_is_last": (
        "Mã đã ký là của sự kiện {signed}, sự kiện cuối của nhật ký: sau đó không có sự kiện nào.",
        "The signed fingerprint is that of event {signed}, the last in the log: nothing follows "
        "it.",
    ),
    "log.after_signed": (
        "Mã đã ký là của sự kiện {signed}; sau đó có {count} sự kiện ({kinds}), không sự kiện "
        "nào thay đổi một cuộc bầu đã kết thúc kiểm phiếu lúc ký.",
        "The signed fingerprint is that of event {signed}; {count} event(s) follow it ({kinds}), "
        "none of which changes a contest already closed when it was signed.",
    ),
    "log.amended": (
        "Sau sự kiện {signed} mang mã đã ký có {count} sự kiện ({kinds}); có sự kiện thay đổi "
        "cuộc bầu đã kết thúc kiểm phiếu lúc ký: {contests}. Biên bản đã ký không có các sự "
        "kiện này; Ban kiểm phiếu xem xét trước khi dùng nhật ký.",
        "After event {signed}, which carries the signed fingerprint, {count} event(s) follow "
        "({kinds}); some change contests already closed when it was signed: {contests}. The "
        "signed minutes do not have them; the counting board must look into them before the "
        "log is used.",
    ),
    "log.later_note": (
        "Ghi chú: biên bản này dừng ở mã đã ký. Sau mã đó, nhật ký còn {count} sự kiện về cuộc "
        "bầu {contest!r} ({kinds}) không có trong biên bản này.",
        "Note: these minutes stop at the signed fingerprint. After it the log has {count} more "
        "event(s) about {contest!r} ({kinds}) that are not in these minutes.",
    ),
    "log.appeared": (
        "Trong khi kiểm phiếu, một tệp tên {path} đã được tạo ra (có thể bởi một chương trình "
        "khác). Không ghi đè; chạy lại lệnh để nối tiếp nhật ký đó, hoặc chọn tên khác.",
        "While counting, a file named {path} appeared (perhaps written by another program). "
        "It was not replaced; run the command again to extend that log, or choose another name.",
    ),
    # --- loaders (fuzzing) ---
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
    "json.syntax": (
        "Tệp không đúng cú pháp JSON: {detail} (cột {column}). Tệp bị hỏng hoặc đã bị sửa; "
        "tạo lại bằng tally count --format json.",
        "The file is not valid JSON: {detail} (column {column}). It is damaged or was edited; "
        "produce it again with tally count --format json.",
    ),
    "json.constant": (
        "{value} không phải là một số JSON. Tệp đã bị sửa; tạo lại bằng tally count --format json.",
        "{value} is not a JSON number. The file was edited; produce it again with tally count "
        "--format json.",
    ),
    "json.duplicate_key": (
        "Khóa {key!r} có hai lần trong cùng một đối tượng; không biết giá trị nào đúng. Tệp đã "
        "bị sửa; tạo lại bằng tally count --format json.",
        "The key {key!r} appears twice in the same object, so neither value can be trusted. "
        "The file was edited; produce it again with tally count --format json.",
    ),
    "json.not_object": (
        "Tệp chứa {found} chứ không phải một đối tượng JSON có các trường của kết quả kiểm "
        "phiếu. Chỉ ra tệp do tally count --format json ghi.",
        "The file holds {found}, not a JSON object with the fields of a count's result. Give a "
        "file written by tally count --format json.",
    ),
    "json.wrong_kind": (
        "Tệp này chứa {found}, không phải {wanted}.",
        "This file holds {found}, not {wanted}.",
    ),
    "json.kind.result": (
        "kết quả một cuộc bầu (ContestResult.to_json(); đọc bằng load_result)",
        "one contest's result (ContestResult.to_json(); read it with load_result)",
    ),
    "json.kind.record": (
        "kết quả cả đại hội (tally count --format json; đọc bằng load_record)",
        "a whole congress's record (tally count --format json; read it with load_record)",
    ),
    "json.kind.contest_record": (
        "các vòng bầu của một cuộc bầu (tally count --contest …; để đọc lại, chạy tally count "
        "--format json không có --contest)",
        "the rounds of one contest (tally count --contest …; to read it back, run tally count "
        "--format json without --contest)",
    ),
    "json.field": (
        "{detail}. Tệp kết quả đã bị sửa hoặc hỏng; tạo lại bằng tally count --format json.",
        "{detail}. The result file was edited or is damaged; produce it again with tally count "
        "--format json.",
    ),
    "json.value": (
        "{problem} Tệp kết quả đã bị sửa hoặc hỏng; tạo lại bằng tally count --format json.",
        "{problem} The result file was edited or is damaged; produce it again with tally count "
        "--format json.",
    ),
    "json.not_as_written": (
        "Giá trị {got} không đúng dạng tally ghi ({expected}); không tự chuyển đổi. Tệp đã bị "
        "sửa; tạo lại bằng tally count --format json.",
        "The value {got} is not as tally writes it ({expected}); it is not converted. The file "
        "was edited; produce it again with tally count --format json.",
    ),
    "json.inconsistent": (
        "Số liệu trong tệp không khớp nhau: ở đây ghi {got}, nhưng tính lại từ số phiếu, danh "
        "sách và quy chế thì phải là {expected}. Tệp đã bị sửa hoặc hỏng; tạo lại từ tệp phiếu "
        "hoặc nhật ký kiểm phiếu.",
        "The figures in the file do not agree: this says {got}, but the votes, the list and "
        "the rules give {expected}. The file was edited or is damaged; produce it again from the "
        "ballots file or the counting log.",
    ),
    "json.count_shape": (
        "Số liệu này không thể đúng: {detail}. Tệp đã bị sửa hoặc hỏng; tạo lại từ tệp phiếu "
        "hoặc nhật ký kiểm phiếu.",
        "These figures cannot be right: {detail}. The file was edited or is damaged; produce it "
        "again from the ballots file or the counting log.",
    ),
    "json.detail.length": (
        "có {got} số cho {expected} người ứng cử",
        "{got} figures for {expected} candidates",
    ),
    "json.detail.negative": (
        "số âm ({got})",
        "a negative number ({got})",
    ),
    "json.detail.above_valid": (
        "{got}, nhiều hơn {expected} phiếu hợp lệ",
        "{got}, more than the {expected} valid ballots",
    ),
    "json.detail.marks_sum": (
        "đồng ý, không đồng ý và không đánh dấu cộng lại là {got}, khác {expected} phiếu hợp lệ",
        "agree, disagree and unmarked add up to {got}, not the {expected} valid ballots",
    ),
    "json.detail.other_contest": (
        "số liệu của cuộc bầu {got}, không phải {expected}",
        "the figures of contest {got}, not {expected}",
    ),
    "json.detail.quorum": (
        "mẫu số của tỷ lệ tối thiểu là {got}; phải là số dương",
        "the quorum's denominator is {got}; it must be positive",
    ),
    "rulings.bad_ref": (
        "{key} chỉ gồm số thứ tự hoặc họ tên; {value} không phải. Ví dụ: {key} = [3, 17].",
        "{key} holds ballot numbers or names only; {value} is neither. E.g. {key} = [3, 17].",
    ),
    # --- counting board ------------------------------------------------------------------
    "board.one_head": (
        'Ban kiểm phiếu có {heads} trưởng ban; cần đúng một người có role = "head".',
        'The counting board has {heads} heads; exactly one member needs role = "head".',
    ),
    "board.duplicate": (
        "{name!r} có tên hai lần trong Ban kiểm phiếu.",
        "{name!r} is listed twice on the counting board.",
    ),
    "board.on_list": (
        "{name!r} là thành viên Ban kiểm phiếu nhưng có tên trong danh sách bầu cử {contest!r}. "
        "Thành viên Ban kiểm phiếu không được là người có tên trong danh sách bầu cử; đại hội "
        "cần bầu người khác vào Ban kiểm phiếu cho cuộc bầu này.",
        "{name!r} is on the counting board and on the list of contest {contest!r}. Board "
        "members may not be on the list being counted; the congress must elect someone else to "
        "the board for this contest.",
    ),
    # --- ballots ---------------------------------------------------------------------------
    "frame.serial_twice": (
        "Bảng có cả cột {column!r} lẫn chỉ mục tên {column!r}: không biết lấy số phiếu ở đâu. "
        "Bỏ một trong hai.",
        "The frame has both a {column!r} column and an index named {column!r}: which holds the "
        "serials is unclear. Drop one of them.",
    ),
    "frame.unnamed_index": (
        "Bảng có chỉ mục riêng ({index}, …) nhưng không có cột {column!r}. Nếu chỉ mục là số "
        "phiếu, đặt tên nó là {column!r} (frame.rename_axis({column!r})); nếu không, bỏ nó "
        "(frame.reset_index(drop=True)). Số phiếu không bị bỏ qua trong im lặng.",
        "The frame has an index of its own ({index}, …) but no {column!r} column. If the index "
        "holds the serials, name it {column!r} (frame.rename_axis({column!r})); if not, drop it "
        "(frame.reset_index(drop=True)). Serials are never dropped silently.",
    ),
    "ballot.bad_refs": (
        "Không đọc được {value} là người trong danh sách: ghi số thứ tự hoặc họ tên, một người "
        "hoặc một danh sách.",
        "{value} cannot be read as people on the list: give ballot numbers or names, one or a "
        "list of them.",
    ),
    "ballots.concat_empty": (
        "Không có bộ phiếu nào để gộp: cần ít nhất một bộ.",
        "There are no batches of ballots to join: give at least one.",
    ),
    # --- ballots bound to their list (issue 11) ---------------------------------------------
    "ballots.other_list": (
        "Các phiếu này được nhập theo một danh sách khác với danh sách của cuộc bầu {contest} "
        "đang kiểm ({difference}). Phiếu ghi theo số thứ tự, nên số phiếu sẽ rơi vào người khác. "
        "Nhập hoặc đọc lại các phiếu theo đúng danh sách đang kiểm.",
        "These ballots were entered against another list than the one of contest {contest} "
        "being counted ({difference}). A ballot records marks by position, so its votes would "
        "land on other people. Enter or read the ballots again against the list being counted.",
    ),
    "list.removed": ("không còn trong danh sách: {names}", "removed from the list: {names}"),
    "list.added": ("thêm vào: {names}", "added: {names}"),
    "list.reordered": ("thứ tự tên trên phiếu khác", "the names stand in another order"),
    "list.changed": ("{what} từ {before} thành {after}", "{what} {before} → {after}"),
    "list.contest_id": ("mã cuộc bầu", "contest"),
    "list.round": ("vòng bầu", "round"),
    "list.seats": ("số lượng bầu", "seats"),
    "list.alternates": ("số dự khuyết", "alternates"),
    "list.form": ("mẫu phiếu", "ballot form"),
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
    "marks.strike_out": (
        "ô trống hoặc 1 (giữ tên), x hoặc 0 (gạch tên)",
        "empty or 1 (kept), x or 0 (struck)",
    ),
    "marks.yes_no": (
        "1 (đồng ý), 2 (không đồng ý), 3 (đánh dấu cả hai ô), ô trống hoặc 0 (không đánh dấu)",
        "1 (agree), 2 (disagree), 3 (both boxes), empty or 0 (neither)",
    ),
    # --- CSV -------------------------------------------------------------------------------
    "csv.empty": (
        "Tệp không có dòng tiêu đề. Dòng đầu phải là tiêu đề cột (xem docs/formats.md).",
        "The file has no header row. The first row must name the columns (see docs/formats.md).",
    ),
    "csv.no_serial_column": (
        "Không có cột số phiếu. Đọc dòng tiêu đề theo {separator} thì các cột là: {columns}. "
        "Cột số phiếu phải có tên 'serial' hoặc 'số phiếu' (gõ có dấu); các cột cách nhau bằng "
        "dấu phẩy, dấu chấm phẩy hoặc dấu tab.",
        "There is no serial column. Read with the {separator} as separator, the header's "
        "columns are: {columns}. The serial column must be called 'serial' or 'số phiếu' (with "
        "its accents); columns are separated by commas, semicolons or tabs.",
    ),
    "csv.unknown_column": (
        "Cột {column!r} không phải người ứng cử nào trong danh sách, cũng không phải cột được "
        "biết (serial, note, struck, kept, agree, disagree, both). Dùng số thứ tự hoặc họ tên như "
        "in trên phiếu.",
        "Column {column!r} is neither a candidate on the list nor a known column (serial, note, "
        "struck, kept, agree, disagree, both). Use the ballot number or the name as printed.",
    ),
    "csv.no_vote_column": (
        "Tiêu đề không có cột phiếu bầu: cần cột 'struck' (hoặc 'kept'; 'agree', 'disagree', "
        "'both' với phiếu đồng ý/không đồng ý) hoặc mỗi người ứng cử một cột.",
        "The header has no vote column: add 'struck' (or 'kept'; 'agree', 'disagree', 'both' "
        "for yes/no ballots), or one column per candidate.",
    ),
    "csv.no_ballots": (
        "Tệp không có phiếu nào (chỉ có dòng tiêu đề). Nhập các phiếu trước khi kiểm.",
        "The file holds no ballots (only the header). Enter the ballots before counting.",
    ),
    "csv.duplicate_column": (
        "Cột {column!r} xuất hiện hai lần trong tiêu đề.",
        "Column {column!r} appears twice in the header.",
    ),
    "csv.missing_candidates": (
        "Tiêu đề thiếu cột cho: {missing}. Mỗi người ứng cử cần một cột.",
        "The header has no column for: {missing}. Every candidate needs a column.",
    ),
    "csv.row_length": (
        "Dòng có {got} ô nhưng tiêu đề có {expected} cột. Tệp này dùng {separator} để cách các "
        "cột; kiểm tra {separator} thừa hoặc thiếu trên dòng này.",
        "The row has {got} cells but the header has {expected}. This file separates its columns "
        "with the {separator}; look for a missing or extra {separator} on this row.",
    ),
    "csv.comma": (
        "dấu phẩy (,)",
        "comma (,)",
    ),
    "csv.semicolon": (
        "dấu chấm phẩy (;)",
        "semicolon (;)",
    ),
    "csv.tab": (
        "dấu tab",
        "tab",
    ),
    "csv.mixed_layout": (
        "Tiêu đề vừa có cột 'struck'/'kept' vừa có cột người ứng cử. Chọn một kiểu nhập.",
        "The header has both a 'struck'/'kept' column and candidate columns. Choose one layout.",
    ),
    "csv.encoding": (
        "Tệp không đọc được dưới dạng UTF-8 (byte {position}). Lưu lại tệp với mã UTF-8.",
        "The file is not valid UTF-8 (byte {position}). Save it again as UTF-8.",
    ),
    "csv.syntax": (
        "Lỗi cú pháp CSV: {detail}.",
        "CSV syntax error: {detail}.",
    ),
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
    "cli.no_ballots": (
        "Chưa chỉ ra tệp phiếu cho cuộc bầu {contest!r}. Dùng --ballots TỆP.csv hoặc ghi "
        'ballots = "TỆP.csv" trong [[contest]] của tệp mô tả.',
        "No ballots file for contest {contest!r}. Use --ballots FILE.csv or set "
        'ballots = "FILE.csv" in its [[contest]] table.',
    ),
    # --- CSV (issue 11) ---
    "file.errors": (
        "Tệp có {n} lỗi; sửa hết rồi đọc lại:{problems}",
        "The file has {n} problems; fix them all, then read it again:{problems}",
    ),
    "file.more_errors": (
        "… và {more} lỗi khác.",
        "… and {more} more.",
    ),
    "ballot.unknown_candidate_near": (
        "Không có người ứng cử {ref!r} trong danh sách. Có phải {name} (số {number})? Dùng số "
        "thứ tự (1–{n}) hoặc họ tên đúng như in trên phiếu.",
        "{ref!r} is not on the list. Did you mean {name} (no. {number})? Use the ballot number "
        "(1–{n}) or the name exactly as printed.",
    ),
    # --- a reference that only looks like a candidate (issue 11) ---
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
    "csv.unknown_column_near": (
        "Cột {column!r} không phải người ứng cử nào trong danh sách. Có phải {name} (số "
        "{number})? Dùng số thứ tự hoặc họ tên như in trên phiếu.",
        "Column {column!r} is not a candidate on the list. Did you mean {name} (no. {number})? "
        "Use the ballot number or the name as printed.",
    ),
    # --- spec ------------------------------------------------------------------------------
    "spec.toml": (
        "Tệp mô tả đại hội không đúng cú pháp TOML: {detail}.",
        "The congress spec is not valid TOML: {detail}.",
    ),
    "spec.field": (
        "{detail}. Sửa trường này trong tệp mô tả (xem docs/formats.md).",
        "{detail}. Fix this field in the spec (see docs/formats.md).",
    ),
    "spec.no_contest": (
        "Tệp mô tả không có cuộc bầu nào ([[contest]]).",
        "The spec has no contest ([[contest]]).",
    ),
    "spec.unknown_contest": (
        "Không có cuộc bầu {contest!r}. Các cuộc bầu trong tệp: {allowed}.",
        "There is no contest {contest!r}. Contests in the spec: {allowed}.",
    ),
    "spec.which_contest": (
        "Tệp mô tả có nhiều cuộc bầu ({allowed}); chọn một bằng --contest.",
        "The spec has several contests ({allowed}); choose one with --contest.",
    ),
    "spec.duplicate_contest": (
        "Mã cuộc bầu {contest!r} dùng hai lần. Mỗi cuộc bầu cần mã riêng.",
        "Contest id {contest!r} is used twice. Give each contest its own id.",
    ),
    "spec.unknown_rules": (
        "Không có bộ quy tắc {name!r}. Dùng một trong: {allowed}.",
        "There is no rule set {name!r}. Use one of: {allowed}.",
    ),
    # --- spec: file paths, free text, election model (issue 11) ---
    "spec.path_outside": (
        "Tệp {path!r} phải nằm trong thư mục của tệp mô tả ({folder}), ghi bằng "
        'đường dẫn tương đối (ví dụ "phieu_bch.csv" hoặc "phieu/bch.csv"); {reason}. Muốn '
        "dùng tệp ở nơi khác thì chỉ ra bằng --ballots.",
        "The file {path!r} must be inside the spec's folder ({folder}), written as "
        'a relative path (e.g. "ballots_bch.csv" or "ballots/bch.csv"); {reason}. To use a '
        "file elsewhere, give it with --ballots.",
    ),
    "spec.free_text": (
        "Trường {field}: {detail}. Mỗi trường chữ trên biên bản là một dòng chữ thường; sửa "
        "lại trong tệp mô tả.",
        "Field {field}: {detail}. Every text field of the minutes is one line of plain text; "
        "fix it in the spec.",
    ),
    "spec.bare_direct": (
        'model = "direct" không đủ rõ: ghi "direct_secretary" nếu đại hội bầu trực tiếp '
        "Bí thư, còn Ban Thường vụ và các Phó Bí thư do hội nghị Ban Chấp hành bầu (Chỉ thị "
        '35-CT/TW, 45-CT/TW); hoặc "direct_standing" nếu đại hội bầu trực tiếp cả Ban '
        "Thường vụ, Bí thư và các Phó Bí thư (một số nơi thí điểm năm 2015, 2020).",
        'model = "direct" is ambiguous: write "direct_secretary" when the congress elects '
        "the secretary directly and the new BCH's conference elects the BTV and the deputies "
        '(Chỉ thị 35-CT/TW, 45-CT/TW); or "direct_standing" when the congress elects the BTV, '
        "the secretary and the deputies (some 2015 and 2020 pilots).",
    ),
    "chain.congress_after_conference": (
        "{body} được bầu tại đại hội nhưng danh sách lấy từ cuộc bầu {source!r} do hội nghị Ban "
        "Chấp hành bầu sau đại hội (mô hình {model}). Đặt cuộc bầu này trước và lấy danh sách "
        "từ Ban Chấp hành (draws_from), hoặc chọn mô hình khác.",
        "The {body} is elected at the congress but its list comes from {source!r}, which the "
        "new BCH's conference elects after the congress (model {model}). Hold this contest "
        "first and draw from the BCH (draws_from), or choose another model.",
    ),
    # --- count -----------------------------------------------------------------------------
    "count.collected_exceeds_issued": (
        "Số phiếu thu vào ({collected}) lớn hơn số phiếu phát ra ({issued}). Kiểm phiếu dừng lại: "
        "kiểm tra lại phiếu phát ra, phiếu thu vào và kiểm phiếu lại ({citation}).",
        "{collected} ballots collected is more than the {issued} issued. The count stops: check "
        "ballots issued and collected, and recount ({citation}).",
    ),
    "count.negative": (
        "{field} là {value}; số phiếu không thể âm.",
        "{field} is {value}; a number of ballots cannot be negative.",
    ),
    "count.issued_exceeds_present": (
        "Số phiếu phát ra ({issued}) lớn hơn số người có mặt ({present}): mỗi người có mặt chỉ "
        "nhận một phiếu. Kiểm tra lại số phiếu phát ra và số có mặt.",
        "{issued} ballots issued is more than the {present} present: each person present gets "
        "one ballot. Check ballots issued and the number present.",
    ),
    "count.collected_mismatch": (
        "Ban kiểm phiếu báo {declared} phiếu thu vào nhưng đã nhập {entered} phiếu. Nhập đủ các "
        "phiếu còn thiếu hoặc sửa số báo cáo; kết quả chưa thể lập.",
        "The board reports {declared} ballots collected but {entered} were entered. Enter the "
        "missing ballots or correct the figure; no result can be made until they agree.",
    ),
    "count.unreconciled": (
        "Phiếu hợp lệ ({valid}) + không hợp lệ ({invalid}) khác số phiếu thu vào ({collected}).",
        "Valid ({valid}) + invalid ({invalid}) differs from ballots collected ({collected}).",
    ),
    "count.contest_mismatch": (
        "Không cộng được kết quả của hai cuộc bầu khác nhau ({left} và {right}).",
        "Cannot merge the counts of two different contests ({left} and {right}).",
    ),
    # --- decisions -------------------------------------------------------------------------
    "decision.not_tied": (
        "Quyết định chọn {names} nhưng chỉ được chọn trong số những người bằng phiếu: {tied}.",
        "The decision names {names}, but only the tied candidates may be chosen: {tied}.",
    ),
    "decision.wrong_number": (
        "Quyết định chọn {got} người nhưng có {seats} chỉ tiêu đang xét.",
        "The decision names {got} people for the {seats} seats at stake.",
    ),
    "decision.duplicate": (
        "Quyết định ghi tên {name} hai lần.",
        "The decision names {name} twice.",
    ),
    "decision.no_tie": (
        "Có quyết định về trường hợp bằng phiếu nhưng kết quả không có ai bằng phiếu ở vị trí "
        "cuối. Bỏ quyết định này.",
        "A tie decision was given but there is no tie at the cut-off. Remove the decision.",
    ),
    # --- CLI -------------------------------------------------------------------------------
    "cli.error": ("Lỗi", "Error"),
    "cli.nothing_written": (
        "Không có tệp nào được ghi.",
        "Nothing was written.",
    ),
    "cli.written": ("Đã ghi {path}.", "Wrote {path}."),
    "cli.summary": (
        "Kết quả cuộc bầu {contest}: {elected}/{seats} người trúng cử; {status}.",
        "Contest {contest}: {elected}/{seats} elected; {status}.",
    ),
    "cli.vote_failed": ("biểu quyết không thông qua", "open vote not passed"),
    "cli.missing_ballots": (
        "Chưa có tệp phiếu {path}: vòng bầu đó coi như chưa kiểm.",
        "No ballots file {path} yet: that round is not counted.",
    ),
    "cli.quorum": (
        "CẢNH BÁO: chỉ có {present}/{convened} người có mặt, chưa đủ {required} theo quy định về "
        "số lượng tối thiểu; xem mục IV của biên bản.",
        "WARNING: only {present} of {convened} present, fewer than the {required} the quorum "
        "needs; see section IV of the minutes.",
    ),
    "cli.needs_decision": (
        "Kết quả cần quyết định của đại hội: {reason}.",
        "The result needs a decision of the congress: {reason}.",
    ),
    "cli.still_waiting": (
        "Còn chờ: {reason}. Khi có phiếu hoặc kết quả đó, chạy lại lệnh.",
        "Still waiting: {reason}. Run the command again once those ballots or results are in.",
    ),
    "cli.log_written": (
        "Đã ghi nhật ký kiểm phiếu {path}; mã SHA-256 của sự kiện cuối: {hash}",
        "Recorded the count in {path}; SHA-256 of the last event: {hash}",
    ),
    "cli.log_unchanged": (
        "Nhật ký {path} đã có đúng cuộc kiểm phiếu này; không ghi thêm gì. Mã SHA-256 của sự "
        "kiện cuối: {hash}",
        "The log {path} already holds this count; nothing was added. SHA-256 of the last "
        "event: {hash}",
    ),
    "cli.log_hash": (
        "Nhật ký: {events} sự kiện; mã SHA-256 của sự kiện cuối: {hash}",
        "Log: {events} events; SHA-256 of the last event: {hash}",
    ),
    "cli.log_open": (
        "{contest}: chưa kết thúc kiểm phiếu ({entered} lần nhập phiếu hiện hành).",
        "{contest}: the count is not closed ({entered} current ballot entries).",
    ),
    "cli.torn_cut": (
        "Đã cắt dòng cuối ghi dở của {path} ({bytes} byte): {what} chưa được ghi vào nhật ký; "
        "hãy ghi lại sự kiện đó.",
        "Cut the torn last line of {path} ({bytes} bytes): {what} is not in the log; record "
        "that event again.",
    ),
    "cli.newline_restored": (
        "Dòng cuối của {path} đầy đủ, chỉ thiếu ký tự xuống dòng; đã thêm vào, không mất gì.",
        "The last line of {path} was whole, missing only its newline; it was added back, "
        "nothing lost.",
    ),
    "cli.station_count": (
        "Cần nhật ký của 2 hoặc 3 máy nhập (đã cho {given}).",
        "Give the logs of 2 or 3 entry stations ({given} given).",
    ),
    "cli.stations_differ": (
        "{contest}: các máy nhập khác nhau ở {count} phiếu; chưa có kết quả.",
        "{contest}: the stations differ on {count} ballot(s); no result yet.",
    ),
    "cli.merged": (
        "Đã ghi nhật ký gộp {path}; mã SHA-256 của sự kiện cuối: {hash}",
        "Wrote the merged log {path}; SHA-256 of the last event: {hash}",
    ),
    "log.empty": (
        "Nhật ký chưa có cuộc bầu nào.",
        "The log holds no contest yet.",
    ),
    "cli.unknown_key": (
        "Nhật ký không có cuộc bầu {contest!r}; các cuộc bầu trong nhật ký: {known}.",
        "The log holds no contest {contest!r}; its contests: {known}.",
    ),
    "cli.internal": (
        "Lỗi nội bộ không mong đợi: {detail}. Kết quả chưa được lập; hãy báo lỗi này kèm các tệp "
        "đầu vào.",
        "Unexpected internal error: {detail}. No result was produced; please report it with the "
        "input files.",
    ),
    # --- CLI: outputs, ballot lists (issue 11) ---
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
    "cli.awaiting_ballots": (
        "Chưa có tệp phiếu của cuộc bầu {contest} (vòng {number}): {path}. Danh sách in phiếu "
        "ở trên; khi có phiếu, nhập vào tệp đó rồi chạy lại.",
        "No ballots file yet for contest {contest} (round {number}): {path}. The list to print "
        "the ballots from is above; enter the ballots into that file and run again.",
    ),
    "extra.missing": (
        "Chức năng này cần gói bổ sung {extra} (thư viện {module} chưa được cài). "
        "Cài bằng: pip install 'tally[{extra}]'",
        "This needs the optional extra {extra} (the {module} library is not installed). "
        "Install it with: pip install 'tally[{extra}]'",
    ),
    "cli.list_printed": (
        "Đã in danh sách {contests} cuộc bầu theo thứ tự trên phiếu.",
        "Printed the lists of {contests} contest(s) in ballot order.",
    ),
}


Table = dict[str, tuple[str, str]]
"""A (Vietnamese, English) template per key — this catalogue, or a document's own labels."""


def localize(table: Table, key: str, lang: Lang, /, **params: object) -> str:
    """Template ``key`` of ``table`` in ``lang``, with ``params`` filled in."""
    vi, en = table[key]
    return (vi if lang == "vi" else en).format(**params)


def text(key: str, lang: Lang = "vi", /, **params: object) -> str:
    """Return the message ``key`` in ``lang``, with ``params`` filled in."""
    return localize(_CATALOGUE, key, lang, **params)


class Phrase:
    """A catalogue entry used as a parameter of another message, rendered in its language."""

    def __init__(self, key: str, /, **params: object) -> None:
        self.key, self.params = key, params

    def render(self, lang: Lang = "vi") -> str:
        """The phrase in ``lang``."""
        return text(self.key, lang, **self.params)


def keys() -> frozenset[str]:
    """All message codes, for tests that check each one renders in both languages."""
    return frozenset(_CATALOGUE)
