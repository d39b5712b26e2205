//! Rules 200–299.

use crate::rule::Rule;

mod adoption_with_foster_carer_has_wrong_rne;
mod care_leaver_has_twelve_month_outcomes;
mod child_looked_after_over_a_week_has_upn_un4;
mod custody_placement_change_under_10;
mod dob_conflicts_with_last_year;
mod duc_given_for_child_never_uasc;
mod ethnicity_conflicts_with_last_year;
mod h5_placement_without_urn;
mod mother_status_withdrawn_since_last_year;
mod p2_placement_after_october_2023;
mod placement_location_given_for_short_break;
mod provider_conflicts_with_urn_la;
mod provider_conflicts_with_urn_la_2025_26;
mod provider_given_for_temporary_placement;
mod provider_given_for_temporary_placement_2025_26;
mod reason_for_placement_change_given_around_temporary_placement;
mod reason_for_placement_change_given_around_temporary_placement_2025_26;
mod reason_for_placement_change_missing;
mod reason_for_placement_change_on_open_episode;
mod school_age_child_has_upn_un1;
mod sex_conflicts_with_last_year;
mod sex_is_unknown;
mod supported_accommodation_outside_provider_las;
mod uasc_child_is_under_11;
mod uasc_continues_but_duc_disagrees;
mod uasc_ended_without_supporting_duc;
mod uasc_joins;
mod uasc_this_year_not_last_year;
mod unregistered_urn_outside_adoption_or_fostering;
mod upn_conflicts_with_last_year;
mod urn_closed_before_episode_ended;
mod urn_closed_before_episode_started;
mod urn_does_not_match_placement_postcode;
mod urn_does_not_match_placement_postcode_2023_24;
mod urn_does_not_match_placement_postcode_2024_25;
mod urn_does_not_match_placement_provider;
mod urn_does_not_match_placement_type;
mod urn_given_for_placement_outside_england;
mod urn_given_for_unregistered_placement_type;
mod urn_given_for_unregistered_placement_type_2023_24;
mod urn_given_for_unregistered_placement_type_2024_25;
mod urn_given_for_unregistered_placement_type_2025_26;
mod urn_missing;
mod urn_missing_2024_25;
mod urn_missing_2025_26;
pub(super) mod util;

/// The rules in this folder.
pub(crate) const RULES: &[&Rule] = &[
    &sex_conflicts_with_last_year::SEX_CONFLICTS_WITH_LAST_YEAR,
    &dob_conflicts_with_last_year::DOB_CONFLICTS_WITH_LAST_YEAR,
    &ethnicity_conflicts_with_last_year::ETHNICITY_CONFLICTS_WITH_LAST_YEAR,
    &uasc_ended_without_supporting_duc::UASC_ENDED_WITHOUT_SUPPORTING_DUC,
    &uasc_continues_but_duc_disagrees::UASC_CONTINUES_BUT_DUC_DISAGREES,
    &duc_given_for_child_never_uasc::DUC_GIVEN_FOR_CHILD_NEVER_UASC,
    &uasc_this_year_not_last_year::UASC_THIS_YEAR_NOT_LAST_YEAR,
    &mother_status_withdrawn_since_last_year::MOTHER_STATUS_WITHDRAWN_SINCE_LAST_YEAR,
    &upn_conflicts_with_last_year::UPN_CONFLICTS_WITH_LAST_YEAR,
    &school_age_child_has_upn_un1::SCHOOL_AGE_CHILD_HAS_UPN_UN1,
    &child_looked_after_over_a_week_has_upn_un4::CHILD_LOOKED_AFTER_OVER_A_WEEK_HAS_UPN_UN4,
    &provider_given_for_temporary_placement::PROVIDER_GIVEN_FOR_TEMPORARY_PLACEMENT,
    &provider_given_for_temporary_placement_2025_26::PROVIDER_GIVEN_FOR_TEMPORARY_PLACEMENT_2025_26,
    &placement_location_given_for_short_break::PLACEMENT_LOCATION_GIVEN_FOR_SHORT_BREAK,
    &care_leaver_has_twelve_month_outcomes::CARE_LEAVER_HAS_TWELVE_MONTH_OUTCOMES,
    &adoption_with_foster_carer_has_wrong_rne::ADOPTION_WITH_FOSTER_CARER_HAS_WRONG_RNE,
    &p2_placement_after_october_2023::P2_PLACEMENT_AFTER_OCTOBER_2023,
    &urn_missing::URN_MISSING,
    &urn_missing_2024_25::URN_MISSING_2024_25,
    &urn_missing_2025_26::URN_MISSING_2025_26,
    &urn_does_not_match_placement_type::URN_DOES_NOT_MATCH_PLACEMENT_TYPE,
    &urn_does_not_match_placement_postcode::URN_DOES_NOT_MATCH_PLACEMENT_POSTCODE,
    &urn_does_not_match_placement_postcode_2023_24::URN_DOES_NOT_MATCH_PLACEMENT_POSTCODE_2023_24,
    &urn_does_not_match_placement_postcode_2024_25::URN_DOES_NOT_MATCH_PLACEMENT_POSTCODE_2024_25,
    &urn_given_for_unregistered_placement_type::URN_GIVEN_FOR_UNREGISTERED_PLACEMENT_TYPE,
    &urn_given_for_unregistered_placement_type_2023_24::URN_GIVEN_FOR_UNREGISTERED_PLACEMENT_TYPE_2023_24,
    &urn_given_for_unregistered_placement_type_2024_25::URN_GIVEN_FOR_UNREGISTERED_PLACEMENT_TYPE_2024_25,
    &urn_given_for_unregistered_placement_type_2025_26::URN_GIVEN_FOR_UNREGISTERED_PLACEMENT_TYPE_2025_26,
    &urn_does_not_match_placement_provider::URN_DOES_NOT_MATCH_PLACEMENT_PROVIDER,
    &reason_for_placement_change_missing::REASON_FOR_PLACEMENT_CHANGE_MISSING,
    &reason_for_placement_change_given_around_temporary_placement::REASON_FOR_PLACEMENT_CHANGE_GIVEN_AROUND_TEMPORARY_PLACEMENT,
    &reason_for_placement_change_given_around_temporary_placement_2025_26::REASON_FOR_PLACEMENT_CHANGE_GIVEN_AROUND_TEMPORARY_PLACEMENT_2025_26,
    &urn_closed_before_episode_started::URN_CLOSED_BEFORE_EPISODE_STARTED,
    &urn_closed_before_episode_ended::URN_CLOSED_BEFORE_EPISODE_ENDED,
    &provider_conflicts_with_urn_la::PROVIDER_CONFLICTS_WITH_URN_LA,
    &provider_conflicts_with_urn_la_2025_26::PROVIDER_CONFLICTS_WITH_URN_LA_2025_26,
    &h5_placement_without_urn::H5_PLACEMENT_WITHOUT_URN,
    &uasc_child_is_under_11::UASC_CHILD_IS_UNDER_11,
    &sex_is_unknown::SEX_IS_UNKNOWN,
    &reason_for_placement_change_on_open_episode::REASON_FOR_PLACEMENT_CHANGE_ON_OPEN_EPISODE,
    &custody_placement_change_under_10::CUSTODY_PLACEMENT_CHANGE_UNDER_10,
    &supported_accommodation_outside_provider_las::SUPPORTED_ACCOMMODATION_OUTSIDE_PROVIDER_LAS,
    &unregistered_urn_outside_adoption_or_fostering::UNREGISTERED_URN_OUTSIDE_ADOPTION_OR_FOSTERING,
    &urn_given_for_placement_outside_england::URN_GIVEN_FOR_PLACEMENT_OUTSIDE_ENGLAND,
];
