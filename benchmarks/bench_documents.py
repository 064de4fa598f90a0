"""The printed minutes of the district example: PDF, Word and HTML beside plain text.

Run: ``make bench`` (all benchmarks) or ``.venv/bin/python benchmarks/bench_documents.py``.

* In process: the documents of ``examples/district_congress`` (four minutes and the summary,
  about 20 A4 pages) are built once, then rendered as text, HTML, Word and PDF; each figure is
  the best of several runs, and the ratio is against the text renderer measured in the same
  run. The first PDF is timed apart: it pays for loading WeasyPrint and the fonts.
* As a board runs it: ``tally count SPEC --format pdf -o FILE`` as a new process (Python start,
  reading the files, the count, the PDF written), beside ``--format text`` — the target is
  under 2 seconds.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

from measure import best_time, machine

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "examples" / "district_congress" / "congress.toml"
TALLY = Path(sys.executable).with_name("tally")
TARGET = 2.0


def _documents() -> list[object]:
    from tally.cli.count import _documents as documents
    from tally.congress.run import run_congress
    from tally.io.ballot_files import BallotFiles
    from tally.io.spec import load_congress

    congress = load_congress(SPEC)
    files = BallotFiles(congress, SPEC.parent, None, congress.contests[0].contest.id)
    record = run_congress(congress, files)
    return list(documents(record, list(record.contests), [], "vi", {}))


def _wall(command: list[str], runs: int = 5) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    from tally.render.document import render
    from tally.render.html import render_html
    from tally.render.word import render_docx

    documents: list = _documents()  # type: ignore[type-arg]
    print(f"# Printed minutes of the district example — {machine()}")
    start = time.perf_counter()
    from tally.render.pdf import render_pdf

    pages = render_pdf(documents)
    first_pdf = time.perf_counter() - start
    from pypdf import PdfReader

    with tempfile.TemporaryDirectory() as folder:
        sheet = Path(folder) / "m.pdf"
        sheet.write_bytes(pages)
        count = len(PdfReader(sheet).pages)
    text = best_time(lambda: [render(d.blocks) for d in documents])
    figures = {
        "text": text,
        "html": best_time(lambda: render_html(documents)),
        "docx": best_time(lambda: render_docx(documents)),
        "pdf": best_time(lambda: render_pdf(documents), budget=2.0, repeat=3),
    }
    print(f"{len(documents)} documents, {count} A4 pages in the PDF")
    print(f"{'renderer':<10} {'best':>10} {'× text':>10}")
    for name, seconds in figures.items():
        print(f"{name:<10} {seconds * 1e3:>8.1f} ms {seconds / text:>10.0f}")
    print(f"{'first pdf':<10} {first_pdf * 1e3:>8.1f} ms   (WeasyPrint and fonts loaded)")
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder)
        pdf = _wall([str(TALLY), "count", str(SPEC), "--format", "pdf", "-o", str(out / "m.pdf")])
        plain = _wall([str(TALLY), "count", str(SPEC), "-o", str(out / "m.txt")])
    verdict = "under" if pdf < TARGET else "OVER"
    print(
        f"tally count --format pdf: {pdf:.2f} s ({verdict} the {TARGET:.0f} s target), "
        f"{pdf / plain:.1f}× --format text ({plain:.2f} s)"
    )


if __name__ == "__main__":
    main()
