//! `cargo run -p vodkit-codegen`: writes every generated binding file under
//! the repository root.

use std::path::Path;

fn main() -> std::io::Result<()> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    for file in vodkit_codegen::all() {
        let path = root.join(file.path);
        if let Some(dir) = path.parent() {
            std::fs::create_dir_all(dir)?;
        }
        let unchanged = std::fs::read_to_string(&path).is_ok_and(|old| old == file.contents);
        if !unchanged {
            std::fs::write(&path, &file.contents)?;
            println!("wrote {}", file.path);
        }
    }
    Ok(())
}
