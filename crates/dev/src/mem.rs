//! What the benchmarks measure of their own process (Linux: /proc/self), and running a
//! benchmark in a fresh process.

/// Peak resident set size in MiB, when the platform tells.
pub(crate) fn peak_rss_mib() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / 1024.0)
}

/// CPU time of this process so far (user + system, all threads), Linux only.
pub(crate) fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name (which is in parentheses and may hold spaces); utime and
    // stime are the 12th and 13th of them.
    let fields: Vec<&str> = stat.rsplit(')').next()?.split_whitespace().collect();
    let ticks = fields.get(11)?.parse::<f64>().ok()? + fields.get(12)?.parse::<f64>().ok()?;
    Some(ticks / 100.0)
}

/// Runs `command --dir DIR --runs N` of this binary in a fresh process, so that generating the
/// data does not count towards the measured peak memory. `Ok(true)`: it ran there, and the
/// caller is done; `Ok(false)`: this is that fresh process, so measure.
pub(crate) fn in_fresh_process(
    command: &str,
    dir: &std::path::Path,
    runs: usize,
) -> anyhow::Result<bool> {
    if std::env::var_os("CARELENS_BENCH_CHILD").is_some() {
        return Ok(false);
    }
    let status = std::process::Command::new(std::env::current_exe()?)
        .args([command, "--dir"])
        .arg(dir)
        .args(["--runs", &runs.to_string()])
        .env("CARELENS_BENCH_CHILD", "1")
        .status()?;
    anyhow::ensure!(status.success(), "benchmark process failed");
    Ok(true)
}
