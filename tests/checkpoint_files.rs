//! Issue 20, item 3: checkpoint files are read safely. A FIFO named like a
//! checkpoint made listing block forever; a link to `/dev/zero` grew memory
//! without bound. Listing, opening (by an upload) and removing return
//! promptly, skipping such names with a warning.

mod common;

use std::path::Path;
use std::sync::mpsc;
use std::time::Duration;

use vodkit::baijiayun::UploadOptions;
use vodkit::http::RetryPolicy;
use vodkit::upload::{checkpoint, CommonUploadOptions};
use vodkit_emulator::Faults;

const MIB: u64 = 1024 * 1024;

/// Runs `f` on its own thread; a hang fails the test instead of blocking it
/// forever (the deadline is generous: a pass takes milliseconds).
fn within_deadline<T: Send + 'static>(what: &str, f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    rx.recv_timeout(Duration::from_secs(120))
        .unwrap_or_else(|_| panic!("{what} did not return: it blocked on a FIFO or read /dev/zero"))
}

fn mkfifo(path: &Path) {
    let c = std::ffi::CString::new(path.as_os_str().as_encoded_bytes()).unwrap();
    // SAFETY: a valid NUL-terminated path.
    assert_eq!(unsafe { libc::mkfifo(c.as_ptr(), 0o600) }, 0, "mkfifo");
}

fn options(dir: &Path) -> UploadOptions {
    UploadOptions {
        common: CommonUploadOptions {
            checkpoint_dir: Some(dir.to_owned()),
            ..Default::default()
        },
        part_size: Some(MIB),
        ..UploadOptions::default()
    }
}

#[test]
fn a_fifo_and_a_dev_zero_link_are_skipped_by_list_and_remove() {
    let dir = tempfile::tempdir().unwrap();
    let fifo_key = "0123456789abcdef0123456789abcdef";
    let zero_key = "fedcba9876543210fedcba9876543210";
    mkfifo(&dir.path().join(format!("{fifo_key}.json")));
    std::os::unix::fs::symlink("/dev/zero", dir.path().join(format!("{zero_key}.json"))).unwrap();
    let d = dir.path().to_owned();
    let listed = within_deadline("list", move || checkpoint::list(&d).unwrap());
    assert!(listed.is_empty(), "{listed:?}");
    for key in [fifo_key, zero_key] {
        let d = dir.path().to_owned();
        let removed = within_deadline("remove", move || checkpoint::remove(&d, key).unwrap());
        assert!(!removed, "{key}: not a regular file, not ours to remove");
    }
    assert!(std::fs::read_link(dir.path().join(format!("{zero_key}.json"))).is_ok());
}

#[test]
fn an_upload_whose_checkpoint_is_a_dev_zero_link_or_a_fifo_uploads_afresh() {
    let emu = common::emulator();
    let dir = tempfile::tempdir().unwrap();
    let store = dir.path().join("checkpoints");
    let path = common::random_file(dir.path(), "a.mp4", 3 * MIB + 5);
    // A failed upload leaves its checkpoint: its key is the file's.
    let fragile =
        vodkit::baijiayun::Client::new(common::config(&emu).retry(RetryPolicy::none())).unwrap();
    emu.baijiayun().set_faults(Faults {
        drop_after_bytes: Some(10),
        ..Faults::default()
    });
    fragile.upload(&path, &options(&store)).unwrap_err();
    emu.baijiayun().set_faults(Faults::default());
    let key = checkpoint::list(&store).unwrap()[0].key.clone();
    let file = store.join(format!("{key}.json"));
    for plant in [
        |f: &Path| std::os::unix::fs::symlink("/dev/zero", f).unwrap(),
        mkfifo as fn(&Path),
    ] {
        let _ = std::fs::remove_file(&file);
        plant(&file);
        let client = common::client(&emu);
        let (p, s) = (path.clone(), store.clone());
        let up = within_deadline("upload", move || client.upload(&p, &options(&s)));
        up.unwrap();
    }
}
