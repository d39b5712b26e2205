//! Rules 400–499.

use crate::rule::Rule;

mod care_ended_but_next_episode_not_started;
mod care_restarted_before_previous_episode_ended;
mod continuation_episode_does_not_follow_previous;
mod distance_given_for_uasc_child;
mod episode_after_death_or_age_18;
mod freeing_order_status_after_2005;
mod freeing_order_still_open;
mod legal_status_change_not_reflected;
mod participation_code_for_child_under_4;
mod placed_for_adoption_without_placement_order;
mod placement_and_legal_status_change_not_reflected;
mod placement_change_not_reflected;
mod placement_distance_changed_since_last_year;
mod placement_distance_over_350_miles;
mod placement_la_changed_since_last_year;
mod placement_la_given_for_short_break;
mod placement_location_disagrees_with_placement_la;
mod placement_order_status_before_december_2005;
mod short_breaks_under_both_v3_and_v4;
mod special_guardianship_order_after_age_18;
mod staying_put_ended_under_18;
mod under_4_review_code_for_child_aged_4;
mod upn_duplicated;
mod upn_missing;

/// The rules in this folder.
pub(crate) const RULES: &[&Rule] = &[
    &distance_given_for_uasc_child::DISTANCE_GIVEN_FOR_UASC_CHILD,
    &special_guardianship_order_after_age_18::SPECIAL_GUARDIANSHIP_ORDER_AFTER_AGE_18,
    &placed_for_adoption_without_placement_order::PLACED_FOR_ADOPTION_WITHOUT_PLACEMENT_ORDER,
    &placement_location_disagrees_with_placement_la::PLACEMENT_LOCATION_DISAGREES_WITH_PLACEMENT_LA,
    &placement_la_given_for_short_break::PLACEMENT_LA_GIVEN_FOR_SHORT_BREAK,
    &short_breaks_under_both_v3_and_v4::SHORT_BREAKS_UNDER_BOTH_V3_AND_V4,
    &care_restarted_before_previous_episode_ended::CARE_RESTARTED_BEFORE_PREVIOUS_EPISODE_ENDED,
    &care_ended_but_next_episode_not_started::CARE_ENDED_BUT_NEXT_EPISODE_NOT_STARTED,
    &continuation_episode_does_not_follow_previous::CONTINUATION_EPISODE_DOES_NOT_FOLLOW_PREVIOUS,
    &legal_status_change_not_reflected::LEGAL_STATUS_CHANGE_NOT_REFLECTED,
    &placement_change_not_reflected::PLACEMENT_CHANGE_NOT_REFLECTED,
    &placement_and_legal_status_change_not_reflected::PLACEMENT_AND_LEGAL_STATUS_CHANGE_NOT_REFLECTED,
    &episode_after_death_or_age_18::EPISODE_AFTER_DEATH_OR_AGE_18,
    &under_4_review_code_for_child_aged_4::UNDER_4_REVIEW_CODE_FOR_CHILD_AGED_4,
    &participation_code_for_child_under_4::PARTICIPATION_CODE_FOR_CHILD_UNDER_4,
    &upn_missing::UPN_MISSING,
    &upn_duplicated::UPN_DUPLICATED,
    &freeing_order_status_after_2005::FREEING_ORDER_STATUS_AFTER_2005,
    &placement_order_status_before_december_2005::PLACEMENT_ORDER_STATUS_BEFORE_DECEMBER_2005,
    &freeing_order_still_open::FREEING_ORDER_STILL_OPEN,
    &placement_la_changed_since_last_year::PLACEMENT_LA_CHANGED_SINCE_LAST_YEAR,
    &placement_distance_changed_since_last_year::PLACEMENT_DISTANCE_CHANGED_SINCE_LAST_YEAR,
    &placement_distance_over_350_miles::PLACEMENT_DISTANCE_OVER_350_MILES,
    &staying_put_ended_under_18::STAYING_PUT_ENDED_UNDER_18,
];
