//! Rules 1000–1016 and 3001.

use crate::rule::Rule;

mod adoption_decision_before_care_started;
mod care_leaver_data_for_child_leaving_care_after_birthday;
mod care_leaver_data_for_child_looked_after_on_birthday;
mod care_leaver_data_for_child_missing_from_this_year;
mod care_leaver_data_for_child_never_looked_after;
mod care_leaver_data_for_child_not_eligible;
mod care_leaver_data_for_child_transferred_to_another_la;
mod care_leaver_data_for_child_who_died_in_care;
mod care_leaver_turning_17_with_former_foster_carers;
mod data_for_child_with_no_episodes;
mod missing_end_date_is_not_valid;
mod missing_start_date_is_not_valid;
mod missing_type_is_not_valid;
mod own_provision_placed_outside_own_la;
mod own_provision_placed_outside_own_la_2025_26;
mod reason_for_placement_change_is_not_valid;
mod uasc_data_for_care_leaver;
mod urn_not_in_ofsted_register;

/// The rules in this folder, by code.
pub(crate) const RULES: &[&Rule] = &[
    &care_leaver_data_for_child_who_died_in_care::CARE_LEAVER_DATA_FOR_CHILD_WHO_DIED_IN_CARE,
    &care_leaver_data_for_child_not_eligible::CARE_LEAVER_DATA_FOR_CHILD_NOT_ELIGIBLE,
    &care_leaver_data_for_child_never_looked_after::CARE_LEAVER_DATA_FOR_CHILD_NEVER_LOOKED_AFTER,
    &adoption_decision_before_care_started::ADOPTION_DECISION_BEFORE_CARE_STARTED,
    &missing_start_date_is_not_valid::MISSING_START_DATE_IS_NOT_VALID,
    &missing_end_date_is_not_valid::MISSING_END_DATE_IS_NOT_VALID,
    &missing_type_is_not_valid::MISSING_TYPE_IS_NOT_VALID,
    &care_leaver_data_for_child_looked_after_on_birthday::CARE_LEAVER_DATA_FOR_CHILD_LOOKED_AFTER_ON_BIRTHDAY,
    &urn_not_in_ofsted_register::URN_NOT_IN_OFSTED_REGISTER,
    &reason_for_placement_change_is_not_valid::REASON_FOR_PLACEMENT_CHANGE_IS_NOT_VALID,
    &care_leaver_data_for_child_missing_from_this_year::CARE_LEAVER_DATA_FOR_CHILD_MISSING_FROM_THIS_YEAR,
    &care_leaver_data_for_child_transferred_to_another_la::CARE_LEAVER_DATA_FOR_CHILD_TRANSFERRED_TO_ANOTHER_LA,
    &data_for_child_with_no_episodes::DATA_FOR_CHILD_WITH_NO_EPISODES,
    &uasc_data_for_care_leaver::UASC_DATA_FOR_CARE_LEAVER,
    &own_provision_placed_outside_own_la::OWN_PROVISION_PLACED_OUTSIDE_OWN_LA,
    &own_provision_placed_outside_own_la_2025_26::OWN_PROVISION_PLACED_OUTSIDE_OWN_LA_2025_26,
    &care_leaver_data_for_child_leaving_care_after_birthday::CARE_LEAVER_DATA_FOR_CHILD_LEAVING_CARE_AFTER_BIRTHDAY,
    &care_leaver_turning_17_with_former_foster_carers::CARE_LEAVER_TURNING_17_WITH_FORMER_FOSTER_CARERS,
];
