"""The words of the list to print ballots from."""

TABLE: dict[str, tuple[str, str]] = {
    "ballot_list.title": ("DANH SÁCH BẦU CỬ", "LIST OF CANDIDATES"),
    "ballot_list.contest": ("Mã cuộc bầu", "Contest"),
    "ballot_list.alternates": (
        "Số đại biểu dự khuyết bầu trên cùng phiếu",
        "Alternates on the same ballot",
    ),
    "ballot_list.strike_out_how": (
        "Cử tri gạch tên những người không bầu; mỗi phiếu bầu nhiều nhất {seats} người.",
        "Voters strike the names they do not vote for; a ballot votes for at most {seats}.",
    ),
    "ballot_list.yes_no_how": (
        "Cử tri đánh dấu ô đồng ý hoặc không đồng ý cạnh mỗi tên.",
        "Voters mark agree or disagree beside each name.",
    ),
    "ballot_list.order": (
        "Danh sách xếp theo thứ tự A, B, C của tên (thứ tự in trên phiếu)",
        "The list in ballot order (A, B, C by given name), as printed on the ballot",
    ),
    "ballot_list.name": ("Họ và tên", "Name"),
}
