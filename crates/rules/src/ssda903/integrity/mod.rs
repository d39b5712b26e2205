//! The reference validator's own integrity checks: INT01–INT36, EPI and NoE. They are not DfE
//! rules; the reference runs them to catch returns whose tables do not fit together (a child
//! missing from Header, a date of birth or sex that differs between tables, a child twice in a
//! one-row-per-child table, a child with no episodes, a history missing from last year).

use crate::rule::Rule;

mod ad1_child_duplicated;
mod ad1_child_not_in_header;
mod ad1_dob_differs_from_header;
mod child_has_no_episodes_or_care_leaver_data;
mod episode_before_year_missing_from_last_year;
mod episodes_child_not_in_header;
mod header_child_duplicated;
mod missing_child_not_in_header;
mod missing_dob_differs_from_header;
mod oc2_child_duplicated;
mod oc2_child_not_in_header;
mod oc2_dob_differs_from_header;
mod oc3_child_duplicated;
mod oc3_child_not_in_header;
mod oc3_dob_differs_from_header;
mod placed_adoption_child_not_in_header;
mod placed_adoption_dob_differs_from_header;
mod prev_perm_child_duplicated;
mod prev_perm_child_not_in_header;
mod prev_perm_dob_differs_from_header;
mod reviews_child_not_in_header;
mod reviews_dob_differs_from_header;
mod uasc_child_duplicated;
mod uasc_child_not_in_header;
mod uasc_dob_differs_from_header;
mod uasc_sex_differs_from_header;
mod util;

/// The rules in this folder, sorted by code.
pub(crate) const RULES: &[&Rule] = &[
    &child_has_no_episodes_or_care_leaver_data::CHILD_HAS_NO_EPISODES_OR_CARE_LEAVER_DATA,
    &ad1_child_not_in_header::AD1_CHILD_NOT_IN_HEADER,
    &placed_adoption_child_not_in_header::PLACED_ADOPTION_CHILD_NOT_IN_HEADER,
    &episodes_child_not_in_header::EPISODES_CHILD_NOT_IN_HEADER,
    &missing_child_not_in_header::MISSING_CHILD_NOT_IN_HEADER,
    &oc2_child_not_in_header::OC2_CHILD_NOT_IN_HEADER,
    &oc3_child_not_in_header::OC3_CHILD_NOT_IN_HEADER,
    &prev_perm_child_not_in_header::PREV_PERM_CHILD_NOT_IN_HEADER,
    &reviews_child_not_in_header::REVIEWS_CHILD_NOT_IN_HEADER,
    &uasc_child_not_in_header::UASC_CHILD_NOT_IN_HEADER,
    &ad1_dob_differs_from_header::AD1_DOB_DIFFERS_FROM_HEADER,
    &placed_adoption_dob_differs_from_header::PLACED_ADOPTION_DOB_DIFFERS_FROM_HEADER,
    &missing_dob_differs_from_header::MISSING_DOB_DIFFERS_FROM_HEADER,
    &oc2_dob_differs_from_header::OC2_DOB_DIFFERS_FROM_HEADER,
    &oc3_dob_differs_from_header::OC3_DOB_DIFFERS_FROM_HEADER,
    &prev_perm_dob_differs_from_header::PREV_PERM_DOB_DIFFERS_FROM_HEADER,
    &reviews_dob_differs_from_header::REVIEWS_DOB_DIFFERS_FROM_HEADER,
    &uasc_dob_differs_from_header::UASC_DOB_DIFFERS_FROM_HEADER,
    &uasc_sex_differs_from_header::UASC_SEX_DIFFERS_FROM_HEADER,
    &ad1_child_duplicated::AD1_CHILD_DUPLICATED,
    &header_child_duplicated::HEADER_CHILD_DUPLICATED,
    &oc2_child_duplicated::OC2_CHILD_DUPLICATED,
    &oc3_child_duplicated::OC3_CHILD_DUPLICATED,
    &prev_perm_child_duplicated::PREV_PERM_CHILD_DUPLICATED,
    &uasc_child_duplicated::UASC_CHILD_DUPLICATED,
    &episode_before_year_missing_from_last_year::EPISODE_BEFORE_YEAR_MISSING_FROM_LAST_YEAR,
];
