//! Web pages (.html, .htm), as published or as Word's "save as web page"
//! makes them: the charset from a BOM or `<meta>`, an HTML5 parse, then
//! block elements become lines and each data table (one holding no other
//! table) rows of tab-separated cells on its grid (`colspan`, `rowspan`).
//! A table that holds tables is page layout: its cells are read as blocks.

use encoding_rs::Encoding;
use scraper::{ElementRef, Html, Node};

use super::{
    Builder, CellBudget, Document, DocumentError, MAX_DOCUMENT_CELLS, join_parts, parse_span,
};

/// How far into the file a `<meta charset>` is looked for.
const PRESCAN: usize = 8192;

/// Longest run of rows a `rowspan` covers (HTML's own limit).
const MAX_ROWSPAN: usize = 65534;

/// Marks a block boundary or `<br>` in collected text.
const BREAK: char = '\u{2028}';

pub(super) fn convert(bytes: &[u8]) -> Result<Document, DocumentError> {
    let (text, encoding) = decode(bytes);
    // Refused before the HTML parser builds a tree of it.
    let scan = scan(&text);
    if scan.too_deep {
        return Err(DocumentError::HtmlTooDeep(MAX_DEPTH));
    }
    if scan.cells > MAX_DOCUMENT_CELLS {
        return Err(DocumentError::DocumentTooLarge);
    }
    if scan.elements > MAX_ELEMENTS {
        return Err(DocumentError::TooManyElements(MAX_ELEMENTS));
    }
    let page = Html::parse_document(&text);
    let mut b = Builder::default();
    walk(&page, &mut b)?;
    if b.tables == 0 {
        return Err(DocumentError::NoTables);
    }
    b.finish(encoding)
}

/// Decode the page: a BOM; else UTF-8 when the bytes are valid UTF-8
/// (whatever the page declares: a GBK page is practically never valid
/// UTF-8); else the `<meta>` charset (GBK and GB2312 read as GB18030) unless
/// it leaves more undecodable characters than chardetng's guess does (a
/// page whose declaration is wrong); else the guess.
fn decode(bytes: &[u8]) -> (String, &'static str) {
    if let Some((enc, bom)) = Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom..]);
        return (text.into_owned(), name(enc));
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return (text.to_string(), name(encoding_rs::UTF_8));
    }
    // A page cannot declare itself UTF-16 in its own ASCII bytes, and it is
    // not UTF-8 (checked above): such a declaration says nothing.
    let declared = meta_charset(&bytes[..bytes.len().min(PRESCAN)])
        .filter(|enc| *enc != encoding_rs::UTF_16LE && *enc != encoding_rs::UTF_16BE);
    let read = |enc: &'static Encoding| {
        let decode_as = if enc == encoding_rs::GBK {
            encoding_rs::GB18030
        } else {
            enc
        };
        let (text, had_errors) = decode_as.decode_without_bom_handling(bytes);
        let bad = if had_errors {
            text.matches('\u{fffd}').count()
        } else {
            0
        };
        (text.into_owned(), bad)
    };
    let guess = || {
        let mut det = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
        det.feed(bytes, true);
        det.guess(None, chardetng::Utf8Detection::Allow)
    };
    match declared {
        Some(enc) => {
            let (text, bad) = read(enc);
            if bad == 0 {
                return (text, name(enc));
            }
            let other = guess();
            if other != enc {
                let (other_text, other_bad) = read(other);
                if other_bad < bad {
                    return (other_text, name(other));
                }
            }
            (text, name(enc))
        }
        None => {
            let enc = guess();
            (read(enc).0, name(enc))
        }
    }
}

fn name(enc: &'static Encoding) -> &'static str {
    match enc.name() {
        "UTF-8" => "html (UTF-8)",
        "GBK" => "html (GBK)",
        "gb18030" => "html (GB18030)",
        "Big5" => "html (Big5)",
        "UTF-16LE" => "html (UTF-16LE)",
        "UTF-16BE" => "html (UTF-16BE)",
        "windows-1252" => "html (windows-1252)",
        "Shift_JIS" => "html (Shift_JIS)",
        "EUC-JP" => "html (EUC-JP)",
        "EUC-KR" => "html (EUC-KR)",
        _ => "html",
    }
}

/// The encoding a `<meta charset=…>` or `<meta http-equiv="Content-Type"
/// content="text/html; charset=…">` in the page's first bytes names.
fn meta_charset(head: &[u8]) -> Option<&'static Encoding> {
    let lower = head.to_ascii_lowercase();
    let mut from = 0;
    while let Some(p) = find(&lower[from..], b"<meta") {
        let start = from + p + 5;
        let end = find(&lower[start..], b">").map_or(lower.len(), |e| start + e);
        let tag = &lower[start..end];
        if let Some(c) = find(tag, b"charset") {
            let rest = tag[c + 7..].trim_ascii_start();
            if let Some(rest) = rest.strip_prefix(b"=") {
                let rest = rest.trim_ascii_start();
                let rest = rest
                    .strip_prefix(b"\"")
                    .or_else(|| rest.strip_prefix(b"'"))
                    .unwrap_or(rest);
                let label: Vec<u8> = rest
                    .iter()
                    .copied()
                    .take_while(|b| {
                        !matches!(b, b'"' | b'\'' | b';' | b'/' | b'>') && !b.is_ascii_whitespace()
                    })
                    .collect();
                if let Some(enc) = Encoding::for_label(&label) {
                    return Some(enc);
                }
            }
        }
        from = end;
    }
    None
}

/// Deepest element nesting accepted. Real pages stay under a few hundred;
/// the HTML parser's time grows with the square of the depth.
const MAX_DEPTH: usize = 10_000;

/// Most elements a page may hold (a real report saved by Word has a few
/// tens of thousands): the parsed tree costs a few hundred bytes each.
const MAX_ELEMENTS: usize = 500_000;

/// What a quick tag scan found.
#[derive(Debug, Default)]
struct Scan {
    /// More than [`MAX_DEPTH`] elements open at once.
    too_deep: bool,
    /// `<td>` and `<th>` start tags.
    cells: usize,
    /// Start tags.
    elements: usize,
}

#[cfg(test)]
fn too_deep(text: &str) -> bool {
    scan(text).too_deep
}

/// A quick tag scan: does the page open more than [`MAX_DEPTH`] elements
/// without closing them? Void elements and those whose end tag may be left
/// out (`p`, `li`, `td`, `tr`…) do not count; an end tag closes the nearest
/// open element of its name among the last few. Counts cells and elements
/// too. Stops at the first limit passed.
fn scan(text: &str) -> Scan {
    let mut out = Scan::default();
    let b = text.as_bytes();
    let mut open: Vec<&[u8]> = Vec::new();
    let mut i = 0;
    while let Some(p) = memchr_lt(&b[i..]) {
        i += p + 1;
        let Some(&c) = b.get(i) else { break };
        if c == b'!' || c == b'?' {
            let close: &[u8] = if b[i..].starts_with(b"!--") {
                b"-->"
            } else {
                b">"
            };
            i = find(&b[i..], close).map_or(b.len(), |e| i + e + close.len());
            continue;
        }
        let end_tag = c == b'/';
        let start = if end_tag { i + 1 } else { i };
        let len = b[start..]
            .iter()
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, b':' | b'-' | b'_'))
            .count();
        if len == 0 || !b[start].is_ascii_alphabetic() {
            continue;
        }
        let name = &b[start..start + len];
        let tag_end = find(&b[start..], b">").map_or(b.len(), |e| start + e);
        let self_closing = tag_end > 0 && b.get(tag_end - 1) == Some(&b'/');
        i = tag_end;
        if end_tag {
            let low = open.len().saturating_sub(64);
            if let Some(k) = open[low..]
                .iter()
                .rposition(|n| n.eq_ignore_ascii_case(name))
            {
                open.truncate(low + k);
            }
            continue;
        }
        let lower = name.to_ascii_lowercase();
        out.elements += 1;
        if matches!(lower.as_slice(), b"td" | b"th") {
            out.cells += 1;
        }
        if out.cells > MAX_DOCUMENT_CELLS || out.elements > MAX_ELEMENTS {
            return out;
        }
        if matches!(
            lower.as_slice(),
            b"script" | b"style" | b"textarea" | b"title" | b"xmp"
        ) {
            // Raw text up to its end tag.
            let mut closing = b"</".to_vec();
            closing.extend_from_slice(&lower);
            i = b[i..]
                .windows(closing.len())
                .position(|w| w.eq_ignore_ascii_case(&closing))
                .map_or(b.len(), |e| i + e);
            continue;
        }
        let unclosed = matches!(
            lower.as_slice(),
            b"area"
                | b"base"
                | b"br"
                | b"col"
                | b"embed"
                | b"hr"
                | b"img"
                | b"input"
                | b"link"
                | b"meta"
                | b"source"
                | b"track"
                | b"wbr"
                | b"param"
                | b"p"
                | b"li"
                | b"dt"
                | b"dd"
                | b"td"
                | b"th"
                | b"tr"
                | b"thead"
                | b"tbody"
                | b"tfoot"
                | b"option"
                | b"optgroup"
                | b"colgroup"
                | b"caption"
                | b"rb"
                | b"rt"
                | b"rp"
                | b"rtc"
                | b"html"
                | b"head"
                | b"body"
        );
        if !self_closing && !unclosed {
            open.push(name);
            if open.len() > MAX_DEPTH {
                out.too_deep = true;
                return out;
            }
        }
    }
    out
}

fn memchr_lt(b: &[u8]) -> Option<usize> {
    b.iter().position(|&c| c == b'<')
}

fn find(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

/// Elements whose content is not page text.
fn skipped(name: &str) -> bool {
    matches!(
        name,
        "head"
            | "script"
            | "style"
            | "noscript"
            | "template"
            | "title"
            | "select"
            | "iframe"
            | "object"
            | "svg"
            | "math"
            | "xml"
    )
}

/// Elements that start and end a line.
fn block(name: &str) -> bool {
    matches!(
        name,
        "p" | "div"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "li"
            | "ul"
            | "ol"
            | "dl"
            | "dt"
            | "dd"
            | "table"
            | "thead"
            | "tbody"
            | "tfoot"
            | "tr"
            | "td"
            | "th"
            | "caption"
            | "section"
            | "article"
            | "header"
            | "footer"
            | "main"
            | "nav"
            | "aside"
            | "blockquote"
            | "pre"
            | "hr"
            | "center"
            | "form"
            | "figure"
            | "figcaption"
            | "address"
            | "body"
            | "html"
            | "fieldset"
            | "legend"
    )
}

/// A run of page text (blocks separated by [`BREAK`]) or a data table, in
/// document order.
enum Piece<'a> {
    Text(String),
    Table(ElementRef<'a>),
}

/// A table that holds no other table holds data; one that does is layout.
fn is_data_table(table: ElementRef) -> bool {
    !table
        .descendent_elements()
        .skip(1)
        .any(|e| e.value().name() == "table")
}

/// Walk `root`'s subtree in document order without recursion (a page may
/// nest thousands of elements). With `tables`, data tables are returned as
/// pieces of their own; without, their text is collected like any other.
fn pieces(root: ElementRef<'_>, tables: bool) -> Vec<Piece<'_>> {
    let mut out = Vec::new();
    let mut raw = String::new();
    let mut stack = vec![(*root, false)];
    while let Some((node, closing)) = stack.pop() {
        match node.value() {
            Node::Text(t) if !closing => raw.push_str(t),
            Node::Element(e) => {
                let name = e.name();
                if closing {
                    if block(name) {
                        raw.push(BREAK);
                    }
                    continue;
                }
                if skipped(name) {
                    continue;
                }
                if name == "br" {
                    raw.push(BREAK);
                    continue;
                }
                if tables
                    && name == "table"
                    && let Some(el) = ElementRef::wrap(node)
                    && is_data_table(el)
                {
                    out.push(Piece::Text(std::mem::take(&mut raw)));
                    out.push(Piece::Table(el));
                    continue;
                }
                if block(name) {
                    raw.push(BREAK);
                }
                stack.push((node, true));
                stack.extend(node.children().rev().map(|c| (c, false)));
            }
            Node::Document | Node::Fragment if !closing => {
                stack.extend(node.children().rev().map(|c| (c, false)));
            }
            _ => {}
        }
    }
    out.push(Piece::Text(raw));
    out
}

/// Collapse HTML whitespace: a run becomes one space, or nothing when it
/// holds a line break between two Chinese characters (a source line wrapped
/// inside a sentence); `&nbsp;` is a space. Trimmed.
fn clean(s: &str) -> String {
    let ws = |c: char| matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0C');
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        if ws(c) {
            let mut newline = c == '\n' || c == '\r';
            while let Some(&n) = chars.peek() {
                if !ws(n) {
                    break;
                }
                newline |= n == '\n' || n == '\r';
                chars.next();
            }
            let wide = |c: Option<char>| c.is_some_and(super::is_wide);
            if !(newline && wide(out.chars().last()) && wide(chars.peek().copied())) {
                out.push(' ');
            }
        } else if c == '\u{a0}' {
            out.push(' ');
        } else {
            out.push(c);
        }
    }
    out.trim().to_string()
}

/// The lines of a run of page text: its blocks, cleaned, empty ones left out.
fn lines(raw: &str) -> impl Iterator<Item = String> + '_ {
    raw.split(BREAK).map(clean).filter(|l| !l.is_empty())
}

/// A cell's text: its blocks joined (directly between Chinese characters).
fn cell_text(cell: ElementRef) -> String {
    let parts: Vec<String> = pieces(cell, false)
        .into_iter()
        .flat_map(|p| match p {
            Piece::Text(t) => lines(&t).collect(),
            Piece::Table(_) => Vec::new(),
        })
        .collect();
    join_parts(&parts)
}

/// A data table's rows on its grid: a `colspan` cell's text in its first
/// column and empty cells for the rest, an empty cell in each row a
/// `rowspan` cell covers below its own.
fn table_rows(
    table: ElementRef,
    budget: &mut CellBudget,
) -> Result<Vec<Vec<String>>, DocumentError> {
    let mut rows = Vec::new();
    // Rows still covered, per grid column.
    let mut pending: Vec<usize> = Vec::new();
    // Cells of this table on its grid so far, spans included: taken from
    // the budget before they are made.
    let mut cells = 0usize;
    for tr in table
        .descendent_elements()
        .filter(|e| e.value().name() == "tr")
    {
        let mut row: Vec<String> = Vec::new();
        let mut col = 0;
        for td in tr
            .child_elements()
            .filter(|e| matches!(e.value().name(), "td" | "th"))
        {
            while pending.get(col).is_some_and(|&p| p > 0) {
                pending[col] -= 1;
                cells = budget.take(cells, 1)?;
                row.push(String::new());
                col += 1;
            }
            let colspan = td.attr("colspan").map_or(1, parse_span);
            let rowspan = match td.attr("rowspan").map(str::trim) {
                // `rowspan="0"`: to the end of the table.
                Some(v) if v.starts_with('0') && v.trim_start_matches('0').is_empty() => {
                    MAX_ROWSPAN
                }
                Some(v) => parse_span(v).min(MAX_ROWSPAN),
                None => 1,
            };
            cells = budget.take(cells, colspan)?;
            row.push(cell_text(td));
            row.extend(std::iter::repeat_n(String::new(), colspan - 1));
            if pending.len() < col + colspan {
                pending.resize(col + colspan, 0);
            }
            for p in &mut pending[col..col + colspan] {
                *p = rowspan - 1;
            }
            col += colspan;
        }
        // Covered columns after the row's last cell.
        if let Some(last) = pending.iter().rposition(|&p| p > 0) {
            while col <= last {
                if pending[col] > 0 {
                    pending[col] -= 1;
                }
                cells = budget.take(cells, 1)?;
                row.push(String::new());
                col += 1;
            }
        }
        rows.push(row);
    }
    Ok(rows)
}

fn walk(page: &Html, b: &mut Builder) -> Result<(), DocumentError> {
    let mut paragraph = 0;
    let mut budget = CellBudget::default();
    let mut para = |b: &mut Builder, raw: &str| -> Result<(), DocumentError> {
        for line in lines(raw) {
            paragraph += 1;
            b.paragraph(&line, paragraph)?;
        }
        Ok(())
    };
    for piece in pieces(page.root_element(), true) {
        match piece {
            Piece::Text(raw) => para(b, &raw)?,
            Piece::Table(table) => {
                if let Some(caption) = table
                    .child_elements()
                    .find(|e| e.value().name() == "caption")
                {
                    para(b, &cell_text(caption))?;
                }
                let rows = table_rows(table, &mut budget)?;
                if !rows.is_empty() {
                    b.table(&rows)?;
                }
            }
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn conv(html: &str) -> Result<Document, DocumentError> {
        convert(html.as_bytes())
    }

    #[test]
    fn charset_from_meta() {
        assert_eq!(
            meta_charset(b"<html><head><META charset=\"GBK\">"),
            Some(encoding_rs::GBK)
        );
        assert_eq!(
            meta_charset(b"<meta http-equiv=Content-Type content=\"text/html; charset=gb2312\">"),
            Some(encoding_rs::GBK)
        );
        assert_eq!(
            meta_charset(b"<meta name=x><meta charset='utf-8'/>"),
            Some(encoding_rs::UTF_8)
        );
        assert_eq!(meta_charset(b"<meta name=charset>"), None);
        assert_eq!(meta_charset(b"<p>charset=gbk</p>"), None);
        let page = "<meta charset=\"gbk\"><p>一、总体情况</p><table><tr><td>规章</td></tr></table>";
        let (bytes, _, _) = encoding_rs::GBK.encode(page);
        let d = convert(&bytes).unwrap();
        assert_eq!(d.encoding, "html (GBK)");
        assert!(d.text.starts_with("一、总体情况\n规章\n"), "{}", d.text);
    }

    #[test]
    fn spans_nbsp_and_merged_cells() {
        let d = conv(concat!(
            "<html><head><title>t</title><style>p{}</style></head><body>",
            "<p class=MsoNormal><span>一、总</span><span>体情况</span><o:p></o:p></p>",
            "<p>&nbsp;</p><p>共受理政府信\n息公开申请 28 件<br>第二行</p>",
            "<table><tr><td rowspan=2>三、本年度办理结果</td><td colspan=3>申请人情况</td></tr>",
            "<tr><td><span>总</span>\n<span>计</span></td><td>&nbsp;</td><td><o:p></o:p></td></tr>",
            "<tr><td>x</td><td rowspan=0>y</td></tr><tr><td>z</td></tr></table>",
            "<script>var a = '<table>';</script><div>五、存在的主要问题</div></body></html>"
        ))
        .unwrap();
        assert_eq!(
            d.text,
            "一、总体情况\n共受理政府信息公开申请 28 件\n第二行\n三、本年度办理结果\t申请人情况\t\t\n\t总计\t\t\nx\ty\nz\t\n\n五、存在的主要问题\n"
        );
        assert_eq!(
            d.origins.iter().map(|o| o.machine()).collect::<Vec<_>>(),
            [
                "paragraph 1",
                "paragraph 2",
                "paragraph 3",
                "table 1 row 1",
                "table 1 row 2",
                "table 1 row 3",
                "table 1 row 4",
                "after table 1",
                "paragraph 4"
            ]
        );
        assert_eq!(d.encoding, "html (UTF-8)");
    }

    #[test]
    fn layout_tables_are_blocks() {
        let d = conv(concat!(
            "<table><tr><td><p>标题</p><table><tr><td>规章</td><td>1</td></tr></table>",
            "</td></tr></table>"
        ))
        .unwrap();
        assert_eq!(d.text, "标题\n规章\t1\n\n");
    }

    #[test]
    fn no_tables_is_an_error() {
        let e = conv("<html><body><p>一、总体情况</p></body></html>").unwrap_err();
        assert!(matches!(e, DocumentError::NoTables), "{e}");
        let e = conv("garbage \u{0} bytes").unwrap_err();
        assert!(matches!(e, DocumentError::NoTables), "{e}");
    }

    #[test]
    fn deep_nesting_is_walked_or_refused() {
        let page = |n: usize, tag: &str| {
            let mut p = format!("<{tag}>").repeat(n);
            p.push_str("<table><tr><td>1</td></tr></table>");
            p
        };
        let d = conv(&page(2_000, "div")).unwrap();
        assert_eq!(d.text, "1\n\n");
        let e = conv(&page(MAX_DEPTH + 1, "span")).unwrap_err();
        assert!(matches!(e, DocumentError::HtmlTooDeep(_)), "{e}");
        // Elements whose end tags may be left out do not count, nor closed ones.
        assert!(!too_deep(&"<p>x".repeat(MAX_DEPTH * 2)));
        assert!(!too_deep(
            &"<div><br/><!-- <a> --></DIV>".repeat(MAX_DEPTH * 2)
        ));
        assert!(!too_deep(&format!(
            "<script>{}</script>",
            "<div>".repeat(MAX_DEPTH * 2)
        )));
    }
}
