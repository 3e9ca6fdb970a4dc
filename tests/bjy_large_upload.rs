//! A 512 MiB upload: the bytes arrive intact and the uploading process's
//! memory stays far below the file size. Its own test binary, so no other
//! test shares the process whose peak resident set is measured.

mod common;

use std::ops::ControlFlow;

use vodkit::baijiayun::UploadOptions;
use vodkit::upload::UploadHooks;

const MIB: u64 = 1024 * 1024;

/// Peak resident set of this process (VmHWM), in bytes.
fn peak_rss() -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap();
    let line = status.lines().find(|l| l.starts_with("VmHWM:")).unwrap();
    let kib: u64 = line.split_whitespace().nth(1).unwrap().parse().unwrap();
    kib * 1024
}

#[test]
fn half_a_gibibyte_arrives_intact_in_bounded_memory() {
    let size = 512 * MIB;
    let emu = common::emulator();
    let client = common::client(&emu);
    let dir = tempfile::tempdir().unwrap();
    let path = common::random_file(dir.path(), "big.mp4", size);
    let local_md5 = common::md5_file(&path);
    let before = peak_rss();

    let mut last = 0;
    let control = UploadHooks::new().on_progress(|p| {
        assert!(p.bytes_done >= last);
        last = p.bytes_done;
        ControlFlow::Continue(())
    });
    let up = client
        .upload_with(&path, &UploadOptions::default(), control)
        .unwrap();
    assert_eq!(up.bytes, size);
    assert_eq!(last, size);

    let peak = peak_rss();
    let stored = emu.baijiayun().video(up.video_id).unwrap();
    assert_eq!(stored.received_bytes, size);
    assert_eq!(stored.md5.as_deref(), Some(local_md5.as_str()));
    eprintln!(
        "peak RSS {} MiB before, {} MiB after a {} MiB upload (client and emulator in one process)",
        before / MIB,
        peak / MIB,
        size / MIB
    );
    // The client streams parts from disk: memory is a few buffers, whatever the size.
    assert!(peak < 64 * MIB, "peak RSS {} MiB", peak / MIB);
}
