//! An emulator with a state directory takes up where the last one stopped:
//! records, the clock's offset; one emulator per directory; an unreadable
//! state is an error that overwrites nothing.

use std::io::ErrorKind;

use vodkit_emulator::{quvideo, Config, Emulator};

fn config(dir: &std::path::Path) -> Config {
    Config {
        state_dir: Some(dir.to_owned()),
        ..Config::default()
    }
}

fn extra_video() -> quvideo::Video {
    quvideo::Video {
        video_id: "kept01".into(),
        title: "kept across runs".into(),
        censor_status: "onCensor".into(),
        ..quvideo::Video::default()
    }
}

#[test]
fn records_and_the_clock_survive_a_restart() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("state");
    let first = Emulator::start(config(&dir)).unwrap();
    first.quvideo().add_video(extra_video());
    first.baijiayun().clock().advance_ms(3_600_000);
    first.iqiyi().clock().advance_ms(60_000);
    drop(first);

    let second = Emulator::start(config(&dir)).unwrap();
    let video = second.quvideo().video("kept01").expect("the video is back");
    assert_eq!(video.title, "kept across runs");
    assert_eq!(second.quvideo().videos().len(), 8); // the 7 samples and it
    assert!(second.baijiayun().clock().offset_ms() >= 3_600_000);
    assert!(second.iqiyi().clock().offset_ms() >= 60_000);
    // Uploads are stored inside the state directory.
    assert!(dir.join("data").join("baijiayun").is_dir());
}

#[test]
fn saved_while_running_not_only_at_the_end() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("state");
    let emu = Emulator::start(config(&dir)).unwrap();
    emu.quvideo().add_video(extra_video());
    // The timer writes it without any stop; wait for the file itself.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    loop {
        let text = std::fs::read_to_string(dir.join("state.json")).unwrap_or_default();
        if text.contains("kept01") {
            break;
        }
        assert!(std::time::Instant::now() < deadline, "not saved: {text}");
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}

#[test]
fn one_emulator_per_directory() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("state");
    let first = Emulator::start(config(&dir)).unwrap();
    first.quvideo().add_video(extra_video());
    first.save_state().unwrap();
    let second = Emulator::start(config(&dir)).err().expect("refused");
    assert_eq!(second.kind(), ErrorKind::WouldBlock);
    assert!(second.to_string().contains("in use"), "{second}");
    assert_eq!(
        vodkit_emulator::common::persist::reset(&dir)
            .unwrap_err()
            .kind(),
        ErrorKind::WouldBlock
    );
    drop(first);
    assert!(vodkit_emulator::common::persist::reset(&dir).unwrap());
    assert!(!dir.exists());
    let fresh = Emulator::start(config(&dir)).unwrap();
    assert!(fresh.quvideo().video("kept01").is_none());
}

#[test]
fn an_unreadable_state_is_refused_and_kept() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("state");
    std::fs::create_dir_all(&dir).unwrap();
    for bad in [
        "not json",
        r#"{"version": 99, "providers": {}}"#,
        r#"{"version": 1, "providers": {"quvideo": {"library": 7}}}"#,
    ] {
        std::fs::write(dir.join("state.json"), bad).unwrap();
        let err = Emulator::start(config(&dir)).err().expect("refused");
        assert_eq!(err.kind(), ErrorKind::InvalidData, "{bad}: {err}");
        assert!(err.to_string().contains("state.json"), "{err}");
        assert_eq!(
            std::fs::read_to_string(dir.join("state.json")).unwrap(),
            bad
        );
    }
}

#[test]
fn reviews_pass_on_their_own_when_asked() {
    let emu = Emulator::start(Config {
        quvideo: quvideo::Config {
            review_secs: Some(30),
            ..quvideo::Config::default()
        },
        ..Config::default()
    })
    .unwrap();
    assert_eq!(
        emu.quvideo().video("vid001").unwrap().censor_status,
        "onCensor"
    );
    // Let the emulator see them in review, then move its clock past the wait.
    emu.quvideo().finish_due_reviews();
    emu.quvideo().clock().advance_ms(31_000);
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    while emu.quvideo().video("vid001").unwrap().censor_status != "Normal" {
        assert!(std::time::Instant::now() < deadline, "never reviewed");
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    let audits = emu.quvideo().audits();
    assert!(audits
        .iter()
        .any(|a| a.media_id == "vid001" && a.status == "Normal"));
}
