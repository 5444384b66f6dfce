//! Conditions and routes written back the way a trainer writes them in the
//! scenario file, for the workbench's node panel.

use crate::scenario::model::{Condition, Next};

/// A condition in the file's own syntax, e.g. `All([Flag("a"), MoodAtLeast(60)])`.
pub fn condition(condition: &Condition) -> String {
    condition.to_string()
}

/// Where a reply leads, one line per way: `→ b`, `if MoodAtLeast(60) → b`,
/// `otherwise → c`, `3/4 → b`.
pub fn next(next: &Next, otherwise_word: &str, if_word: &str) -> Vec<String> {
    match next {
        Next::Go(target) => vec![format!("→ {}", target.id.value)],
        Next::Route {
            branches,
            otherwise,
            ..
        } => branches
            .iter()
            .map(|b| format!("{if_word} {} → {}", condition(&b.when), b.go.id.value))
            .chain(std::iter::once(format!(
                "{otherwise_word} → {}",
                otherwise.id.value
            )))
            .collect(),
        Next::Random { options, .. } => {
            let total: u32 = options.iter().map(|o| o.weight).sum();
            options
                .iter()
                .map(|o| format!("{}/{total} → {}", o.weight, o.go.id.value))
                .collect()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::scenario::model::{FlagRef, Target};
    use crate::source::Spanned;

    fn flag(name: &str) -> FlagRef {
        FlagRef {
            name: Spanned::new(name.to_string(), Default::default()),
            flag: 0,
        }
    }

    #[test]
    fn conditions_read_like_the_file() {
        let c = Condition::All(vec![
            Condition::Flag(flag("a")),
            Condition::Not(Box::new(Condition::MoodBelow(30))),
        ]);
        assert_eq!(condition(&c), r#"All([Flag("a"), Not(MoodBelow(30))])"#);
        let target = |id: &str| Target {
            id: Spanned::new(id.to_string(), Default::default()),
            node: 0,
        };
        assert_eq!(next(&Next::Go(target("b")), "else", "if"), vec!["→ b"]);
    }
}
