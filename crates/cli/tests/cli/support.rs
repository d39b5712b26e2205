//! Running the binary and writing small returns.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// Runs `carelens` with `args`.
pub(crate) fn carelens(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_carelens")).args(args).output().expect("run carelens")
}

/// The exit code of a run that ended normally.
pub(crate) fn code(out: &Output) -> i32 {
    out.status.code().expect("carelens ended by a signal")
}

pub(crate) fn stdout(out: &Output) -> String {
    String::from_utf8(out.stdout.clone()).expect("stdout is UTF-8")
}

pub(crate) fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Header rows: C1 and C3 valid; C2's ETHNIC `XXXX` is not a DfE code (rule 103).
pub(crate) const HEADER: &str = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n\
    C1,M,01/01/2010,WBRI,UN1,,\n\
    C2,F,01/01/2011,XXXX,UN1,,\n\
    C3,M,01/01/2012,WBRI,UN1,,\n";

/// The same children, every ETHNIC valid.
pub(crate) const CLEAN_HEADER: &str = "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n\
    C1,M,01/01/2010,WBRI,UN1,,\n\
    C2,F,01/01/2011,WIRI,UN1,,\n\
    C3,M,01/01/2012,WBRI,UN1,,\n";

/// Episodes with URNs, for the Ofsted list rules:
/// row 0: C1 in SC111111, a K2 home run by PR4: listed as such, passes 219 and 1008;
/// row 1: C3 in SC999999, not listed: 1008, and 219 (no listed placement codes);
/// row 2: C2 in SC111111 as a U1 foster placement: the home is K2 only, so 219.
pub(crate) const EPISODES: &str = "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,\
    REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n\
    C1,01/04/2024,S,C2,N1,K2,PR4,,,,E15 4NJ,E15 4NJ,SC111111\n\
    C3,01/05/2024,S,C2,N1,K2,PR4,,,,E15 4NJ,E15 4NJ,SC999999\n\
    C2,01/04/2024,S,C2,N1,U1,PR4,,,,E15 4NJ,E15 4NJ,SC111111\n";

/// A combined Ofsted list (a `Provider type` column) as CSV.
pub(crate) const PROVIDERS: &str = "URN,Provider type,Local authority,Placement code,\
    Placement provider code,Deregistration date,Setting address postcode\n\
    SC111111,Children's Home,Newham,K2,PR4,,E15 4NJ\n\
    1234567,Independent Fostering Agency,Newham,U4/U5/U6,PR4,,E15 4NJ\n";

/// Writes a return folder `dir/name` from `(file, text)` pairs.
pub(crate) fn write_return(dir: &Path, name: &str, files: &[(&str, &str)]) -> PathBuf {
    let folder = dir.join(name);
    std::fs::create_dir_all(&folder).expect("create folder");
    for (file, text) in files {
        std::fs::write(folder.join(file), text).expect("write file");
    }
    folder
}
