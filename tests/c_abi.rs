//! The C ABI from real C programs (tests/c/*.c), compiled with
//! `-std=c11 -Wall -Wextra -Werror`, linked against the built shared and
//! static libraries, and run against the emulator — plainly, under
//! AddressSanitizer, and under valgrind.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use vodkit_emulator::baijiayun::Config as EmuConfig;
use vodkit_emulator::{Emulator, Faults};

const PROGRAMS: &[&str] = &[
    "sign_oracle",
    "upload",
    "cancel",
    "resume",
    "errors",
    "verify",
    "misuse",
    "panic",
];

#[derive(Clone, Copy, Debug, PartialEq)]
enum Link {
    Shared,
    Static,
    Asan,
}

/// target/debug/deps: where cargo put the libvodkit.so and libvodkit.a it
/// built for this test run (they are copied up to target/debug only by `cargo build`).
fn lib_dir() -> PathBuf {
    let exe = std::env::current_exe().unwrap();
    exe.parent().unwrap().to_owned()
}

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn compile(program: &str, link: Link, out_dir: &Path) -> PathBuf {
    let lib = lib_dir();
    let out = out_dir.join(format!("{program}-{link:?}"));
    let mut cmd = Command::new("gcc");
    cmd.args(["-std=c11", "-Wall", "-Wextra", "-Werror", "-g", "-O1"])
        .arg("-I")
        .arg(repo().join("include"))
        .arg(repo().join("tests/c").join(format!("{program}.c")))
        .arg("-o")
        .arg(&out);
    match link {
        Link::Shared | Link::Asan => {
            if link == Link::Asan {
                cmd.args(["-fsanitize=address", "-fno-omit-frame-pointer"]);
            }
            cmd.arg("-L")
                .arg(&lib)
                .arg("-lvodkit")
                .arg(format!("-Wl,-rpath,{}", lib.display()));
        }
        Link::Static => {
            cmd.arg(lib.join("libvodkit.a"))
                .args(["-lpthread", "-ldl", "-lm"]);
        }
    }
    cmd.arg("-lpthread");
    let output = cmd.output().expect("gcc runs");
    assert!(
        output.status.success(),
        "compiling {program} ({link:?}) failed:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
    out
}

struct Run<'a> {
    emu: &'a Emulator,
    wrapper: Vec<String>,
    env: Vec<(String, String)>,
}

impl Run<'_> {
    fn run(&self, bin: &Path, args: &[&str]) -> String {
        let state = self.emu.baijiayun();
        let (program, rest) = match self.wrapper.split_first() {
            Some((w, rest)) => (
                PathBuf::from(w),
                rest.iter()
                    .map(PathBuf::from)
                    .chain([bin.to_owned()])
                    .collect::<Vec<_>>(),
            ),
            None => (bin.to_owned(), vec![]),
        };
        let output = Command::new(program)
            .args(rest)
            .args(args)
            .env("VODKIT_EMU_URL", self.emu.provider_url("baijiayun"))
            .env("VODKIT_PARTNER_ID", &state.config.partner_id)
            .env("VODKIT_PARTNER_KEY", state.partner_key())
            .env("ASAN_OPTIONS", "detect_leaks=1:abort_on_error=0")
            .envs(self.env.iter().map(|(k, v)| (k.as_str(), v.as_str())))
            .output()
            .expect("the program runs");
        let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
        assert!(
            output.status.success(),
            "{} {args:?} failed ({:?}):\nstdout:\n{stdout}\nstderr:\n{}",
            bin.display(),
            output.status,
            String::from_utf8_lossy(&output.stderr)
        );
        stdout
    }
}

fn video_id(stdout: &str) -> i64 {
    stdout
        .lines()
        .find_map(|l| l.strip_prefix("video_id="))
        .expect("the program printed video_id=")
        .trim()
        .parse()
        .unwrap()
}

/// Runs every program linked one way, each against a fresh emulator set up as it needs.
fn run_all(link: Link, wrapper: &[&str]) {
    let dir = tempfile::tempdir().unwrap();
    for program in PROGRAMS {
        let bin = compile(program, link, dir.path());
        let emu = Emulator::start(EmuConfig {
            transcode_secs: 3,
            ..EmuConfig::default()
        })
        .unwrap();
        let mut run = Run {
            emu: &emu,
            wrapper: wrapper.iter().map(|s| s.to_string()).collect(),
            env: vec![],
        };
        let file = dir.path().join(format!("{program}.bin"));
        let file = file.to_str().unwrap();
        match *program {
            "upload" | "cancel" => {
                if *program == "cancel" {
                    emu.baijiayun().set_faults(Faults {
                        latency_ms: 20,
                        ..Faults::default()
                    });
                }
                run.run(&bin, &[file]);
            }
            "resume" => {
                for mode in ["later", "inline"] {
                    emu.baijiayun().set_faults(Faults {
                        drop_after_bytes: Some(300_000),
                        ..Faults::default()
                    });
                    let id = video_id(&run.run(&bin, &[file, mode]));
                    let stored = emu.baijiayun().video(id).unwrap();
                    assert_eq!(
                        stored.md5.unwrap(),
                        common::md5_file(Path::new(file)),
                        "{mode}"
                    );
                    assert!(
                        emu.baijiayun()
                            .request_count("/openapi/video/getResumeUploadUrl")
                            >= 1
                    );
                }
            }
            "verify" => {
                // A real callback body: the emulator records it even when nobody listens.
                let client = common::client(&emu);
                client
                    .call_json(
                        "video_account/setTranscodeCallbackUrl",
                        &serde_json::json!({"url": "http://127.0.0.1:9/"}),
                    )
                    .unwrap();
                let src = common::random_file(dir.path(), "cb.mp4", 1000);
                client.upload(&src, &Default::default()).unwrap();
                let body = common::wait_for(Duration::from_secs(5), || {
                    emu.baijiayun().callbacks().first().map(|c| c.body.clone())
                });
                let body_file = dir.path().join("callback-body.txt");
                std::fs::write(&body_file, body).unwrap();
                run.run(&bin, &[body_file.to_str().unwrap()]);
            }
            "panic" => {
                run.env
                    .push(("VODKIT_TEST_PANIC".into(), "progress".into()));
                run.run(&bin, &[file]);
            }
            _ => {
                run.run(&bin, &[]);
            }
        }
    }
}

#[test]
fn c_programs_linked_against_the_shared_library() {
    run_all(Link::Shared, &[]);
}

#[test]
fn c_programs_linked_against_the_static_library() {
    run_all(Link::Static, &[]);
}

#[test]
fn c_programs_under_address_sanitizer() {
    run_all(Link::Asan, &[]);
}

#[test]
fn c_programs_under_valgrind() {
    if Command::new("valgrind").arg("--version").output().is_err() {
        panic!("valgrind is not installed (scripts/test-all installs it)");
    }
    run_all(
        Link::Shared,
        &[
            "valgrind",
            "--quiet",
            "--error-exitcode=1",
            "--leak-check=full",
            "--errors-for-leak-kinds=definite,indirect",
        ],
    );
}

#[test]
fn the_misuse_program_covers_every_function_of_the_header() {
    let header = std::fs::read_to_string(repo().join("include/vodkit.h")).unwrap();
    let misuse = std::fs::read_to_string(repo().join("tests/c/misuse.c")).unwrap();
    let mut missing = Vec::new();
    for line in header.lines() {
        let Some(open) = line.find('(') else { continue };
        let head = &line[..open];
        if line.starts_with(' ')
            || line.starts_with('#')
            || line.starts_with("typedef")
            || line.starts_with('*')
        {
            continue;
        }
        let Some(name) = head.split([' ', '*']).rfind(|s| !s.is_empty()) else {
            continue;
        };
        if name.starts_with("vodkit_") && !misuse.contains(&format!("{name}(")) {
            missing.push(name.to_owned());
        }
    }
    assert!(missing.is_empty(), "misuse.c does not exercise {missing:?}");
}

#[test]
fn cpp_raii_wrapper_through_an_upload() {
    let dir = tempfile::tempdir().unwrap();
    let lib = lib_dir();
    for sanitize in [false, true] {
        let bin = dir.path().join(format!("raii-{sanitize}"));
        let mut cmd = Command::new("g++");
        cmd.args(["-std=c++17", "-Wall", "-Wextra", "-Werror", "-g"])
            .arg("-I")
            .arg(repo().join("include"))
            .arg("-I")
            .arg(repo().join("bindings/cpp"))
            .arg(repo().join("tests/cpp/raii.cpp"))
            .arg(repo().join("tests/cpp/second_unit.cpp"))
            .arg("-o")
            .arg(&bin)
            .arg("-L")
            .arg(&lib)
            .arg("-lvodkit")
            .arg(format!("-Wl,-rpath,{}", lib.display()))
            .arg("-lpthread");
        if sanitize {
            cmd.args(["-fsanitize=address", "-fno-omit-frame-pointer"]);
        }
        let out = cmd.output().expect("g++ runs");
        assert!(
            out.status.success(),
            "g++ failed:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let emu = Emulator::start(EmuConfig::default()).unwrap();
        let run = Run {
            emu: &emu,
            wrapper: vec![],
            env: vec![],
        };
        let file = dir.path().join("raii.bin");
        let stdout = run.run(&bin, &[file.to_str().unwrap()]);
        assert!(stdout.contains("raii ok"));
    }
}
