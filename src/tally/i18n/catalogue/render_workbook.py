"""The words of the workbooks: a counted congress (``--format xlsx``), the template a clerk
fills, and the roll-up an organisation department reads."""

TABLE: dict[str, tuple[str, str]] = {
    "workbook.summary": ("Tổng hợp", "Summary"),
    "workbook.composition": ("Cơ cấu", "Composition"),
    "workbook.roll": ("Thành phần", "Roll"),
    "workbook.convened": ("Số được triệu tập", "Convened"),
    "workbook.deducted": ("Số được trừ khỏi căn cứ", "Deducted from the base"),
    "workbook.present": ("Số có mặt", "Present"),
    "workbook.base": ("Căn cứ tính kết quả", "Threshold base"),
    "workbook.rules": ("Quy chế: {title}", "Rules: {title}"),
    "workbook.date": ("Ngày: {date}", "Date: {date}"),
    "workbook.place": ("Địa điểm: {place}", "Place: {place}"),
    "workbook.round": ("Vòng", "Round"),
    "workbook.percent": ("Tỷ lệ so với căn cứ (%)", "% of the base"),
    "workbook.min_votes": ("Số phiếu cần có để trúng cử", "Votes needed to be elected"),
    "workbook.elected_names": ("Người trúng cử", "Elected"),
    "workbook.alternate_names": ("Dự khuyết, theo thứ tự", "Alternates, in order"),
    "workbook.figures": ("Số phiếu từng vòng", "Ballots of each round"),
    "workbook.men": ("Nam", "Men"),
    "workbook.gender_unknown": ("Chưa rõ giới tính", "Gender unknown"),
    "workbook.age_40_49": ("Từ 40 đến 49", "40 to 49"),
    "workbook.age_50_59": ("Từ 50 đến 59", "50 to 59"),
    "workbook.age_60_and_over": ("Từ 60 trở lên", "60 and over"),
    "workbook.targets": ("Chỉ tiêu cơ cấu", "Composition targets"),
    "workbook.target": ("Chỉ tiêu", "Target"),
    "workbook.required_percent": ("Yêu cầu (%)", "Required (%)"),
    "workbook.reached": ("Đạt được (%)", "Reached (%)"),
    "workbook.count": ("Số người thuộc diện", "In the category"),
    "workbook.met": ("Đạt", "Met"),
    "workbook.not_met": ("Chưa đạt", "Not met"),
    "workbook.no_date": (
        "Chưa ghi ngày đại hội ([congress] date): không tính được độ tuổi và cơ cấu.",
        "The congress has no date ([congress] date): ages and composition are not computed.",
    ),
    # --- the template a clerk fills (tally.io.workbook_spec) ---
    "workbook.sheet.congress": ("Đại hội", "Congress"),
    "workbook.sheet.board": ("Ban kiểm phiếu", "Counting board"),
    "workbook.sheet.contests": ("Cuộc bầu", "Contests"),
    "workbook.sheet.guide": ("Hướng dẫn", "Guide"),
    "workbook.h.item": ("Mục", "Item"),
    "workbook.h.value": ("Giá trị", "Value"),
    "workbook.h.name": ("Tên đại hội", "Name of the congress"),
    "workbook.h.term": ("Nhiệm kỳ", "Term"),
    "workbook.h.date": ("Ngày đại hội", "Date of the congress"),
    "workbook.h.place": ("Địa điểm", "Place"),
    "workbook.h.locality": ("Địa danh (dòng ngày tháng của biên bản)", "Locality (dateline)"),
    "workbook.h.letterhead_1": ("Dòng đầu trang bên trái, dòng 1", "Letterhead, line 1"),
    "workbook.h.letterhead_2": ("Dòng đầu trang bên trái, dòng 2", "Letterhead, line 2"),
    "workbook.h.counted_at": ("Giờ kiểm phiếu xong", "Count finished at"),
    "workbook.h.reported_at": ("Giờ báo cáo đại hội", "Reported at"),
    "workbook.h.level": ("Cấp", "Level"),
    "workbook.h.unit": ("Đơn vị", "Unit"),
    "workbook.h.rules": ("Quy chế bầu cử", "Election rules"),
    "workbook.h.model": ("Hình thức bầu (mô hình)", "Election model"),
    "workbook.h.kind": ("Loại đại hội, hội nghị", "Kind of meeting"),
    "workbook.h.convened": ("Số được triệu tập", "Convened"),
    "workbook.h.present": ("Số có mặt", "Present"),
    "workbook.h.deduction_temporary_registration": (
        "Trừ: đảng viên sinh hoạt tạm thời",
        "Deducted: temporarily registered members",
    ),
    "workbook.h.deduction_exempt_absent": (
        "Trừ: miễn sinh hoạt, không có mặt",
        "Deducted: exempt from activities, absent",
    ),
    "workbook.h.deduction_suspended": ("Trừ: đang bị đình chỉ sinh hoạt", "Deducted: suspended"),
    "workbook.h.deduction_prosecuted": (
        "Trừ: bị khởi tố, truy tố, tạm giam",
        "Deducted: prosecuted or detained",
    ),
    "workbook.h.deduction_absent_with_reason": (
        "Trừ: vắng mặt có lý do",
        "Deducted: absent with a reason",
    ),
    "workbook.h.deduction_convening_committee_absent": (
        "Trừ: ủy viên cấp ủy triệu tập vắng mặt",
        "Deducted: convening committee members absent",
    ),
    "workbook.h.deduction_delegate_absent_no_alternate": (
        "Trừ: đại biểu vắng mặt không có dự khuyết thay",
        "Deducted: delegates absent with no alternate",
    ),
    "workbook.h.committee_present": (
        "Số ủy viên Ban Chấp hành mới có mặt tại hội nghị",
        "New committee members present at its conference",
    ),
    "workbook.h.full_name": ("Họ và tên", "Full name"),
    "workbook.h.role": ("Nhiệm vụ", "Role"),
    "workbook.h.id": ("Mã", "Id"),
    "workbook.h.body": ("Bầu", "Body"),
    "workbook.h.title": ("Tên cuộc bầu (nếu khác)", "Title (when not the body)"),
    "workbook.h.seats": ("Số lượng bầu", "Seats"),
    "workbook.h.alternates": ("Số dự khuyết", "Alternates"),
    "workbook.h.issued": ("Số phiếu phát ra", "Ballots issued"),
    "workbook.h.collected": ("Số phiếu thu vào", "Ballots collected"),
    "workbook.h.ballots": ("Tệp phiếu (CSV)", "Ballots file (CSV)"),
    "workbook.h.draws_from": ("Bầu trong số người trúng cử của", "Drawn from the elected of"),
    "workbook.h.list_sheet": ("Trang danh sách", "List sheet"),
    "workbook.h.birth_date": ("Ngày sinh", "Birth date"),
    "workbook.h.gender": ("Giới tính", "Gender"),
    "workbook.h.ethnicity": ("Dân tộc", "Ethnicity"),
    "workbook.h.incumbent": ("Ủy viên khóa trước", "In the outgoing body"),
    "workbook.h.admitted": ("Ngày vào Đảng", "Party admission"),
    "workbook.h.nominated_by": ("Giới thiệu", "Nominated by"),
    "workbook.h.note": ("Ghi chú", "Note"),
    "workbook.choice.head": ("Trưởng ban", "Head"),
    "workbook.choice.member": ("Ủy viên", "Member"),
    "workbook.choice.male": ("Nam", "Male"),
    "workbook.choice.female": ("Nữ", "Female"),
    "workbook.choice.yes": ("Có", "Yes"),
    "workbook.choice.no": ("Không", "No"),
    "workbook.choice.nominated_committee": ("Cấp ủy giới thiệu", "The committee"),
    "workbook.choice.nominated_congress": ("Đại hội giới thiệu", "The congress"),
    "workbook.choice.nominated_self": ("Tự ứng cử", "Self-nominated"),
    "workbook.guide_title": (
        "Cách điền sổ chuẩn bị đại hội (tally template)",
        "How to fill the congress workbook (tally template)",
    ),
    "workbook.guide.1": (
        "1. Trang 'Đại hội': ghi giá trị ở cột B; ngày ghi dạng ngày (dd/mm/yyyy), số ghi dạng số.",
        "1. Sheet 'Congress': values in column B; dates as dates (dd/mm/yyyy), counts as numbers.",
    ),
    "workbook.guide.2": (
        "2. Trang 'Ban kiểm phiếu': mỗi dòng một người; một người là Trưởng ban.",
        "2. Sheet 'Counting board': one member per row; one of them is the head.",
    ),
    "workbook.guide.3": (
        "3. Trang 'Cuộc bầu': mỗi dòng một cuộc bầu; cột 'Trang danh sách' ghi tên trang chứa "
        "danh sách bầu cử của cuộc bầu đó.",
        "3. Sheet 'Contests': one contest per row; 'List sheet' names the sheet holding its list.",
    ),
    "workbook.guide.4": (
        "4. Mỗi danh sách một trang (chép trang 'BCH'); mỗi dòng một người, không gộp ô, không "
        "ghi trùng tên.",
        "4. One sheet per list (copy the 'BCH' sheet); one person per row, no merged cells, no "
        "name twice.",
    ),
    "workbook.guide.5": (
        "5. Các ô có danh sách chọn (giới tính, Có/Không, cơ quan bầu): chọn từ danh sách.",
        "5. Cells with a drop-down (gender, Yes/No, body): pick from the list.",
    ),
    "workbook.guide.6": (
        "6. Kiểm tra: tally spec SỔ.xlsx -o congress.toml (báo lỗi theo trang tính và ô), "
        "hoặc đếm thẳng: tally count SỔ.xlsx.",
        "6. Check it: tally spec BOOK.xlsx -o congress.toml (errors name the sheet and cell), "
        "or count it directly: tally count BOOK.xlsx.",
    ),
    # --- reading a workbook ---
    "workbook.no_sheet": (
        "Sổ không có trang tính {sheet!r} (các trang có: {available}). Thêm trang đó hoặc sửa "
        "tên trang cho đúng.",
        "The workbook has no sheet {sheet!r} (it has: {available}). Add it or correct the "
        "sheet's name.",
    ),
    "workbook.damaged": (
        "Không đọc được sổ Excel ({detail}): tệp hỏng hoặc không phải tệp .xlsx. Lưu lại dưới "
        "dạng Sổ làm việc Excel (.xlsx).",
        "Cannot read the workbook ({detail}): the file is damaged or not an .xlsx file. Save "
        "it again as an Excel Workbook (.xlsx).",
    ),
    "workbook.required": (
        "Ô '{header}' để trống. Điền giá trị vào ô này.",
        "'{header}' is empty. Fill in this cell.",
    ),
    "workbook.not_whole": (
        "'{header}' phải là một số nguyên, không phải {got}. Ghi số (ví dụ 243), không ghi chữ.",
        "'{header}' must be a whole number, not {got}. Enter a number (e.g. 243), not text.",
    ),
    "workbook.not_date": (
        "'{header}' phải là một ngày, không phải {got}. Ghi dạng ngày (Định dạng ô → Ngày), "
        "ví dụ 04/09/1964, không gõ thành chữ.",
        "'{header}' must be a date, not {got}. Enter it as a date (Format Cells → Date), e.g. "
        "04/09/1964, not as text.",
    ),
    "workbook.not_time": (
        "'{header}' phải là ngày và giờ, không phải {got}. Ghi dạng 08/10/2025 10:15.",
        "'{header}' must be a date and time, not {got}. Enter it as 08/10/2025 10:15.",
    ),
    "workbook.not_text": (
        "'{header}' phải là chữ, không phải {got}. Định dạng ô thành Văn bản rồi ghi lại.",
        "'{header}' must be text, not {got}. Format the cell as Text and enter it again.",
    ),
    "workbook.unknown_choice": (
        "'{header}' không nhận {got}. Chọn một trong: {allowed}.",
        "'{header}' cannot be {got}. Choose one of: {allowed}.",
    ),
    "workbook.unknown_header": (
        "Không biết cột {got!r}. Các cột có thể có: {allowed}. Sửa tiêu đề cột hoặc xóa cột.",
        "Unknown column {got!r}. The columns a sheet may have: {allowed}. Correct the header or "
        "delete the column.",
    ),
    "workbook.missing_header": (
        "Thiếu cột '{header}' ở dòng tiêu đề (dòng 1). Thêm cột đó (xem tally template).",
        "The header row (row 1) has no column '{header}'. Add it (see tally template).",
    ),
    "workbook.unknown_item": (
        "Không biết mục {got!r}. Ghi đúng tên mục như trong mẫu (tally template).",
        "Unknown item {got!r}. Write the item as the template does (tally template).",
    ),
    "workbook.missing_item": (
        "Thiếu mục '{header}' ở cột A. Thêm dòng đó (xem tally template).",
        "Column A has no item '{header}'. Add that row (see tally template).",
    ),
    "workbook.merged": (
        "Các ô {cells} được gộp lại. Bỏ gộp ô (mỗi ô một giá trị) rồi ghi lại.",
        "Cells {cells} are merged. Unmerge them (one value per cell) and enter the values again.",
    ),
    "workbook.duplicate_name": (
        "Tên {name} đã có ở ô {first}. Mỗi người chỉ ghi một lần; nếu là hai người trùng tên, "
        "thêm tên đệm hoặc dấu phân biệt như trong danh sách in.",
        "{name} is already in cell {first}. List each person once; for two people of one name, "
        "write them as the printed list tells them apart.",
    ),
    "workbook.empty_list": (
        "Danh sách không có ai. Ghi mỗi người một dòng, từ dòng 2.",
        "The list has nobody on it. Enter one person per row, from row 2.",
    ),
    # --- the roll-up workbook and charts (tally.rollup) ---
    "rollup.sheet.summary": ("Tổng hợp", "Summary"),
    "rollup.sheet.progress": ("Tiến độ", "Progress"),
    "rollup.sheet.composition": ("Cơ cấu", "Composition"),
    "rollup.sheet.candidates": ("Kết quả bầu cử", "Candidates"),
    "rollup.title": ("TỔNG HỢP KẾT QUẢ ĐẠI HỘI", "ROLL-UP OF THE CONGRESSES"),
    "rollup.item": ("Nội dung", "Item"),
    "rollup.value": ("Số lượng", "Figure"),
    "rollup.reported": ("Số đại hội đã báo cáo", "Congresses reported"),
    "rollup.planned_only": ("Đơn vị có kế hoạch, chưa báo cáo", "Units planned, not yet reported"),
    "rollup.by_body": ("Cơ cấu theo cơ quan được bầu", "Composition by elected body"),
    "rollup.bodies": ("Số cơ quan", "Bodies"),
    "rollup.complete": ("Đã bầu xong", "Complete"),
    "rollup.open": ("Còn cuộc bầu chưa xong", "Contests open"),
    "rollup.not_reported": ("Chưa báo cáo", "Not reported"),
    "rollup.unknown": ("không rõ", "unknown"),
    "rollup.congresses": ("Số đại hội", "Congresses"),
    "rollup.chart_progress": ("Tiến độ đại hội theo cấp", "Congresses by level"),
    "rollup.chart_composition": (
        "Tỷ lệ trong số người trúng cử, theo cơ quan (%)",
        "Shares of the elected, by body (%)",
    ),
    "rollup.yes": ("Có", "Yes"),
    "rollup.no": ("Không", "No"),
    "rollup.result.elected": ("Trúng cử", "Elected"),
    "rollup.result.alternate": ("Dự khuyết", "Alternate"),
    "rollup.result.not_elected": ("Không trúng cử", "Not elected"),
    "rollup.col.unit": ("Đơn vị", "Unit"),
    "rollup.col.reported": ("Đã báo cáo", "Reported"),
    "rollup.col.planned_date": ("Ngày dự kiến", "Planned date"),
    "rollup.col.congress": ("Đại hội", "Congress"),
    "rollup.col.term": ("Nhiệm kỳ", "Term"),
    "rollup.col.date": ("Ngày", "Date"),
    "rollup.col.level": ("Cấp", "Level"),
    "rollup.col.contest": ("Cuộc bầu", "Contest"),
    "rollup.col.body": ("Cơ quan", "Body"),
    "rollup.col.round": ("Vòng", "Round"),
    "rollup.col.number": ("TT", "No."),
    "rollup.col.candidate": ("Họ và tên", "Full name"),
    "rollup.col.gender": ("Giới tính", "Gender"),
    "rollup.col.ethnicity": ("Dân tộc", "Ethnicity"),
    "rollup.col.birth_date": ("Ngày sinh", "Birth date"),
    "rollup.col.incumbent": ("Ủy viên khóa trước", "In the outgoing body"),
    "rollup.col.votes": ("Số phiếu", "Votes"),
    "rollup.col.base": ("Căn cứ", "Base"),
    "rollup.col.share": ("Tỷ lệ (%)", "Share (%)"),
    "rollup.col.result": ("Kết quả", "Result"),
    "rollup.col.contests": ("Số cuộc bầu", "Contests"),
    "rollup.col.complete": ("Đã bầu đủ", "Complete"),
    "rollup.col.awaiting_ballots": ("Chờ phiếu", "Awaiting ballots"),
    "rollup.col.awaiting_decision": ("Chờ quyết định", "Awaiting a decision"),
    "rollup.col.seats": ("Số lượng bầu", "Seats"),
    "rollup.col.seats_filled": ("Số đã trúng cử", "Seats filled"),
    "rollup.col.seats_open": ("Số còn thiếu", "Seats open"),
    "rollup.col.size": ("Số người", "Members"),
    "rollup.col.women": ("Nữ", "Women"),
    "rollup.col.minorities": ("Dân tộc thiểu số", "Ethnic minorities"),
    "rollup.col.under_40": ("Dưới 40 tuổi", "Under 40"),
    "rollup.col.reelected": ("Tái cử", "Re-elected"),
    "rollup.col.new": ("Mới", "New"),
    "rollup.col.women_target": ("Chỉ tiêu nữ (%)", "Women target (%)"),
    "rollup.col.women_met": ("Đạt chỉ tiêu nữ", "Women target met"),
    "rollup.col.minorities_target": ("Chỉ tiêu dân tộc thiểu số (%)", "Minorities target (%)"),
    "rollup.col.minorities_met": ("Đạt chỉ tiêu dân tộc thiểu số", "Minorities target met"),
    "rollup.col.under_40_target": ("Chỉ tiêu dưới 40 tuổi (%)", "Under-40 target (%)"),
    "rollup.col.under_40_met": ("Đạt chỉ tiêu dưới 40 tuổi", "Under-40 target met"),
    "rollup.col.new_target": ("Chỉ tiêu người mới (%)", "New members target (%)"),
    "rollup.col.new_met": ("Đạt chỉ tiêu người mới", "New members target met"),
    "rollup.targets": ("Chỉ tiêu cơ cấu theo cơ quan", "Composition targets by body"),
    "rollup.with_target": ("Số cơ quan có chỉ tiêu", "Bodies with the target"),
    "rollup.meeting_target": ("Số cơ quan đạt", "Bodies meeting it"),
    "workbook.ambiguous_sheet": (
        "Có nhiều trang tính trùng tên {sheet!r} (chỉ khác chữ hoa, dấu cách hoặc cách gõ dấu): "
        "{found}. Đổi tên hoặc xóa trang thừa.",
        "Several sheets are named like {sheet!r} (differing only in case, spaces or how the "
        "accents were typed): {found}. Rename or delete the extra one.",
    ),
    "workbook.error_value": (
        "Ô có giá trị lỗi {got}. Sửa công thức hoặc gõ lại giá trị.",
        "The cell holds the error value {got}. Correct the formula or type the value.",
    ),
    "workbook.formula_no_value": (
        "Ô có công thức {formula} nhưng chưa được tính (tệp do chương trình ghi, chưa mở bằng "
        "Excel). Mở và lưu lại tệp bằng Excel hoặc LibreOffice, hoặc gõ giá trị vào ô.",
        "The cell holds the formula {formula}, never computed (the file was written by a "
        "program, not saved by a spreadsheet). Open and save it in Excel or LibreOffice, or type "
        "the value.",
    ),
    "workbook.duplicate_header": (
        "Cột '{header}' có hai lần (đã có ở ô {first}). Xóa cột thừa.",
        "The column '{header}' is there twice (already in cell {first}). Delete the extra one.",
    ),
    "workbook.no_header": (
        "Ô có giá trị nhưng cột không có tiêu đề tally đọc (dòng 1 hoặc cột A, B của trang "
        "Đại hội). Chuyển giá trị vào đúng cột hoặc xóa đi.",
        "The cell holds a value in a column tally does not read (no header in row 1; on the "
        "Congress sheet, only columns A and B). Move the value to its column or delete it.",
    ),
    "workbook.no_item": (
        "Ô có giá trị nhưng cột A của dòng này không ghi mục nào. Ghi tên mục vào cột A "
        "(xem tally template) hoặc xóa giá trị.",
        "The cell holds a value but column A names no item on this row. Write the item in "
        "column A (see tally template) or delete the value.",
    ),
    "workbook.duplicate_item": (
        "Mục '{header}' có hai lần (đã có ở ô {first}). Xóa dòng thừa.",
        "The item '{header}' is there twice (already in cell {first}). Delete the extra row.",
    ),
    "workbook.list_is_own_sheet": (
        "Trang {sheet!r} là trang của mẫu, không phải danh sách bầu cử. Ghi tên trang chứa danh "
        "sách của cuộc bầu này.",
        "The sheet {sheet!r} is one of the template's own, not a list of candidates. Name the "
        "sheet holding this contest's list.",
    ),
    "workbook.old_format": (
        "Tệp .xls (Excel 97–2003) không đọc được. Mở bằng Excel hoặc LibreOffice và lưu lại "
        "dưới dạng Sổ làm việc Excel (.xlsx).",
        "An .xls file (Excel 97–2003) cannot be read. Open it in Excel or LibreOffice and save "
        "it as an Excel Workbook (.xlsx).",
    ),
    "workbook.exists": (
        "Tệp {path} đã có; tally template không ghi đè một sổ (có thể đã điền). Chọn tên khác "
        "hoặc tự xóa tệp cũ.",
        "{path} already exists; tally template does not write over a workbook (it may be "
        "filled). Choose another name, or delete the old file yourself.",
    ),
}
