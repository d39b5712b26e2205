use carelens_model::Coercion;

use crate::cells::is_xml;
use crate::context::Ctx;
use crate::declare_rule;
use crate::finding::Out;

declare_rule! {
    /// ## What it checks
    /// In an XML return, a child whose `UASC` flag is missing or is not `0` or `1`.
    ///
    /// ## Why it matters
    /// The flag decides who counts as an unaccompanied asylum-seeking child, which several
    /// distance and age checks exempt.
    ///
    /// ## Example
    /// `<UASC>1</UASC>` or `<UASC>0</UASC>` passes; `<UASC>2</UASC>` or an empty element is
    /// reported. CSV returns are not checked: there the flag is derived from the UASC table.
    ///
    /// ## Reference behaviour
    /// As in the reference, the rule runs only on XML returns, and a number written as a
    /// decimal (`1.0`) is accepted because the reference reads the flag as a number.
    pub(crate) UASC_STATUS_IS_NOT_VALID,
    code: "105",
    tables: ["Header"],
    fields: ["UASC"],
    years: Y2022_23..,
    message: "Data entry for Unaccompanied Asylum-Seeking Children (UASC) status of child is invalid or has not been completed.",
}

fn check(ctx: &Ctx<'_>, out: &mut Out<'_>) {
    let Some(header) = ctx.cur.tables.header.if_supplied() else { return };
    if !is_xml(ctx.cur) {
        return;
    }
    for h in header {
        let numeric = matches!(h.uasc.note(), None | Some(Coercion::DecimalInteger));
        if h.uasc.get().is_none() || !numeric {
            out.flag(h);
        }
    }
}

#[cfg(test)]
mod tests {
    use carelens_model::{CollectionYear, SourceFormat};

    use super::*;
    use crate::testing::{ret, run};

    #[test]
    fn xml_flags_must_be_0_or_1() {
        let mut cur = ret(&[("Header", "CHILD,UASC\n1,0\n2,1\n3,\n4,2\n5,1.0\n6,yes\n")]);
        cur.add_source("return.xml", SourceFormat::Xml);
        let found = run(&UASC_STATUS_IS_NOT_VALID, CollectionYear::Y2024_25, &cur, None);
        assert_eq!(found, ["Header:2", "Header:3", "Header:5"]);
    }

    #[test]
    fn csv_returns_are_not_checked() {
        let mut cur = ret(&[("Header", "CHILD,UASC\n1,\n2,2\n")]);
        cur.add_source("header.csv", SourceFormat::Csv);
        assert!(run(&UASC_STATUS_IS_NOT_VALID, CollectionYear::Y2024_25, &cur, None).is_empty());
    }
}
