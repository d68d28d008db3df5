#!/usr/bin/env python3
"""Regenerate the pdftotext samples: a report as agencies publish it (Word ->
PDF) read back by poppler's pdftotext in its three modes.

Run from anywhere:  python3 sample-reports/make_pdftotext.py

Needs LibreOffice (`soffice`, Debian libreoffice-writer-nogui), the Noto CJK
fonts (fonts-noto-cjk) and pdftotext (poppler-utils). The Word documents and
PDFs are made in a temporary folder and not kept: only the text outputs are
committed, so the tests need none of these programs.

Outputs:

- variant-pdftotext-{layout,raw,default}.txt here: the Word document of
  variant-nonzero-clean.txt (make_documents.py) as PDF, through
  `pdftotext -layout`, `pdftotext -raw` and plain `pdftotext`.
- ../tests/data/pdftotext/real-01-numbers-{layout,raw,default}.txt: the same
  document with the three tables of real-01-shuyang-2025.txt (other
  numbers: six-digit counts, a decimal fee, 27/10/9/15/61 appeals), so the
  readers are tested on more than one set of numbers.
"""

import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import make_documents as md  # noqa: E402

MODES = {"layout": ["-layout"], "raw": ["-raw"], "default": []}

# real-01-shuyang-2025.txt's tables (as nianbao reads them; the requests and
# appeals grids equal make_variants.REAL_GRIDS, transcribed by hand).
REAL01 = {
    "active": {
        "规章": ["0", "0", "0"],
        "行政规范性文件": ["6", "1", "32"],
        "行政许可": ["517645"],
        "行政处罚": ["693957"],
        "行政强制": ["2154"],
        "行政事业性收费": ["4068.208"],
    },
    "requests": [
        [705, 3, 0, 0, 5, 0, 713], [36, 0, 0, 0, 0, 0, 36], [290, 1, 0, 0, 3, 0, 294],
        [99, 0, 0, 0, 2, 0, 101], [0, 0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0],
        [2, 0, 0, 0, 0, 0, 2], [2, 0, 0, 0, 0, 0, 2], [13, 0, 0, 0, 0, 0, 13],
        [2, 0, 0, 0, 0, 0, 2], [4, 0, 0, 0, 0, 0, 4], [9, 0, 0, 0, 0, 0, 9],
        [111, 0, 0, 0, 0, 0, 111], [2, 0, 0, 0, 0, 0, 2], [0, 0, 0, 0, 0, 0, 0],
        [12, 0, 0, 0, 0, 0, 12], [6, 1, 0, 0, 0, 0, 7], [0, 0, 0, 0, 0, 0, 0],
        [0, 0, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 0, 0], [9, 0, 0, 0, 0, 0, 9],
        [7, 0, 0, 0, 0, 0, 7], [142, 1, 0, 0, 0, 0, 143], [710, 3, 0, 0, 5, 0, 718],
        [31, 0, 0, 0, 0, 0, 31],
    ],
    "appeals": [27, 10, 9, 15, 61, 3, 0, 0, 0, 3, 8, 0, 1, 1, 10],
}


def pdf_of(docx, tmp):
    subprocess.run(
        ["soffice", "--headless", f"-env:UserInstallation=file://{tmp}/profile",
         "--convert-to", "pdf", "--outdir", tmp, docx],
        check=True, capture_output=True)
    return docx[:-len(".docx")] + ".pdf"


def texts(pdf, out_prefix):
    for mode, flags in MODES.items():
        out = f"{out_prefix}-{mode}.txt"
        subprocess.run(["pdftotext", *flags, pdf, out], check=True)
        print("wrote", os.path.relpath(out, HERE))


def main():
    for tool in ("soffice", "pdftotext"):
        if shutil.which(tool) is None:
            sys.exit(f"{tool} not found (see this script's docstring)")
    blocks, nums = md.read_source()
    with tempfile.TemporaryDirectory() as tmp:
        clean = os.path.join(tmp, "clean.docx")
        md.write_docx(clean, md.docx_document(blocks, nums))
        texts(pdf_of(clean, tmp), os.path.join(HERE, "variant-pdftotext"))

        for row in REAL01["requests"]:
            assert sum(row[:6]) == row[6], row
        other = os.path.join(tmp, "real01.docx")
        md.write_docx(other, md.docx_document(blocks, REAL01))
        data = os.path.join(HERE, "..", "tests", "data", "pdftotext")
        os.makedirs(data, exist_ok=True)
        texts(pdf_of(other, tmp), os.path.join(data, "real-01-numbers"))


if __name__ == "__main__":
    main()
