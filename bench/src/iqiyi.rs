//! B3: iQiyi uploads with 1, 2 and 4 parts in flight (each part's MD5
//! computed while it streams and checked against the server's), at 0 and
//! 50 ms latency; the runs of one round go in rotating order, each upload a
//! child process.

use std::path::Path;

use serde_json::json;

use crate::context::{line_json, say, Ctx};
use crate::files::MIB;
use crate::process;
use crate::report::{Row, Series};

const FLIGHTS: [usize; 3] = [1, 2, 4];

fn once(ctx: &Ctx, file: &Path, size: u64, concurrency: usize) -> Result<f64, String> {
    let m = process::run(
        ctx.vodkit_upload("iqiyi", file, &json!({ "concurrency": concurrency })),
        |_, _| {},
    )?;
    m.check("vodkit iqiyi upload")?;
    let result = line_json(&m.stdout, "result ").ok_or("the child printed no result")?;
    let id = result["file_id"]
        .as_str()
        .ok_or("no file_id in the result")?;
    let f = ctx.emu.inspect("iqiyi", &format!("files/{id}"))?;
    if f["received"].as_u64() != Some(size) || f["finished"] != json!(true) {
        return Err(format!("the emulator holds {f}"));
    }
    ctx.emu.clear_data();
    Ok(size as f64 / MIB as f64 / m.wall.as_secs_f64())
}

pub fn b3(ctx: &Ctx, file: &Path, size: u64) -> Vec<Row> {
    let mut rows = Vec::new();
    for ms in [0u64, 50] {
        say(format!("B3 iQiyi, {ms} ms latency"));
        let what = format!("iQiyi upload {} MiB, {ms} ms latency", size / MIB);
        let mut series: Vec<Series> = FLIGHTS
            .iter()
            .map(|c| Series::new(format!("{c} in flight"), "MiB/s"))
            .collect();
        let measured = ctx.emu.set_latency("iqiyi", ms).and_then(|_| {
            for i in 0..ctx.iterations {
                for k in 0..FLIGHTS.len() {
                    let slot = (i + k) % FLIGHTS.len();
                    let rate = once(ctx, file, size, FLIGHTS[slot])
                        .map_err(|e| format!("{} in flight: {e}", FLIGHTS[slot]))?;
                    say(format!(
                        "  {} in flight #{}: {rate:.0} MiB/s",
                        FLIGHTS[slot],
                        i + 1
                    ));
                    series[slot].values.push(rate);
                }
            }
            Ok(())
        });
        match measured {
            Ok(()) => {
                let one = series[0].clone();
                rows.push(Row::pair(
                    "B3",
                    format!("{what}: 2 vs 1 in flight"),
                    series[1].clone(),
                    one.clone(),
                ));
                rows.push(
                    Row::pair(
                        "B3",
                        format!("{what}: 4 vs 1 in flight"),
                        series[2].clone(),
                        one,
                    )
                    .target(if ms == 50 { "≥ 3" } else { "" }),
                );
            }
            Err(e) => rows.push(Row::na("B3", what, e)),
        }
    }
    if let Err(e) = ctx.emu.set_latency("iqiyi", 0) {
        say(format!("could not turn the latency off: {e}"));
    }
    rows
}
