use std::collections::HashMap;

use carelens_model::codes::ReasonEpisodeCeased;
use carelens_model::{Date, Episode};

use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;
use crate::order::numpy_argsort;

declare_rule! {
    /// ## What it checks
    /// An episode of this year that starts on or after an episode (this year or in an earlier
    /// year's return) that ended with the child's adoption (`REC` E11 or E12): every later
    /// episode, including a second adoption, is reported. The first adoption episode itself is
    /// not.
    ///
    /// ## Why it matters
    /// A child adopted from care who returns to care must be recorded as a new child with a new
    /// identifier; episodes after an adoption under the same `CHILD` mean the identifier was
    /// reused or the adoption is wrong.
    ///
    /// ## Example
    /// A child whose episode ended `E11` on 20/12/2023 in last year's return and who has an
    /// episode starting 16/04/2024 this year: the 2024 episode is reported.
    ///
    /// ## Reference behaviour
    /// The reference puts this year's and last year's episodes together, leaves out rows with
    /// an unreadable `DECOM`, sorts by `DECOM` and counts adoptions in that order. Its sort is
    /// not stable (pandas' default quicksort), so which of two episodes of a child with the same
    /// `DECOM` comes first depends on the whole table; carelens reproduces that sort exactly.
    /// The reference sees only last year; when carelens is given earlier years' returns too, it
    /// adds their episodes after last year's and counts their adoptions as well, so adoptions
    /// the reference cannot see are found (`docs/disagreements.md`, "rules the reference
    /// could not do").
    pub(crate) EPISODE_AFTER_ADOPTION_FROM_CARE,
    code: "199",
    tables: ["Episodes"],
    fields: ["CHILD"],
    years: Y2022_23..,
    message: "Episode information shows child has been previously adopted from care. [NOTE: This only tests the current and previous year data loaded into the tool]",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(current) = ctx.cur.tables.episodes.if_supplied() else { return };
    let last = ctx.last.map_or(&[][..], |l| &l.tables.episodes.rows);
    let earlier = ctx.older.iter().flat_map(|r| &r.tables.episodes.rows);
    // Every episode with a readable DECOM, this year's first, then last year's, then earlier
    // years', each in file order: (DECOM, CHILD, this year's episode, ended in adoption).
    let rows: Vec<(Date, Option<&str>, Option<&Episode>, bool)> = current
        .iter()
        .map(|e| (e, true))
        .chain(last.iter().chain(earlier).map(|e| (e, false)))
        .filter_map(|(e, this_year)| {
            let decom = e.decom.strict()?;
            let adoption = e.rec.strict().is_some_and(ReasonEpisodeCeased::is_adoption);
            Some((decom, e.child.value().map(|c| c.as_str()), this_year.then_some(e), adoption))
        })
        .collect();
    if !rows.iter().any(|r| r.3) {
        return;
    }
    let keys: Vec<Date> = rows.iter().map(|r| r.0).collect();
    let mut adoptions: HashMap<&str, u32> = HashMap::new();
    for k in numpy_argsort(&keys) {
        let (_, child, this_year, adoption) = rows[k];
        let Some(child) = child else { continue };
        let count = adoptions.entry(child).or_default();
        *count += u32::from(adoption);
        let first_adoption = adoption && *count == 1;
        if *count > 0 && !first_adoption {
            if let Some(e) = this_year {
                out.flag(e);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run, run_with};

    fn returns() -> (carelens_model::Return903, carelens_model::Return903) {
        let last = ret(&[(
            "Episodes",
            "CHILD,DECOM,DEC,REC\n101,15/06/2016,20/12/2020,E11\n102,08/10/2017,03/03/2018,E11\n\
             102,06/03/2018,12/08/2020,E4a\n103,11/05/2015,07/04/2019,E12\n\
             104,26/11/2017,19/07/2020,E12\n107,26/11/2017,,E12\n",
        )]);
        let cur = ret(&[(
            "Episodes",
            "CHILD,DECOM,DEC,REC\n104,19/07/2020,02/03/2021,E13\n103,16/04/2020,,\n\
             103,16/04/2020,,oo\n105,02/12/2021,03/12/2021,X1\n105,03/12/2021,04/12/2021,E11\n\
             105,03/12/2022,04/12/2022,E11\n105,12/12/2021,,\n107,04/12/2021,,XXX\n\
             107,26/11/2017,04/12/2021,E12\n",
        )]);
        (cur, last)
    }

    #[test]
    fn the_references_cases() {
        let (cur, last) = returns();
        let year = CollectionYear::Y2022_23;
        let found = run(&EPISODE_AFTER_ADOPTION_FROM_CARE, year, &cur, None);
        assert_eq!(found, ["Episodes:5", "Episodes:6", "Episodes:7"]);
        let found = run(&EPISODE_AFTER_ADOPTION_FROM_CARE, year, &cur, Some(&last));
        assert_eq!(
            found,
            ["Episodes:0", "Episodes:1", "Episodes:2", "Episodes:5", "Episodes:6", "Episodes:7"]
        );
    }

    #[test]
    fn adoptions_in_earlier_years_are_found_when_given() {
        let cur = ret(&[("Episodes", "CHILD,DECOM,DEC,REC\n1,16/04/2024,,\n2,16/04/2024,,\n")]);
        let last = ret(&[("Episodes", "CHILD,DECOM,DEC,REC\n")]);
        let older = [ret(&[(
            "Episodes",
            "CHILD,DECOM,DEC,REC\n1,01/05/2020,20/12/2022,E11\n2,01/05/2020,20/12/2022,E4A\n",
        )])];
        let year = CollectionYear::Y2024_25;
        assert!(run(&EPISODE_AFTER_ADOPTION_FROM_CARE, year, &cur, Some(&last)).is_empty());
        let ctx = Ctx::new(year, None, &cur, Some(&last), &older, None);
        assert_eq!(run_with(&EPISODE_AFTER_ADOPTION_FROM_CARE, &ctx), ["Episodes:0"]);
    }
}
