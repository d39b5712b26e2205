//! Owner-name normalisation reviewed on real spelling variants from the register.

use carelens_oversight::{Oversight, owner_key};

/// Pairs written both ways in Ofsted's lists (2018–2025) that are one organisation.
const SAME: &[(&str, &str)] = &[
    ("Cambian Childcare Limited", "Cambian Childcare Ltd"),
    ("Your Chapter Limited", "Your chapter"),
    ("Your Chapter Limited", "Your Chapter LTD"),
    ("Yourcare (Northwest) Limited", "Yourcare (Northwest) ltd"),
    ("Care 4 Children Residential Services Ltd", "Care 4 Children Residential Services Limited"),
    ("Slough Children's Services Trust Limited (09487106)", "Slough Children's Services Trust Ltd"),
];

/// Similar names that are different organisations and must stay apart.
const DIFFERENT: &[(&str, &str)] = &[
    ("Young Foundations Limited", "Young Options Group Ltd"),
    ("Cambian Childcare Limited", "Cambian Group PLC"),
    ("Nottinghamshire County Council", "Nottinghamshire Ymca"),
    ("Keys Child Care Limited", "Keys Group Limited"),
    ("Esland North Limited", "Esland Care Limited"),
];

#[test]
fn real_variants_merge_and_distinct_owners_do_not() {
    for (a, b) in SAME {
        assert_eq!(owner_key(a), owner_key(b), "{a} / {b} should merge");
    }
    for (a, b) in DIFFERENT {
        assert_ne!(owner_key(a), owner_key(b), "{a} / {b} must stay apart");
    }
}

#[test]
fn merges_are_listed_and_each_is_a_real_variant_set() {
    let o = Oversight::shipped();
    let merges = o.owner_merges();
    assert!(merges.len() > 100, "{}", merges.len());
    // The listed merges include the reviewed pairs that appear as children's-home owners.
    let find = |name: &str| merges.iter().find(|m| m.spellings.iter().any(|(s, _)| s == name));
    let cambian = find("Cambian Childcare Ltd").unwrap();
    assert!(cambian.spellings.iter().any(|(s, _)| s == "Cambian Childcare Limited"));
    let chapter = find("Your chapter").unwrap();
    assert!(chapter.spellings.iter().any(|(s, _)| s == "Your Chapter Limited"));
    for m in &merges {
        assert!(m.spellings.len() > 1);
        for (s, _) in &m.spellings {
            assert_eq!(owner_key(s).as_ref(), Some(&m.key), "{s} listed under {}", m.key);
        }
    }
    // No merge joins a local authority with a private company.
    for m in &merges {
        let council = m.spellings.iter().any(|(s, _)| s.to_lowercase().contains("council"));
        let company = m.spellings.iter().any(|(s, _)| {
            let l = s.to_lowercase();
            l.ends_with(" ltd") || l.ends_with(" limited")
        });
        assert!(!(council && company), "{:?}", m.spellings);
    }
}
