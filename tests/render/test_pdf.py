"""The PDF minutes read back: A4, fonts embedded, each document from a new page with its own
page count, the text in order, the log's fingerprint at the foot of every page."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tally.cli.main import EXIT_OK, main
from tally.errors import MissingExtraError

pypdf = pytest.importorskip("pypdf")
pytest.importorskip("weasyprint")

ROOT = Path(__file__).resolve().parents[2]
DISTRICT = ROOT / "examples" / "district_congress"
A4 = (595.28, 841.89)  # points
DOCUMENTS = 5  # the minutes of bch, bch round 2, bt, dbdh; the summary


@pytest.fixture(scope="module")
def district_pdf(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[str], object]:
    folder = tmp_path_factory.mktemp("district")
    for file in DISTRICT.iterdir():
        shutil.copy(file, folder / file.name)
    out, log = folder / "m.pdf", folder / "kiem_phieu.jsonl"
    spec = str(folder / "congress.toml")
    code = main(["count", spec, "--log", str(log), "--format", "pdf", "-o", str(out)])
    assert code == EXIT_OK
    reader = pypdf.PdfReader(out)
    return [page.extract_text() for page in reader.pages], reader


def _flat(text: str) -> str:
    return " ".join(text.split())


def test_every_page_is_a4_portrait(district_pdf: tuple[list[str], object]) -> None:
    _, reader = district_pdf
    for page in reader.pages:  # type: ignore[attr-defined]
        width, height = float(page.mediabox.width), float(page.mediabox.height)
        assert (round(width, 1), round(height, 1)) == (round(A4[0], 1), round(A4[1], 1))


def test_every_font_is_embedded(district_pdf: tuple[list[str], object]) -> None:
    _, reader = district_pdf
    fonts = {}
    for page in reader.pages:  # type: ignore[attr-defined]
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None and "/DescendantFonts" in font:
                descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            descriptor = descriptor.get_object()
            embedded = any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))
            fonts[str(font["/BaseFont"])] = embedded
    assert fonts and all(fonts.values()), fonts
    assert any("Serif" in name or "Times" in name for name in fonts), fonts


def test_each_document_starts_a_page_and_counts_its_own_pages(
    district_pdf: tuple[list[str], object],
) -> None:
    pages, _ = district_pdf
    numbers = [re.search(r"Trang (\d+)/(\d+)", page) for page in pages]
    assert all(numbers), "every page says Trang x/y"
    firsts = [i for i, found in enumerate(numbers) if found and found.group(1) == "1"]
    assert len(firsts) == DOCUMENTS
    for start, end in zip(firsts, [*firsts[1:], len(pages)], strict=True):
        totals = {found.group(2) for found in numbers[start:end] if found}
        assert totals == {str(end - start)}
    minutes = [pages[i] for i in firsts[:4]]
    assert all(
        "BIÊN BẢN KIỂM PHIẾU" in page and "ĐẢNG CỘNG SẢN VIỆT NAM" in page for page in minutes
    )
    assert "TỔNG HỢP KẾT QUẢ BẦU CỬ" in pages[firsts[4]]


def test_the_text_is_there_in_order(district_pdf: tuple[list[str], object]) -> None:
    pages, _ = district_pdf
    first = _flat("\n".join(pages[:8]))
    order = [
        "ĐẠI HỘI ĐẠI BIỂU ĐẢNG BỘ HUYỆN YÊN SƠN",
        "BAN KIỂM PHIẾU",
        "Yên Sơn, ngày 15 tháng 7 năm 2020",
        "BIÊN BẢN KIỂM PHIẾU",
        "Bầu Ban Chấp hành Đảng bộ huyện khóa XXV",
        "I. THÔNG TIN CHUNG",
        "II. BAN KIỂM PHIẾU",
        "Đại hội đã biểu quyết số lượng Ban Chấp hành là 41 đồng chí",
        "Ngô Minh Lâm đại hội giới thiệu",
        "Vắng mặt lúc bầu cử: 7",
        "Số phiếu phát ra: 243",
        "Kết quả kiểm phiếu cụ thể như sau",
        "Những đồng chí sau đây trúng cử Ban Chấp hành",
        "Có 2 người cùng được 140 phiếu",
        "Biên bản đã được thông qua và báo cáo trước Đại hội vào hồi 15 giờ 45",
        "T/M BAN KIỂM PHIẾU",
        "Hứa Thị Ngọc Bích",
    ]
    at = 0
    for part in order:  # each after the one before
        found = first.find(part, at)
        assert found >= 0, f"{part!r} missing after position {at}"
        at = found + len(part)
    assert "tally" not in first.replace("tally.log", "")


def test_the_logs_fingerprint_is_at_the_foot_of_every_minutes_page(
    district_pdf: tuple[list[str], object],
) -> None:
    pages, _ = district_pdf
    minutes_pages = [p for p in pages if "TỔNG HỢP" not in p]
    assert all(
        re.search(r"Nhật ký kiểm phiếu: \d+ sự kiện · mã sự kiện cuối [0-9a-f]{8} ", p)
        for p in minutes_pages[:12]
    )


def test_without_weasyprint_the_error_names_the_extra(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import sys

    from tally.render.document import Document, Title
    from tally.render.pdf import render_pdf

    monkeypatch.setitem(sys.modules, "weasyprint", None)
    with pytest.raises(MissingExtraError) as raised:
        render_pdf([Document((Title("X"),))])
    assert "tally[documents]" in raised.value.message("en")
    out = tmp_path / "m.pdf"
    spec = DISTRICT / "congress.toml"
    assert main(["count", str(spec), "--format", "pdf", "-o", str(out), "--lang", "en"]) != 0
    assert "tally[documents]" in capsys.readouterr().err
    assert not out.exists()


def test_laid_out_in_several_processes_it_is_the_same_pdf(
    district_pdf: tuple[list[str], object], tmp_path: Path
) -> None:
    """The command line lays the documents out in forked workers (this test's process has
    WeasyPrint loaded, so its own PDF was laid out in one process): same pages, same text."""
    import subprocess
    import sys

    pages, _ = district_pdf
    out = tmp_path / "m.pdf"
    for file in DISTRICT.iterdir():
        shutil.copy(file, tmp_path / file.name)
    code = (  # laid out in workers, this process never loads WeasyPrint
        "import sys; from tally.cli.main import main; code = main(sys.argv[1:]);"
        "print('loaded' if 'weasyprint' in sys.modules else 'workers'); sys.exit(code)"
    )
    args = ["count", str(tmp_path / "congress.toml"), "--format", "pdf", "-o", str(out)]
    args += ["--log", str(tmp_path / "kiem_phieu.jsonl")]
    done = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, check=False
    )
    assert done.returncode == EXIT_OK, done.stderr
    assert done.stdout.split() == ["workers"]
    parallel = [page.extract_text() for page in pypdf.PdfReader(out).pages]
    assert parallel == pages
