//! Page text from glyph positions, the way `pdftotext -layout` lays it out.
//!
//! 1. Whitespace glyphs are dropped: gaps say where spaces are.
//! 2. Vertical text (three or more lone CJK glyphs stacked at one x: a
//!    table's group label such as 三、本年度办理结果 in a narrow merged cell)
//!    is taken out, so that it never lands inside a table row.
//! 3. A glyph joins a line when its baseline is within [`LINE_JOIN`] × its
//!    font size of the line's (numbers and labels often differ in size).
//! 4. Within a line, glyphs in x order: no space for a gap under
//!    [`NO_SPACE`] em, one space under [`ONE_SPACE`] em, and for anything
//!    wider a column break: spaces up to the glyph's column on a grid of
//!    half-ems (at least [`MIN_BREAK`]), as `pdftotext -layout` pads. Not a
//!    tab: in a tight table a number can stand less than an em after a
//!    label that fills its cell, and only space-separated rows let the
//!    parser split it off (`一、本年新收…申请数量 20` → label, 20).
//! 5. Page footers at the bottom of the page (`-4-`, `— 4 —`, `第 4 页`,
//!    `第 4 页 共 9 页`, a lone page number) are dropped; pages follow one
//!    another with nothing between, so a table continues across pages.

/// A character placed on the page (PDF user space, y grows upwards).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Glyph {
    /// Left end of the glyph's advance.
    pub x: f32,
    /// Baseline.
    pub y: f32,
    /// Font size in page units (the text's height).
    pub size: f32,
    /// Advance width in page units.
    pub width: f32,
    pub ch: char,
}

/// A glyph joins a line when its baseline is within this many of its font
/// sizes of the line's baseline.
pub const LINE_JOIN: f32 = 0.3;

/// A gap narrower than this (in ems of the smaller neighbour) is no space:
/// kerning, justification, letter spacing.
pub const NO_SPACE: f32 = 0.15;

/// A gap narrower than this (in ems) is one space (a word space); anything
/// wider is a column break.
pub const ONE_SPACE: f32 = 1.0;

/// Fewest spaces written for a column break (one space is a word space).
pub const MIN_BREAK: usize = 2;

/// Most spaces written for one column break (a hostile x far off the page
/// must not make a line of a million spaces).
const MAX_PAD: usize = 200;

/// Vertical text: glyphs stacked at one x within this many ems of each other…
const STACK_X: f32 = 0.25;

/// …with baselines at most this many ems apart from one to the next…
const STACK_PITCH: f32 = 2.0;

/// …at least this many of them…
const STACK_MIN: usize = 3;

/// …each with no other glyph on its baseline within this many ems either
/// side ("lone").
const LONE_GAP: f32 = 0.5;

/// A line of numbers takes the label fragment on the line just above it
/// when that line is at most this many ems higher (a wrapped label in a
/// table cell, the numbers centred between its lines).
const LABEL_REACH: f32 = 1.8;

/// Neighbours looked at, each way, to tell whether a glyph is lone: a row of
/// a table has a few dozen glyphs; past this many the glyph is not lone.
const LONE_SCAN: usize = 128;

/// Columns looked back at when stacking a lone glyph.
const STACK_SCAN: usize = 16;

/// A footer stands in the bottom part of the page: this fraction of its height.
const FOOTER_ZONE: f32 = 0.15;

/// One line of page text and the baseline it stands on.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub text: String,
    /// The line has a column break: cells of a table, not prose.
    pub cells: bool,
    /// Baseline.
    pub y: f32,
    /// Left end of the first glyph, right end of the last.
    pub left: f32,
    pub right: f32,
    /// Font size of the first glyph.
    pub size: f32,
}

/// The lines of one page, top to bottom. `bottom` and `height` are the
/// page box's lower edge and height (footers are looked for near the bottom).
pub fn page_lines(glyphs: &[Glyph], bottom: f32, height: f32) -> Vec<Line> {
    let mut glyphs: Vec<Glyph> = glyphs
        .iter()
        .filter(|g| {
            !g.ch.is_whitespace()
                && !g.ch.is_control()
                && g.ch != '\u{feff}'
                && g.x.is_finite()
                && g.y.is_finite()
                && g.size.is_finite()
                && g.size > 0.0
                && g.width.is_finite()
        })
        .copied()
        .collect();
    let vertical = vertical_glyphs(&glyphs);
    if !vertical.is_empty() {
        let mut keep = vertical.iter();
        let mut next = keep.next();
        let mut i = 0;
        glyphs.retain(|_| {
            let drop = next == Some(&i);
            if drop {
                next = keep.next();
            }
            i += 1;
            !drop
        });
    }
    // The column grid: half-ems of the page's middle font size, from its
    // leftmost glyph.
    let mut sizes: Vec<f32> = glyphs.iter().map(|g| g.size).collect();
    sizes.sort_by(f32::total_cmp);
    let grid = Grid {
        origin: glyphs.iter().map(|g| g.x).fold(f32::INFINITY, f32::min),
        unit: sizes.get(sizes.len() / 2).map_or(5.0, |s| s / 2.0),
    };
    let mut lines: Vec<Line> = attach_wrapped_labels(group_lines(glyphs), &grid)
        .into_iter()
        .map(|(y, g)| {
            let (text, cells) = line_text(&g, &grid);
            (y, g, text, cells)
        })
        .map(|(y, g, text, cells)| Line {
            text,
            cells,
            y,
            left: g.iter().map(|g| g.x).fold(f32::INFINITY, f32::min),
            right: g
                .iter()
                .map(|g| g.x + g.width)
                .fold(f32::NEG_INFINITY, f32::max),
            size: g.first().map_or(0.0, |g| g.size),
        })
        .collect();
    // Footers: the last lines of the page, near its bottom.
    while let Some(last) = lines.last() {
        if last.y < bottom + FOOTER_ZONE * height && is_footer(&last.text) {
            lines.pop();
        } else {
            break;
        }
    }
    lines
}

/// A prose line that ends within this many ems of the text's right edge
/// is full: the paragraph goes on on the next line (Chinese line breaking
/// rules leave a line up to two characters short).
const FULL_LINE: f32 = 3.0;

/// A continuation line starts within this many ems of the text's left
/// edge (a new paragraph is indented, usually by two).
const MARGIN_START: f32 = 0.8;

/// An edge is trusted when at least this many prose lines share it.
const EDGE_SUPPORT: usize = 3;

/// The left and right edges of a page's running text: where most lines of
/// prose (lines without a column break) start and end, to the point. A
/// table wider than the text, a centred title or a short last line do not
/// move them. With too few prose lines: the outermost of all lines.
pub fn text_edges(lines: &[Line]) -> (f32, f32) {
    let prose: Vec<&Line> = lines.iter().filter(|l| !l.cells).collect();
    let mode = |xs: Vec<f32>, prefer_low: bool| -> Option<f32> {
        let mut bins: Vec<(i64, usize)> = Vec::new();
        let mut keys: Vec<i64> = xs.iter().map(|x| x.round() as i64).collect();
        keys.sort_unstable();
        for k in keys {
            match bins.last_mut() {
                Some((b, n)) if *b == k => *n += 1,
                _ => bins.push((k, 1)),
            }
        }
        let best = bins.iter().map(|(_, n)| *n).max()?;
        let mut tops = bins.iter().filter(|(_, n)| *n == best).map(|(b, _)| *b);
        let pick = if prefer_low {
            tops.next()
        } else {
            tops.next_back()
        };
        pick.filter(|_| best >= EDGE_SUPPORT).map(|b| b as f32)
    };
    let left = mode(prose.iter().map(|l| l.left).collect(), true)
        .unwrap_or_else(|| lines.iter().map(|l| l.left).fold(f32::INFINITY, f32::min));
    let right = mode(prose.iter().map(|l| l.right).collect(), false).unwrap_or_else(|| {
        lines
            .iter()
            .map(|l| l.right)
            .fold(f32::NEG_INFINITY, f32::max)
    });
    (left, right)
}

/// A line of a paged document, where it came from and where it stands.
#[derive(Debug, Clone, PartialEq)]
pub struct PageLine {
    pub line: Line,
    /// 1-based page and line on the page.
    pub page: usize,
    pub number: usize,
    /// The page's text edges: leftmost and rightmost glyph of any line.
    pub page_left: f32,
    pub page_right: f32,
}

/// Join the lines of a paragraph that the page width broke, so a sentence
/// (and a figure the narrative states, `共受理申请 28 件`) is one line again:
/// a line of prose (no column break) that runs to the text's right edge is
/// followed by one that starts at its left edge, in the same size, and that
/// does not begin like a heading (`二、`, `（三）`, `3.`). Chinese joins with
/// nothing between, other text with a space. Works across page breaks. The
/// joined line keeps the first line's page and number.
pub fn reflow(lines: Vec<PageLine>) -> Vec<PageLine> {
    let mut out: Vec<PageLine> = Vec::with_capacity(lines.len());
    for next in lines {
        if let Some(prev) = out.last_mut()
            && continues(prev, &next)
        {
            let glue = match (prev.line.text.chars().last(), next.line.text.chars().next()) {
                (Some(a), Some(b)) if is_cjk(a) || is_cjk(b) => "",
                _ => " ",
            };
            prev.line.text.push_str(glue);
            prev.line.text.push_str(&next.line.text);
            // The joined line now ends where the continuation ends.
            prev.line.right = next.line.right;
            prev.line.y = next.line.y;
            prev.page_right = next.page_right;
            prev.page_left = next.page_left;
            continue;
        }
        out.push(next);
    }
    out
}

fn continues(prev: &PageLine, next: &PageLine) -> bool {
    let (p, n) = (&prev.line, &next.line);
    let em = p.size.max(1.0);
    let prose =
        !p.cells && !n.cells && (n.size - p.size).abs() <= 0.1 * em && !looks_like_heading(&n.text);
    let wrapped = p.right >= prev.page_right - FULL_LINE * em
        && n.left <= next.page_left + MARGIN_START * em
        && (prev.page != next.page || (p.y - n.y) <= 2.5 * em);
    // The report's title, centred over two lines at the top of page 1.
    let centre = |l: &Line, pl: &PageLine| {
        ((l.left + l.right) - (pl.page_left + pl.page_right)).abs() <= 2.0 * em
    };
    let title = prev.page == 1
        && next.page == 1
        && prev.number <= 2
        && next.number == prev.number + 1
        && (p.y - n.y) <= 2.5 * em
        && centre(p, prev)
        && centre(n, next)
        && n.left > next.page_left + 2.0 * em;
    prose && (wrapped || title)
}

/// `二、`, `（三）`, `(3)`, `3.`, `3、`, `第三条`: a heading or list item.
fn looks_like_heading(text: &str) -> bool {
    let t = text.trim_start();
    let numeral = |c: char| "一二三四五六七八九十".contains(c) || c.is_ascii_digit();
    let n = t.chars().take_while(|c| numeral(*c)).count();
    if n > 0 {
        let rest = t.chars().nth(n);
        return matches!(rest, Some('、' | '.' | '．'));
    }
    let mut chars = t.chars();
    match chars.next() {
        Some('（' | '(') => {
            let inner = chars.clone().take_while(|c| numeral(*c)).count();
            inner > 0 && matches!(chars.nth(inner), Some('）' | ')'))
        }
        Some('第') => t.chars().nth(1).is_some_and(numeral),
        _ => false,
    }
}

/// Group glyphs into lines, top to bottom; each line's glyphs left to right.
fn group_lines(mut glyphs: Vec<Glyph>) -> Vec<(f32, Vec<Glyph>)> {
    glyphs.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x.total_cmp(&b.x)));
    let mut lines: Vec<(f32, Vec<Glyph>)> = Vec::new();
    for g in glyphs {
        match lines.last_mut() {
            Some((y, line)) if (*y - g.y) <= LINE_JOIN * g.size => line.push(g),
            _ => lines.push((g.y, vec![g])),
        }
    }
    for (_, line) in &mut lines {
        line.sort_by(|a, b| a.x.total_cmp(&b.x));
    }
    lines
}

/// A line of numbers only (a table row whose label wrapped: `行政规范性` /
/// `3  1  12` / `文件`) takes the label fragments on the lines just above
/// and just below it when they end left of the numbers: the row keeps its
/// whole label. A fragment below that stands nearer to the next line of
/// numbers is left for that line.
fn attach_wrapped_labels(lines: Vec<(f32, Vec<Glyph>)>, grid: &Grid) -> Vec<(f32, Vec<Glyph>)> {
    let numbers_only: Vec<bool> = lines
        .iter()
        .map(|(_, g)| g.iter().all(|g| !is_cjk(g.ch)) && g.iter().any(|g| g.ch.is_ascii_digit()))
        .collect();
    // Is line `l` a label fragment for the numbers on line `n`?
    let fragment = |l: usize, n: usize| -> bool {
        let (Some((ly, label)), Some((ny, nums))) = (lines.get(l), lines.get(n)) else {
            return false;
        };
        let Some(first) = nums.first() else {
            return false;
        };
        !numbers_only[l]
            && label.iter().any(|g| is_cjk(g.ch))
            && label
                .iter()
                .all(|g| g.x + g.width <= first.x - ONE_SPACE * first.size)
            && (ly - ny).abs() <= LABEL_REACH * first.size
    };
    let single_cell = |l: usize| !line_text(&lines[l].1, grid).1;
    let mut take = vec![None::<usize>; lines.len()];
    for n in (0..lines.len()).filter(|&n| numbers_only[n]) {
        if n > 0 && take[n - 1].is_none() && fragment(n - 1, n) {
            take[n - 1] = Some(n);
        }
        let below = n + 1;
        let nearer_next = below + 1 < lines.len()
            && numbers_only[below + 1]
            && fragment(below, below + 1)
            && (lines[below].0 - lines[below + 1].0) < (lines[n].0 - lines[below].0);
        if below < lines.len() && single_cell(below) && fragment(below, n) && !nearer_next {
            take[below] = Some(n);
        }
    }
    let mut out: Vec<(f32, Vec<Glyph>)> = Vec::with_capacity(lines.len());
    let mut glyphs_of: Vec<Option<Vec<Glyph>>> = lines.iter().map(|_| None).collect();
    let ys: Vec<f32> = lines.iter().map(|(y, _)| *y).collect();
    for (i, (_, g)) in lines.into_iter().enumerate() {
        glyphs_of[i] = Some(g);
    }
    for i in 0..ys.len() {
        if take[i].is_some() {
            continue;
        }
        let mut row = Vec::new();
        if numbers_only[i] {
            for j in [i.wrapping_sub(1), i + 1] {
                if j < ys.len() && take[j] == Some(i) {
                    row.extend(glyphs_of[j].take().unwrap_or_default());
                }
            }
        }
        row.extend(glyphs_of[i].take().unwrap_or_default());
        out.push((ys[i], row));
    }
    out
}

/// Where column breaks pad to: columns of `unit` page units from `origin`.
struct Grid {
    origin: f32,
    unit: f32,
}

/// The text of one line of glyphs (in x order), and whether it has a
/// column break.
fn line_text(glyphs: &[Glyph], grid: &Grid) -> (String, bool) {
    let mut out = String::new();
    let mut width = 0usize;
    let mut cells = false;
    let mut prev: Option<&Glyph> = None;
    for g in glyphs {
        if let Some(p) = prev {
            let gap = g.x - (p.x + p.width);
            let em = p.size.min(g.size);
            // A glyph drawn over the previous one (fake bold) is dropped.
            if g.ch == p.ch && (g.x - p.x).abs() < NO_SPACE * em {
                continue;
            }
            if gap >= ONE_SPACE * em {
                cells = true;
                let column = ((g.x - grid.origin) / grid.unit).round();
                let column = if column.is_finite() && column > 0.0 {
                    column as usize
                } else {
                    0
                };
                let pad = column.saturating_sub(width).clamp(MIN_BREAK, MAX_PAD);
                out.extend(std::iter::repeat_n(' ', pad));
                width += pad;
            } else if gap >= NO_SPACE * em {
                out.push(' ');
                width += 1;
            }
        }
        out.push(g.ch);
        width += unicode_width::UnicodeWidthChar::width(g.ch).unwrap_or(0);
        prev = Some(g);
    }
    (out, cells)
}

/// Wide (CJK) characters: those that stack in vertical labels.
fn is_cjk(c: char) -> bool {
    !c.is_ascii() && unicode_width::UnicodeWidthChar::width(c) == Some(2)
}

/// Indices (ascending) of the glyphs that are vertical text.
fn vertical_glyphs(glyphs: &[Glyph]) -> Vec<usize> {
    // Lone CJK glyphs: nothing else on their baseline close by.
    let mut by_y: Vec<usize> = (0..glyphs.len()).collect();
    by_y.sort_by(|&a, &b| glyphs[a].y.total_cmp(&glyphs[b].y));
    let mut lone: Vec<usize> = Vec::new();
    for (k, &i) in by_y.iter().enumerate() {
        let g = &glyphs[i];
        if !is_cjk(g.ch) {
            continue;
        }
        let near = |j: usize| {
            let h = &glyphs[j];
            j != i
                && (h.x + h.width > g.x - LONE_GAP * g.size)
                && (h.x < g.x + g.width + LONE_GAP * g.size)
        };
        let reach = LINE_JOIN * g.size;
        // Bounded scans: a crowded baseline is never lone.
        let lone_below = by_y[..k]
            .iter()
            .rev()
            .take_while(|&&j| g.y - glyphs[j].y <= reach)
            .take(LONE_SCAN + 1)
            .enumerate()
            .all(|(n, &j)| n < LONE_SCAN && !near(j));
        let lone_above = by_y[k + 1..]
            .iter()
            .take_while(|&&j| glyphs[j].y - g.y <= reach)
            .take(LONE_SCAN + 1)
            .enumerate()
            .all(|(n, &j)| n < LONE_SCAN && !near(j));
        if lone_below && lone_above {
            lone.push(i);
        }
    }
    // Columns of lone glyphs: same x, consecutive baselines close together.
    lone.sort_by(|&a, &b| {
        glyphs[a]
            .x
            .total_cmp(&glyphs[b].x)
            .then(glyphs[b].y.total_cmp(&glyphs[a].y))
    });
    let mut columns: Vec<Vec<usize>> = Vec::new();
    for i in lone {
        let g = &glyphs[i];
        let fits = columns.iter_mut().rev().take(STACK_SCAN).find(|col| {
            let last = &glyphs[*col.last().unwrap_or(&i)];
            (last.x - g.x).abs() <= STACK_X * g.size
                && last.y > g.y
                && last.y - g.y <= STACK_PITCH * g.size
        });
        match fits {
            Some(col) => col.push(i),
            None => columns.push(vec![i]),
        }
    }
    let mut out: Vec<usize> = columns
        .into_iter()
        .filter(|c| c.len() >= STACK_MIN)
        .flatten()
        .collect();
    out.sort_unstable();
    out
}

/// A page footer: `-4-`, `— 4 —`, `第 4 页`, `第4页 共9页`, `4 / 9`, `4`.
pub fn is_footer(line: &str) -> bool {
    let t: String = line.chars().filter(|c| !c.is_whitespace()).collect();
    if t.is_empty() {
        return false;
    }
    let dash = |c: char| matches!(c, '-' | '—' | '–' | '－' | '─' | '·' | '•');
    let inner = t.trim_matches(dash);
    if !inner.is_empty() && inner.len() <= 4 && inner.chars().all(|c| c.is_ascii_digit()) {
        return true;
    }
    if let Some((a, b)) = inner.split_once('/')
        && !a.is_empty()
        && !b.is_empty()
        && a.len() <= 4
        && b.len() <= 4
        && (a.chars().chain(b.chars())).all(|c| c.is_ascii_digit())
    {
        return true;
    }
    // 第 4 页, 第4页共9页, 第 4 页 / 共 9 页
    let mut rest = t.as_str();
    let mut parts = 0;
    while !rest.is_empty() {
        let Some(r) = rest
            .strip_prefix('第')
            .or_else(|| rest.strip_prefix('共'))
            .or_else(|| rest.strip_prefix('/'))
        else {
            return false;
        };
        let r = r.strip_prefix('第').unwrap_or(r);
        let digits = r.chars().take_while(char::is_ascii_digit).count();
        if digits == 0 || digits > 4 {
            return false;
        }
        let Some(r) = r[digits..].strip_prefix('页') else {
            return false;
        };
        rest = r.trim_start_matches(['，', ',', '/']);
        parts += 1;
    }
    parts > 0
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Glyphs of `text` from (x, y), each `w` wide, size `s`.
    fn run(text: &str, x: f32, y: f32, s: f32) -> Vec<Glyph> {
        let mut out = Vec::new();
        let mut x = x;
        for ch in text.chars() {
            let w = if is_cjk(ch) { s } else { s / 2.0 };
            out.push(Glyph {
                x,
                y,
                size: s,
                width: w,
                ch,
            });
            x += w;
        }
        out
    }

    /// The lines of a page, each column break (2 or more spaces) as `|`.
    fn text(glyphs: &[Glyph]) -> Vec<String> {
        page_lines(glyphs, 0.0, 842.0)
            .into_iter()
            .map(|l| {
                assert_eq!(l.cells, l.text.contains("  "), "{:?}", l.text);
                l.text
                    .split("  ")
                    .filter(|c| !c.is_empty())
                    .map(str::trim)
                    .collect::<Vec<_>>()
                    .join("|")
            })
            .collect()
    }

    #[test]
    fn lines_join_by_baseline_within_a_third_of_the_size() {
        // A label at 10.5 pt and numbers at 9 pt 2 pt lower: one line.
        let mut g = run("行政许可", 50.0, 700.0, 10.5);
        g.extend(run("124", 300.0, 698.0, 9.0));
        // 10 pt lower: the next line.
        g.extend(run("行政处罚", 50.0, 688.0, 10.5));
        assert_eq!(text(&g), ["行政许可|124", "行政处罚"]);
    }

    #[test]
    fn gaps_become_nothing_a_space_or_a_column_break() {
        let mut g = run("予以", 50.0, 700.0, 10.0);
        // 0.1 em: nothing; 0.5 em: a space; 3 em: a column break.
        g.extend(run("公开", 71.0, 700.0, 10.0));
        g.extend(run("(一)", 96.0, 700.0, 10.0));
        g.extend(run("9", 145.0, 700.0, 10.0));
        // Whitespace glyphs are dropped; the gap they leave speaks.
        g.extend(run(" ", 150.0, 700.0, 10.0));
        g.extend(run("1", 170.0, 700.0, 10.0));
        assert_eq!(text(&g), ["予以公开 (一)|9|1"]);
    }

    #[test]
    fn a_wrapped_label_stays_with_its_numbers() {
        // 行政规范性 / 3 1 12 (numbers centred) / 文件
        let mut g = run("行政规范性", 50.0, 700.0, 10.0);
        g.extend(run("3", 200.0, 693.0, 10.0));
        g.extend(run("1", 250.0, 693.0, 10.0));
        g.extend(run("12", 300.0, 693.0, 10.0));
        g.extend(run("文件", 50.0, 686.0, 10.0));
        assert_eq!(text(&g), ["行政规范性文件|3|1|12"]);
        // A number under prose that reaches over it stays on its own line,
        // and so does one too far below.
        let mut g = run("我局共受理申请二十八件其中本年新收", 50.0, 700.0, 10.0);
        g.extend(run("2023", 100.0, 686.0, 10.0));
        g.extend(run("规章", 50.0, 600.0, 10.0));
        g.extend(run("0", 200.0, 570.0, 10.0));
        assert_eq!(text(&g).len(), 4);
    }

    fn paged(lines: &[(&str, f32, f32, usize)]) -> Vec<PageLine> {
        // (text, left, right, page); size 10, 14 apart, text edges 50..450.
        lines
            .iter()
            .enumerate()
            .map(|(i, &(text, left, right, page))| PageLine {
                line: Line {
                    text: text.to_string(),
                    cells: text.contains('\t'),
                    y: 700.0 - 14.0 * i as f32,
                    left,
                    right,
                    size: 10.0,
                },
                page,
                number: i + 1,
                page_left: 50.0,
                page_right: 450.0,
            })
            .collect()
    }

    #[test]
    fn paragraphs_broken_by_the_page_width_are_joined() {
        let lines = paged(&[
            ("二、主动公开政府信息情况", 50.0, 170.0, 1),
            ("我局共受理政府信息公开申请 28", 70.0, 449.0, 1),
            ("件，其中本年新收 25 件。", 50.0, 200.0, 1),
            ("（一）主动公开", 70.0, 449.0, 1),
            ("3. 属于三类", 50.0, 449.0, 1),
            ("政务公开 2023", 70.0, 449.0, 1),
            ("and more", 50.0, 120.0, 2),
            ("规章\t0", 50.0, 449.0, 2),
            ("行政许可", 50.0, 90.0, 2),
        ]);
        let texts: Vec<(String, usize, usize)> = reflow(lines)
            .into_iter()
            .map(|l| (l.line.text, l.page, l.number))
            .collect();
        let want = [
            ("二、主动公开政府信息情况", 1, 1),
            (
                "我局共受理政府信息公开申请 28件，其中本年新收 25 件。",
                1,
                2,
            ),
            ("（一）主动公开", 1, 4),
            ("3. 属于三类", 1, 5),
            ("政务公开 2023 and more", 1, 6),
            ("规章\t0", 2, 8),
            ("行政许可", 2, 9),
        ];
        let want: Vec<(String, usize, usize)> = want
            .iter()
            .map(|(t, p, n)| (t.to_string(), *p, *n))
            .collect();
        assert_eq!(texts, want);
        // A title centred over two lines at the top of page 1 is one line.
        let mut title = paged(&[
            ("某区某局 2023 年政府", 110.0, 390.0, 1),
            ("信息公开工作年度报告", 150.0, 350.0, 1),
            ("一、总体情况", 50.0, 130.0, 1),
        ]);
        for l in &mut title {
            l.line.cells = false;
            l.line.size = 16.0;
        }
        let texts: Vec<String> = reflow(title).into_iter().map(|l| l.line.text).collect();
        assert_eq!(
            texts,
            ["某区某局 2023 年政府信息公开工作年度报告", "一、总体情况"]
        );
        assert!(looks_like_heading("十二、其他"));
        assert!(looks_like_heading("(3)其他"));
        assert!(looks_like_heading("第二十条第（一）项"));
        assert!(!looks_like_heading("2023 年，我局"));
        assert!(!looks_like_heading("三安全一稳定"));
    }

    #[test]
    fn text_edges_are_where_most_prose_lines_start_and_end() {
        let line = |text: &str, left: f32, right: f32| Line {
            text: text.to_string(),
            cells: text.contains('\t'),
            y: 0.0,
            left,
            right,
            size: 12.0,
        };
        let lines = [
            line("标题", 200.0, 400.0),
            line("正文", 74.0, 520.2),
            line("正文", 50.0, 519.8),
            line("正文", 50.0, 520.0),
            line("末行", 50.0, 300.0),
            line("规章\t0", 30.0, 570.0),
        ];
        assert_eq!(text_edges(&lines), (50.0, 520.0));
        // Too few prose lines: the outermost edges.
        assert_eq!(text_edges(&lines[..2]), (74.0, 520.2));
    }

    #[test]
    fn column_breaks_pad_to_a_grid() {
        // Two rows whose numbers stand at the same x line up in the text,
        // however long their labels.
        let mut g = run("规章", 50.0, 700.0, 10.0);
        g.extend(run("0", 200.0, 700.0, 10.0));
        g.extend(run("行政规范性文件", 50.0, 686.0, 10.0));
        g.extend(run("12", 200.0, 686.0, 10.0));
        // A glyph far off the page pads at most MAX_PAD.
        g.extend(run("9", 1.0e30, 686.0, 10.0));
        let lines = page_lines(&g, 0.0, 842.0);
        let col = |l: &Line, c: char| {
            let i = l.text.find(c).unwrap();
            unicode_width::UnicodeWidthStr::width(&l.text[..i])
        };
        assert_eq!(col(&lines[0], '0'), col(&lines[1], '1'));
        assert_eq!(
            col(&lines[0], '0'),
            30,
            "150 pt right of the origin, 5 pt columns"
        );
        assert!(lines[1].text.len() < 300);
    }

    #[test]
    fn fake_bold_overprint_is_one_glyph() {
        let mut g = run("总计", 50.0, 700.0, 10.0);
        g.extend(run("总计", 50.3, 700.0, 10.0));
        assert_eq!(text(&g), ["总计"]);
    }

    #[test]
    fn vertical_labels_stay_off_table_rows() {
        // 三、本年度办理结果 one character per line at x = 40, between rows
        // whose labels start at x = 70; two rows share a baseline with it.
        let mut g = Vec::new();
        for (k, ch) in "三、本年度办理结果".chars().enumerate() {
            g.extend(run(&ch.to_string(), 40.0, 700.0 - 14.0 * k as f32, 10.0));
        }
        g.extend(run("(一) 予以公开", 70.0, 700.0, 10.0));
        g.extend(run("9", 300.0, 700.0, 10.0));
        g.extend(run("(二) 部分公开", 70.0, 658.0, 10.0));
        g.extend(run("2", 300.0, 658.0, 10.0));
        assert_eq!(text(&g), ["(一) 予以公开|9", "(二) 部分公开|2"]);
        // Two stacked characters are not vertical text, nor is a column of
        // CJK characters that each have neighbours.
        let mut g = run("合", 40.0, 700.0, 10.0);
        g.extend(run("计", 40.0, 686.0, 10.0));
        g.extend(run("本机关", 40.0, 672.0, 10.0));
        g.extend(run("不掌握", 40.0, 658.0, 10.0));
        g.extend(run("相关", 40.0, 644.0, 10.0));
        assert_eq!(text(&g), ["合", "计", "本机关", "不掌握", "相关"]);
    }

    #[test]
    fn footers_at_the_bottom_are_dropped() {
        for footer in [
            "-4-",
            "— 4 —",
            "第 4 页",
            "第4页 共9页",
            "4",
            "- 12 -",
            "4 / 9",
        ] {
            let mut g = run("正文最后一行", 50.0, 100.0, 10.0);
            g.extend(run(footer, 280.0, 40.0, 9.0));
            assert_eq!(text(&g), ["正文最后一行"], "{footer}");
        }
        // A number at the top of the page, or a table's last row, stays.
        let mut g = run("2023", 280.0, 800.0, 10.0);
        g.extend(run("总计\t25", 50.0, 400.0, 10.0));
        assert_eq!(text(&g).len(), 2);
        let g = run("第四章 第 4 节", 50.0, 40.0, 10.0);
        assert_eq!(text(&g).len(), 1);
        assert!(!is_footer("第 4 页 说明"));
        assert!(!is_footer("12345"));
        assert!(!is_footer("行政许可"));
    }
}
