//! The page content interpreter: runs a page's content stream (and the
//! form XObjects it draws) far enough to know where each character lands.
//!
//! Operators followed: `q`/`Q`/`cm` (the current transformation matrix),
//! `BT`/`ET`, the text state (`Tc`, `Tw`, `Tz`, `TL`, `Tf`, `Ts`), text
//! positioning (`Td`, `TD`, `Tm`, `T*`), text showing (`Tj`, `TJ`, `'`, `"`)
//! and `Do` for form XObjects (at most [`MAX_FORM_DEPTH`] deep). Everything
//! else (paths, colours, images) is skipped. Each shown character becomes a
//! [`Glyph`] in page space: origin, baseline, size, advance width and text.

use std::collections::HashMap;
use std::rc::Rc;

use lopdf::{Dictionary, Document, Object, ObjectId};

use super::fonts::Font;
use super::layout::Glyph;
use super::lexer::{Lexer, Operand, Token};
use super::{Budget, PdfError, deref, stream_bytes};

/// Deepest nesting of form XObjects followed (real files use 1 or 2).
const MAX_FORM_DEPTH: usize = 8;

/// Most operators run for one page, forms included: a dense real page has
/// a few tens of thousands.
pub(super) const MAX_OPS_PER_PAGE: usize = 1_000_000;

/// Most glyphs kept from one page (a dense page of small print has ~5 000).
pub(super) const MAX_GLYPHS_PER_PAGE: usize = 200_000;

/// Most operators run in the whole file (1 000 real pages: a few million).
pub(super) const MAX_OPS_TOTAL: usize = 20_000_000;

/// Most glyphs kept from the whole file (1 000 dense pages: ~5 million).
pub(super) const MAX_GLYPHS_TOTAL: usize = 5_000_000;

/// Deepest `q` stack honoured (further `q`s are ignored until a `Q`).
const MAX_SAVE_DEPTH: usize = 64;

/// Most operands kept before an operator (real operators take at most 6):
/// a flood of numbers without an operator is dropped, not stored.
const MAX_OPERANDS: usize = 16;

/// An affine matrix `[a b c d e f]`, points as row vectors (PDF's convention).
#[derive(Debug, Clone, Copy, PartialEq)]
pub(super) struct Matrix([f32; 6]);

impl Matrix {
    pub(super) const IDENTITY: Matrix = Matrix([1.0, 0.0, 0.0, 1.0, 0.0, 0.0]);

    /// A page shown turned `degrees` clockwise (`/Rotate`: 0, 90, 180, 270):
    /// user space to the space as displayed.
    pub(super) fn rotation(degrees: i64) -> Matrix {
        match degrees.rem_euclid(360) {
            90 => Matrix([0.0, -1.0, 1.0, 0.0, 0.0, 0.0]),
            180 => Matrix([-1.0, 0.0, 0.0, -1.0, 0.0, 0.0]),
            270 => Matrix([0.0, 1.0, -1.0, 0.0, 0.0, 0.0]),
            _ => Matrix::IDENTITY,
        }
    }

    /// Where a point lands.
    pub(super) fn apply(&self, x: f32, y: f32) -> (f32, f32) {
        let [a, b, c, d, e, f] = self.0;
        (x * a + y * c + e, x * b + y * d + f)
    }

    fn translate(x: f32, y: f32) -> Matrix {
        Matrix([1.0, 0.0, 0.0, 1.0, x, y])
    }

    /// `self × other`: apply `self` first, then `other`.
    fn then(&self, other: &Matrix) -> Matrix {
        let [a, b, c, d, e, f] = self.0;
        let [a2, b2, c2, d2, e2, f2] = other.0;
        Matrix([
            a * a2 + b * c2,
            a * b2 + b * d2,
            c * a2 + d * c2,
            c * b2 + d * d2,
            e * a2 + f * c2 + e2,
            e * b2 + f * d2 + f2,
        ])
    }

    fn from_operands(ops: &[Operand]) -> Option<Matrix> {
        let mut m = [0f32; 6];
        // The last six operands (extra ones before them are ignored).
        let ops = ops.get(ops.len().checked_sub(6)?..)?;
        for (slot, o) in m.iter_mut().zip(ops) {
            *slot = match o {
                Operand::Num(v) => *v,
                _ => return None,
            };
        }
        Some(Matrix(m))
    }

    fn from_array(a: &[Object]) -> Option<Matrix> {
        let mut m = [0f32; 6];
        if a.len() != 6 {
            return None;
        }
        for (slot, o) in m.iter_mut().zip(a) {
            *slot = num(o)?;
        }
        Some(Matrix(m))
    }
}

fn num(o: &Object) -> Option<f32> {
    match o {
        Object::Integer(i) => Some(*i as f32),
        Object::Real(r) if r.is_finite() => Some(*r),
        _ => None,
    }
}

#[derive(Debug, Clone)]
struct State {
    ctm: Matrix,
    char_spacing: f32,
    word_spacing: f32,
    /// `Tz` / 100.
    h_scale: f32,
    leading: f32,
    rise: f32,
    font: Option<Rc<Font>>,
    size: f32,
}

/// Runs pages; remembers fonts and parsed forms across pages.
pub(super) struct Interpreter<'d> {
    doc: &'d Document,
    fonts: HashMap<ObjectId, Rc<Font>>,
    forms: HashMap<ObjectId, Rc<Vec<u8>>>,
    /// Codes shown so far that have no text (a font without a Unicode map).
    undecoded: usize,
    /// Operators run and glyphs kept on the pages before this one.
    ops_before: usize,
    glyphs_before: usize,
}

/// One page's run: its glyphs and the operator count so far.
struct Run<'p> {
    page: usize,
    ops: usize,
    undecoded: usize,
    glyphs: &'p mut Vec<Glyph>,
}

impl<'d> Interpreter<'d> {
    pub(super) fn new(doc: &'d Document) -> Interpreter<'d> {
        Interpreter {
            doc,
            fonts: HashMap::new(),
            forms: HashMap::new(),
            undecoded: 0,
            ops_before: 0,
            glyphs_before: 0,
        }
    }

    /// The glyphs of one page (`number` is 1-based, for messages), in the
    /// page's displayed orientation (`rotate`: its `/Rotate`, clockwise).
    pub(super) fn page(
        &mut self,
        page_id: ObjectId,
        number: usize,
        rotate: i64,
        budget: &mut Budget,
    ) -> Result<Vec<Glyph>, PdfError> {
        let doc = self.doc;
        let Ok(page) = doc.get_dictionary(page_id) else {
            return Ok(Vec::new());
        };
        let mut content = Vec::new();
        let parts: Vec<&Object> = match page.get(b"Contents").map(|o| deref(doc, o)) {
            Ok(Object::Array(a)) => a.iter().map(|o| deref(doc, o)).collect(),
            Ok(o) => vec![o],
            Err(_) => Vec::new(),
        };
        for part in parts {
            if let Object::Stream(s) = part {
                content.extend_from_slice(&stream_bytes(s, budget)?);
                content.push(b'\n');
            }
        }
        let resources = page_resources(doc, page);
        let mut glyphs = Vec::new();
        let mut run = Run {
            page: number,
            ops: 0,
            undecoded: 0,
            glyphs: &mut glyphs,
        };
        self.run(
            &content,
            resources,
            Matrix::rotation(rotate),
            0,
            &mut run,
            budget,
        )?;
        self.undecoded += run.undecoded;
        self.ops_before += run.ops;
        self.glyphs_before += glyphs.len();
        if self.ops_before > MAX_OPS_TOTAL || self.glyphs_before > MAX_GLYPHS_TOTAL {
            return Err(PdfError::TooMuchContent);
        }
        Ok(glyphs)
    }

    /// Codes shown so far, on every page read, that have no text.
    pub(super) fn undecoded_codes(&self) -> usize {
        self.undecoded
    }

    fn font(
        &mut self,
        resources: Option<&Dictionary>,
        name: &[u8],
        budget: &mut Budget,
    ) -> Result<Option<Rc<Font>>, PdfError> {
        let doc = self.doc;
        let Some(entry) = resources
            .and_then(|r| r.get(b"Font").ok())
            .and_then(|f| deref(doc, f).as_dict().ok())
            .and_then(|fonts| fonts.get(name).ok())
        else {
            return Ok(None);
        };
        let id = entry.as_reference().ok();
        if let Some(f) = id.and_then(|id| self.fonts.get(&id)) {
            return Ok(Some(f.clone()));
        }
        let Ok(dict) = deref(doc, entry).as_dict() else {
            return Ok(None);
        };
        let font = Rc::new(Font::load(doc, dict, budget)?);
        if let Some(id) = id {
            self.fonts.insert(id, font.clone());
        }
        Ok(Some(font))
    }

    fn run(
        &mut self,
        content: &[u8],
        resources: Option<&'d Dictionary>,
        ctm: Matrix,
        depth: usize,
        run: &mut Run<'_>,
        budget: &mut Budget,
    ) -> Result<(), PdfError> {
        let mut st = State {
            ctm,
            char_spacing: 0.0,
            word_spacing: 0.0,
            h_scale: 1.0,
            leading: 0.0,
            rise: 0.0,
            font: None,
            size: 0.0,
        };
        let mut saved: Vec<State> = Vec::new();
        let mut tm = Matrix::IDENTITY;
        let mut tlm = Matrix::IDENTITY;
        let mut lexer = Lexer::new(content);
        let mut o: Vec<Operand> = Vec::new();
        while let Some(token) = lexer.next_token() {
            let op = match token {
                Token::Operand(x) => {
                    if o.len() >= MAX_OPERANDS {
                        o.clear();
                    }
                    o.push(x);
                    continue;
                }
                Token::Op(op) => op,
            };
            run.ops += 1;
            if run.ops > MAX_OPS_PER_PAGE {
                return Err(PdfError::TooManyOps(run.page, MAX_OPS_PER_PAGE));
            }
            // Operand `i` counted from the end (operators read their last ones).
            let n = |i: usize, of: usize| match o.len().checked_sub(of).map(|s| o.get(s + i)) {
                Some(Some(Operand::Num(v))) => Some(*v),
                _ => None,
            };
            match op {
                b"q" if saved.len() < MAX_SAVE_DEPTH => saved.push(st.clone()),
                b"Q" => {
                    if let Some(s) = saved.pop() {
                        st = s;
                    }
                }
                b"cm" => {
                    if let Some(m) = Matrix::from_operands(&o) {
                        st.ctm = m.then(&st.ctm);
                    }
                }
                b"BT" => {
                    tm = Matrix::IDENTITY;
                    tlm = Matrix::IDENTITY;
                }
                b"Tc" => st.char_spacing = n(0, 1).unwrap_or(0.0),
                b"Tw" => st.word_spacing = n(0, 1).unwrap_or(0.0),
                b"Tz" => st.h_scale = n(0, 1).unwrap_or(100.0) / 100.0,
                b"TL" => st.leading = n(0, 1).unwrap_or(0.0),
                b"Ts" => st.rise = n(0, 1).unwrap_or(0.0),
                b"Tf" => {
                    st.size = n(1, 2).unwrap_or(0.0);
                    st.font = match o.len().checked_sub(2).and_then(|i| o.get(i)) {
                        Some(Operand::Name(name)) => self.font(resources, name, budget)?,
                        _ => None,
                    };
                }
                b"Td" | b"TD" => {
                    let (x, y) = (n(0, 2).unwrap_or(0.0), n(1, 2).unwrap_or(0.0));
                    if op == b"TD" {
                        st.leading = -y;
                    }
                    tlm = Matrix::translate(x, y).then(&tlm);
                    tm = tlm;
                }
                b"Tm" => {
                    if let Some(m) = Matrix::from_operands(&o) {
                        tlm = m;
                        tm = m;
                    }
                }
                b"T*" => {
                    tlm = Matrix::translate(0.0, -st.leading).then(&tlm);
                    tm = tlm;
                }
                b"Tj" | b"'" | b"\"" => {
                    if op != b"Tj" {
                        if op == b"\"" {
                            st.word_spacing = n(0, 3).unwrap_or(st.word_spacing);
                            st.char_spacing = n(1, 3).unwrap_or(st.char_spacing);
                        }
                        tlm = Matrix::translate(0.0, -st.leading).then(&tlm);
                        tm = tlm;
                    }
                    if let Some(Operand::Str(bytes)) = o.last() {
                        show(&st, &mut tm, bytes, run)?;
                    }
                }
                b"TJ" => {
                    if let Some(Operand::Array(items)) = o.last() {
                        for item in items {
                            match item {
                                Operand::Str(bytes) => show(&st, &mut tm, bytes, run)?,
                                Operand::Num(adj) => {
                                    let tx = -adj / 1000.0 * st.size * st.h_scale;
                                    tm = Matrix::translate(tx, 0.0).then(&tm);
                                }
                                _ => {}
                            }
                        }
                    }
                }
                b"Do" if depth < MAX_FORM_DEPTH => {
                    if let Some(Operand::Name(name)) = o.last() {
                        self.form(resources, name, &st, depth, run, budget)?;
                    }
                }
                _ => {}
            }
            o.clear();
        }
        Ok(())
    }

    /// Draw a form XObject: its content with its matrix and resources.
    fn form(
        &mut self,
        resources: Option<&'d Dictionary>,
        name: &[u8],
        st: &State,
        depth: usize,
        run: &mut Run<'_>,
        budget: &mut Budget,
    ) -> Result<(), PdfError> {
        let doc = self.doc;
        let Some(entry) = resources
            .and_then(|r| r.get(b"XObject").ok())
            .and_then(|x| deref(doc, x).as_dict().ok())
            .and_then(|x| x.get(name).ok())
        else {
            return Ok(());
        };
        let Ok(stream) = deref(doc, entry).as_stream() else {
            return Ok(());
        };
        if stream.dict.get(b"Subtype").and_then(Object::as_name).ok() != Some(b"Form".as_slice()) {
            return Ok(());
        }
        let id = entry.as_reference().ok();
        let content = match id.and_then(|id| self.forms.get(&id)) {
            Some(c) => c.clone(),
            None => {
                let c = Rc::new(stream_bytes(stream, budget)?);
                if let Some(id) = id {
                    self.forms.insert(id, c.clone());
                }
                c
            }
        };
        let matrix = stream
            .dict
            .get(b"Matrix")
            .ok()
            .and_then(|m| deref(doc, m).as_array().ok())
            .and_then(|a| Matrix::from_array(a))
            .unwrap_or(Matrix::IDENTITY);
        let own = stream
            .dict
            .get(b"Resources")
            .ok()
            .and_then(|r| deref(doc, r).as_dict().ok());
        self.run(
            &content,
            own.or(resources),
            matrix.then(&st.ctm),
            depth + 1,
            run,
            budget,
        )
    }
}

/// Show a string: one glyph per character, the text matrix advanced.
fn show(st: &State, tm: &mut Matrix, bytes: &[u8], run: &mut Run<'_>) -> Result<(), PdfError> {
    let Some(font) = &st.font else {
        return Ok(());
    };
    for code in font.codes(bytes) {
        let w0 = code.width / 1000.0;
        let trm = Matrix([st.size * st.h_scale, 0.0, 0.0, st.size, 0.0, st.rise])
            .then(tm)
            .then(&st.ctm);
        let [a, b, c, d, x, y] = trm.0;
        let size = (c * c + d * d).sqrt();
        let width = w0 * (a * a + b * b).sqrt();
        let chars: Vec<char> = code.text.chars().collect();
        if chars.is_empty() {
            run.undecoded += 1;
        }
        let share = width / chars.len().max(1) as f32;
        for (k, ch) in chars.iter().enumerate() {
            if run.glyphs.len() >= MAX_GLYPHS_PER_PAGE {
                return Err(PdfError::TooManyGlyphs(run.page, MAX_GLYPHS_PER_PAGE));
            }
            run.glyphs.push(Glyph {
                x: x + share * k as f32 * if a < 0.0 { -1.0 } else { 1.0 },
                y,
                size,
                width: share,
                ch: *ch,
            });
        }
        let spacing = st.char_spacing + if code.is_space { st.word_spacing } else { 0.0 };
        *tm = if font.vertical {
            // Down by the default vertical advance (one em: DW2 [880 -1000]).
            Matrix::translate(0.0, -(st.size + spacing)).then(tm)
        } else {
            Matrix::translate((w0 * st.size + spacing) * st.h_scale, 0.0).then(tm)
        };
    }
    Ok(())
}

/// A page's resources: its own or inherited from the page tree.
fn page_resources<'d>(doc: &'d Document, page: &'d Dictionary) -> Option<&'d Dictionary> {
    let mut node = page;
    // The page tree is at most this deep in lopdf's own walk.
    for _ in 0..256 {
        if let Ok(r) = node.get(b"Resources") {
            return deref(doc, r).as_dict().ok();
        }
        node = node
            .get(b"Parent")
            .ok()
            .and_then(|p| deref(doc, p).as_dict().ok())?;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matrices_compose_in_pdf_order() {
        let scale = Matrix([2.0, 0.0, 0.0, 2.0, 0.0, 0.0]);
        let shift = Matrix::translate(10.0, 5.0);
        // Scale first, then shift: the origin lands at (10, 5).
        assert_eq!(scale.then(&shift).0, [2.0, 0.0, 0.0, 2.0, 10.0, 5.0]);
        // Shift first, then scale: (20, 10).
        assert_eq!(shift.then(&scale).0, [2.0, 0.0, 0.0, 2.0, 20.0, 10.0]);
        assert_eq!(Matrix::IDENTITY.then(&shift), shift, "identity is neutral");
    }
}
