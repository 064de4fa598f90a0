"""Messages of the audit log: events, replay, rulings, entry stations, the log's problems."""

TABLE: dict[str, tuple[str, str]] = {
    # --- a counting session ---
    "session.bad_value": (
        "{step}: giá trị của {field} không dùng được — {detail}. Không có gì được ghi vào nhật ký.",
        "{step}: the value of {field} cannot be used — {detail}. Nothing was written to the log.",
    ),
    # --- the audit log ---
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
    "log.kind_needs_format": (
        "Sự kiện {kind!r} chỉ có từ định dạng {needed}, nhưng nhật ký này ở định dạng {format}. "
        "Nhật ký này không do tally ghi hoặc đã bị sửa; đối chiếu với bản in.",
        "The {kind!r} event exists only from format {needed} on, but this log is in format "
        "{format}. The log was not written by tally or was edited; compare it with the "
        "printout.",
    ),
    "log.plan_other_congress": (
        "Kế hoạch đại hội {name!r} không phải của đại hội nhật ký này ghi ({logged}): tên, "
        "nhiệm kỳ, địa điểm và ngày phải giống sự kiện mở nhật ký. Mở nhật ký với đúng đại hội "
        "(CountingSession.open(..., congress=...)).",
        "The plan of {name!r} is not that of the congress this log records ({logged}): its "
        "name, term, place and date must be those of the log's first event. Open the log for "
        "that congress (CountingSession.open(..., congress=...)).",
    ),
    "log.plan_roll_changed": (
        "Kế hoạch đại hội mới có danh sách triệu tập hoặc quy chế khác với kế hoạch đã ghi ở "
        "sự kiện {first}; các biểu quyết công khai đã tính theo đó. Ghi vào một nhật ký mới.",
        "The new plan of the congress has another roll or rule set than the plan recorded at "
        "event {first}, which the open votes were measured against. Record into a new log.",
    ),
    "log.open_vote_before_plan": (
        "Biểu quyết {subject!r} được ghi trước kế hoạch đại hội; căn cứ để tính là danh sách "
        "triệu tập trong kế hoạch. Ghi kế hoạch đại hội trước (CountingSession.plan_congress).",
        "The open vote {subject!r} comes before the congress's plan, whose roll is its base. "
        "Record the plan first (CountingSession.plan_congress).",
    ),
    "log.no_plan": (
        "Nhật ký {file} không ghi kế hoạch đại hội ({format}): không dựng lại được bản tổng hợp "
        "kết quả bầu cử từ nhật ký này; biên bản từng cuộc bầu vẫn đầy đủ. Nhật ký do "
        '"tally count … --log" ghi từ định dạng tally.log/2 có ghi kế hoạch; phiên nhập trực '
        "tiếp ghi bằng CountingSession.plan_congress.",
        "The log {file} records no plan of the congress ({format}): the summary of the elections "
        "cannot be rebuilt from it; each contest's minutes are complete. Logs written by "
        '"tally count … --log" from format tally.log/2 on record it; a live session records '
        "it with CountingSession.plan_congress.",
    ),
    "log.plan_differs": (
        "Kế hoạch đại hội ghi ở sự kiện {plan} không dẫn tới lần kiểm phiếu {contest!r} có "
        "trong nhật ký ({why}). Ghi lại kế hoạch đúng với những gì đã kiểm "
        "(CountingSession.plan_congress); biên bản từng cuộc bầu không bị ảnh hưởng.",
        "The congress's plan recorded at event {plan} does not lead to the count of "
        "{contest!r} the log holds ({why}). Record the plan again as counted "
        "(CountingSession.plan_congress); each contest's minutes are not affected.",
    ),
    "log.plan_lacks": ("kế hoạch không có vòng bầu này", "the plan has no such round"),
    "log.plan_counts_otherwise": (
        "theo kế hoạch, kết quả khác",
        "the plan leads to another result",
    ),
    "log.plan_roll_differs": (
        "Nhật ký này đã ghi đại hội với danh sách triệu tập hoặc quy chế khác với tệp cấu hình "
        "(kế hoạch ở sự kiện này). Không ghi thêm gì vào nhật ký; ghi vào một nhật ký mới.",
        "This log recorded the congress with another roll or rule set than the spec (the plan "
        "at this event). Nothing was added to the log; record into a new log.",
    ),
    "log.open_vote_differs": (
        "Nhật ký này đã ghi biểu quyết công khai thứ {number} ({subject!r}) khác với tệp cấu "
        "hình (hoặc tệp cấu hình không còn biểu quyết này). Không ghi thêm gì vào nhật ký. Giữ "
        "nguyên các biểu quyết đã ghi trong tệp cấu hình, theo đúng thứ tự, và chỉ thêm biểu "
        "quyết mới vào sau; hoặc ghi vào một nhật ký mới.",
        "This log recorded open vote {number} ({subject!r}) otherwise than the spec (or the "
        "spec no longer has it). Nothing was added to the log. Keep the votes already recorded "
        "in the spec, in their order, and add new ones after them; or record into a new log.",
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
    "log.enter_all_twice": (
        "Cuộc bầu {contest!r} đã có phiếu được nhập; chỉ nhập cả bộ phiếu vào cuộc bầu chưa "
        "có phiếu nào.",
        "Ballots have already been entered for {contest!r}; a whole set of ballots is entered "
        "only into a contest with none yet.",
    ),
    "log.bad_expect": (
        "Mã {expect!r} không phải là mã SHA-256 in trên biên bản: cần ít nhất {minimum} ký tự "
        "0–9, a–f (được để dấu cách). Chép lại mã từ biên bản đã ký.",
        "{expect!r} is not a SHA-256 fingerprint as printed on the minutes: give at least "
        "{minimum} characters 0–9, a–f (spaces allowed). Copy it again from the signed minutes.",
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
    "log.empty": (
        "Nhật ký chưa có cuộc bầu nào.",
        "The log holds no contest yet.",
    ),
    # --- entry stations ---
    "stations.no_logs": (
        "Không có nhật ký máy nhập nào để đối chiếu: cần nhật ký của từng máy.",
        "No station log to compare: give each station's log.",
    ),
    "stations.contest_differs": (
        "Cuộc bầu {contest!r} trong nhật ký này khác với trong {first} ({what}). Các máy nhập "
        "phải nhập cùng một cuộc bầu với cùng số liệu; kiểm tra lại nhật ký của từng máy.",
        "Contest {contest!r} in this log differs from the one in {first} ({what}). The stations "
        "must enter the same contest with the same figures; check each station's log.",
    ),
    "stations.part.definition": ("danh sách bầu cử hoặc số lượng bầu", "the list or the seats"),
    "stations.part.roll": ("số người triệu tập, có mặt hoặc căn cứ", "the roll or the base"),
    "stations.part.rules": ("quy chế áp dụng", "the rules applied"),
    "stations.part.issued": ("số phiếu phát ra", "ballots issued"),
    "stations.part.collected": ("số phiếu thu vào", "ballots collected"),
    "stations.part.board": ("Ban kiểm phiếu", "the counting board"),
    "stations.part.batch": (
        "số phiếu đếm tay của sấp {batch}: {first} và {other}; ghi lại số đúng ở máy ghi sai (F4)",
        "the hand count of stack {batch}: {first} and {other}; declare the right one again at "
        "the station that has it wrong (F4)",
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
    "stations.output_exists": (
        "Tệp này đã có. Nhật ký gộp luôn được ghi vào một tệp mới; chọn tên khác.",
        "This file already exists. A merged log is always written to a new file; choose "
        "another name.",
    ),
    # --- the board's rulings on discrepancies ---
    "rulings.absent_with_marks": (
        "Phán quyết về phiếu {serial} vừa ghi là không có phiếu này vừa ghi cách đọc phiếu (hoặc "
        "sấp phiếu). Chọn một: không có phiếu (absent), hoặc cách đọc phiếu.",
        "The ruling on ballot {serial} says both that there is no such ballot and how it reads "
        "(or its stack). Choose one: no such ballot (absent), or its reading.",
    ),
    "rulings.station_alone": (
        "Phán quyết về phiếu {serial} ghi máy {station!r} nhưng không ghi correct_serial. Chỉ "
        'phán quyết sửa số phiếu nhập nhầm mới ghi máy: thêm correct_serial = "số phiếu đúng", '
        "hoặc bỏ station.",
        "The ruling on ballot {serial} names station {station!r} but gives no correct_serial. "
        "Only a ruling that corrects a mistyped serial names a station: add correct_serial = "
        '"the right serial", or remove station.',
    ),
    "rulings.correction_needs": (
        "Phán quyết sửa số phiếu {serial} thành {correct!r} phải ghi máy đã nhập nhầm "
        '(station = "B") và số phiếu đúng (correct_serial).',
        "The ruling correcting serial {serial} to {correct!r} must name the station that "
        'mistyped it (station = "B") and the right serial (correct_serial).',
    ),
    "rulings.correction_with_marks": (
        "Phán quyết sửa số phiếu {serial} thành {correct} chỉ ghi máy, số phiếu và ghi chú. Nếu "
        "các máy còn đọc phiếu {correct} khác nhau, ghi thêm một phán quyết riêng với "
        'serial = "{correct}" và cách đọc phiếu.',
        "The ruling correcting serial {serial} to {correct} gives only the station, the serials "
        "and the note. If the stations still read ballot {correct} differently, add a separate "
        'ruling with serial = "{correct}" and its reading.',
    ),
    "rulings.unknown_station": (
        "Phán quyết ghi máy {station!r}, nhưng các nhật ký chỉ có các máy: {known}. Ghi station "
        "đúng như tên máy trong báo cáo đối chiếu.",
        "A ruling names station {station!r}, but the logs hold only the stations: {known}. Give "
        "station as the reconciliation report names it.",
    ),
    "rulings.serial_not_entered": (
        "Máy {station} không nhập phiếu nào có số {serial}, nên không thể sửa số phiếu này. "
        "Ghi serial đúng như máy {station} đã nhập (xem bảng chênh lệch của báo cáo đối chiếu).",
        "Station {station} entered no ballot with serial {serial}, so it cannot be corrected. "
        "Give serial as station {station} typed it (see the differences in the reconciliation "
        "report).",
    ),
    "rulings.serial_taken": (
        "Máy {station} đã nhập phiếu {correct}, nên phiếu {serial} của máy này không thể là "
        "phiếu {correct} (sẽ thành một phiếu nhập hai lần). Kiểm tra lại số phiếu đúng; nếu máy "
        "{station} nhập thừa phiếu {serial}, ghi phán quyết absent = true cho phiếu đó.",
        "Station {station} already entered ballot {correct}, so its ballot {serial} cannot be "
        "ballot {correct} (it would be entered twice). Check the right serial; if station "
        "{station} entered {serial} by mistake, rule absent = true on it.",
    ),
    "rulings.unknown_contest": (
        "Phán quyết cho cuộc bầu {contest!r}, nhưng các nhật ký chỉ có: {known}. Sửa contest.",
        "A ruling for contest {contest!r}, but the logs hold only: {known}. Fix contest.",
    ),
    "rulings.twice": (
        "Phiếu {serial} có hai phán quyết. Mỗi phiếu chỉ ghi một phán quyết.",
        "Ballot {serial} has two rulings. Give one ruling per ballot.",
    ),
    "rulings.shape": (
        "Phán quyết không đúng dạng. Mỗi phán quyết là một bảng [[ruling]] với contest, serial, "
        "note và các dấu (struck/kept hoặc agree/disagree/both), observations, batch, absent; "
        "hoặc, để sửa số phiếu nhập nhầm, station và correct_serial (là chữ).",
        "The ruling is malformed. Each is a [[ruling]] table with contest, serial, note and the "
        "marks (struck/kept or agree/disagree/both), observations, batch, absent; or, to "
        "correct a mistyped serial, station and correct_serial (text).",
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
    "rulings.bad_ref": (
        "{key} chỉ gồm số thứ tự hoặc họ tên; {value} không phải. Ví dụ: {key} = [3, 17].",
        "{key} holds ballot numbers or names only; {value} is neither. E.g. {key} = [3, 17].",
    ),
    # --- verifying a log ---
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
    # --- what is wrong with a log ---
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
    "problem.truncated": (
        "không có sự kiện mang mã đã in trên biên bản",
        "no event carries the fingerprint printed on the minutes",
    ),
    "problem.amended": (
        "có sự kiện ghi sau mã đã ký làm thay đổi một cuộc bầu đã kết thúc kiểm phiếu",
        "events written after the signed fingerprint change a contest already closed there",
    ),
}
