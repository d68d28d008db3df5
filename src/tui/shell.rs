//! The coordinator's shell: the list of reports, and the review screen
//! opened from it. Esc or q in the review comes back to the list with the
//! row's counts updated by the edits made.

use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender};

use std::time::Duration;

use ratatui::Frame;
use ratatui::crossterm::event::{Event, KeyEvent};

use super::app::App;
use super::list::{ListApp, Outcome};
use super::theme::Theme;
use super::view;
use crate::batch;
use crate::service::CheckRun;

/// What the loader sends.
pub enum Msg {
    /// File index → the same agency's file for the year before.
    Pairs(HashMap<usize, usize>),
    Row(usize, Box<batch::Summary>),
}

/// Load every file in the background: pairs first, then one summary per
/// file as each is checked (in parallel).
pub fn spawn_loader(files: Vec<PathBuf>) -> Receiver<Msg> {
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || load_all(&files, &tx));
    rx
}

/// The loader's work (also used by tests and benchmarks, synchronously).
pub fn load_all(files: &[PathBuf], tx: &Sender<Msg>) {
    let run = CheckRun::new(files.to_vec(), None);
    let _ = tx.send(Msg::Pairs(run.pairs().clone()));
    run.for_each_summary(|i, s| {
        let _ = tx.send(Msg::Row(i, Box::new(s)));
    });
}

pub struct Shell {
    pub list: ListApp,
    pub pairs: HashMap<usize, usize>,
    /// The report open in the review screen, and its index.
    pub review: Option<(usize, App)>,
    pub theme: Theme,
    pub key_hints: bool,
    pub quit: bool,
    /// Where reviews opened from the list journal their edits (the data
    /// dir; tests point it at a temp folder).
    pub journal_dir: Option<PathBuf>,
    /// Something changed since the last frame (input, a loader message, a
    /// resize): the event loop draws only then, so an idle list costs
    /// nothing (issue 14: a redraw every 50 ms was 6 % of a core with
    /// 20 000 files).
    pub redraw: bool,
}

/// How long the event loop waits for input while files are loading (rows
/// appear as they come) and when they are all in (only a signal or a key
/// can change anything then).
pub const POLL_LOADING: Duration = Duration::from_millis(50);
pub const POLL_IDLE: Duration = super::signals::CHECK_EVERY;

impl Shell {
    pub fn new(files: Vec<PathBuf>, theme: Theme) -> Self {
        Shell {
            list: ListApp::new(files),
            pairs: HashMap::new(),
            review: None,
            theme,
            key_hints: true,
            quit: false,
            journal_dir: crate::journal::journal_dir(),
            redraw: true,
        }
    }

    /// Whether to draw now; clears the request.
    pub fn take_redraw(&mut self) -> bool {
        std::mem::take(&mut self.redraw)
    }

    /// How long to wait for the next event.
    pub fn poll_timeout(&self) -> Duration {
        if self.list.loading() {
            POLL_LOADING
        } else {
            POLL_IDLE
        }
    }

    /// One terminal event: keys and pastes go to the screen; a resize only
    /// asks for a frame. Every event redraws; nothing else does but the
    /// loader's messages ([`Shell::drain`]).
    pub fn on_event(&mut self, event: Event) {
        match event {
            Event::Key(key) => self.on_key(key),
            Event::Paste(text) => self.on_paste(&text),
            Event::Resize(..) => {}
            // Mouse, focus: nothing shown changes.
            _ => return,
        }
        self.redraw = true;
    }

    /// Take what the loader has sent so far. Returns whether anything came.
    pub fn drain(&mut self, rx: &Receiver<Msg>) -> bool {
        let mut any = false;
        while let Ok(msg) = rx.try_recv() {
            any = true;
            self.redraw = true;
            match msg {
                Msg::Pairs(p) => self.pairs = p,
                Msg::Row(i, s) => self.list.set(i, *s),
            }
        }
        any
    }

    pub fn on_key(&mut self, key: KeyEvent) {
        if let Some((i, app)) = self.review.as_mut() {
            // Esc in the review's normal mode goes back, like q.
            app.on_key(key);
            if app.quit {
                let i = *i;
                self.close_review(i);
            }
            return;
        }
        match self.list.on_key(key) {
            Outcome::Open(i) => self.open(i),
            Outcome::Quit => self.quit = true,
            Outcome::None => {}
        }
    }

    /// Pasted text goes to the review, if one is open.
    pub fn on_paste(&mut self, text: &str) {
        if let Some((_, app)) = self.review.as_mut() {
            app.on_paste(text);
        }
    }

    fn close_review(&mut self, i: usize) {
        let Some((_, app)) = self.review.take() else {
            return;
        };
        let Some(path) = self.list.files.get(i).cloned() else {
            return;
        };
        let updated = if app.dirty {
            // Quit with the edits discarded: the file's own counts again.
            self.run().summarize(i)
        } else {
            // Saved (or unchanged): the counts of what the reviewer has.
            batch::summary(&path, &app.report, &app.findings)
        };
        let mut updated = updated;
        // A save in the review made (or changed) the saved copy.
        updated.saved = self.run().saved_counts(i);
        self.list.set(i, updated);
    }

    fn open(&mut self, i: usize) {
        let Some(path) = self.list.files.get(i).cloned() else {
            return;
        };
        let (report, bytes) = match crate::load_with_bytes(&path) {
            Ok(x) => x,
            Err(e) => {
                self.list.message = Some(e.to_string());
                return;
            }
        };
        let mut app = App::new(report, Some(path.clone()), self.theme.clone());
        app.key_hints = self.key_hints;
        app.back_to_list = true;
        if let Some(prev) = self.run().previous_of(i) {
            app.set_previous(Arc::unwrap_or_clone(prev));
        }
        let dir = self.journal_dir.as_deref();
        let writer = dir.is_some_and(|d| app.take_lock(d, &path));
        app.open_files(&path, &bytes, dir.filter(|_| writer));
        self.review = Some((i, app));
    }

    /// The list's files as a checking run (with the pairs the loader found).
    fn run(&self) -> CheckRun {
        CheckRun::with_pairs(self.list.files.clone(), self.pairs.clone(), None)
    }

    pub fn draw(&self, frame: &mut Frame) {
        match &self.review {
            Some((_, app)) => view::draw(frame, app),
            None => view::list::draw(frame, &self.list, &self.theme, frame.area()),
        }
    }
}
