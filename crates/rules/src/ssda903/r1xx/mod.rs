//! Rules 100–199.

use crate::rule::Rule;

mod episode_not_ended_before_next_started;
mod ethnicity_code_is_not_valid;

/// The rules in this folder.
pub(crate) const RULES: &[&Rule] = &[
    &ethnicity_code_is_not_valid::ETHNICITY_CODE_IS_NOT_VALID,
    &episode_not_ended_before_next_started::EPISODE_NOT_ENDED_BEFORE_NEXT_STARTED,
];
