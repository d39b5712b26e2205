//! Rules 500–599.

use crate::rule::Rule;

/// The rules in this folder.
pub(crate) const RULES: &[&Rule] = &[];
