//! The C ABI from real C programs (tests/c/*.c), compiled with
//! `-std=c11 -Wall -Wextra -Werror`, linked against the built shared and
//! static libraries, and run against the emulator — plainly, under
//! AddressSanitizer, and under valgrind; and the C++ wrappers
//! (bindings/cpp, tests/cpp/*.cpp) the same way, shared and under ASan.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use serde_json::{json, Value};

#[path = "common/origin.rs"]
mod origin;
use vodkit_emulator::baijiayun::Config as EmuConfig;
use vodkit_emulator::{Emulator, Faults};

/// One test per program and way of linking it, so that the harness runs them
/// side by side: one after another, the programs under valgrind alone took
/// a minute and a half, longer than the rest of the Rust suite.
macro_rules! c_programs {
    ($($program:ident),* $(,)?) => {
        const PROGRAMS: &[&str] = &[$(stringify!($program)),*];

        mod linked_against_the_shared_library {
            $(#[test]
            fn $program() {
                super::run_program(stringify!($program), super::Link::Shared, &[]);
            })*
        }

        mod linked_against_the_static_library {
            $(#[test]
            fn $program() {
                super::run_program(stringify!($program), super::Link::Static, &[]);
            })*
        }

        mod under_address_sanitizer {
            $(#[test]
            fn $program() {
                super::run_program(stringify!($program), super::Link::Asan, &[]);
            })*
        }

        mod under_valgrind {
            $(#[test]
            fn $program() {
                super::run_program(stringify!($program), super::Link::Shared, &super::valgrind());
            })*
        }
    };
}

c_programs!(
    sign_oracle,
    client,
    upload,
    cancel,
    resume,
    checkpoint,
    errors,
    verify,
    misuse,
    panic,
    iqiyi,
    operations,
    quvideo,
    sources,
    batch,
    pace,
    logs,
);

#[test]
fn every_c_program_is_run() {
    let mut on_disk: Vec<String> = std::fs::read_dir(repo().join("tests/c"))
        .unwrap()
        .filter_map(|e| {
            let name = e.unwrap().file_name().into_string().unwrap();
            name.strip_suffix(".c").map(str::to_owned)
        })
        .collect();
    on_disk.sort();
    let mut listed: Vec<String> = PROGRAMS.iter().map(|p| p.to_string()).collect();
    listed.sort();
    assert_eq!(
        on_disk, listed,
        "tests/c/*.c and the c_programs! list differ"
    );
}

/// The emulator's URLs as every program sees them — the one place they are
/// built: the provider's base URL (a client's `base_url`) and the control API.
fn emulator_urls(emu: &Emulator) -> (String, String) {
    let base = emu.provider_url("baijiayun");
    let control = format!("{}/_emulator/baijiayun", emu.root_url());
    (base, control)
}

/// The path the emulator logs a request to an operation's default `path` under.
fn logged_path(path: &str) -> String {
    format!("/openapi/{path}")
}

/// A client config of the emulator (for the set-up done from Rust).
fn config_json(emu: &Emulator) -> Value {
    let state = emu.baijiayun();
    json!({
        "partner_id": state.config.partner_id,
        "partner_key": state.partner_key(),
        "base_url": emulator_urls(emu).0,
        "retry": {"max_retries": 2, "initial_backoff_ms": 10, "max_backoff_ms": 100},
    })
}

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

/// A directory in `out_dir` holding this test run's library under its SONAME
/// (`libvodkit.so.<abi>`, set by build.rs): the name a program linked against
/// it asks for at run time, which cargo's deps/ directory does not hold.
fn soname_dir(out_dir: &Path) -> PathBuf {
    let dir = out_dir.join("soname");
    std::fs::create_dir_all(&dir).unwrap();
    let name = format!("libvodkit.so.{}", vodkit::ffi::version::VODKIT_ABI_VERSION);
    match std::os::unix::fs::symlink(lib_dir().join("libvodkit.so"), dir.join(name)) {
        Err(e) if e.kind() != std::io::ErrorKind::AlreadyExists => panic!("symlink: {e}"),
        _ => {}
    }
    dir
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
                .arg(format!("-Wl,-rpath,{}", soname_dir(out_dir).display()))
                // RPATH, not RUNPATH: cargo's LD_LIBRARY_PATH also names
                // target/debug, whose copy of the library is the last
                // `cargo build`'s, not this test run's.
                .arg("-Wl,--disable-new-dtags");
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
    if link == Link::Asan {
        assert_asan_linked(&out);
    }
    out
}

/// The sanitizer really is in the binary (as rustls-ffi's CI checks).
fn assert_asan_linked(bin: &Path) {
    let out = Command::new("nm").arg(bin).output().expect("nm runs");
    assert!(
        String::from_utf8_lossy(&out.stdout).contains("__asan_init"),
        "{} is not built with AddressSanitizer",
        bin.display()
    );
}

struct Run<'a> {
    emu: &'a Emulator,
    wrapper: Vec<String>,
    env: Vec<(String, String)>,
}

impl Run<'_> {
    fn run(&self, bin: &Path, args: &[&str]) -> String {
        let state = self.emu.baijiayun();
        let (base_url, control_url) = emulator_urls(self.emu);
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
            .env("VODKIT_EMU_URL", base_url)
            .env("VODKIT_EMU_CONTROL_URL", control_url)
            .env("VODKIT_PARTNER_ID", &state.config.partner_id)
            .env("VODKIT_PARTNER_KEY", state.partner_key())
            .env("VODKIT_IQIYI_URL", self.emu.provider_url("iqiyi"))
            .env(
                "VODKIT_IQIYI_CONTROL_URL",
                format!("{}/_emulator/iqiyi", self.emu.root_url()),
            )
            .env("VODKIT_IQIYI_CLIENT_ID", &self.emu.iqiyi().config.client_id)
            .env(
                "VODKIT_IQIYI_CLIENT_SECRET",
                &self.emu.iqiyi().config.client_secret,
            )
            .env("VODKIT_QUVIDEO_URL", self.emu.provider_url("quvideo"))
            .env(
                "VODKIT_QUVIDEO_CONTROL_URL",
                format!("{}/_emulator/quvideo", self.emu.root_url()),
            )
            .env("VODKIT_QUVIDEO_USER", &self.emu.quvideo().config.user_name)
            .env(
                "VODKIT_QUVIDEO_PASSWORD",
                &self.emu.quvideo().config.password,
            )
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

fn md5_hex(bytes: &[u8]) -> String {
    use md5::{Digest, Md5};
    Md5::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn md5_file(path: &Path) -> String {
    use md5::{Digest, Md5};
    let bytes = std::fs::read(path).unwrap();
    Md5::digest(&bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn wait_for<T>(timeout: Duration, mut f: impl FnMut() -> Option<T>) -> T {
    let start = Instant::now();
    loop {
        if let Some(v) = f() {
            return v;
        }
        assert!(
            start.elapsed() < timeout,
            "condition not met within {timeout:?}"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// A real transcode callback body: the emulator records it even when nobody listens.
fn callback_body(emu: &Emulator, dir: &Path) -> PathBuf {
    let client = vodkit::Client::new("baijiayun", &config_json(emu)).unwrap();
    client
        .call(
            "video_account/setTranscodeCallbackUrl",
            &json!({"url": "http://127.0.0.1:9/"}),
        )
        .unwrap();
    let src = dir.join("cb.mp4");
    std::fs::write(&src, vec![7u8; 1000]).unwrap();
    client
        .upload(&src, &Value::Null, vodkit::upload::UploadHooks::new())
        .unwrap();
    let body = wait_for(Duration::from_secs(5), || {
        emu.baijiayun().callbacks().first().map(|c| c.body.clone())
    });
    let body_file = dir.join("callback-body.txt");
    std::fs::write(&body_file, body).unwrap();
    body_file
}

/// Checks the operations program's report: every operation was called, and
/// each one it says the provider answered is in the emulator's request log.
fn check_operations_report(emu: &Emulator, stdout: &str) {
    let catalog = vodkit::providers::registry::all_operations();
    let mut sent = BTreeSet::new();
    let mut seen = BTreeSet::new();
    for line in stdout.lines() {
        let mut words = line.split_whitespace();
        match (words.next(), words.next()) {
            (Some("sent"), Some(name)) => {
                sent.insert(name.to_owned());
                seen.insert(name.to_owned());
            }
            (Some("refused"), Some(name)) => {
                seen.insert(name.to_owned());
            }
            _ => {}
        }
    }
    let all: BTreeSet<String> = catalog
        .iter()
        .filter(|op| op.provider == "baijiayun")
        .map(|op| op.name.clone())
        .collect();
    assert_eq!(
        seen, all,
        "the operations program did not call every operation"
    );
    for op in catalog.iter().filter(|op| sent.contains(&op.name)) {
        assert!(
            emu.baijiayun().request_count(&logged_path(&op.path)) >= 1,
            "{} was reported answered but the emulator saw no request to {}",
            op.name,
            op.path
        );
    }
    // Only operations taking an array of objects, or a file of a given type,
    // may be refused locally (the program cannot build such values from the
    // catalog alone).
    for op in catalog
        .iter()
        .filter(|op| all.contains(&op.name) && !sent.contains(&op.name))
    {
        assert!(
            op.file_field.is_some()
                || op
                    .params
                    .iter()
                    .any(|p| p.required
                        && (p.ty == "object" || p.items.as_deref() == Some("object"))),
            "{} was refused locally: {stdout}",
            op.name
        );
    }
}

/// Runs one program linked one way, against a fresh emulator set up as it needs.
fn run_program(program: &str, link: Link, wrapper: &[&str]) {
    let dir = tempfile::tempdir().unwrap();
    {
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
        match program {
            "upload" | "cancel" | "checkpoint" => {
                if program == "cancel" {
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
                    assert_eq!(stored.md5.unwrap(), md5_file(Path::new(file)), "{mode}");
                    assert!(
                        emu.baijiayun()
                            .request_count(&logged_path("video/getResumeUploadUrl"))
                            >= 1
                    );
                }
            }
            "sources" | "pace" | "batch" => {
                // The sources program uploads from a URL of the same bytes too.
                let origin = origin::Origin::serving_file(Path::new(file), "c-origin-token");
                let url = origin.url("from-url-name.mp4");
                let args: &[&str] = if program == "sources" {
                    &[file, &url]
                } else {
                    &[file]
                };
                let stdout = run.run(&bin, args);
                let ids: Vec<i64> = stdout
                    .lines()
                    .filter_map(|l| l.strip_prefix("video_id="))
                    .map(|id| id.trim().parse().unwrap())
                    .collect();
                assert!(!ids.is_empty(), "{stdout}");
                for id in ids {
                    let stored = emu.baijiayun().video(id).unwrap();
                    assert_eq!(
                        stored.md5,
                        Some(md5_file(Path::new(file))),
                        "{program}: video {id}"
                    );
                }
            }
            "verify" => {
                let body_file = callback_body(&emu, dir.path());
                run.run(&bin, &[body_file.to_str().unwrap()]);
            }
            "panic" => {
                run.env
                    .push(("VODKIT_TEST_PANIC".into(), "progress".into()));
                run.run(&bin, &[file]);
            }
            "operations" => {
                let stdout = run.run(&bin, &[&format!("{file}.vtt")]);
                check_operations_report(&emu, &stdout);
            }
            "iqiyi" => {
                emu.iqiyi().controls.faults.set(Faults {
                    latency_ms: 20,
                    ..Faults::default()
                });
                let stdout = run.run(&bin, &[file]);
                let counts = emu.iqiyi().controls.requests.counts();
                assert_eq!(counts.get("/upload/cancelupload"), Some(&2), "{counts:?}");
                let id = stdout
                    .lines()
                    .find_map(|l| l.strip_prefix("file_id="))
                    .expect("the program prints the file id");
                let stored = emu.iqiyi().file(id).unwrap();
                assert_eq!(stored.md5.unwrap(), md5_file(Path::new(file)));
                assert!(stored.deleted);
            }
            "logs" => {
                emu.baijiayun().set_faults(Faults {
                    fail_next: 1,
                    ..Faults::default()
                });
                run.run(&bin, &[file]);
            }
            "quvideo" => {
                run.run(&bin, &[]);
                let state = emu.quvideo();
                assert_eq!(state.video("vid004").unwrap().censor_status, "Blocked");
                assert!(state.video("vid002").is_none());
                assert_eq!(state.audits().len(), 1, "the bad audits were never sent");
                // vid005 copied to Baijiayun, bytes intact.
                let want = md5_hex(&vodkit_emulator::quvideo::state::media_bytes(
                    &state.video("vid005").unwrap(),
                ));
                let copies = emu.baijiayun().videos();
                assert!(!copies.is_empty());
                for v in copies {
                    assert_eq!(v.md5.as_deref(), Some(want.as_str()));
                    assert_eq!(v.name, "test video 5");
                }
            }
            _ => {
                run.run(&bin, &[]);
            }
        }
    }
}

/// valgrind as the programs' wrapper: any error or definite leak fails the run.
fn valgrind() -> [&'static str; 5] {
    if Command::new("valgrind").arg("--version").output().is_err() {
        panic!("valgrind is not installed (scripts/test-all installs it)");
    }
    [
        "valgrind",
        "--quiet",
        "--error-exitcode=1",
        "--leak-check=full",
        "--errors-for-leak-kinds=definite,indirect",
    ]
}

/// The functions the header declares, each with its parameters.
fn header_functions() -> Vec<(String, Vec<String>)> {
    let header = std::fs::read_to_string(repo().join("include/vodkit.h")).unwrap();
    let lines: Vec<&str> = header.lines().collect();
    let mut functions = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let Some(open) = line.find('(') else { continue };
        if line.starts_with([' ', '#', '*', '/']) || line.starts_with("typedef") {
            continue;
        }
        let Some(name) = line[..open].split([' ', '*']).rfind(|s| !s.is_empty()) else {
            continue;
        };
        if !name.starts_with("vodkit_") {
            continue;
        }
        // The declaration runs to the `);` that ends it.
        let mut decl = String::new();
        for l in &lines[i..] {
            decl.push_str(l.trim());
            decl.push(' ');
            if l.trim_end().ends_with(';') {
                break;
            }
        }
        let args_at = decl.find('(').unwrap() + 1;
        let args_end = decl.rfind(')').unwrap();
        let args = decl[args_at..args_end]
            .split(',')
            .map(|a| a.trim().to_owned())
            .filter(|a| !a.is_empty() && a != "void")
            .collect();
        functions.push((name.to_owned(), args));
    }
    functions
}

#[test]
fn the_misuse_program_covers_every_function_of_the_header() {
    let misuse = std::fs::read_to_string(repo().join("tests/c/misuse.c")).unwrap();
    let functions: Vec<String> = header_functions().into_iter().map(|(n, _)| n).collect();
    assert!(functions.len() > 20, "the header parse found {functions:?}");
    for expected in [
        "vodkit_client_new",
        "vodkit_client_upload",
        "vodkit_error_resume",
    ] {
        assert!(functions.iter().any(|f| f == expected), "{expected}");
    }
    let missing: Vec<&String> = functions
        .iter()
        .filter(|name| !misuse.contains(&format!("{name}(")))
        .collect();
    assert!(missing.is_empty(), "misuse.c does not exercise {missing:?}");
}

/// Every pointer parameter of every function gets a NULL in misuse.c (or is
/// one of the documented optional ones, called with NULL there too).
#[test]
fn the_misuse_program_passes_null_for_every_pointer_argument() {
    let misuse = std::fs::read_to_string(repo().join("tests/c/misuse.c")).unwrap();
    let mut missing = Vec::new();
    let mut checked = 0;
    for (name, args) in header_functions() {
        let calls: Vec<Vec<String>> = calls_of(&misuse, &name);
        for (i, arg) in args.iter().enumerate() {
            // Pointers, the progress function pointer included.
            if !(arg.contains('*') || arg.contains("vodkit_progress_fn")) {
                continue;
            }
            let covered = calls
                .iter()
                .any(|c| c.get(i).is_some_and(|a| a == "NULL" || a == "nulls"));
            checked += 1;
            if !covered {
                missing.push(format!("{name} argument {} ({arg})", i + 1));
            }
        }
    }
    assert!(checked > 40, "only {checked} pointer arguments found");
    assert!(
        missing.is_empty(),
        "misuse.c never passes NULL for {missing:?}"
    );
}

/// The argument lists of every call of `name` in `source` (top-level commas).
fn calls_of(source: &str, name: &str) -> Vec<Vec<String>> {
    let pattern = format!("{name}(");
    let mut calls = Vec::new();
    let mut rest = source;
    while let Some(at) = rest.find(&pattern) {
        let body = &rest[at + pattern.len()..];
        let mut depth = 0;
        let mut args = vec![String::new()];
        for c in body.chars() {
            match c {
                '(' | '{' | '[' => depth += 1,
                ')' | '}' | ']' if depth == 0 => break,
                ')' | '}' | ']' => depth -= 1,
                ',' if depth == 0 => {
                    args.push(String::new());
                    continue;
                }
                _ => {}
            }
            args.last_mut().unwrap().push(c);
        }
        calls.push(args.into_iter().map(|a| a.trim().to_owned()).collect());
        rest = &rest[at + pattern.len()..];
    }
    calls
}

/// The C++ programs: the RAII wrapper (double include, a second translation
/// unit) through uploads, and the generated typed methods.
fn run_cpp(program: &str, prepare: impl Fn(&Emulator)) {
    let dir = tempfile::tempdir().unwrap();
    let lib = lib_dir();
    for sanitize in [false, true] {
        let bin = dir.path().join(format!("{program}-{sanitize}"));
        let mut cmd = Command::new("g++");
        cmd.args(["-std=c++17", "-Wall", "-Wextra", "-Werror", "-g"])
            .arg("-I")
            .arg(repo().join("include"))
            .arg("-I")
            .arg(repo().join("bindings/cpp"))
            .arg("-I")
            .arg(repo().join("tests/c"))
            .arg(repo().join(format!("tests/cpp/{program}.cpp")))
            .arg(repo().join("tests/cpp/second_unit.cpp"))
            .arg("-o")
            .arg(&bin)
            .arg("-L")
            .arg(&lib)
            .arg("-lvodkit")
            .arg(format!("-Wl,-rpath,{}", soname_dir(dir.path()).display()))
            // RPATH, not RUNPATH: cargo's LD_LIBRARY_PATH also names
            // target/debug, whose copy of the library is the last
            // `cargo build`'s, not this test run's.
            .arg("-Wl,--disable-new-dtags")
            .arg("-lpthread");
        if sanitize {
            cmd.args(["-fsanitize=address", "-fno-omit-frame-pointer"]);
        }
        let out = cmd.output().expect("g++ runs");
        assert!(
            out.status.success(),
            "g++ {program} failed:\n{}",
            String::from_utf8_lossy(&out.stderr)
        );
        if sanitize {
            assert_asan_linked(&bin);
        }
        let emu = Emulator::start(EmuConfig::default()).unwrap();
        prepare(&emu);
        let run = Run {
            emu: &emu,
            wrapper: vec![],
            env: vec![],
        };
        let file = dir.path().join(format!("{program}.bin"));
        // The sources program uploads from a URL of the same bytes too.
        let origin = origin::Origin::serving_file(&file, "cpp-origin-token");
        let url = origin.url("from-url.mp4");
        let mut args = vec![file.to_str().unwrap()];
        if program == "sources" {
            args.push(&url);
        }
        let stdout = run.run(&bin, &args);
        assert!(stdout.contains(&format!("{program} ok")), "{stdout}");
        // The sources and batch programs: every upload, whatever its source,
        // stored the file's bytes (lines `video_id=N`, of the program's file,
        // or `video_id=N file=PATH`).
        let expected = match program {
            "sources" => 7,
            "batch" => 5,
            _ => continue,
        };
        let uploads: Vec<(i64, PathBuf)> = stdout
            .lines()
            .filter_map(|l| l.strip_prefix("video_id="))
            .map(|rest| match rest.split_once(" file=") {
                Some((id, path)) => (id.trim().parse().unwrap(), PathBuf::from(path.trim())),
                None => (rest.trim().parse().unwrap(), file.clone()),
            })
            .collect();
        assert_eq!(uploads.len(), expected, "{stdout}");
        for (id, path) in uploads {
            let stored = emu.baijiayun().video(id).unwrap();
            assert_eq!(stored.md5, Some(md5_file(&path)), "video {id}");
        }
    }
}

#[test]
fn cpp_raii_wrapper_through_uploads() {
    run_cpp("raii", |emu| {
        // The first upload is cut: the wrapper's exception carries the resume handle.
        emu.baijiayun().set_faults(Faults {
            drop_after_bytes: Some(300_000),
            ..Faults::default()
        });
    });
}

#[test]
fn cpp_uploads_from_a_descriptor_a_buffer_a_reader_paused_and_capped() {
    run_cpp("sources", |_| {});
}

#[test]
fn cpp_upload_many_in_parallel_with_progress_and_the_manifest() {
    run_cpp("batch", |_| {});
}

#[test]
fn cpp_iqiyi_through_the_generated_class() {
    run_cpp("iqiyi", |_| {});
}

#[test]
fn cpp_typed_methods_generated_from_the_catalog() {
    run_cpp("typed", |_| {});
}

#[test]
fn cpp_quvideo_console() {
    run_cpp("quvideo", |_| {});
}

#[test]
fn cpp_log_callback() {
    run_cpp("logs", |emu| {
        emu.baijiayun().set_faults(Faults {
            fail_next: 1,
            ..Faults::default()
        });
    });
}
