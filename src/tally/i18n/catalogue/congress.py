"""Messages of the congress: the counting board, the chain of contests and rounds, nominations."""

TABLE: dict[str, tuple[str, str]] = {
    # --- the counting board ---
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
    # --- the congress ---
    "congress.open_vote_contest": (
        'Biểu quyết "{subject}" nói về cuộc bầu {contest}, nhưng đại hội không có cuộc bầu này '
        "(có: {known}). Sửa contest = … cho đúng mã một cuộc bầu, hoặc bỏ dòng đó.",
        'The open vote "{subject}" is about contest {contest}, which this congress does not '
        "hold (it holds: {known}). Set contest = … to one of them, or remove that line.",
    ),
    "congress.needs_committee_members": (
        "Cuộc bầu {contest} ({body}) do hội nghị Ban Chấp hành mới bầu: số tính kết quả là số "
        "ủy viên Ban Chấp hành vừa trúng cử. Cho biết số đó (committee_members=…), hoặc dùng "
        "run_congress để kiểm cả đại hội theo thứ tự.",
        "Contest {contest} ({body}) is held by the new committee's conference, whose base is the "
        "number of members just elected to the committee. Give that number "
        "(committee_members=…), or count the whole congress in order with run_congress.",
    ),
    # --- the chain of contests ---
    "chain.body_not_in_by_election": (
        "{body} không được bầu bổ sung tại hội nghị cấp ủy (mô hình {model!r}): chỉ bầu bổ sung "
        "Ủy viên Ban Thường vụ, Bí thư, Phó Bí thư, Ủy viên và Chủ nhiệm Ủy ban Kiểm tra (QĐ "
        "190-QĐ/TW Điều 28).",
        "The {body} is not elected in a by-election at a committee conference (model {model!r}): "
        "only standing committee members, the secretary, deputies, inspection commission members "
        "and its chair are (QĐ 190-QĐ/TW Art. 28).",
    ),
    "chain.by_election_roll": (
        'Bầu bổ sung do hội nghị cấp ủy tiến hành: [roll] kind phải là "committee_conference" '
        "(số ủy viên đương nhiệm), không phải {kind}.",
        "A by-election is held by the committee's conference: [roll] kind must be "
        '"committee_conference" (the incumbent members), not a {kind}.',
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
    "chain.no_commission_roll": (
        "{body} do Ủy ban Kiểm tra bầu trong số ủy viên của mình, nên cần bảng "
        "[commission_roll] (số có mặt, các khoản trừ) để tính căn cứ kết quả.",
        "The {body} is elected by the inspection commission from its members, so the spec needs "
        "a [commission_roll] table (present, deductions) for its base.",
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
    "chain.congress_after_conference": (
        "{body} được bầu tại đại hội nhưng danh sách lấy từ cuộc bầu {source!r} do hội nghị Ban "
        "Chấp hành bầu sau đại hội (mô hình {model}). Đặt cuộc bầu này trước và lấy danh sách "
        "từ Ban Chấp hành (draws_from), hoặc chọn mô hình khác.",
        "The {body} is elected at the congress but its list comes from {source!r}, which the "
        "new BCH's conference elects after the congress (model {model}). Hold this contest "
        "first and draw from the BCH (draws_from), or choose another model.",
    ),
    # --- rounds ---
    "round.list_note": (
        "Thêm hoặc bớt người trong danh sách vòng bầu tiếp theo cần ghi quyết định của đại hội "
        "(list_note).",
        "Adding or removing names for a further round needs the congress's decision recorded "
        "(list_note).",
    ),
    "round.too_many_for_rules": (
        "Theo {rules}, mỗi cuộc bầu tối đa {limit} lần; tệp mô tả có {rounds} lần. Bỏ các lần "
        "thừa.",
        "Under {rules}, a contest has at most {limit} rounds; the spec has {rounds}. Remove the "
        "extra rounds.",
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
    # --- the composition of the elected ---
    "composition.no_date": (
        "Cần ngày đại hội ([congress] date) để tính tuổi khi thống kê cơ cấu.",
        "The congress date ([congress] date) is needed to work out ages for the composition.",
    ),
    "targets.not_a_body": (
        "[targets.{name}]: chỉ tiêu cơ cấu riêng chỉ đặt cho một tập thể được bầu (chức danh "
        "một người không có cơ cấu), mà {name!r} không phải một tập thể như vậy. Dùng một "
        "trong: {allowed}.",
        "[targets.{name}]: a body's own composition targets are set only for an elected body of "
        "several members (a post held by one person has no make-up), and {name!r} is not one. "
        "Use one of: {allowed}.",
    ),
    # --- nominations and withdrawals ---
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
}
