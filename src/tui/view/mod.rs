//! The view: a pure function of the app state. One module per screen region.

pub mod findings;
mod grid;
pub mod list;
pub mod overlay;
mod status;
mod text;

use ratatui::Frame;
use ratatui::layout::{Constraint, Direction, Layout, Rect};

use super::app::{App, Mode};
use super::strings as s;

/// Below this width the panes stack (grid on top).
pub const WIDE: u16 = 120;

/// The screen regions for a frame of this size.
pub struct Regions {
    pub text: Option<Rect>,
    pub grid: Rect,
    pub findings: Rect,
    pub status: Rect,
}

pub fn regions(app: &App, area: Rect) -> Regions {
    let [main, status] = Layout::vertical([Constraint::Min(1), Constraint::Length(1)]).areas(area);
    let n = app.table_findings().len() as u16;
    // The findings panel's width, to know how many rows the detail needs.
    let panel_w = if app.show_text && area.width >= WIDE {
        area.width - area.width * 38 / 100
    } else {
        area.width
    };
    let detail = findings::detail_rows(app, panel_w.saturating_sub(2) as usize) as u16;
    let most = if area.height >= 40 {
        10
    } else {
        6 + detail.min(1)
    };
    let findings_h = (n + 2 + detail).clamp(3, most.max(3 + detail));
    if !app.show_text {
        let [grid, findings] =
            Layout::vertical([Constraint::Min(3), Constraint::Length(findings_h)]).areas(main);
        return Regions {
            text: None,
            grid,
            findings,
            status,
        };
    }
    if area.width >= WIDE {
        let [left, right] = Layout::default()
            .direction(Direction::Horizontal)
            .constraints([Constraint::Percentage(38), Constraint::Percentage(62)])
            .areas(main);
        let [grid, findings] =
            Layout::vertical([Constraint::Min(3), Constraint::Length(findings_h)]).areas(right);
        Regions {
            text: Some(left),
            grid,
            findings,
            status,
        }
    } else {
        let [grid, findings, text] = Layout::vertical([
            Constraint::Percentage(50),
            Constraint::Length(findings_h),
            Constraint::Min(3),
        ])
        .areas(main);
        Regions {
            text: Some(text),
            grid,
            findings,
            status,
        }
    }
}

pub fn draw(frame: &mut Frame, app: &App) {
    let area = frame.area();
    frame.render_widget(
        ratatui::widgets::Block::default().style(app.theme.base),
        area,
    );
    let r = regions(app, area);
    // Each pane records what it drew (a hidden pane stays at zero).
    app.viewport.set(Default::default());
    if let Some(t) = r.text {
        text::draw(frame, app, t);
    }
    grid::draw(frame, app, r.grid);
    findings::draw(frame, app, r.findings);
    status::draw(frame, app, r.status);
    match app.mode {
        Mode::Help { scroll } => overlay::help(frame, app, area, scroll),
        Mode::Outline { sel } => overlay::outline(frame, app, area, sel),
        Mode::QuitPrompt => overlay::quit(frame, app, area),
        Mode::RestorePrompt { changes } => overlay::restore(frame, app, area, changes),
        Mode::SavedCopyPrompt => {
            let copy = app
                .saved_copy
                .as_ref()
                .and_then(|c| c.path.file_name())
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            overlay::prompt(
                frame,
                app,
                area,
                s::t(crate::i18n::Key::TuiSavedCopyTitle),
                &[s::saved_copy_text(&copy)],
            )
        }
        Mode::ConfirmSave { ref reasons, .. } => overlay::prompt(
            frame,
            app,
            area,
            s::t(crate::i18n::Key::TuiConfirmSaveTitle),
            reasons,
        ),
        _ => {}
    }
}
