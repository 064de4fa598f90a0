"""Realistic Vietnamese names: common surnames, middle and given names with every tone and
letter mark, and ethnic-minority names."""

from __future__ import annotations

import unicodedata
from typing import Final

from hypothesis import strategies as st

SURNAMES: Final[tuple[str, ...]] = (
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
    "Hồ", "Ngô", "Dương", "Lý", "Đinh", "Trương", "Lương", "Mai", "Cao", "Lâm", "Tạ", "Hà",
    "Chu", "Quách", "Âu", "Ông", "Khổng", "Thái", "Triệu", "Kiều",
)  # fmt: skip
"""Common Vietnamese surnames (họ), the most frequent first."""

MIDDLE_NAMES: Final[tuple[str, ...]] = (
    "Văn", "Thị", "Hữu", "Đức", "Minh", "Thanh", "Ngọc", "Quốc", "Xuân", "Thu", "Kim", "Hoài",
    "Đình", "Công", "Thế", "Bá", "Trọng", "Mạnh", "Phương", "Bảo", "Gia", "Thùy", "Diệu",
    "Quang", "Tiến", "Khắc", "Ánh", "Hồng", "Mỹ", "Đăng",
)  # fmt: skip
"""Common middle names (tên đệm)."""

GIVEN_NAMES: Final[tuple[str, ...]] = (
    "An", "Anh", "Ánh", "Ảnh", "Ân", "Bảo", "Bình", "Chi", "Cúc", "Cường", "Dũng", "Dung",
    "Duy", "Dương", "Đạt", "Đào", "Điệp", "Định", "Đông", "Đức", "Đăng", "Giang", "Hà", "Hải",
    "Hạnh", "Hằng", "Hậu", "Hiền", "Hiếu", "Hoa", "Hòa", "Hồng", "Huệ", "Hùng", "Hưng",
    "Hương", "Huyền", "Khải", "Khang", "Khánh", "Khoa", "Lâm", "Lan", "Lệ", "Liên", "Linh",
    "Loan", "Lộc", "Long", "Lực", "Mai", "Mạnh", "Minh", "Mỹ", "Nam", "Nga", "Ngân", "Nghĩa",
    "Ngọc", "Nhân", "Nhung", "Ninh", "Oanh", "Phong", "Phúc", "Phương", "Quân", "Quang",
    "Quế", "Quý", "Sang", "Sơn", "Tài", "Tâm", "Tân", "Thắng", "Thanh", "Thảo", "Thịnh",
    "Thơ", "Thu", "Thủy", "Thùy", "Thúy", "Thụy", "Tiến", "Toàn", "Trang", "Trí", "Trung", "Tú",
    "Tuấn", "Tùng", "Uyên", "Vân", "Việt", "Vinh", "Vũ", "Xuân", "Yến", "My", "Hiển",
)  # fmt: skip
"""Given names (tên): every tone, and the letters ă â đ ê ô ơ ư, capitalised ones included."""

MINORITY_NAMES: Final[tuple[str, ...]] = (
    "H'Hen Niê", "Y Biêr Niê", "Ksor Phước", "Rơ Mah H'Linh", "Siu Thu", "Sùng A Páo",
    "Giàng Seo Phử", "Thào Thị Mỷ", "Lò Văn Giàng", "Y-Sơn Êban", "H'Năm Mlô", "Đinh Thị Hơ",
)  # fmt: skip
"""Full names of ethnic-minority members (Central Highlands, the North), some with ' or -."""


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


# Strategies are built once: building them inside a draw costs more than drawing from them.
_NAME_PARTS = st.tuples(
    st.integers(0, 15),  # 15: an ethnic-minority name (one in sixteen; shrinks to a Kinh name)
    st.sampled_from(SURNAMES),
    st.sampled_from((1, 1, 1, 1, 1, 2, 2, 2, 0)),  # middle names: one mostly, two often
    st.sampled_from(MIDDLE_NAMES),
    st.sampled_from(MIDDLE_NAMES),
    st.sampled_from(GIVEN_NAMES),
    st.sampled_from(MINORITY_NAMES),
)


def _name(parts: tuple[int, str, int, str, str, str, str]) -> str:
    minority, surname, middles, first, second, given, other = parts
    if minority == 15:
        return _nfc(other)
    middle = [first, second][:middles] if first != second else [first][:middles]
    return _nfc(" ".join([surname, *middle, given]))


_NAMES = _NAME_PARTS.map(_name)


def vietnamese_names() -> st.SearchStrategy[str]:
    """Realistic full names, NFC: surname, zero to two middle names, given name.

    Mostly Kinh names (``Nguyễn Thị Minh Khai``); now and then an ethnic-minority name with an
    apostrophe or hyphen (``H'Hen Niê``). Shrinks towards ``Nguyễn Văn An``.

    >>> from hypothesis import given, settings
    >>> from tally.model.names import normalize_name
    >>> @settings(max_examples=20)
    ... @given(vietnamese_names())
    ... def test_names_are_normal(name):
    ...     assert normalize_name(name) == name and len(name.split()) >= 2
    >>> test_names_are_normal()
    """
    return _NAMES
