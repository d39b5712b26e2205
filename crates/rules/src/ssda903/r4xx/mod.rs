//! Rules 400–499.

use crate::rule::Rule;

/// The rules in this folder.
pub(crate) const RULES: &[&Rule] = &[];
