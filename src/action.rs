//! The app's vocabulary: every user intent is one [`Action`].
//!
//! The snake_case names are exactly what users write in the keymap TOML
//! (`j = "down"`), and each variant's message is the help overlay's text, so the
//! enum, the config file and the help screen cannot disagree.

use serde::{Deserialize, Serialize};
use strum::{EnumMessage, IntoEnumIterator};

/// One user intent. `AppState::update` is the only place that acts on it.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    Serialize,
    Deserialize,
    strum::EnumIter,
    strum::EnumString,
    strum::IntoStaticStr,
    strum::EnumMessage,
)]
#[serde(rename_all = "snake_case")]
#[strum(serialize_all = "snake_case")]
pub enum Action {
    #[strum(message = "Quit brief")]
    Quit,
    #[strum(message = "Show or hide this help")]
    Help,
    #[strum(message = "Close the overlay, leave the mode or clear the filter")]
    Cancel,
    #[strum(message = "Move the selection up")]
    Up,
    #[strum(message = "Move the selection down")]
    Down,
    #[strum(message = "Move up one page")]
    PageUp,
    #[strum(message = "Move down one page")]
    PageDown,
    #[strum(message = "Move up half a page")]
    HalfPageUp,
    #[strum(message = "Move down half a page")]
    HalfPageDown,
    #[strum(message = "Go to the first item or line")]
    Top,
    #[strum(message = "Go to the last item or line")]
    Bottom,
    #[strum(message = "Focus the next pane")]
    FocusNext,
    #[strum(message = "Focus the previous pane")]
    FocusPrev,
    #[strum(message = "Focus the pane to the left")]
    FocusLeft,
    #[strum(message = "Focus the pane to the right")]
    FocusRight,
    #[strum(message = "Focus the article list")]
    FocusList,
    #[strum(message = "Focus the key points table")]
    FocusPoints,
    #[strum(message = "Focus the actor sidebar")]
    FocusActors,
    #[strum(message = "Open the selected article (or the key point's article) in the reader")]
    Open,
    #[strum(message = "Leave the reader, or close the actor overlay")]
    Back,
    #[strum(message = "Key points: switch between this article and the whole briefing")]
    ToggleBriefing,
    #[strum(message = "Narrow articles and key points to the selected actor (on/off)")]
    ToggleActorLink,
    #[strum(message = "Show the actor's roles, aliases, quotes and the articles that name them")]
    ActorInfo,
    #[strum(message = "Actors: show every kind, then only people, organisations, places")]
    CycleActorKind,
    #[strum(message = "Show or hide the actor sidebar")]
    ToggleSidebar,
    #[strum(message = "Fuzzy-filter the focused pane (search in the reader)")]
    Filter,
    #[strum(message = "Keep the filter and return to the pane")]
    FilterAccept,
    #[strum(message = "Clear the filter")]
    FilterClear,
    #[strum(message = "Delete the last character of the query")]
    FilterBackspace,
    #[strum(message = "Next match of the search or the pane's filter (wraps)")]
    SearchNext,
    #[strum(message = "Previous match of the search or the pane's filter (wraps)")]
    SearchPrev,
    #[strum(message = "Reader: jump to the next key point")]
    NextKeyPoint,
    #[strum(message = "Reader: jump to the previous key point")]
    PrevKeyPoint,
    #[strum(message = "Reader: jump to the next mention of the followed actor")]
    NextMention,
    #[strum(message = "Reader: jump to the previous mention of the followed actor")]
    PrevMention,
    #[strum(
        message = "Reader: follow the next actor of this article (its mentions are underlined)"
    )]
    FollowNextActor,
    #[strum(message = "Reader: follow the previous actor of this article")]
    FollowPrevActor,
    #[strum(message = "Scroll up one line")]
    ScrollUp,
    #[strum(message = "Scroll down one line")]
    ScrollDown,
    #[strum(message = "Reader: open the next article")]
    NextArticle,
    #[strum(message = "Reader: open the previous article")]
    PrevArticle,
    #[strum(message = "Select the next unread article (in the reader: open it)")]
    NextUnread,
    #[strum(message = "Mark the article read or unread")]
    ToggleRead,
    #[strum(message = "Mark the article read")]
    MarkRead,
    #[strum(message = "Mark every listed article read (undo takes it back)")]
    MarkAllRead,
    #[strum(message = "Undo the last mark-all-read")]
    Undo,
    #[strum(message = "Star or unstar the article or key point")]
    ToggleStar,
    #[strum(message = "Show only unread articles (on/off)")]
    UnreadOnly,
    #[strum(message = "Show only starred items (on/off)")]
    StarredOnly,
    #[strum(message = "Sort the articles: briefing order, date, source, title, unread first")]
    Sort,
    #[strum(message = "Copy the selected item to the clipboard (OSC 52, works over SSH)")]
    Yank,
    #[strum(message = "Export the current view to a file")]
    Export,
    #[strum(message = "Open the article's source URL in $BROWSER")]
    OpenSource,
    #[strum(message = "Open the article file in $EDITOR")]
    OpenEditor,
    #[strum(message = "Open the article file in $PAGER")]
    OpenPager,
    #[strum(message = "Reload the briefing from disk")]
    Reload,
    #[strum(message = "Redraw the whole screen")]
    Redraw,
    #[strum(message = "Suspend brief (fg resumes)")]
    Suspend,
    #[strum(message = "Unbind the key")]
    None,
}

impl Action {
    /// Every action, in help order.
    pub fn all() -> impl Iterator<Item = Action> {
        Action::iter()
    }

    /// The name used in the keymap TOML.
    pub fn name(self) -> &'static str {
        self.into()
    }

    /// One line for the help overlay and the README key table.
    pub fn description(self) -> &'static str {
        self.get_message().unwrap_or("")
    }

    /// Parses a keymap name; `None` for unknown names.
    pub fn from_name(name: &str) -> Option<Action> {
        name.parse().ok()
    }
}

impl std::fmt::Display for Action {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_through_serde_and_from_name() {
        for a in Action::all() {
            let json = serde_json::to_string(&a).expect("serialize");
            assert_eq!(json, format!("\"{}\"", a.name()));
            assert_eq!(Action::from_name(a.name()), Some(a));
            assert!(!a.description().is_empty());
        }
        assert_eq!(Action::from_name("dwon"), None);
    }
}
