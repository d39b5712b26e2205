//! The reference validator's own integrity checks: INT01–INT36, EPI and NoE.

use crate::rule::Rule;

/// The rules in this folder.
pub(crate) const RULES: &[&Rule] = &[];
