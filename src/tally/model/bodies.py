"""The bodies and posts a congress elects (RULES §6).

>>> Body.STANDING_COMMITTEE.is_committee, Body.SECRETARY.is_committee
(True, False)
"""

from __future__ import annotations

from enum import StrEnum


class Body(StrEnum):
    """A body (several seats) or a post (one seat) elected by secret ballot."""

    EXECUTIVE_COMMITTEE = "executive_committee"
    """Ban Chấp hành (BCH, cấp ủy) of a đảng bộ."""
    STANDING_COMMITTEE = "standing_committee"
    """Ban Thường vụ (BTV)."""
    SECRETARY = "secretary"
    """Bí thư."""
    DEPUTY_SECRETARY = "deputy_secretary"
    """Phó Bí thư."""
    INSPECTION_COMMISSION = "inspection_commission"
    """Ủy ban Kiểm tra (UBKT)."""
    INSPECTION_CHAIR = "inspection_chair"
    """Chủ nhiệm Ủy ban Kiểm tra."""
    UPPER_DELEGATES = "upper_delegates"
    """Đại biểu dự đại hội cấp trên (delegates to the upper congress)."""
    UPPER_ALTERNATES = "upper_alternates"
    """Đại biểu dự khuyết, when elected on a ballot of their own (two-ballot model)."""
    CELL_COMMITTEE = "cell_committee"
    """Chi ủy (the committee of a chi bộ with 9 or more official members)."""
    CELL_SECRETARY = "cell_secretary"
    """Bí thư chi bộ."""
    CELL_DEPUTY_SECRETARY = "cell_deputy_secretary"
    """Phó Bí thư chi bộ."""
    INSPECTION_DEPUTY_CHAIR = "inspection_deputy_chair"
    """Phó Chủ nhiệm Ủy ban Kiểm tra: elected by the commission itself, from its members
    (QĐ 296-QĐ/TW 2025 Art. 7, RULES §6)."""

    @property
    def is_collective(self) -> bool:
        """True for bodies of several members (composition targets apply), False for posts."""
        return self in {
            Body.EXECUTIVE_COMMITTEE,
            Body.STANDING_COMMITTEE,
            Body.INSPECTION_COMMISSION,
            Body.UPPER_DELEGATES,
            Body.UPPER_ALTERNATES,
            Body.CELL_COMMITTEE,
        }

    @property
    def is_committee(self) -> bool:
        """True for the committees (cấp ủy, BTV) whose lists must carry a surplus (RULES §5)."""
        return self in {
            Body.EXECUTIVE_COMMITTEE,
            Body.STANDING_COMMITTEE,
            Body.CELL_COMMITTEE,
        }


class Level(StrEnum):
    """The level of the party organisation whose congress it is (advisory size ranges, the
    organisation departments' roll-ups)."""

    GRASSROOTS = "grassroots"
    """Cơ sở: a grassroots party committee (đảng bộ cơ sở) or chi bộ cơ sở."""
    COMMUNE = "commune"
    """Cấp xã: the commune, ward and special zone since the 2025 reorganisation."""
    PROVINCE = "province"
    """Cấp tỉnh, and the party committees directly under the Central Committee."""
