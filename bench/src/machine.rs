//! Where the benchmark ran: CPU, cores, kernel, commit, and the load average
//! (other work on the machine moves every figure; the table says how much
//! there was).

use serde::Serialize;

use crate::process::output_of;

#[derive(Debug, Clone, Serialize)]
pub struct Machine {
    pub cpu: String,
    pub cores: usize,
    pub kernel: String,
    pub commit: String,
    pub memory_gib: f64,
    pub load_before: String,
}

impl Machine {
    pub fn probe(repo: &std::path::Path) -> Machine {
        let cpuinfo = std::fs::read_to_string("/proc/cpuinfo").unwrap_or_default();
        let cpu = cpuinfo
            .lines()
            .find(|l| l.starts_with("model name"))
            .and_then(|l| l.split_once(':'))
            .map(|(_, v)| v.trim().to_owned())
            .unwrap_or_else(|| "unknown".into());
        let memory_gib = std::fs::read_to_string("/proc/meminfo")
            .ok()
            .and_then(|m| {
                m.lines()
                    .find(|l| l.starts_with("MemTotal:"))
                    .and_then(|l| l.split_whitespace().nth(1))
                    .and_then(|kib| kib.parse::<f64>().ok())
            })
            .map(|kib| kib / (1024.0 * 1024.0))
            .unwrap_or(0.0);
        let repo_s = repo.display().to_string();
        let commit = output_of("git", &["-C", &repo_s, "rev-parse", "--short", "HEAD"])
            .map(|c| {
                let dirty = output_of("git", &["-C", &repo_s, "status", "--porcelain"])
                    .map(|s| !s.is_empty())
                    .unwrap_or(false);
                if dirty {
                    format!("{c} (uncommitted changes)")
                } else {
                    c
                }
            })
            .unwrap_or_else(|e| format!("unknown ({e})"));
        Machine {
            cpu,
            cores: std::thread::available_parallelism().map_or(1, |n| n.get()),
            kernel: output_of("uname", &["-sr"]).unwrap_or_else(|_| "unknown".into()),
            commit,
            memory_gib,
            load_before: load_average(),
        }
    }

    pub fn describe(&self) -> String {
        format!(
            "{} · {} cores · {:.0} GiB · {} · commit {}",
            self.cpu, self.cores, self.memory_gib, self.kernel, self.commit
        )
    }
}

/// `/proc/loadavg`'s 1, 5 and 15 minute figures.
pub fn load_average() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "unknown".into())
}
