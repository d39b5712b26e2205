//! Errors writing reports.

/// Why a report could not be written.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ReportError {
    /// Writing the output failed.
    #[error("could not write the report")]
    Io(#[from] std::io::Error),
    /// Writing CSV failed.
    #[error("could not write the CSV report")]
    Csv(#[from] csv::Error),
    /// Writing JSON failed.
    #[error("could not write the JSON report")]
    Json(#[from] serde_json::Error),
    /// Writing the workbook failed.
    #[error("could not write the XLSX workbook")]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
}
