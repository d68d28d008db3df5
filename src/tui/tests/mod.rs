//! Screen tests of the TUI: the real `view::draw` into a ratatui
//! `TestBackend`, driven by the real key handlers (`App::on_key`,
//! `ListApp::on_key`, `Shell::on_key`), grouped by what they test, with one
//! support module.

mod support;

mod lang_screens;
mod list_draw;
mod list_idle;
mod list_order;
mod list_review;
mod review_edit;
mod review_findings;
mod review_grid;
mod review_keys;
mod review_outline;
mod review_save;
mod review_saved;
mod review_screen;
mod review_sheet;
mod review_text;
mod review_walk;
mod review_writers;
