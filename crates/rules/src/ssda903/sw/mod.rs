//! Social worker rules (SWnn…STGn), from 2023/24.

use crate::rule::Rule;

/// The rules in this folder.
pub(crate) const RULES: &[&Rule] = &[];
