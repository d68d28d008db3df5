//! Display-width helpers: every column computation goes through
//! unicode-width (CJK is two columns wide).

use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

pub fn width(s: &str) -> usize {
    UnicodeWidthStr::width(s)
}

/// Cut `s` to at most `max` columns, ending with `…` when cut.
pub fn truncate(s: &str, max: usize) -> String {
    if width(s) <= max {
        return s.to_string();
    }
    if max == 0 {
        return String::new();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in s.chars() {
        let cw = c.width().unwrap_or(0);
        if w + cw > max - 1 {
            break;
        }
        out.push(c);
        w += cw;
    }
    out.push('…');
    out
}

/// Pad on the right to exactly `w` columns (truncating if longer).
pub fn pad_right(s: &str, w: usize) -> String {
    let t = truncate(s, w);
    let n = w.saturating_sub(width(&t));
    format!("{t}{}", " ".repeat(n))
}

/// Pad on the left to exactly `w` columns (truncating if longer).
pub fn pad_left(s: &str, w: usize) -> String {
    let t = truncate(s, w);
    let n = w.saturating_sub(width(&t));
    format!("{}{t}", " ".repeat(n))
}

/// Centre in `w` columns.
pub fn center(s: &str, w: usize) -> String {
    let t = truncate(s, w);
    let n = w.saturating_sub(width(&t));
    let left = n / 2;
    format!("{}{t}{}", " ".repeat(left), " ".repeat(n - left))
}

/// Split a line into pieces of at most `w` columns (at least one piece).
/// Tabs become a dim-able `→` followed by spaces to the next 4-column stop,
/// so the reviewer sees where the file's cells begin.
pub fn wrap(s: &str, w: usize) -> Vec<String> {
    let w = w.max(2);
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut cw = 0;
    for c in s.chars() {
        if c == '\t' {
            let n = 4 - (cw % 4);
            for (i, t) in std::iter::once('→')
                .chain(std::iter::repeat(' '))
                .take(n)
                .enumerate()
            {
                if cw + 1 > w {
                    out.push(std::mem::take(&mut cur));
                    cw = 0;
                }
                let _ = i;
                cur.push(t);
                cw += 1;
            }
            continue;
        }
        let c = if c.is_control() { ' ' } else { c };
        let x = c.width().unwrap_or(0);
        if cw + x > w {
            out.push(std::mem::take(&mut cur));
            cw = 0;
        }
        cur.push(c);
        cw += x;
    }
    out.push(cur);
    out
}

/// [`wrap`] for one line of prose (no tabs): an English word reaching the
/// edge moves whole to the next piece when the piece holds something
/// before it (CJK text breaks anywhere, as it may). The pieces put
/// together are the line (spaces at a break are kept).
pub fn wrap_words(s: &str, w: usize) -> Vec<String> {
    let w = w.max(2);
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut cw = 0;
    for c in s.chars() {
        let c = if c.is_control() { ' ' } else { c };
        let x = c.width().unwrap_or(0);
        if cw + x > w {
            // Where the word being written starts (after the last space or
            // wide character).
            let start = cur
                .char_indices()
                .rev()
                .find(|(_, ch)| !ch.is_ascii_graphic())
                .map_or(0, |(i, ch)| i + ch.len_utf8());
            if c.is_ascii_graphic() && start > 0 && start < cur.len() {
                let word = cur.split_off(start);
                cw = width(&word);
                out.push(std::mem::replace(&mut cur, word));
            } else {
                out.push(std::mem::take(&mut cur));
                cw = 0;
            }
        }
        cur.push(c);
        cw += x;
    }
    out.push(cur);
    out
}

/// How many pieces [`wrap`] makes of `s` at width `w`, without building
/// them (the text pane's scroll asks this of many lines).
pub fn wrapped_rows(s: &str, w: usize) -> usize {
    let w = w.max(2);
    let mut rows = 1;
    let mut cw = 0;
    for c in s.chars() {
        if c == '\t' {
            let n = 4 - (cw % 4);
            for _ in 0..n {
                if cw + 1 > w {
                    rows += 1;
                    cw = 0;
                }
                cw += 1;
            }
            continue;
        }
        let c = if c.is_control() { ' ' } else { c };
        let x = c.width().unwrap_or(0);
        if cw + x > w {
            rows += 1;
            cw = 0;
        }
        cw += x;
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_words_moves_english_words_whole() {
        assert_eq!(
            wrap_words("a 6 列之和 26 (f applies it)", 18),
            ["a 6 列之和 26 (f ", "applies it)"]
        );
        // Chinese breaks anywhere; a word as wide as the line is cut.
        assert_eq!(wrap_words("总计总计总计", 5), ["总计", "总计", "总计"]);
        assert_eq!(wrap_words("abcdefgh", 4), ["abcd", "efgh"]);
        for piece in wrap_words("one two three four five six seven 八九十", 7) {
            assert!(width(&piece) <= 7, "{piece:?}");
        }
    }

    #[test]
    fn cjk_widths() {
        assert_eq!(width("总计"), 4);
        assert_eq!(pad_left("12", 5), "   12");
        assert_eq!(width(&pad_right("一、本年新收", 8)), 8);
        assert_eq!(truncate("一、本年新收", 7), "一、本…");
        assert_eq!(wrap("一二三四五", 4), vec!["一二", "三四", "五"]);
        for (text, w) in [
            ("一二三四五", 4),
            ("a\tb\t\tc一二三\t", 5),
            ("", 3),
            ("\t\t\t", 2),
            ("四、结转下年度继续办理\t2\t1\t0", 7),
        ] {
            assert_eq!(
                wrapped_rows(text, w),
                wrap(text, w).len(),
                "{text:?} at {w}"
            );
        }
    }
}
