//! What every format parser returns: the structure of one document, before it becomes
//! an [`Article`](crate::model::Article) with an id, a path and a hash.

use crate::model::Section;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct ParsedDoc {
    /// `None` when the parser found no title; the caller then derives one.
    pub title: Option<String>,
    pub source: Option<String>,
    pub byline: Option<String>,
    /// `YYYY-MM-DD`.
    pub published: Option<String>,
    pub category: Option<String>,
    pub url: Option<String>,
    pub sections: Vec<Section>,
    /// Boilerplate lines taken out of the text, kept aside.
    pub removed: Vec<String>,
    pub warnings: Vec<String>,
}
