use carelens_model::codes::{LegalStatus, ReasonEpisodeCeased};
use carelens_model::{Date, Episode};

use crate::context::{ByChild, Ctx};
use crate::dates::{days_between, plus_years};
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// An OC3 (care leaver) row for a young person whose episodes, in this year's and last
    /// year's returns (and earlier years' when given), do not make them a relevant or former
    /// relevant child: looked after for at least 91 days in all since their 14th birthday and
    /// for at least one day since their 16th, leaving out short breaks (legal status V3, V4);
    /// or whose latest episode ended in adoption (`REC` E11, E12).
    ///
    /// Episodes sent in both years count once (the one with the earlier `DEC` is kept). The
    /// latest episode, when still open, counts up to 31 March. A young person whose date of
    /// birth is unknown is checked only for adoption, and so is one too old for the returns
    /// given to hold their care since 14: aged 20 or over at 31 March with two years of
    /// returns, one year older for each earlier year given.
    ///
    /// ## Why it matters
    /// Care leaver information is collected only for relevant and former relevant children;
    /// anyone else in OC3 inflates the care leaver cohort.
    ///
    /// ## Example
    /// Born 01/01/2008; episodes 01/01/2022–01/02/2022 (31 days after 14) and
    /// 25/12/2023–01/02/2024 (7 days before 16, 31 after): 38 days since 14, so the OC3 row is
    /// reported.
    ///
    /// ## Known false positives
    /// A young person whose care after 14 is in years not loaded is reported.
    ///
    /// ## Reference behaviour
    /// The reference means to leave out young people aged 20 or over, and those whose
    /// date of birth is unknown, but leaves them out of the totals instead, so it reports every
    /// one of them. It also stacks the two years' Episodes without renumbering their rows, so
    /// rows of different children that share a row number disturb each other (a V3 episode
    /// this year removes last year's episode at the same row), and it fails, reporting
    /// nothing, when a child has no readable `DECOM`. carelens does what the rule
    /// intends, and uses earlier years' returns when given, which the reference could not do
    /// (see `docs/disagreements.md`).
    pub(crate) CARE_LEAVER_DATA_FOR_CHILD_NOT_ELIGIBLE,
    code: "1001",
    tables: ["Episodes", "OC3", "Header", "Episodes_last"],
    fields: ["IN_TOUCH", "ACTIV", "ACCOM"],
    years: Y2022_23..,
    needs: [last_year],
    message: "The episodes recorded for this young person suggest they are not a relevant or a former relevant child and therefore should not have care leaver information completed. [NOTE: This tool can only test the current and previous year data loaded into the tool - this check may generate false positives if a child had episodes prior to last year's collection.]",
}

/// One episode as the rule reads it.
#[derive(Clone, Copy)]
struct Spell {
    decom: Option<Date>,
    dec: Option<Date>,
    short_break: bool,
    adopted: bool,
}

impl Spell {
    fn of(e: &Episode) -> Self {
        Self {
            decom: e.decom.strict(),
            dec: e.dec.strict(),
            short_break: e.ls.strict().is_some_and(LegalStatus::is_short_break),
            adopted: e.rec.strict().is_some_and(ReasonEpisodeCeased::is_adoption),
        }
    }
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let (Some(episodes), Some(oc3), Some(header), Some(last)) = (
        ctx.cur.tables.episodes.if_supplied(),
        ctx.cur.tables.oc3.if_supplied(),
        ctx.cur.tables.header.if_supplied(),
        ctx.last.and_then(|l| l.tables.episodes.if_supplied()),
    ) else {
        return;
    };
    // As the reference, an empty table means the rule cannot be run.
    if episodes.is_empty() || oc3.is_empty() || header.is_empty() || last.is_empty() {
        return;
    }
    let older: Vec<ByChild<'_, Episode>> = ctx
        .older
        .iter()
        .filter_map(|r| r.tables.episodes.if_supplied())
        .map(ByChild::new)
        .collect();
    // The oldest age whose care since 14 the loaded years can hold: 20 with two years.
    let max_age = i16::try_from(18 + 2 + older.len()).unwrap_or(i16::MAX);
    let mut spells: Vec<Spell> = Vec::new();
    for o in oc3 {
        let Some(child) = o.child.value().map(|c| c.as_str()) else { continue };
        spells.clear();
        let years = std::iter::once(ctx.episodes())
            .chain(std::iter::once(ctx.episodes_last()))
            .chain(older.iter());
        spells.extend(years.flat_map(|eps| eps.get(child)).map(Spell::of));
        // One row per DECOM: the earliest DEC (a blank DEC last), the first sent among equals.
        spells.sort_by_key(|s| (s.decom.is_none(), s.decom, s.dec.is_none(), s.dec));
        spells.dedup_by_key(|s| s.decom);
        // The latest episode, still open, runs to the end of the year.
        let latest = spells.iter_mut().filter(|s| s.decom.is_some()).max_by_key(|s| s.decom);
        let adopted = match latest {
            Some(s) => {
                s.dec = s.dec.or(Some(ctx.end()));
                s.adopted
            }
            None => false,
        };
        let eligible = |dob: Date| {
            let (Some(at14), Some(at16)) = (plus_years(dob, 14), plus_years(dob, 16)) else {
                return true;
            };
            let mut since14 = 0;
            let mut since16 = 0;
            for s in spells.iter().filter(|s| !s.short_break) {
                let Some(dec) = s.dec else { continue };
                // pandas' row-wise max skips a missing DECOM, counting from the birthday.
                let from14 = s.decom.map_or(at14, |d| d.max(at14));
                let from16 = s.decom.map_or(at16, |d| d.max(at16));
                since14 += days_between(from14, dec).max(0);
                since16 += days_between(from16, dec).max(0);
            }
            since14 >= 91 && since16 >= 1
        };
        // Judged only when the date of birth is known and the years loaded cover age 14 on.
        let judged =
            ctx.dob(child).filter(|dob| plus_years(*dob, max_age).is_some_and(|d| d > ctx.end()));
        if adopted || judged.is_some_and(|dob| !eligible(dob)) {
            out.flag(o);
        }
    }
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::context::Ctx;
    use crate::testing::{ret, run, run_with};

    /// The reference's own test data: everyone born 01/01/2000, collection end 01/10/2017
    /// (here the year ending 31/03/2018). Columns: CHILD, LS, DECOM, DEC, REC.
    const EPISODES: &[&str] = &[
        "1111,C2,01/01/2014,01/02/2014,o",
        "1111,C2,01/02/2015,01/06/2015,o",
        "1111,C2,01/01/2016,01/02/2016,o",
        "2222,C2,01/01/2010,01/02/2014,o",
        "2222,C2,01/01/2010,,o",
        "2222,C2,25/12/2015,01/02/2016,o",
        "3333,C2,01/01/2010,01/03/2014,o",
        "3333,C2,25/12/2015,04/01/2016,o",
        "4444,C2,01/01/2016,01/02/2016,o",
        "4444,C2,25/12/2016,01/04/2017,o",
        "5555,C2,01/01/2010,01/05/2012,o",
        "5555,C2,25/12/2015,04/01/2016,o",
        "6006,C2,01/01/2014,01/02/2014,o",
        "6006,C2,01/02/2015,01/08/2015,o",
        "7777,C2,01/01/2013,01/03/2014,o",
        "7777,V3,01/01/2015,01/02/2015,o",
        "7777,C2,25/12/2015,04/01/2016,o",
        "8888,C2,01/01/2014,01/02/2014,o",
        "8888,C2,01/02/2015,01/08/2015,o",
        "8888,C2,01/02/2016,01/03/2016,o",
        "8888,C2,01/03/2017,01/05/2017,E11",
        "9999,C2,01/01/2010,01/05/2012,o",
        "9999,C2,01/06/2017,,o",
    ];

    fn table(rows: &[&str]) -> String {
        let mut t = String::from("CHILD,LS,DECOM,DEC,REC\n");
        for r in rows {
            t.push_str(r);
            t.push('\n');
        }
        t
    }

    #[test]
    fn reference_cases() {
        // Each child's first episode goes to last year, the rest to this year; a few are in
        // both.
        let firsts = [0, 3, 6, 8, 10, 12, 14, 17, 21];
        let last_rows: Vec<&str> = firsts.iter().map(|i| EPISODES[*i]).collect();
        let cur_rows: Vec<&str> = EPISODES
            .iter()
            .enumerate()
            .filter(|(i, _)| !firsts[..5].contains(i))
            .map(|(_, r)| *r)
            .collect();
        let header: String = ["1111", "2222", "3333", "4444", "6006", "7777", "8888", "1010101010"]
            .iter()
            .map(|c| format!("{c},01/01/2000\n"))
            .collect();
        let cur = ret(&[
            ("Episodes", &table(&cur_rows)),
            ("Header", &format!("CHILD,DOB\n{header}")),
            ("OC3", "CHILD\n1111\n2222\n3333\n4444\n6006\n7777\n8888\n99991010101010\n"),
        ]);
        let last = ret(&[("Episodes", &table(&last_rows))]);
        let year = CollectionYear::from_end_year(2018).unwrap();
        let found = run(&CARE_LEAVER_DATA_FOR_CHILD_NOT_ELIGIBLE, year, &cur, Some(&last));
        // The reference also reports OC3:7, whose child has no Header row (no date of birth).
        assert_eq!(found, ["OC3:1", "OC3:2", "OC3:4", "OC3:5", "OC3:6"]);
    }

    #[test]
    fn open_latest_episode_counts_to_year_end() {
        // Born 01/06/2008: 16 on 01/06/2024. In care from 01/01/2025, still open: 89 days to
        // 31/03/2025; from 30/12/2024: 91 days.
        let cur = ret(&[
            ("Episodes", "CHILD,LS,DECOM,DEC,REC\n1,C2,01/01/2025,,\n2,C2,30/12/2024,,\n"),
            ("Header", "CHILD,DOB\n1,01/06/2008\n2,01/06/2008\n"),
            ("OC3", "CHILD,IN_TOUCH\n1,YES\n2,YES\n"),
        ]);
        let last = ret(&[("Episodes", "CHILD,DECOM\n9,01/01/2024\n")]);
        let found = run(
            &CARE_LEAVER_DATA_FOR_CHILD_NOT_ELIGIBLE,
            CollectionYear::Y2024_25,
            &cur,
            Some(&last),
        );
        assert_eq!(found, ["OC3:0"]);
    }

    #[test]
    fn older_young_people_are_judged_only_with_more_years() {
        // Aged 20 at 31/03/2025, no episodes loaded: not judged with two years, reported with
        // three.
        let cur = ret(&[
            ("Episodes", "CHILD,DECOM\n9,01/01/2025\n"),
            ("Header", "CHILD,DOB\n1,01/01/2005\n"),
            ("OC3", "CHILD,IN_TOUCH\n1,YES\n"),
        ]);
        let last = ret(&[("Episodes", "CHILD,DECOM\n9,01/01/2024\n")]);
        let rule = &CARE_LEAVER_DATA_FOR_CHILD_NOT_ELIGIBLE;
        assert!(run(rule, CollectionYear::Y2024_25, &cur, Some(&last)).is_empty());
        let older = [ret(&[("Episodes", "CHILD,DECOM\n9,01/01/2023\n")])];
        let ctx = Ctx::new(CollectionYear::Y2024_25, None, &cur, Some(&last), &older, None);
        assert_eq!(run_with(rule, &ctx), ["OC3:0"]);
    }

    #[test]
    fn care_in_an_earlier_year_makes_a_care_leaver_eligible() {
        // Born 01/01/2006: 14 in 2020, 16 in 2022. Care 01/06/2022–01/12/2022 is in the return
        // for 2022/23, two years before 2024/25.
        let cur = ret(&[
            ("Episodes", "CHILD,DECOM\n9,01/01/2025\n"),
            ("Header", "CHILD,DOB\n1,01/01/2006\n"),
            ("OC3", "CHILD,IN_TOUCH\n1,YES\n"),
        ]);
        let last = ret(&[("Episodes", "CHILD,DECOM\n9,01/01/2024\n")]);
        let rule = &CARE_LEAVER_DATA_FOR_CHILD_NOT_ELIGIBLE;
        assert_eq!(run(rule, CollectionYear::Y2024_25, &cur, Some(&last)), ["OC3:0"]);
        let older =
            [ret(&[("Episodes", "CHILD,LS,DECOM,DEC,REC\n1,C2,01/06/2022,01/12/2022,E4A\n")])];
        let ctx = Ctx::new(CollectionYear::Y2024_25, None, &cur, Some(&last), &older, None);
        assert!(run_with(rule, &ctx).is_empty());
    }
}
