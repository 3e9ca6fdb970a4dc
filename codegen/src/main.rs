//! `cargo run -p vodkit-codegen`: writes every generated binding file.

use std::path::Path;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    for file in vodkit_codegen::all() {
        let path = root.join(file.path);
        let current = std::fs::read_to_string(&path).ok();
        if current.as_deref() == Some(file.contents.as_str()) {
            println!("unchanged {}", file.path);
            continue;
        }
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir).expect("create the directory");
        }
        std::fs::write(&path, &file.contents).expect("write the file");
        println!("wrote {}", file.path);
    }
}
