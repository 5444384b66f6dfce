//! The two languages of the app, and texts written in both.
//!
//! A leaf: it imports nothing from the crate, so every other module can
//! speak both languages. Two mechanisms translate, each with its place:
//! [`msg!`] writes a sentence in both languages where the library makes it
//! (a diagnostic, an error), beside the logic that knows what went wrong;
//! the `Texts` table of [`crate::i18n`] holds the fixed vocabulary of the
//! app and the command line, looked up by key.

use serde::{Deserialize, Serialize};

/// A UI language.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    /// Español.
    Es,
    /// English.
    #[default]
    En,
}

impl Lang {
    /// Both languages.
    pub const ALL: [Lang; 2] = [Lang::Es, Lang::En];

    /// The language code used by scenario files.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Es => "es",
            Lang::En => "en",
        }
    }

    /// The language's own name.
    pub fn name(self) -> &'static str {
        match self {
            Lang::Es => "Español",
            Lang::En => "English",
        }
    }

    /// The language for a code such as `es`, `es-MX` or `en_GB.UTF-8`.
    pub fn from_code(code: &str) -> Option<Lang> {
        let lower = code.trim().to_ascii_lowercase();
        if lower.starts_with("es") {
            Some(Lang::Es)
        } else if lower.starts_with("en") {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// The system language from the usual environment variables: Spanish
    /// or English, else English.
    pub fn from_environment() -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"]
            .iter()
            .filter_map(|var| std::env::var(var).ok())
            .find(|value| !value.is_empty() && value != "C" && value != "POSIX")
            .and_then(|value| Lang::from_code(&value))
            .unwrap_or(Lang::En)
    }
}

/// A text written in both languages, such as a diagnostic's message.
///
/// Deliberately not `Display`: whoever shows it picks the language.
#[derive(Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Bilingual {
    /// English.
    pub en: String,
    /// Español.
    pub es: String,
}

impl Bilingual {
    /// A text from its English and Spanish versions.
    pub fn new(en: impl Into<String>, es: impl Into<String>) -> Self {
        Bilingual {
            en: en.into(),
            es: es.into(),
        }
    }

    /// The same text in both languages (a file name, an id, an OS error).
    pub fn same(text: impl Into<String>) -> Self {
        let text = text.into();
        Bilingual {
            en: text.clone(),
            es: text,
        }
    }

    /// The text in `lang`.
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Es => &self.es,
        }
    }

    /// True when neither language has any text.
    pub fn is_empty(&self) -> bool {
        self.en.is_empty() && self.es.is_empty()
    }

    /// Borrows both texts, to pass where a [`Phrase`] is expected.
    pub fn as_phrase(&self) -> Phrase<'_> {
        Phrase {
            en: &self.en,
            es: &self.es,
        }
    }
}

/// A borrowed text in both languages: the cheap form for the words that
/// go into messages ("the title", "a list"), which are checked on every
/// value read and must not allocate unless something is wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Phrase<'a> {
    /// English.
    pub en: &'a str,
    /// Español.
    pub es: &'a str,
}

impl<'a> Phrase<'a> {
    /// A phrase from its English and Spanish versions.
    pub const fn new(en: &'a str, es: &'a str) -> Self {
        Phrase { en, es }
    }
}

impl From<Phrase<'_>> for Bilingual {
    fn from(phrase: Phrase<'_>) -> Self {
        Bilingual::new(phrase.en, phrase.es)
    }
}

/// Something with an English and a Spanish form; lets [`msg!`] put the
/// right one into each language's sentence.
pub trait Translated {
    /// The English form.
    fn en(&self) -> &str;
    /// The Spanish form.
    fn es(&self) -> &str;
}

impl Translated for Bilingual {
    fn en(&self) -> &str {
        &self.en
    }
    fn es(&self) -> &str {
        &self.es
    }
}

impl Translated for Phrase<'_> {
    fn en(&self) -> &str {
        self.en
    }
    fn es(&self) -> &str {
        self.es
    }
}

impl<T: Translated + ?Sized> Translated for &T {
    fn en(&self) -> &str {
        (**self).en()
    }
    fn es(&self) -> &str {
        (**self).es()
    }
}

/// Builds a [`Bilingual`] from an English and a Spanish format string.
///
/// Both strings use inline captures (`{name}`). Values can be bound after
/// the strings: `name = expr` is the same in both languages, `name => expr`
/// is [`Translated`] and each language gets its own form:
///
/// ```ignore
/// msg!(
///     "{what} must be a text in quotes, found {found}",
///     "{what} debe ser un texto entre comillas, pero hay {found}",
///     what => what,
///     found => value.kind.describe(),
/// )
/// ```
macro_rules! msg {
    (@bind $texts:tt [$($same:tt)*] [$($each:tt)*]
        $name:ident = $value:expr $(, $($rest:tt)*)?) => {
        $crate::lang::msg!(@bind $texts [$($same)* ($name $value)] [$($each)*] $($($rest)*)?)
    };
    (@bind $texts:tt [$($same:tt)*] [$($each:tt)*]
        $name:ident => $value:expr $(, $($rest:tt)*)?) => {
        $crate::lang::msg!(@bind $texts [$($same)*] [$($each)* ($name $value)] $($($rest)*)?)
    };
    (@bind [$en:literal, $es:literal]
        [$(($same:ident $same_value:expr))*] [$(($each:ident $each_value:expr))*]) => {{
        // One `let` for all, so that no value sees another's binding.
        let (($($same,)*), ($($each,)*)) = (($(&$same_value,)*), ($(&$each_value,)*));
        let en = {
            $(let $each = $crate::lang::Translated::en($each);)*
            format!($en)
        };
        let es = {
            $(let $each = $crate::lang::Translated::es($each);)*
            format!($es)
        };
        $crate::lang::Bilingual { en, es }
    }};
    ($en:literal, $es:literal $(,)?) => {
        $crate::lang::Bilingual {
            en: format!($en),
            es: format!($es),
        }
    };
    ($en:literal, $es:literal, $($args:tt)+) => {
        $crate::lang::msg!(@bind [$en, $es] [] [] $($args)+)
    };
}
pub(crate) use msg;
