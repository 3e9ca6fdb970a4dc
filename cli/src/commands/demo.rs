//! `vodkit demo`: a generated file through the sandbox, start to play URLs.

use std::io::Write;

use serde_json::{json, Value};

use crate::commands::{call, upload, wait};
use crate::facts;
use crate::fail::{self, Fail, Result};
use crate::settings::Resolved;
use crate::Out;

pub fn demo(out: &Out, resolved: &Resolved, size_mib: u64) -> Result<()> {
    let l = resolved.lifecycle;
    let Some(uploads) = &l.upload else {
        return Err(upload::no_uploads(&resolved.provider));
    };
    let dir = std::env::temp_dir().join(format!("vodkit-demo-{}", std::process::id()));
    std::fs::create_dir_all(&dir).map_err(|e| Fail::io(e.to_string()))?;
    let file = dir.join("demo.mp4");
    {
        let mut f = std::io::BufWriter::new(
            std::fs::File::create(&file).map_err(|e| Fail::io(e.to_string()))?,
        );
        let mut x: u64 = 0x9e3779b97f4a7c15;
        let mut buf = vec![0u8; 1 << 20];
        for _ in 0..size_mib.max(1) {
            for b in buf.chunks_mut(8) {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                b.copy_from_slice(&x.to_le_bytes()[..b.len()]);
            }
            f.write_all(&buf).map_err(|e| Fail::io(e.to_string()))?;
        }
    }
    out.note(&format!(
        "sandbox: the emulator runs in this process; uploading a generated {size_mib} MiB file {}",
        file.display()
    ));
    let client = resolved.client()?;
    let bar = if out.bars {
        indicatif::ProgressBar::new(size_mib << 20)
    } else {
        indicatif::ProgressBar::hidden()
    };
    bar.set_style(
        indicatif::ProgressStyle::with_template(
            "upload [{bar:30}] {percent:>3}% {bytes}/{total_bytes} {binary_bytes_per_sec}",
        )
        .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar())
        .progress_chars("=> "),
    );
    let b = bar.clone();
    let control = vodkit::upload::UploadHooks::new().on_progress(move |p| {
        b.set_position(p.bytes_done);
        std::ops::ControlFlow::Continue(())
    });
    let uploaded = client
        .upload(&file, &Value::Null, control)
        .map_err(|e| fail::from_core(&e, &resolved.hint))?;
    bar.finish();
    let _ = std::fs::remove_dir_all(&dir);
    let video_id = match uploaded.get(uploads.id_field) {
        Some(Value::String(s)) => s.clone(),
        Some(v) => v.to_string(),
        None => String::new(),
    };
    if !out.json {
        println!("uploaded demo.mp4 → video {video_id}");
    }
    wait::wait(
        resolved,
        &Out {
            json: false,
            quiet: out.quiet || out.json,
            ..*out
        },
        &video_id,
        0.5,
        120.0,
    )?;
    let urls = call(
        &client,
        resolved,
        l.urls.operation,
        &facts::by_id(&resolved.provider, &l.urls, &video_id),
    )?;
    if out.json {
        out.print_json(&json!({ "uploaded": uploaded, "urls": urls }));
    } else {
        let rows: Vec<Vec<String>> = facts::play_urls(l, &urls)
            .into_iter()
            .map(|[name, _, url]| vec![name, url])
            .collect();
        out.table(&["DEFINITION", "URL"], &rows);
        out.note("next: `vodkit sandbox` keeps an emulator running and prints its settings as shell exports");
    }
    Ok(())
}
