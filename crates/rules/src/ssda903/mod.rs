//! The SSDA903 rules, one file per rule, grouped in folders by code range. Each folder's
//! `mod.rs` lists its rules in `RULES`; [`all`] joins and sorts them.

use std::sync::OnceLock;

use crate::rule::Rule;

mod integrity;
mod r1000;
mod r1xx;
mod r2xx;
mod r3xx;
mod r4xx;
mod r5xx;
mod r6xx;
mod r7xx;
mod sw;

/// Every rule version, sorted by code (numeric codes numerically, then the rest), then by first
/// year in force.
pub(crate) fn all() -> &'static [&'static Rule] {
    static ALL: OnceLock<Vec<&'static Rule>> = OnceLock::new();
    ALL.get_or_init(|| {
        let mut v: Vec<&'static Rule> = [
            r1xx::RULES,
            r2xx::RULES,
            r3xx::RULES,
            r4xx::RULES,
            r5xx::RULES,
            r6xx::RULES,
            r7xx::RULES,
            r1000::RULES,
            sw::RULES,
            integrity::RULES,
        ]
        .concat();
        v.sort_by(|a, b| {
            sort_key(a.code).cmp(&sort_key(b.code)).then(a.years.from.cmp(&b.years.from))
        });
        v
    })
}

/// Numeric prefix first (so 99 < 101 < 1000), then the rest of the code.
pub(crate) fn sort_key(code: &str) -> (u32, u32, &str) {
    let digits: String = code.chars().take_while(char::is_ascii_digit).collect();
    match digits.parse::<u32>() {
        Ok(n) => (0, n, &code[digits.len()..]),
        Err(_) => (1, 0, code),
    }
}
