//! What the reviewer can ask for: raw keys become these in `keymap`, and
//! `App::update` carries them out.

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
    ToggleText,
    /// Apply the suggested fix of the finding under the cursor.
    ApplyFix,
}
