//! What the reviewer can ask for: raw keys become these through the keymap
//! of the current mode (`keymap`), and the screens carry them out
//! (`App::update`, `ListApp::update`).

use ratatui::crossterm::event::KeyEvent;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    NextSection,
    PrevSection,
    Left,
    Right,
    Up,
    Down,
    PageUp,
    PageDown,
    FocusNext,
    FocusPrev,
    /// Edit the selected cell starting from its value (or, in the findings
    /// panel, jump to the selected finding's cell).
    Edit,
    /// Start editing with this character replacing the value.
    EditWith(char),
    NextError,
    PrevError,
    ShiftLeft,
    ShiftRight,
    Undo,
    Redo,
    Save,
    Quit,
    Help,
    /// Open the outline of sections.
    Outline,
    ToggleText,
    /// Apply the suggested fix of the finding under the cursor.
    ApplyFix,
    /// Esc in normal mode: back to the list when the review was opened from
    /// one (nothing otherwise).
    Back,

    // ---- text input (the cell editor, the list's filter)
    /// Accept what was typed.
    Commit,
    /// Accept the cell typed and move (Tab, Shift-Tab, ↑, ↓ in the editor).
    CommitLeft,
    CommitRight,
    CommitUp,
    CommitDown,
    /// Delete / Backspace on a cell: make it blank.
    ClearCell,
    /// `/`: search the labels and the text.
    Search,
    /// `g` / `G`: the first / last row (line, finding).
    Top,
    Bottom,
    /// Drop what was typed.
    Cancel,
    /// A key the text field takes as typing.
    Input(KeyEvent),

    // ---- dialogs
    /// Quit prompt: save, then leave.
    SaveAndQuit,
    /// Quit prompt: drop the edits and leave.
    DiscardAndQuit,
    /// Restore prompt: apply the journalled edits.
    Restore,
    /// Restore prompt: throw the journal away.
    DiscardJournal,
    /// Close the help overlay.
    CloseHelp,
    /// Saved-copy prompt: continue from the saved normalized copy.
    ContinueSaved,
    /// Saved-copy prompt: start from the input.
    StartFromInput,
    /// Save prompt: write although the input or output changed on disk.
    SaveAnyway,

    // ---- the list screen
    Open,
    Home,
    End,
    SortNext,
    SortReverse,
    Filter,
    ErrorsOnly,
}
