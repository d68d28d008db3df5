#!/usr/bin/env python3
"""Regenerate the Word (.docx) and web page (.html/.htm) sample reports.

Run from anywhere:  python3 sample-reports/make_documents.py

Input: variant-nonzero-clean.txt in this directory (its narrative, headings
and the numbers of its three tables). Outputs: every file in docx/ and
html/ plus a README.md in each. Python standard library only (zipfile,
zlib); deterministic: same input, same bytes out (fixed zip timestamps).

The documents are laid out the way real ones are, not the way the text file
is:

- .docx: the national template's merged cells as Word stores them --
  `w:gridSpan` for cells spanning columns (申请人情况 over 7, 法人或其他组织
  over 5, a one-value row's value over 3), `w:vMerge` for cells spanning rows
  (the 勾稽关系 note, 自然人 and 总计 headers, 三、本年度办理结果 over its 22
  rows, (三)不予公开 over its 8 rows ...), labels split across runs as Word
  splits them (`总` / `计`, `（三）` / `不予` / `公开`), proofing marks and
  bookmarks between runs, numbers in runs of their own, headings as styled
  paragraphs, empty spacing paragraphs.
- .html: what Word's "save as web page" writes -- `mso-` styles, conditional
  comments, `<span>`s splitting labels (one split across a source line
  break), `<o:p></o:p>` and `<o:p>&nbsp;</o:p>` in blank cells, `colspan` /
  `rowspan`, the charset in a `<meta>`.

Each document must read as exactly the same three tables as its text
original; tests/documents.rs checks that cell by cell, and the findings.
"""

import os
import re
import zipfile
from html import escape as html_escape
from xml.sax.saxutils import escape as xml_escape

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = "variant-nonzero-clean.txt"

# --------------------------------------------------------------------------
# The template's labels (official wording, full-width brackets)
# --------------------------------------------------------------------------

SECTION_HEADINGS = [
    "一、总体情况",
    "二、主动公开政府信息情况",
    "三、收到和处理政府信息公开申请情况",
    "四、政府信息公开行政复议、行政诉讼情况",
    "五、存在的主要问题及改进情况",
    "六、其他需要报告的事项",
]

ACTIVE_LABELS = ["规章", "行政规范性文件", "行政许可", "行政处罚", "行政强制", "行政事业性收费"]

BALANCE_NOTE = "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）"
APPLICANT_COLS = ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]

# The outcome groups of 三、本年度办理结果: (group label, [leaf labels]);
# a group without leaves is one row whose label spans two columns.
OUTCOME_GROUPS = [
    ("（一）予以公开", []),
    ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", []),
    ("（三）不予公开", [
        "1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”",
        "4.保护第三方合法权益", "5.属于三类内部事务信息", "6.属于四类过程性信息",
        "7.属于行政执法案卷", "8.属于行政查询事项",
    ]),
    ("（四）无法提供", [
        "1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确",
    ]),
    ("（五）不予处理", [
        "1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物",
        "4.无正当理由大量反复申请", "5.要求行政机关确认或重新出具已获取信息",
    ]),
    ("（六）其他处理", [
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
        "3.其他",
    ]),
    ("（七）总计", []),
]
OUTCOME_ROWS = sum(max(1, len(leaves)) for _, leaves in OUTCOME_GROUPS)  # 22

APPEAL_COLS = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]

# --------------------------------------------------------------------------
# Reading the text original
# --------------------------------------------------------------------------


def read_source():
    """The report as blocks: ("title"|"heading"|"subheading"|"para", text)
    and ("table", "active"|"requests"|"appeals"); and the numbers."""
    with open(os.path.join(HERE, SOURCE), encoding="utf-8") as f:
        lines = f.read().split("\n")
    blocks, tables = [], []
    in_table = False
    for line in lines:
        if "\t" in line:
            if not in_table:
                tables.append([])
                blocks.append(("table", ["active", "requests", "appeals"][len(tables) - 1]))
                in_table = True
            tables[-1].append(line.split("\t"))
            continue
        in_table = False
        t = line.strip()
        if not t:
            continue
        if not any(b[0] == "title" for b in blocks):
            blocks.append(("title", t))
        elif t in SECTION_HEADINGS:
            blocks.append(("heading", t))
        elif t.startswith("（") and len(t) < 20:
            blocks.append(("subheading", t))
        else:
            blocks.append(("para", t))
    assert len(tables) == 3, f"{SOURCE}: {len(tables)} tables"
    assert [b[1] for b in blocks if b[0] == "heading"] == SECTION_HEADINGS

    active = {}
    for fields in tables[0]:
        if fields[0] in ACTIVE_LABELS:
            active[fields[0]] = [f for f in fields[1:] if f]
    assert list(active) == ACTIVE_LABELS, active
    assert [len(v) for v in active.values()] == [3, 3, 1, 1, 1, 1]

    requests = []
    for fields in tables[1]:
        nums = [f for f in fields if re.fullmatch(r"\d+", f)]
        if len(nums) == 7:
            requests.append([int(n) for n in nums])
    assert len(requests) == 25, len(requests)
    for row in requests:
        assert sum(row[:6]) == row[6], row

    appeals = None
    for fields in tables[2]:
        nums = [f for f in fields if re.fullmatch(r"\d+", f)]
        if len(nums) == 15:
            appeals = [int(n) for n in nums]
    assert appeals is not None
    return blocks, {"active": active, "requests": requests, "appeals": appeals}


# --------------------------------------------------------------------------
# Word
# --------------------------------------------------------------------------

W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
FONT = '<w:rFonts w:ascii="Times New Roman" w:eastAsia="仿宋_GB2312" w:hAnsi="Times New Roman"/>'


def split_runs(text, label):
    """Word's run splits: numbers apart from Chinese text; a label cut into
    pieces of one or two characters (`总` / `计`) as editing leaves them."""
    if not label:
        return [p for p in re.split(r"(\d+)", text) if p]
    if len(text) <= 4:
        return [text[:1], text[1:]] if len(text) > 1 else [text]
    pieces, i, sizes = [], 0, [3, 2, 4]
    while i < len(text):
        n = sizes[len(pieces) % len(sizes)]
        pieces.append(text[i:i + n])
        i += n
    return pieces


def w_run(text, lang_en=False, bold=False):
    props = FONT + ("<w:b/>" if bold else "") + ('<w:lang w:val="en-US"/>' if lang_en else "")
    space = ' xml:space="preserve"' if text != text.strip() else ""
    return f"<w:r><w:rPr>{props}</w:rPr><w:t{space}>{xml_escape(text)}</w:t></w:r>"


def w_runs(text, label=False, bold=False):
    out = []
    for i, piece in enumerate(split_runs(text, label)):
        if i == 1 and label:
            # Proofing marks and bookmarks stand between runs.
            out.append('<w:proofErr w:type="gramStart"/>')
        out.append(w_run(piece, lang_en=piece.isdigit(), bold=bold))
    return "".join(out)


def w_para(text, style=None, center=False, label=False, bold=False):
    ppr = ""
    if style or center:
        ppr = "<w:pPr>" + (f'<w:pStyle w:val="{style}"/>' if style else "") + (
            '<w:jc w:val="center"/>' if center else ""
        ) + "</w:pPr>"
    return f"<w:p>{ppr}{w_runs(text, label=label, bold=bold) if text else ''}</w:p>"


def w_cell(text, width, span=1, vmerge=None, paragraphs=None):
    """One w:tc. vmerge: None, "restart" or "continue" (written as a bare
    <w:vMerge/>, as Word does)."""
    tcpr = f'<w:tcW w:w="{width * span}" w:type="dxa"/>'
    if span > 1:
        tcpr += f'<w:gridSpan w:val="{span}"/>'
    if vmerge == "restart":
        tcpr += '<w:vMerge w:val="restart"/>'
    elif vmerge == "continue":
        tcpr += "<w:vMerge/>"
    tcpr += '<w:vAlign w:val="center"/>'
    if vmerge == "continue":
        body = '<w:p><w:pPr><w:jc w:val="center"/></w:pPr></w:p>'
    else:
        body = "".join(
            f'<w:p><w:pPr><w:jc w:val="center"/></w:pPr>{w_runs(p, label=not p.isdigit()) if p else ""}</w:p>'
            for p in (paragraphs or [text])
        )
    return f"<w:tc><w:tcPr>{tcpr}</w:tcPr>{body}</w:tc>"


def w_table(grid_widths, rows):
    """rows: lists of w:tc strings."""
    grid = "".join(f'<w:gridCol w:w="{w}"/>' for w in grid_widths)
    borders = "".join(
        f'<w:{side} w:val="single" w:sz="4" w:space="0" w:color="auto"/>'
        for side in ["top", "left", "bottom", "right", "insideH", "insideV"]
    )
    tblpr = (
        '<w:tblPr><w:tblW w:w="0" w:type="auto"/><w:jc w:val="center"/>'
        f'<w:tblBorders>{borders}</w:tblBorders><w:tblLayout w:type="fixed"/>'
        '<w:tblLook w:val="04A0"/></w:tblPr>'
    )
    trs = "".join(f"<w:tr>{''.join(cells)}</w:tr>" for cells in rows)
    return f"<w:tbl>{tblpr}<w:tblGrid>{grid}</w:tblGrid>{trs}</w:tbl>"


def w_active(active):
    cw = 1900
    rows = []

    def header(text):
        rows.append([w_cell(text, cw, span=4)])

    def cols(*names):
        if len(names) == 3:
            rows.append([w_cell("信息内容", cw)] + [w_cell(n, cw) for n in names])
        else:
            rows.append([w_cell("信息内容", cw), w_cell(names[0], cw, span=3)])

    def values(label):
        v = active[label]
        if len(v) == 3:
            rows.append([w_cell(label, cw)] + [w_cell(x, cw) for x in v])
        else:
            rows.append([w_cell(label, cw), w_cell(v[0], cw, span=3)])

    header("第二十条第（一）项")
    cols("本年制发件数", "本年废止件数", "现行有效件数")
    values("规章")
    values("行政规范性文件")
    header("第二十条第（五）项")
    cols("本年处理决定数量")
    values("行政许可")
    header("第二十条第（六）项")
    cols("本年处理决定数量")
    values("行政处罚")
    values("行政强制")
    header("第二十条第（八）项")
    cols("本年收费金额（单位：万元）")
    values("行政事业性收费")
    return w_table([cw] * 4, rows)


def w_requests(req):
    lw, vw = [700, 1300, 2400], 760
    rows = []
    # Header: the note over 3 columns and 3 rows; 申请人情况 over the 7
    # value columns; 自然人 and 总计 over two rows; 法人或其他组织 over 5.
    rows.append([
        w_cell(BALANCE_NOTE, 1467, span=3, vmerge="restart"),
        w_cell("申请人情况", vw, span=7),
    ])
    rows.append([
        w_cell("", 1467, span=3, vmerge="continue"),
        w_cell("自然人", vw, vmerge="restart"),
        w_cell("法人或其他组织", vw, span=5),
        w_cell("总计", vw, vmerge="restart"),
    ])
    rows.append(
        [w_cell("", 1467, span=3, vmerge="continue"), w_cell("", vw, vmerge="continue")]
        + [w_cell(c, vw) for c in APPLICANT_COLS]
        + [w_cell("", vw, vmerge="continue")]
    )

    def vals(row):
        return [w_cell(str(v), vw) for v in req[row]]

    rows.append([w_cell("一、本年新收政府信息公开申请数量", 1467, span=3)] + vals(0))
    rows.append([w_cell("二、上年结转政府信息公开申请数量", 1467, span=3)] + vals(1))
    r = 2
    first = True
    for group, leaves in OUTCOME_GROUPS:
        if first:
            outer = w_cell("三、本年度办理结果", lw[0], vmerge="restart")
        else:
            outer = w_cell("", lw[0], vmerge="continue")
        first = False
        if not leaves:
            rows.append([outer, w_cell(group, 1850, span=2)] + vals(r))
            r += 1
            continue
        for i, leaf in enumerate(leaves):
            if i > 0:
                outer = w_cell("", lw[0], vmerge="continue")
            mid = w_cell(group, lw[1], vmerge="restart") if i == 0 else w_cell("", lw[1], vmerge="continue")
            rows.append([outer, mid, w_cell(leaf, lw[2])] + vals(r))
            r += 1
    assert r == 24
    rows.append([w_cell("四、结转下年度继续办理", 1467, span=3)] + vals(24))
    return w_table(lw + [vw] * 7, rows)


def w_appeals(appeals):
    cw = 560
    rows = [
        [w_cell("行政复议", cw, span=5), w_cell("行政诉讼", cw, span=10)],
        [w_cell(c, cw, vmerge="restart") for c in APPEAL_COLS]
        + [w_cell("未经复议直接起诉", cw, span=5), w_cell("复议后起诉", cw, span=5)],
        [w_cell("", cw, vmerge="continue") for _ in APPEAL_COLS]
        + [w_cell(c, cw) for c in APPEAL_COLS] * 2,
        [w_cell(str(v), cw) for v in appeals],
    ]
    return w_table([cw] * 15, rows)


def docx_document(blocks, nums):
    body = []
    for kind, value in blocks:
        if kind == "title":
            body.append(w_para(value, style="Title", center=True, bold=True))
            body.append("<w:p/>")  # an empty spacing paragraph
        elif kind == "heading":
            body.append(w_para(value, style="Heading1"))
        elif kind == "subheading":
            body.append(w_para(value, style="Heading2"))
        elif kind == "para":
            body.append(w_para(value))
        elif kind == "table":
            body.append({"active": w_active, "requests": w_requests, "appeals": w_appeals}[value](
                nums[value]))
            body.append("<w:p/>")
    sect = ('<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" '
            'w:bottom="1984" w:left="1588" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr>')
    # A bookmark between paragraphs, as Word leaves them.
    body.insert(2, '<w:bookmarkStart w:id="0" w:name="_GoBack"/><w:bookmarkEnd w:id="0"/>')
    return (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n'
        f'<w:document xmlns:w="{W_NS}" '
        'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">'
        f"<w:body>{''.join(body)}{sect}</w:body></w:document>"
    )


STYLES = f"""<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<w:styles xmlns:w="{W_NS}"><w:docDefaults><w:rPrDefault><w:rPr>{FONT}<w:sz w:val="32"/><w:lang w:val="en-US" w:eastAsia="zh-CN"/></w:rPr></w:rPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style><w:style w:type="paragraph" w:styleId="Title"><w:name w:val="Title"/><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="center"/></w:pPr><w:rPr><w:sz w:val="44"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading1"><w:name w:val="heading 1"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="0"/></w:pPr><w:rPr><w:rFonts w:eastAsia="黑体"/></w:rPr></w:style><w:style w:type="paragraph" w:styleId="Heading2"><w:name w:val="heading 2"/><w:basedOn w:val="Normal"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr><w:rPr><w:rFonts w:eastAsia="楷体_GB2312"/></w:rPr></w:style></w:styles>
"""

CONTENT_TYPES = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/></Types>
"""

ROOT_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>
"""

DOC_RELS = """<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>
"""


def write_zip(path, parts):
    """A deterministic zip: fixed timestamps, deflated."""
    with zipfile.ZipFile(path, "w") as z:
        for name, data in parts:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            z.writestr(info, data.encode("utf-8") if isinstance(data, str) else data)


def write_docx(path, document_xml):
    write_zip(path, [
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", ROOT_RELS),
        ("word/_rels/document.xml.rels", DOC_RELS),
        ("word/document.xml", document_xml),
        ("word/styles.xml", STYLES),
    ])


# --------------------------------------------------------------------------
# Web page (Word's "save as web page")
# --------------------------------------------------------------------------

TD_STYLE = ("border:solid windowtext 1.0pt;border-top:none;mso-border-top-alt:solid windowtext .5pt;"
            "mso-border-alt:solid windowtext .5pt;padding:0cm 5.4pt 0cm 5.4pt")


def h_spans(text, label=True):
    """A label in several <span>s (one break inside a tag, as Word wraps its
    source lines); numbers in a lang=EN-US span."""
    if text.isdigit() or re.fullmatch(r"[\d.]+", text):
        return f"<span lang=EN-US>{text}<o:p></o:p></span>"
    pieces = split_runs(text, label)
    out = []
    for i, p in enumerate(pieces):
        attrs = " style='font-family:仿宋_GB2312;mso-hansi-font-family:\"Times New Roman\"'"
        if i == 1:
            attrs = "\nstyle='font-family:仿宋_GB2312'"
        if i > 0 and not (out_wide(pieces[i - 1][-1]) and out_wide(p[0])):
            out.append("")
        elif i == 1:
            # Word wraps its source lines between tags: a line break between
            # two Chinese characters is no space when the page is shown.
            out.append("\n")
        out.append(f"<span{attrs}>{html_escape(p, quote=False)}</span>")
    return "".join(out)


def out_wide(c):
    return ord(c) > 0x7F


def h_cell(text, colspan=1, rowspan=1, blank="o:p"):
    attrs = ""
    if colspan > 1:
        attrs += f" colspan={colspan}"
    if rowspan > 1:
        attrs += f" rowspan={rowspan}"
    if text:
        inner = h_spans(text)
    elif blank == "nbsp":
        inner = "<span lang=EN-US><o:p>&nbsp;</o:p></span>"
    else:
        inner = "<span lang=EN-US><o:p></o:p></span>"
    return (f"<td width=57{attrs} style='{TD_STYLE}'>\n"
            f"  <p class=MsoNormal align=center style='text-align:center;mso-line-height-rule:exactly'>"
            f"{inner}</p>\n  </td>")


def h_table(rows):
    trs = []
    for i, cells in enumerate(rows):
        trs.append(f" <tr style='mso-yfti-irow:{i};height:20.0pt'>\n  " + "\n  ".join(cells) + "\n </tr>")
    return ("<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0\n"
            " style='border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt;\n"
            " mso-yfti-tbllook:1184;mso-padding-alt:0cm 5.4pt 0cm 5.4pt'>\n"
            + "\n".join(trs) + "\n</table>")


def h_active(active):
    rows = []
    for title, cols, labels in [
        ("第二十条第（一）项", ["本年制发件数", "本年废止件数", "现行有效件数"], ["规章", "行政规范性文件"]),
        ("第二十条第（五）项", ["本年处理决定数量"], ["行政许可"]),
        ("第二十条第（六）项", ["本年处理决定数量"], ["行政处罚", "行政强制"]),
        ("第二十条第（八）项", ["本年收费金额（单位：万元）"], ["行政事业性收费"]),
    ]:
        rows.append([h_cell(title, colspan=4)])
        if len(cols) == 3:
            rows.append([h_cell("信息内容")] + [h_cell(c) for c in cols])
        else:
            rows.append([h_cell("信息内容"), h_cell(cols[0], colspan=3)])
        for label in labels:
            v = active[label]
            if len(v) == 3:
                rows.append([h_cell(label)] + [h_cell(x) for x in v])
            elif label == "行政许可":
                # Blank cells written out, not merged: &nbsp; and <o:p></o:p>.
                rows.append([h_cell(label), h_cell(v[0]), h_cell("", blank="nbsp"), h_cell("")])
            else:
                rows.append([h_cell(label), h_cell(v[0], colspan=3)])
    return h_table(rows)


def h_requests(req):
    rows = [
        [h_cell(BALANCE_NOTE, colspan=3, rowspan=3), h_cell("申请人情况", colspan=7)],
        [h_cell("自然人", rowspan=2), h_cell("法人或其他组织", colspan=5), h_cell("总计", rowspan=2)],
        [h_cell(c) for c in APPLICANT_COLS],
    ]

    def vals(row):
        return [h_cell(str(v)) for v in req[row]]

    rows.append([h_cell("一、本年新收政府信息公开申请数量", colspan=3)] + vals(0))
    rows.append([h_cell("二、上年结转政府信息公开申请数量", colspan=3)] + vals(1))
    r, first = 2, True
    for group, leaves in OUTCOME_GROUPS:
        lead = [h_cell("三、本年度办理结果", rowspan=OUTCOME_ROWS)] if first else []
        first = False
        if not leaves:
            rows.append(lead + [h_cell(group, colspan=2)] + vals(r))
            r += 1
            continue
        for i, leaf in enumerate(leaves):
            mid = [h_cell(group, rowspan=len(leaves))] if i == 0 else []
            rows.append((lead if i == 0 else []) + mid + [h_cell(leaf)] + vals(r))
            r += 1
    assert r == 24
    rows.append([h_cell("四、结转下年度继续办理", colspan=3)] + vals(24))
    return h_table(rows)


def h_appeals(appeals):
    rows = [
        [h_cell("行政复议", colspan=5), h_cell("行政诉讼", colspan=10)],
        [h_cell(c, rowspan=2) for c in APPEAL_COLS]
        + [h_cell("未经复议直接起诉", colspan=5), h_cell("复议后起诉", colspan=5)],
        [h_cell(c) for c in APPEAL_COLS] * 2,
        [h_cell(str(v)) for v in appeals],
    ]
    return h_table(rows)


def h_para(text, cls="MsoNormal", style="text-indent:32.0pt;mso-char-indent-count:2.0"):
    inner = "".join(
        f"<span lang=EN-US>{p}</span>" if p.isdigit()
        else f"<span style='font-family:仿宋_GB2312'>{html_escape(p, quote=False)}</span>"
        for p in split_runs(text, False)
    )
    return f"<p class={cls} style='{style}'>{inner}<span lang=EN-US><o:p></o:p></span></p>"


def html_document(blocks, nums, charset_meta):
    body = []
    title = next(v for k, v in blocks if k == "title")
    for kind, value in blocks:
        if kind == "title":
            body.append(f"<p class=MsoTitle align=center style='text-align:center'><b>"
                        f"{h_spans(value, label=False)}</b><o:p></o:p></p>")
            body.append("<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>")
        elif kind == "heading":
            body.append(h_para(value, style="text-indent:32.0pt;mso-outline-level:1"))
        elif kind == "subheading":
            body.append(h_para(value, style="text-indent:32.0pt;mso-outline-level:2"))
        elif kind == "para":
            body.append(h_para(value))
        elif kind == "table":
            body.append({"active": h_active, "requests": h_requests, "appeals": h_appeals}[value](
                nums[value]))
            body.append("<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>")
    return f"""<html xmlns:v="urn:schemas-microsoft-com:vml"
xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word"
xmlns:m="http://schemas.microsoft.com/office/2004/12/omml"
xmlns="http://www.w3.org/TR/REC-html40">

<head>
{charset_meta}
<meta name=ProgId content=Word.Document>
<meta name=Generator content="Microsoft Word 15">
<meta name=Originator content="Microsoft Word 15">
<title>{html_escape(title)}</title>
<!--[if gte mso 9]><xml>
 <w:WordDocument>
  <w:View>Print</w:View>
  <w:SpellingState>Clean</w:SpellingState>
 </w:WordDocument>
</xml><![endif]-->
<style>
<!--
 /* Style Definitions */
 p.MsoNormal, li.MsoNormal, div.MsoNormal
	{{mso-style-unhide:no;
	mso-style-qformat:yes;
	margin:0cm;
	text-align:justify;
	text-justify:inter-ideograph;
	font-size:16.0pt;
	font-family:仿宋_GB2312;}}
table.MsoNormalTable
	{{mso-style-name:普通表格;
	mso-tstyle-rowband-size:0;}}
-->
</style>
</head>

<body lang=ZH-CN style='tab-interval:21.0pt;text-justify-trim:punctuation'>

<div class=WordSection1 style='layout-grid:15.6pt'>

{chr(10).join(body)}

</div>

</body>

</html>
"""


# --------------------------------------------------------------------------
# Output
# --------------------------------------------------------------------------

DOCX_README = """# docx/ — Word sample reports

Generated by `../make_documents.py` from `../variant-nonzero-clean.txt`; do
not edit by hand. The tables use Word's merged cells (`w:gridSpan`,
`w:vMerge`) the way the national template does, labels split across runs.

| file | what it is | reading it gives |
|---|---|---|
| variant-nonzero-clean.docx | the text original as a Word document | the tables of variant-nonzero-clean.txt; no findings |
| variant-row-total-broken.docx | the same, row 一 总计 25 → 26 | the findings of variant-row-total-broken.txt: `requests.balance` (null,6), `requests.row-total` (0,6) |
| broken-not-a-zip.docx | text bytes named .docx | error, exit 2: not a Word document (not a zip) |
| broken-no-document.docx | a zip without word/document.xml | error, exit 2: a zip archive without word/document.xml |
| broken-truncated.docx | word/document.xml cut off inside the requests table | error, exit 2: word/document.xml is malformed / truncated |
"""

HTML_README = """# html/ — web page sample reports

Generated by `../make_documents.py` from `../variant-nonzero-clean.txt`; do
not edit by hand. Pages in the style of Word's "save as web page": `mso-`
styles, `<span>`s splitting labels, `&nbsp;` and `<o:p></o:p>` in blank
cells, `colspan` / `rowspan`.

| file | what it is | reading it gives |
|---|---|---|
| variant-nonzero-clean.html | the text original as a web page, UTF-8 (`http-equiv` Content-Type) | the tables of variant-nonzero-clean.txt; no findings; encoding `html (UTF-8)` |
| variant-nonzero-clean-gbk.htm | the same page encoded GBK, `<meta charset="gbk">` | the same; encoding `html (GBK)` |
| broken-no-tables.html | a page with the narrative only | error, exit 2: no tables were found |
"""


def write(path, data):
    with open(path, "wb") as f:
        f.write(data.encode("utf-8") if isinstance(data, str) else data)


def main():
    blocks, nums = read_source()
    docx_dir = os.path.join(HERE, "docx")
    html_dir = os.path.join(HERE, "html")
    os.makedirs(docx_dir, exist_ok=True)
    os.makedirs(html_dir, exist_ok=True)

    clean_xml = docx_document(blocks, nums)
    write_docx(os.path.join(docx_dir, "variant-nonzero-clean.docx"), clean_xml)

    broken = {k: v for k, v in nums.items()}
    broken["requests"] = [list(r) for r in nums["requests"]]
    assert broken["requests"][0][6] == 25
    broken["requests"][0][6] = 26
    write_docx(os.path.join(docx_dir, "variant-row-total-broken.docx"), docx_document(blocks, broken))

    write(os.path.join(docx_dir, "broken-not-a-zip.docx"),
          "一、总体情况\n这不是 Word 文档，只是改了扩展名的文本。\n")
    write_zip(os.path.join(docx_dir, "broken-no-document.docx"), [
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", ROOT_RELS),
        ("word/styles.xml", STYLES),
    ])
    cut = clean_xml.index("（三）")  # inside the requests table, mid-text
    assert 0 < cut < len(clean_xml) - 1000
    write_zip(os.path.join(docx_dir, "broken-truncated.docx"), [
        ("[Content_Types].xml", CONTENT_TYPES),
        ("_rels/.rels", ROOT_RELS),
        ("word/_rels/document.xml.rels", DOC_RELS),
        ("word/document.xml", clean_xml[:cut]),
        ("word/styles.xml", STYLES),
    ])
    write(os.path.join(docx_dir, "README.md"), DOCX_README)

    utf8_page = html_document(
        blocks, nums, '<meta http-equiv=Content-Type content="text/html; charset=utf-8">')
    write(os.path.join(html_dir, "variant-nonzero-clean.html"), utf8_page)
    gbk_page = html_document(blocks, nums, '<meta charset="gbk">')
    with open(os.path.join(html_dir, "variant-nonzero-clean-gbk.htm"), "wb") as f:
        f.write(gbk_page.encode("gbk"))
    no_tables = html_document(
        [b for b in blocks if b[0] != "table"], nums,
        '<meta http-equiv=Content-Type content="text/html; charset=utf-8">')
    assert "<table" not in no_tables
    write(os.path.join(html_dir, "broken-no-tables.html"), no_tables)
    write(os.path.join(html_dir, "README.md"), HTML_README)


if __name__ == "__main__":
    main()
