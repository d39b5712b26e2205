use std::collections::BTreeSet;

use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// A child all of whose episodes are short breaks (`LS` V3 or V4) but who has `MOTHER`
    /// filled in, or a review with `REVIEW` or `REVIEW_CODE` filled in. The child's episodes
    /// are reported, with each Header and Reviews row involved: a Header row when its `MOTHER`
    /// is filled in or any review is, a review when it is filled in or any `MOTHER` is.
    ///
    /// ## Why it matters
    /// Motherhood and statutory reviews are not collected for children looked after only
    /// under an agreed series of short breaks.
    ///
    /// ## Example
    /// A child with only V3 episodes and a review on 01/06/2024: the episodes, the Header row
    /// and the review are reported. A child with a V3 and a C2 episode is not checked.
    pub(crate) SHORT_BREAK_CHILD_HAS_MOTHER_OR_REVIEW_DATA,
    code: "399",
    tables: ["Episodes", "Header", "Reviews"],
    fields: ["MOTHER", "LS", "REVIEW", "REVIEW_CODE"],
    years: Y2022_23..,
    message: "Mother field, review field or participation field are completed but child is looked after under legal status V3 or V4.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let t = &ctx.cur.tables;
    if !(t.episodes.supplied && t.header.supplied && t.reviews.supplied) {
        return;
    }
    let short_breaks_only: BTreeSet<&str> = ctx
        .episodes()
        .iter()
        .filter(|(_, eps)| eps.iter().all(|e| e.ls.strict().is_some_and(|ls| ls.is_short_break())))
        .map(|(child, _)| child)
        .collect();
    if short_breaks_only.is_empty() {
        return;
    }
    let mut reviews: Vec<_> = t
        .reviews
        .iter()
        .filter(|r| r.child.value().is_some_and(|c| short_breaks_only.contains(c.as_str())))
        .collect();
    reviews.sort_by_key(|r| r.child.value().map(|c| c.as_str()));
    let filled = |r: &&carelens_model::Review| r.review.is_present() || r.review_code.is_present();
    for child in short_breaks_only {
        let headers: Vec<_> = ctx.header().get(child).collect();
        let start = reviews.partition_point(|r| r.child.value().map(|c| c.as_str()) < Some(child));
        let end = reviews.partition_point(|r| r.child.value().map(|c| c.as_str()) <= Some(child));
        let child_reviews = &reviews[start..end];
        let any_mother = headers.iter().any(|h| h.mother.is_present());
        let any_review = child_reviews.iter().any(filled);
        if !(any_mother || any_review) {
            continue;
        }
        ctx.episodes().get(child).for_each(|e| out.flag(e));
        for h in headers {
            if any_review || h.mother.is_present() {
                out.flag(h);
            }
        }
        for r in child_reviews {
            if any_mother || filled(r) {
                out.flag(*r);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use carelens_model::CollectionYear;

    use super::*;
    use crate::testing::{ret, run};

    #[test]
    fn short_break_children_with_mother_or_reviews_are_reported() {
        let cur = ret(&[
            ("Episodes", "CHILD,LS\n1,V3\n1,V4\n2,V3\n2,C2\n3,V3\n4,V4\n5,V3\n"),
            ("Header", "CHILD,MOTHER\n1,\n2,1\n3,0\n4,\n5,\n"),
            ("Reviews", "CHILD,REVIEW,REVIEW_CODE\n1,01/06/2024,PN1\n2,01/06/2024,PN1\n3,,\n4,,\n"),
        ]);
        let found =
            run(&SHORT_BREAK_CHILD_HAS_MOTHER_OR_REVIEW_DATA, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(
            found,
            [
                "Header:0",
                "Header:2",
                "Episodes:0",
                "Episodes:1",
                "Episodes:4",
                "Reviews:0",
                "Reviews:2"
            ]
        );
    }

    #[test]
    fn nothing_without_the_reviews_table() {
        let cur = ret(&[("Episodes", "CHILD,LS\n1,V3\n"), ("Header", "CHILD,MOTHER\n1,1\n")]);
        let found =
            run(&SHORT_BREAK_CHILD_HAS_MOTHER_OR_REVIEW_DATA, CollectionYear::Y2024_25, &cur, None);
        assert!(found.is_empty());
    }
}
