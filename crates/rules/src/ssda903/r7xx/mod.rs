//! Rules 700–799.

use crate::rule::Rule;

/// The rules in this folder.
pub(crate) const RULES: &[&Rule] = &[];
