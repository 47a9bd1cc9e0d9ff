#![forbid(unsafe_code)]
//! The role of a block of text in an article: what the `--explain` view and
//! [`crate::explain`] give every block, and the line roles of the corpus
//! (`NAME.roles.tsv`) use the same names.

/// What a block of the input is, once the whole article has been read.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
#[cfg_attr(feature = "serde", serde(rename_all = "lowercase"))]
#[repr(u32)]
pub enum Role {
    /// The story's headline, first occurrence.
    Headline = 0,
    /// A later repeat of the headline.
    Repeat = 1,
    /// A standfirst, subtitle or summary under the headline.
    Dek = 2,
    /// The publication timestamp on a line without the byline.
    Published = 3,
    /// A byline line (names, the role line under them, a byline with a time).
    Byline = 4,
    /// A dateline on a line of its own before the body.
    Dateline = 5,
    /// Story prose.
    Body = 6,
    /// A heading inside the story.
    Subheading = 7,
    /// A photo or video caption, or a credit-only line.
    Caption = 8,
    /// A related-story link title.
    Related = 9,
    /// The credit line closing the story.
    Credits = 10,
    /// An agency sign-off after the story (`Reuter`).
    Signoff = 11,
    /// Site furniture: navigation, share prompts, copyright notices.
    Boilerplate = 12,
    /// Text in no field: author bios, fact boxes, comments, page leftovers.
    Other = 13,
}

impl Role {
    /// Every role, in the order of their codes.
    pub const ALL: [Role; 14] = [
        Role::Headline,
        Role::Repeat,
        Role::Dek,
        Role::Published,
        Role::Byline,
        Role::Dateline,
        Role::Body,
        Role::Subheading,
        Role::Caption,
        Role::Related,
        Role::Credits,
        Role::Signoff,
        Role::Boilerplate,
        Role::Other,
    ];

    /// The role's name as the explain view and the corpus line roles write it.
    pub const fn name(self) -> &'static str {
        match self {
            Role::Headline => "headline",
            Role::Repeat => "repeat",
            Role::Dek => "dek",
            Role::Published => "published",
            Role::Byline => "byline",
            Role::Dateline => "dateline",
            Role::Body => "body",
            Role::Subheading => "subheading",
            Role::Caption => "caption",
            Role::Related => "related",
            Role::Credits => "credits",
            Role::Signoff => "signoff",
            Role::Boilerplate => "boilerplate",
            Role::Other => "other",
        }
    }

    /// The role a name gives, as [`Role::name`] writes it.
    pub fn from_name(name: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.name() == name)
    }
}

impl std::fmt::Display for Role {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name())
    }
}

/// The role decided for one block, beside its context-free kind, with the
/// name of the rule that decided it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Assigned {
    /// The kind the block reads as on its own (`Kind::name`).
    pub kind: &'static str,
    pub role: Role,
    /// The deciding rule: `area.rule`, e.g. `header.dek`, `body.story`.
    pub why: &'static str,
}

impl Assigned {
    pub(crate) const fn new(kind: &'static str, role: Role, why: &'static str) -> Self {
        Assigned { kind, role, why }
    }

    /// Records the role a rule gives the block; a later decision replaces it.
    pub(crate) fn decide(&mut self, role: Role, why: &'static str) {
        self.role = role;
        self.why = why;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip_and_codes_follow_all() {
        for (code, role) in Role::ALL.into_iter().enumerate() {
            assert_eq!(role as usize, code);
            assert_eq!(Role::from_name(role.name()), Some(role));
        }
        assert_eq!(Role::from_name("Headline"), None);
    }
}
