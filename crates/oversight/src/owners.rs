//! Owner names: Ofsted writes the same organisation in several ways ("Your Chapter Limited",
//! "Your chapter"); [`owner_key`] folds the spellings into one key.

use std::fmt;

use serde::Serialize;

/// The normalised form of an owner organisation's name: the key that groups its spellings.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(transparent)]
pub struct OwnerKey(String);

impl OwnerKey {
    /// The key as text (lower case, words separated by single spaces).
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for OwnerKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Legal-form words dropped from the end of a name. "Ltd" and "Limited" are the same form;
/// `llp`, `plc` and `cic` are dropped too, as no two organisations in the register differ only
/// by them.
const LEGAL_FORMS: &[&str] = &["ltd", "limited", "llp", "plc", "cic", "co"];

/// Folds an owner name into its [`OwnerKey`]. The rules, in order:
///
/// 1. lower case; `&` and `+` read as "and";
/// 2. a registered company or charity number is dropped: a run of 6–8 digits, alone or in
///    brackets ("Slough Children's Services Trust Limited (09487106)", "Over The Wall
///    03713232, 1075361");
/// 3. every character that is not a letter or digit becomes a space, except apostrophes,
///    which are removed ("Children's" = "Childrens");
/// 4. trailing legal forms (`Ltd`, `Limited`, `LLP`, `PLC`, `CIC`, `Co`) are dropped, then a
///    trailing "Group", then legal forms again ("Keys Group Ltd" = "Keys");
/// 5. a leading "The" is dropped.
///
/// Words inside the name are kept, so "Young Foundations Limited" and "Young Options Group
/// Ltd" stay apart, as do "Cambian Childcare Ltd" and "Cambian Group PLC" (two companies).
/// Returns `None` for a name with no letters or digits left.
///
/// ```
/// use carelens_oversight::owner_key;
/// assert_eq!(owner_key("Your Chapter Limited"), owner_key("Your chapter"));
/// assert_eq!(owner_key("Keys Group Ltd"), owner_key("KEYS GROUP"));
/// assert_ne!(owner_key("Cambian Childcare Ltd"), owner_key("Cambian Group PLC"));
/// ```
pub fn owner_key(name: &str) -> Option<OwnerKey> {
    let lower = name.to_lowercase().replace(['&', '+'], " and ");
    let mut cleaned = String::with_capacity(lower.len());
    for c in lower.chars() {
        match c {
            '\'' | '\u{2019}' | '\u{2018}' | '`' => {}
            c if c.is_alphanumeric() => cleaned.push(c),
            _ => cleaned.push(' '),
        }
    }
    let mut words: Vec<&str> = cleaned
        .split_whitespace()
        .filter(|w| !(w.len() >= 6 && w.len() <= 8 && w.bytes().all(|b| b.is_ascii_digit())))
        .collect();
    let strip_forms = |words: &mut Vec<&str>| {
        while words.len() > 1 && words.last().is_some_and(|w| LEGAL_FORMS.contains(w)) {
            words.pop();
        }
    };
    strip_forms(&mut words);
    if words.len() > 1 && words.last() == Some(&"group") {
        words.pop();
    }
    strip_forms(&mut words);
    if words.len() > 1 && words.first() == Some(&"the") {
        words.remove(0);
    }
    (!words.is_empty()).then(|| OwnerKey(words.join(" ")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn same(a: &str, b: &str) -> bool {
        owner_key(a) == owner_key(b)
    }

    #[test]
    fn spelling_variants_fold_together() {
        assert!(same("Your Chapter Limited", "Your chapter"));
        assert!(same("Yourcare (Northwest) ltd", "Yourcare (Northwest) Limited"));
        assert!(same(
            "Slough Children's Services Trust Limited (09487106)",
            "Slough Childrens Services Trust Ltd"
        ));
        assert!(same("Over The Wall 03713232, 1075361", "Over the Wall"));
        assert!(same("Smith & Jones Care Ltd", "Smith and Jones Care Limited"));
        assert!(same("Keys Group Ltd", "Keys"));
        assert!(same("The Priory Group", "Priory Group Limited"));
        assert_eq!(owner_key("Keys Group Ltd").unwrap().as_str(), "keys");
    }

    #[test]
    fn different_organisations_stay_apart() {
        assert!(!same("Young Foundations Limited", "Young Options Group Ltd"));
        assert!(!same("Cambian Childcare Ltd", "Cambian Group PLC"));
        assert!(!same("Nottinghamshire County Council", "Nottinghamshire Ymca"));
        assert!(!same("Group Homes Ltd", "Homes Ltd"));
        // A name that is only a legal form keeps it rather than vanishing.
        assert_eq!(owner_key("Limited").unwrap().as_str(), "limited");
        assert_eq!(owner_key(" -- "), None);
    }
}
