//! Rules 1000–1016.

use crate::rule::Rule;

/// The rules in this folder.
pub(crate) const RULES: &[&Rule] = &[];
