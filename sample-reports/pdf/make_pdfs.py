#!/usr/bin/env python3
"""Regenerate the PDF sample reports in this folder.

Run from anywhere:  python3 sample-reports/pdf/make_pdfs.py

Needs (on the machine that makes them, never in CI or the tests):
  - LibreOffice and a CJK font: `apt-get install libreoffice-writer-nogui
    fonts-noto-cjk` (for the two PDFs exported from the Word samples);
  - reportlab and Pillow: `pip install reportlab pillow` (for the rest).

Outputs, made the way agencies make them:

- variant-nonzero-clean.pdf, variant-row-total-broken.pdf: the Word samples
  in ../docx/ exported by `soffice --headless --convert-to pdf` (embedded
  subset TrueType fonts with ToUnicode maps; merged cells; labels wrapped
  in narrow cells with the numbers centred between their lines).
- stsong-nonzero-clean.pdf: the report of ../variant-nonzero-clean.txt drawn
  by hand with reportlab's non-embedded Adobe font STSong-Light
  (UniGB-UCS2-H: codes are UCS-2, no ToUnicode map), its tables laid out
  as a grid: cells at column x positions with rules between them, the group
  label 三、本年度办理结果 written vertically (one character per line), the
  sub-group labels wrapped in a narrow column, a page break inside the
  requests table, and page footers (`- 3 -`, `第 4 页`, `— 5 —`).
- stsong-owner-password.pdf: the same report encrypted with an empty user
  password and an owner password (opens without a password).
- encrypted-user-password.pdf: a page encrypted with a user password
  (`secret`): cannot be read without it.
- scanned-no-text.pdf: a page that is one image and no text (a scan).

reportlab output is deterministic (`invariant=1`); LibreOffice's is not
byte for byte (it stamps dates and ids), but reads the same.
"""

import os
import re
import shutil
import subprocess
import sys
import tempfile

from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfgen import canvas

HERE = os.path.dirname(os.path.abspath(__file__))
SAMPLES = os.path.dirname(HERE)
sys.path.insert(0, SAMPLES)
import make_documents as md  # noqa: E402  (the text original's reader and labels)

FONT = "STSong-Light"
pdfmetrics.registerFont(UnicodeCIDFont(FONT))

PAGE_W, PAGE_H = 595.0, 842.0
LEFT, RIGHT = 50.0, 545.0
TOP, BOTTOM = 780.0, 70.0


def text_width(text, size):
    return pdfmetrics.stringWidth(text, FONT, size)


def wrap(text, width, size):
    """Break text into lines no wider than width: between any two Chinese
    characters, never inside a number or a Latin word (as Word does)."""
    pieces = re.findall(r"[A-Za-z0-9.]+|.", text)
    lines, line = [], ""
    for piece in pieces:
        if line and text_width(line + piece, size) > width:
            lines.append(line)
            line = piece.lstrip()
        else:
            line += piece
    if line:
        lines.append(line)
    return lines


class Report:
    """A canvas with a cursor, page footers in three styles and page breaks."""

    FOOTERS = ["- {} -", "第 {} 页", "— {} —"]

    def __init__(self, path, encrypt=None):
        self.c = canvas.Canvas(path, pagesize=(PAGE_W, PAGE_H), invariant=1, encrypt=encrypt)
        self.page = 1
        self.y = TOP

    def footer(self):
        text = self.FOOTERS[(self.page - 1) % len(self.FOOTERS)].format(self.page)
        self.c.setFont(FONT, 10)
        self.c.drawCentredString(PAGE_W / 2, 40, text)

    def new_page(self):
        self.footer()
        self.c.showPage()
        self.page += 1
        self.y = TOP

    def need(self, height):
        if self.y - height < BOTTOM:
            self.new_page()

    def para(self, text, size=12, indent=2, center=False, gap=6):
        lead = size * 1.5
        first = size * indent
        lines = wrap(text, RIGHT - LEFT - first, size)
        # Only the first line is indented: re-wrap the rest to full width.
        if len(lines) > 1:
            rest = wrap(text[len(lines[0]):], RIGHT - LEFT, size)
            lines = [lines[0]] + rest
        for i, line in enumerate(lines):
            self.need(lead)
            self.c.setFont(FONT, size)
            if center:
                self.c.drawCentredString(PAGE_W / 2, self.y - size, line)
            else:
                self.c.drawString(LEFT + (first if i == 0 else 0), self.y - size, line)
            self.y -= lead
        self.y -= gap

    def save(self):
        self.footer()
        self.c.save()

    # ---------------------------------------------------------------- tables

    def cell(self, x, w, top, h, text, size=9, align="center"):
        """Text in a cell, wrapped to its width, centred vertically."""
        lines = wrap(text, w - 4, size) if text else []
        lead = size * 1.25
        y = top - (h - lead * len(lines)) / 2 - size
        self.c.setFont(FONT, size)
        for line in lines:
            if align == "left":
                self.c.drawString(x + 2, y, line)
            else:
                self.c.drawCentredString(x + w / 2, y, line)
            y -= lead

    def rule_box(self, x, top, w, h):
        self.c.setLineWidth(0.5)
        self.c.rect(x, top - h, w, h)

    def grid_row(self, cols, top, h, texts, size=9, aligns=None):
        x = LEFT
        for i, (w, t) in enumerate(zip(cols, texts)):
            if w:
                self.rule_box(x, top, w, h)
                if t is not None:
                    a = aligns[i] if aligns else "center"
                    self.cell(x, w, top, h, t, size, a)
            x += w


def row_height(text, width, size=9, minimum=18.0):
    return max(minimum, len(wrap(text, width - 4, size)) * size * 1.25 + 6)


def draw_active(r, active):
    cols = [165, 110, 110, 110]
    groups = [
        ("第二十条第（一）项", ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
         ["规章", "行政规范性文件"]),
        ("第二十条第（五）项", ["信息内容", "本年处理决定数量"], ["行政许可"]),
        ("第二十条第（六）项", ["信息内容", "本年处理决定数量"], ["行政处罚", "行政强制"]),
        ("第二十条第（八）项", ["信息内容", "本年收费金额（单位：万元）"], ["行政事业性收费"]),
    ]
    for title, header, labels in groups:
        r.need(18 * (2 + len(labels)))
        r.rule_box(LEFT, r.y, sum(cols), 18)
        r.cell(LEFT, sum(cols), r.y, 18, title, 10)
        r.y -= 18
        wide = [cols[0], sum(cols[1:])] if len(header) == 2 else cols
        r.grid_row(wide, r.y, 18, header)
        r.y -= 18
        for label in labels:
            r.grid_row(wide, r.y, 18, [label] + active[label])
            r.y -= 18
    r.y -= 10


def draw_requests(r, req):
    # group label | sub-group | leaf label | 7 numbers
    cols = [22, 58, 170] + [35] * 7
    label_w = sum(cols[:3])
    # Header: the balance note, 申请人情况 / 自然人 / 法人或其他组织 / 总计.
    r.need(90)
    top = r.y
    r.rule_box(LEFT, top, label_w, 84)
    r.cell(LEFT, label_w, top, 84, md.BALANCE_NOTE, 9)
    x = LEFT + label_w
    r.rule_box(x, top, 35 * 7, 20)
    r.cell(x, 35 * 7, top, 20, "申请人情况", 9)
    r.rule_box(x, top - 20, 35, 64)
    r.cell(x, 35, top - 20, 64, "自然人", 9)
    r.rule_box(x + 35, top - 20, 35 * 5, 20)
    r.cell(x + 35, 35 * 5, top - 20, 20, "法人或其他组织", 9)
    for i, name in enumerate(md.APPLICANT_COLS):
        r.rule_box(x + 35 * (1 + i), top - 40, 35, 44)
        r.cell(x + 35 * (1 + i), 35, top - 40, 44, name, 9)
    r.rule_box(x + 35 * 6, top - 20, 35, 64)
    r.cell(x + 35 * 6, 35, top - 20, 64, "总计", 9)
    r.y = top - 84

    rows = [("", "", "一、本年新收政府信息公开申请数量"), ("", "", "二、上年结转政府信息公开申请数量")]
    for group, leaves in md.OUTCOME_GROUPS:
        if leaves:
            rows += [("三、本年度办理结果", group, leaf) for leaf in leaves]
        else:
            rows.append(("三、本年度办理结果", "", group))
    rows.append(("", "", "四、结转下年度继续办理"))
    assert len(rows) == len(req) == 25

    # Lay the rows out, breaking pages between rows; remember where each
    # group's rows landed, to draw the merged cells' labels afterwards.
    placed = []  # (page, top, height, group, sub, leaf, numbers)
    for (group, sub, leaf), nums in zip(rows, req):
        spans_two = not sub and not group
        text_w = label_w if spans_two else (cols[2] if sub else cols[1] + cols[2])
        h = row_height(leaf, text_w)
        if r.y - h < BOTTOM:
            draw_merged(r, cols, [p for p in placed if p[0] == r.page])
            r.new_page()
        placed.append((r.page, r.y, h, group, sub, leaf, nums))
        x = LEFT + (0 if spans_two else cols[0] + (cols[1] if sub else 0))
        r.rule_box(x, r.y, text_w, h)
        r.cell(x, text_w, r.y, h, leaf, 9, "left")
        nx = LEFT + label_w
        for n in nums:
            r.rule_box(nx, r.y, 35, h)
            r.cell(nx, 35, r.y, h, str(n), 10)
            nx += 35
        r.y -= h
    # Merged cells are drawn when their page is done.
    draw_merged(r, cols, [p for p in placed if p[0] == r.page])
    r.y -= 10


def draw_merged(r, cols, rows):
    """The group and sub-group cells of the rows on one page."""
    for key, col, x, w in [(3, 0, LEFT, cols[0]), (4, 1, LEFT + cols[0], cols[1])]:
        i = 0
        while i < len(rows):
            label = rows[i][key]
            j = i
            while j + 1 < len(rows) and rows[j + 1][key] == label:
                j += 1
            if label:
                top = rows[i][1]
                bottom = rows[j][1] - rows[j][2]
                r.rule_box(x, top, w, top - bottom)
                if col == 0:
                    # Vertical: one character per line, centred in the span.
                    pitch = 13
                    chars = list(label)
                    y = (top + bottom) / 2 + pitch * len(chars) / 2 - 10
                    r.c.setFont(FONT, 10)
                    for ch in chars:
                        r.c.drawCentredString(x + w / 2, y, ch)
                        y -= pitch
                else:
                    r.cell(x, w, top, top - bottom, label, 9)
            i = j + 1


def draw_appeals(r, appeals):
    w = (RIGHT - LEFT) / 15
    r.need(110)
    top = r.y
    r.grid_row([w * 5, w * 10], top, 18, ["行政复议", "行政诉讼"])
    r.rule_box(LEFT + w * 5, top - 18, w * 5, 18)
    r.cell(LEFT + w * 5, w * 5, top - 18, 18, "未经复议直接起诉", 9)
    r.rule_box(LEFT + w * 10, top - 18, w * 5, 18)
    r.cell(LEFT + w * 10, w * 5, top - 18, 18, "复议后起诉", 9)
    # The first group's leaf headers span both header rows.
    for i, name in enumerate(md.APPEAL_COLS):
        r.rule_box(LEFT + w * i, top - 18, w, 54)
        r.cell(LEFT + w * i, w, top - 18, 54, name, 9)
    for g in (1, 2):
        for i, name in enumerate(md.APPEAL_COLS):
            r.rule_box(LEFT + w * (5 * g + i), top - 36, w, 36)
            r.cell(LEFT + w * (5 * g + i), w, top - 36, 36, name, 9)
    r.y = top - 72
    r.grid_row([w] * 15, r.y, 20, [str(n) for n in appeals], 10)
    r.y -= 30


def stsong_report(path, encrypt=None):
    blocks, nums = md.read_source()
    r = Report(path, encrypt)
    for kind, value in blocks:
        if kind == "title":
            r.para(value, 16, 0, center=True, gap=12)
        elif kind == "heading":
            r.para(value, 14, 0, gap=4)
        elif kind == "subheading":
            r.para(value, 12, 2, gap=2)
        elif kind == "para":
            r.para(value, 12)
        elif value == "active":
            draw_active(r, nums["active"])
        elif value == "requests":
            draw_requests(r, nums["requests"])
        elif value == "appeals":
            draw_appeals(r, nums["appeals"])
    r.save()


def user_password(path):
    c = canvas.Canvas(path, pagesize=(PAGE_W, PAGE_H), invariant=1,
                      encrypt=StandardEncryption("secret", ownerPassword="owner"))
    c.setFont(FONT, 16)
    c.drawCentredString(PAGE_W / 2, 760, "某区某局 2023 年政府信息公开工作年度报告")
    c.save()


def scanned(path):
    from PIL import Image, ImageDraw

    # A grey page with dark bars where lines of text were: an image, no text.
    img = Image.new("L", (300, 424), 245)
    d = ImageDraw.Draw(img)
    for k in range(30):
        y = 40 + k * 12
        d.rectangle([30, y, 270 - (k % 4) * 20, y + 6], fill=60)
    c = canvas.Canvas(path, pagesize=(PAGE_W, PAGE_H), invariant=1)
    with tempfile.TemporaryDirectory() as tmp:
        png = os.path.join(tmp, "scan.png")
        img.save(png)
        c.drawImage(png, 0, 0, PAGE_W, PAGE_H)
        c.save()


def libreoffice(names):
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if not soffice:
        print("soffice not found: the LibreOffice exports are left as they are", file=sys.stderr)
        return
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            shutil.copy(os.path.join(SAMPLES, "docx", name + ".docx"), tmp)
        subprocess.run(
            [soffice, "--headless", "--convert-to", "pdf", "--outdir", tmp]
            + [os.path.join(tmp, n + ".docx") for n in names],
            check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
        )
        for name in names:
            shutil.copy(os.path.join(tmp, name + ".pdf"), os.path.join(HERE, name + ".pdf"))


def main():
    libreoffice(["variant-nonzero-clean", "variant-row-total-broken"])
    stsong_report(os.path.join(HERE, "stsong-nonzero-clean.pdf"))
    stsong_report(os.path.join(HERE, "stsong-owner-password.pdf"),
                  StandardEncryption("", ownerPassword="owner", canModify=0))
    user_password(os.path.join(HERE, "encrypted-user-password.pdf"))
    scanned(os.path.join(HERE, "scanned-no-text.pdf"))
    for name in sorted(os.listdir(HERE)):
        if name.endswith(".pdf"):
            print(f"{name}: {os.path.getsize(os.path.join(HERE, name))} bytes")


if __name__ == "__main__":
    main()
