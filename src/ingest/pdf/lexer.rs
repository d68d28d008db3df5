//! A streaming lexer for content streams: operands and operators one at a
//! time, so that a page's operator count is checked as it is read and
//! memory never grows with the stream (lopdf's content parser builds every
//! operation first). Garbage is skipped, not fatal: a stray `)` or an
//! unknown byte costs one byte.
//!
//! Operands kept: numbers, names, strings (literal and hex) and arrays of
//! them (TJ); dictionaries (marked-content properties) are read and
//! dropped. Inline image data (`ID` … `EI`) is skipped.

/// Deepest array nesting kept (TJ arrays are flat; deeper ones are dropped).
const MAX_ARRAY_DEPTH: usize = 4;

/// Most elements kept from one array (a kerned line has a few hundred).
const MAX_ARRAY_LEN: usize = 65_536;

/// Deepest dictionary nesting read (deeper content is skipped byte-wise).
const MAX_DICT_DEPTH: usize = 16;

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Operand {
    Num(f32),
    Name(Vec<u8>),
    Str(Vec<u8>),
    Array(Vec<Operand>),
    /// A dictionary, boolean, null or anything else the interpreter ignores.
    Other,
}

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Token<'a> {
    Operand(Operand),
    Op(&'a [u8]),
}

pub(super) struct Lexer<'a> {
    data: &'a [u8],
    pos: usize,
}

fn is_white(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\r' | b'\n' | b'\x0c' | b'\0')
}

fn is_delim(b: u8) -> bool {
    matches!(
        b,
        b'(' | b')' | b'<' | b'>' | b'[' | b']' | b'{' | b'}' | b'/' | b'%'
    )
}

fn is_regular(b: u8) -> bool {
    !is_white(b) && !is_delim(b)
}

impl<'a> Lexer<'a> {
    pub(super) fn new(data: &'a [u8]) -> Lexer<'a> {
        Lexer { data, pos: 0 }
    }

    fn peek(&self) -> Option<u8> {
        self.data.get(self.pos).copied()
    }

    fn skip_white(&mut self) {
        while let Some(b) = self.peek() {
            if is_white(b) {
                self.pos += 1;
            } else if b == b'%' {
                while let Some(c) = self.peek() {
                    if c == b'\n' || c == b'\r' {
                        break;
                    }
                    self.pos += 1;
                }
            } else {
                break;
            }
        }
    }

    fn regular_run(&mut self) -> &'a [u8] {
        let start = self.pos;
        while self.peek().is_some_and(is_regular) {
            self.pos += 1;
        }
        &self.data[start..self.pos]
    }

    /// The next operand or operator; `None` at the end.
    pub(super) fn next_token(&mut self) -> Option<Token<'a>> {
        loop {
            self.skip_white();
            let b = self.peek()?;
            if let Some(o) = self.operand(0) {
                return Some(Token::Operand(o));
            }
            if is_regular(b) {
                let word = self.regular_run();
                if word == b"ID" {
                    self.skip_inline_image();
                }
                return Some(Token::Op(word));
            }
            // A stray delimiter: skip it.
            self.pos += 1;
        }
    }

    /// An operand at the current position, or `None` (position unchanged)
    /// when an operator or a stray delimiter stands there.
    fn operand(&mut self, depth: usize) -> Option<Operand> {
        let b = self.peek()?;
        match b {
            b'0'..=b'9' | b'+' | b'-' | b'.' => {
                let word = self.regular_run();
                let text = std::str::from_utf8(word).unwrap_or("");
                Some(Operand::Num(
                    text.parse::<f32>()
                        .ok()
                        .filter(|v| v.is_finite())
                        .unwrap_or(0.0),
                ))
            }
            b'/' => {
                self.pos += 1;
                Some(Operand::Name(unescape_name(self.regular_run())))
            }
            b'(' => Some(Operand::Str(self.literal())),
            b'<' if self.data.get(self.pos + 1) == Some(&b'<') => {
                self.pos += 2;
                self.skip_dict(1);
                Some(Operand::Other)
            }
            b'<' => Some(Operand::Str(self.hex())),
            b'[' if depth >= MAX_ARRAY_DEPTH => {
                self.skip_array();
                Some(Operand::Other)
            }
            b'[' => {
                self.pos += 1;
                let mut items = Vec::new();
                loop {
                    self.skip_white();
                    match self.peek() {
                        None => break,
                        Some(b']') => {
                            self.pos += 1;
                            break;
                        }
                        Some(_) => match self.operand(depth + 1) {
                            Some(o) => {
                                if items.len() < MAX_ARRAY_LEN {
                                    items.push(o);
                                }
                            }
                            // An operator or stray byte inside an array: skip it.
                            None => {
                                if self.regular_run().is_empty() {
                                    self.pos += 1;
                                }
                            }
                        },
                    }
                }
                Some(Operand::Array(items))
            }
            b't' | b'f' | b'n' => {
                let start = self.pos;
                let word = self.regular_run();
                if matches!(word, b"true" | b"false" | b"null") {
                    Some(Operand::Other)
                } else {
                    self.pos = start;
                    None
                }
            }
            _ => None,
        }
    }

    /// Skip an array (nested ones too) from its `[`, without recursion.
    fn skip_array(&mut self) {
        let mut depth = 0usize;
        while let Some(b) = self.peek() {
            match b {
                b'(' => {
                    self.literal();
                    continue;
                }
                b'[' => depth += 1,
                b']' => {
                    depth -= 1;
                    if depth == 0 {
                        self.pos += 1;
                        return;
                    }
                }
                _ => {}
            }
            self.pos += 1;
        }
    }

    /// Skip a dictionary's body after its `<<`, up to the matching `>>`.
    fn skip_dict(&mut self, mut depth: usize) {
        while let Some(b) = self.peek() {
            match b {
                b'(' => {
                    self.literal();
                }
                b'<' if self.data.get(self.pos + 1) == Some(&b'<') => {
                    self.pos += 2;
                    depth += 1;
                    if depth > MAX_DICT_DEPTH {
                        depth -= 1;
                    }
                }
                b'>' if self.data.get(self.pos + 1) == Some(&b'>') => {
                    self.pos += 2;
                    depth -= 1;
                    if depth == 0 {
                        return;
                    }
                }
                b'<' => {
                    self.hex();
                }
                _ => self.pos += 1,
            }
        }
    }

    /// A literal string after `(`: nesting, escapes, octal codes.
    fn literal(&mut self) -> Vec<u8> {
        self.pos += 1;
        let mut out = Vec::new();
        let mut depth = 1usize;
        while let Some(b) = self.peek() {
            self.pos += 1;
            match b {
                b'(' => {
                    depth += 1;
                    out.push(b);
                }
                b')' => {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                    out.push(b);
                }
                b'\\' => {
                    let Some(e) = self.peek() else { break };
                    self.pos += 1;
                    match e {
                        b'n' => out.push(b'\n'),
                        b'r' => out.push(b'\r'),
                        b't' => out.push(b'\t'),
                        b'b' => out.push(8),
                        b'f' => out.push(12),
                        b'0'..=b'7' => {
                            let mut v = u32::from(e - b'0');
                            for _ in 0..2 {
                                match self.peek() {
                                    Some(d @ b'0'..=b'7') => {
                                        v = v * 8 + u32::from(d - b'0');
                                        self.pos += 1;
                                    }
                                    _ => break,
                                }
                            }
                            out.push(v as u8);
                        }
                        b'\r' => {
                            if self.peek() == Some(b'\n') {
                                self.pos += 1;
                            }
                        }
                        b'\n' => {}
                        other => out.push(other),
                    }
                }
                _ => out.push(b),
            }
        }
        out
    }

    /// A hex string after `<`, up to `>`.
    fn hex(&mut self) -> Vec<u8> {
        self.pos += 1;
        let mut digits = Vec::new();
        while let Some(b) = self.peek() {
            self.pos += 1;
            if b == b'>' {
                break;
            }
            if let Some(d) = (b as char).to_digit(16) {
                digits.push(d as u8);
            }
        }
        digits
            .chunks(2)
            .map(|p| (p[0] << 4) | p.get(1).copied().unwrap_or(0))
            .collect()
    }

    /// Skip inline image data after `ID`: up to `EI` between whitespace.
    fn skip_inline_image(&mut self) {
        self.pos += 1; // the single whitespace after ID
        while self.pos + 1 < self.data.len() {
            if self.data[self.pos] == b'E'
                && self.data[self.pos + 1] == b'I'
                && self.pos > 0
                && is_white(self.data[self.pos - 1])
                && self.data.get(self.pos + 2).is_none_or(|b| is_white(*b))
            {
                self.pos += 2;
                return;
            }
            self.pos += 1;
        }
        self.pos = self.data.len();
    }
}

/// A name's `#xx` escapes decoded.
fn unescape_name(raw: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(raw.len());
    let mut i = 0;
    while i < raw.len() {
        if raw[i] == b'#'
            && let (Some(h), Some(l)) = (
                raw.get(i + 1).and_then(|c| (*c as char).to_digit(16)),
                raw.get(i + 2).and_then(|c| (*c as char).to_digit(16)),
            )
        {
            out.push((h * 16 + l) as u8);
            i += 3;
            continue;
        }
        out.push(raw[i]);
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tokens(data: &[u8]) -> Vec<Token<'_>> {
        let mut l = Lexer::new(data);
        std::iter::from_fn(|| l.next_token()).collect()
    }

    #[test]
    fn operands_and_operators() {
        let t = tokens(
            b"BT /F#31 12 Tf 1 0 0 1 72.5 -.5 Tm (a\\(b\\)\\101\\\n c) Tj [<4E00> -250 (x)] TJ T* ET % done",
        );
        use Operand::*;
        use Token::Op;
        let o = Token::Operand;
        assert_eq!(
            t,
            [
                Op(b"BT"),
                o(Name(b"F1".to_vec())),
                o(Num(12.0)),
                Op(b"Tf"),
                o(Num(1.0)),
                o(Num(0.0)),
                o(Num(0.0)),
                o(Num(1.0)),
                o(Num(72.5)),
                o(Num(-0.5)),
                Op(b"Tm"),
                o(Str(b"a(b)A c".to_vec())),
                Op(b"Tj"),
                o(Array(vec![
                    Str(vec![0x4E, 0x00]),
                    Num(-250.0),
                    Str(b"x".to_vec())
                ])),
                Op(b"TJ"),
                Op(b"T*"),
                Op(b"ET"),
            ]
        );
    }

    #[test]
    fn dictionaries_inline_images_and_garbage() {
        let t = tokens(
            b"/Span << /ActualText (>>) /A << /B [1 2] >> >> BDC BI /W 2 /H 2 ID \x00EI\xff\x01 EI Q ) ] } 3 true Tz",
        );
        let ops: Vec<&[u8]> = t
            .iter()
            .filter_map(|t| match t {
                Token::Op(o) => Some(*o),
                _ => None,
            })
            .collect();
        assert_eq!(ops, [b"BDC".as_slice(), b"BI", b"ID", b"Q", b"Tz"]);
        // Unterminated things end at the end, without a panic.
        for bad in [
            &b"(abc"[..],
            b"<4E",
            b"[1 2",
            b"<< /A",
            b"BI ID \x00\x01",
            b"\\",
            b"/",
        ] {
            let _ = tokens(bad);
        }
        // Deep arrays are dropped, not recursed into without end.
        let deep = [b"[".repeat(100_000), b"1".to_vec(), b"]".repeat(100_000)].concat();
        assert_eq!(tokens(&deep).len(), 1);
    }
}
